import { Link } from 'react-router';
import type { Favour } from '../../api/types';
import { ConfirmButton } from '../../ui/confirm-button';
import { formatDate } from '../../ui/format';
import { useToast } from '../../ui/use-toast';
import { EditButton, useEditToggle } from './edit-button';
import { FavourForm } from './favour-form';
import { sizeLabel } from './relationship-words';
import { useDeleteFavour, useUpdateFavour } from './use-favours';
import { useUndoRemoveToast } from './use-undo-remove';
import './relationships.css';

/** One favour: what, which way, how big, when; can be corrected in place, or removed if entered by mistake. */
export function FavourRow({ favour, showContact = true }: { favour: Favour; showContact?: boolean }) {
  const remove = useDeleteFavour();
  const update = useUpdateFavour();
  const edit = useEditToggle();
  const toast = useToast();
  const removed = useUndoRemoveToast();
  const f = favour;
  if (edit.open) {
    return (
      <li className="ledger-row ledger-row--editing">
        <FavourForm
          initial={f}
          title={`Edit the favour: ${f.what}`}
          submitLabel="Save"
          onSubmit={(input) => update.mutateAsync({ id: f.id, ...input })}
          onDone={() => {
            toast.show({ message: 'Favour saved.' });
            edit.close();
          }}
          onCancel={edit.close}
        />
      </li>
    );
  }
  const who = showContact ? <Link to={`/contacts/${f.contact.id}`}>{f.contact.displayName}</Link> : null;
  return (
    <li className="ledger-row">
      <div className="ledger-row__text">
        <p className="ledger-row__title">{f.what}</p>
        <p className="ledger-row__meta">
          <span className={f.direction === 'given' ? 'badge badge--given' : 'badge badge--received'}>
            {f.direction === 'given' ? 'Given' : 'Received'}
          </span>{' '}
          {f.direction === 'given' ? <>I helped{who ? <> {who}</> : null}</> : <>{who ?? 'They'} helped me</>}
          {' · '}
          {sizeLabel(f.size).toLowerCase()} · {formatDate(f.occurredOn)}
        </p>
      </div>
      <div className="ledger-row__actions">
        <EditButton toggle={edit} name={`favour: ${f.what}`} />
        <ConfirmButton
          small
          danger
          label="Remove"
          labelSuffix={`favour: ${f.what}`}
          question="Remove this favour?"
          confirmLabel="Yes, remove"
          pending={remove.isPending}
          // The row leaves the list once removed, before mutate's own callbacks would run.
          onConfirm={() =>
            remove
              .mutateAsync(f.id)
              .then(() => removed('favours', f.id))
              .catch((e: Error) => toast.show({ message: `Could not remove: ${e.message}`, tone: 'error' }))
          }
        />
      </div>
    </li>
  );
}
