import { Link } from 'react-router';
import type { Interaction } from '../../api/types';
import { ConfirmButton } from '../../ui/confirm-button';
import { localDay } from '../../ui/dates';
import { formatWhen } from '../../ui/format';
import { LoadMore } from '../../ui/load-more';
import { Loading } from '../../ui/loading';
import { QueryError } from '../../ui/query-error';
import { useToast } from '../../ui/use-toast';
import { EditButton, useEditToggle } from './edit-button';
import { InteractionForm } from './interaction-form';
import { directionLabel, kindLabel } from './relationship-words';
import { useDeleteInteraction, useInteractions, useUpdateInteraction } from './use-interactions';
import { useUndoRemoveToast } from './use-undo-remove';
import './relationships.css';

/** Interactions with a contact, newest first, a page at a time; each can be corrected in place or removed. */
export function InteractionTimeline({ contactId }: { contactId: string }) {
  const list = useInteractions(contactId);
  const remove = useDeleteInteraction();
  const removed = useUndoRemoveToast();
  if (list.isPending) return <Loading label="Loading interactions…" />;
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <p className="muted">No interactions logged yet.</p>;
  return (
    <>
      <ol className="timeline" aria-label="Interactions, newest first">
        {items.map((i) => (
          <TimelineItem
            key={i.id}
            interaction={i}
            contactId={contactId}
            removing={remove.isPending && remove.variables === i.id}
            onRemove={() => remove.mutate(i.id, { onSuccess: () => removed('interactions', i.id) })}
          />
        ))}
      </ol>
      {remove.error ? (
        <p className="field__error" role="alert">
          Could not remove: {remove.error.message}
        </p>
      ) : null}
      <LoadMore list={list} label="Load older interactions" />
    </>
  );
}

function TimelineItem({
  interaction: i,
  contactId,
  removing,
  onRemove,
}: {
  interaction: Interaction;
  contactId: string;
  removing: boolean;
  onRemove: () => void;
}) {
  const edit = useEditToggle();
  const update = useUpdateInteraction();
  const toast = useToast();
  const others = i.contacts.filter((c) => c.id !== contactId);
  const what = kindLabel(i.kind);
  const name = `${what.toLowerCase()} of ${formatWhen(i.occurredAt, i.dateOnly)}`;
  if (edit.open) {
    return (
      <li className="timeline__item timeline__item--editing">
        <InteractionForm
          people={i.contacts}
          initial={i}
          title={`Edit the ${name}`}
          submitLabel="Save"
          onSubmit={(input) => update.mutateAsync({ id: i.id, ...input })}
          onDone={() => {
            toast.show({ message: 'Interaction saved.' });
            edit.close();
          }}
          onCancel={edit.close}
        />
      </li>
    );
  }
  return (
    <li className={`timeline__item timeline__item--${i.kind}`}>
      <div className="timeline__head">
        <span className="timeline__kind">{what}</span>
        <time dateTime={i.dateOnly ? localDay(new Date(i.occurredAt)) : i.occurredAt} className="muted">
          {formatWhen(i.occurredAt, i.dateOnly)}
        </time>
      </div>
      <p className="timeline__meta">
        {i.kind === 'note' ? 'note' : directionLabel(i.direction)}
        {i.kind === 'call' && i.answered === false ? ' · not answered' : null}
        {others.length > 0 ? (
          <>
            {' · also with '}
            {others.map((c, n) => (
              <span key={c.id}>
                {n > 0 ? ', ' : null}
                <Link to={`/contacts/${c.id}`}>{c.displayName}</Link>
              </span>
            ))}
          </>
        ) : null}
      </p>
      {i.summary ? <p className="timeline__summary prewrap">{i.summary}</p> : null}
      <div className="record-actions">
        <EditButton toggle={edit} name={name} />
        <ConfirmButton
          small
          label="Remove"
          labelSuffix={name}
          question="Remove this interaction?"
          confirmLabel="Yes, remove"
          danger
          pending={removing}
          onConfirm={onRemove}
        />
      </div>
    </li>
  );
}
