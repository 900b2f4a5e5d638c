import { useEffect, useId, useRef } from 'react';
import { Link } from 'react-router';
import type { PromiseView } from '../../api/types';
import { ConfirmButton } from '../../ui/confirm-button';
import { formatDate } from '../../ui/format';
import { useToast } from '../../ui/use-toast';
import { EditButton, useEditToggle } from './edit-button';
import { PromiseForm } from './promise-form';
import { statusLabel } from './relationship-words';
import { useDeletePromise, useUpdatePromise } from './use-promises';
import { useUndoRemoveToast } from './use-undo-remove';
import './relationships.css';

// A promise whose status changes moves to the other list (open or done) and mounts anew there: its id, so the
// keyboard follows it instead of falling to the top of the page with the row it pressed.
let follow: string | null = null;

/**
 * One promise: what, to or from whom, when; open ones can be marked kept, broken or released, and any can be
 * corrected in place (what, when, who, which way).
 */
export function PromiseRow({ promise, showContact = true }: { promise: PromiseView; showContact?: boolean }) {
  const update = useUpdatePromise();
  const correct = useUpdatePromise();
  const remove = useDeletePromise();
  const edit = useEditToggle();
  const toast = useToast();
  const removed = useUndoRemoveToast();
  const p = promise;
  const metaId = useId();
  const actions = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: on mount only, in its new list
  useEffect(() => {
    if (follow !== p.id) return;
    follow = null;
    actions.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, []);
  if (edit.open) {
    return (
      <li className="ledger-row ledger-row--editing">
        <PromiseForm
          initial={p}
          title={`Edit the promise: ${p.what}`}
          submitLabel="Save"
          onSubmit={(input) => correct.mutateAsync({ id: p.id, ...input })}
          onDone={() => {
            toast.show({ message: 'Promise saved.' });
            edit.close();
          }}
          onCancel={edit.close}
        />
      </li>
    );
  }
  const who = showContact ? <Link to={`/contacts/${p.contact.id}`}>{p.contact.displayName}</Link> : null;
  const busy = update.isPending;
  const set = (status: PromiseView['status']) => {
    follow = p.id;
    update.mutate(
      { id: p.id, status },
      {
        onError: () => {
          follow = null;
        },
      },
    );
  };
  return (
    <li className={p.overdue && p.status === 'open' ? 'ledger-row ledger-row--overdue' : 'ledger-row'}>
      <div className="ledger-row__text">
        <p className="ledger-row__title">{p.what}</p>
        <p id={metaId} className="ledger-row__meta">
          {p.direction === 'mine' ? (
            <>I promised{who ? <> {who}</> : null}</>
          ) : (
            <>{who ?? 'They'} promised me</>
          )}
          {' · '}
          {p.status === 'open' ? (
            p.overdue ? (
              <strong className="overdue">Overdue: was due {formatDate(p.dueOn)}</strong>
            ) : (
              <>due {formatDate(p.dueOn)}</>
            )
          ) : (
            <>
              <span className={`status status--${p.status}`}>{statusLabel(p.status)}</span>
              {p.resolvedOn ? <> on {formatDate(p.resolvedOn)}</> : null} (due {formatDate(p.dueOn)})
            </>
          )}
        </p>
        {update.error ? (
          <p className="field__error" role="alert">
            Could not save: {update.error.message}
          </p>
        ) : null}
      </div>
      <div ref={actions} className="ledger-row__actions">
        {p.status === 'open' ? (
          <>
            <StatusButton
              text={p.direction === 'mine' ? 'Kept' : 'Received'}
              what={p.what}
              primary
              describedBy={metaId}
              disabled={busy}
              onClick={() => set('kept')}
            />
            <StatusButton
              text="Broken"
              what={p.what}
              describedBy={metaId}
              disabled={busy}
              onClick={() => set('broken')}
            />
            <StatusButton
              text="Released"
              what={p.what}
              describedBy={metaId}
              disabled={busy}
              onClick={() => set('released')}
            />
          </>
        ) : (
          <StatusButton
            text="Reopen"
            what={p.what}
            describedBy={metaId}
            disabled={busy}
            onClick={() => set('open')}
          />
        )}
        <EditButton toggle={edit} name={`promise: ${p.what}`} />
        <ConfirmButton
          small
          danger
          label="Remove"
          labelSuffix={`promise: ${p.what}`}
          question="Remove this promise (entered by mistake)?"
          confirmLabel="Yes, remove"
          pending={remove.isPending}
          // The row leaves the list once removed, before mutate's own callbacks would run.
          onConfirm={() =>
            remove
              .mutateAsync(p.id)
              .then(() => removed('promises', p.id))
              .catch((e: Error) => toast.show({ message: `Could not remove: ${e.message}`, tone: 'error' }))
          }
        />
      </div>
    </li>
  );
}

/** A status button whose name says which promise it acts on ("Kept: send the notes"). */
function StatusButton({
  text,
  what,
  primary = false,
  describedBy,
  disabled,
  onClick,
}: {
  text: string;
  what: string;
  primary?: boolean;
  /** The row's "I promised … · Kept on …": read after the name, so the status is heard where the keyboard is. */
  describedBy: string;
  disabled: boolean;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      className={primary ? 'button button--small button--primary' : 'button button--small'}
      disabled={disabled}
      aria-label={`${text}: ${what}`}
      aria-describedby={describedBy}
      onClick={onClick}
    >
      {text}
    </button>
  );
}
