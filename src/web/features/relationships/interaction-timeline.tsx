import { Link } from 'react-router';
import type { Interaction } from '../../api/types';
import { ConfirmButton } from '../../ui/confirm-button';
import { formatDateTime } from '../../ui/format';
import { Loading } from '../../ui/loading';
import { QueryError } from '../../ui/query-error';
import { directionLabel, kindLabel } from './relationship-words';
import { useDeleteInteraction, useInteractions } from './use-interactions';

/** Interactions with a contact, newest first, a page at a time. */
export function InteractionTimeline({ contactId }: { contactId: string }) {
  const list = useInteractions(contactId);
  const remove = useDeleteInteraction();
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
            onRemove={() => remove.mutate(i.id)}
          />
        ))}
      </ol>
      {remove.error ? (
        <p className="field__error" role="alert">
          Could not remove: {remove.error.message}
        </p>
      ) : null}
      {list.hasNextPage ? (
        <button
          type="button"
          className="button load-more"
          disabled={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {list.isFetchingNextPage ? 'Loading…' : 'Load older interactions'}
        </button>
      ) : null}
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
  const others = i.contacts.filter((c) => c.id !== contactId);
  const what = kindLabel(i.kind);
  return (
    <li className={`timeline__item timeline__item--${i.kind}`}>
      <div className="timeline__head">
        <span className="timeline__kind">{what}</span>
        <time dateTime={i.occurredAt} className="muted">
          {formatDateTime(i.occurredAt)}
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
      <ConfirmButton
        small
        label="Remove"
        labelSuffix={`${what.toLowerCase()} of ${formatDateTime(i.occurredAt)}`}
        question="Remove this interaction?"
        confirmLabel="Yes, remove"
        danger
        pending={removing}
        onConfirm={onRemove}
      />
    </li>
  );
}
