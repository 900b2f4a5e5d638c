import { Link } from 'react-router';
import type { PromiseView } from '../../api/types';
import { formatDate } from '../../ui/format';
import { statusLabel } from './relationship-words';
import { useUpdatePromise } from './use-promises';

/** One promise: what, to or from whom, when; open ones can be marked kept, broken or released. */
export function PromiseRow({ promise, showContact = true }: { promise: PromiseView; showContact?: boolean }) {
  const update = useUpdatePromise();
  const p = promise;
  const who = showContact ? <Link to={`/contacts/${p.contact.id}`}>{p.contact.displayName}</Link> : null;
  const busy = update.isPending;
  const set = (status: PromiseView['status']) => update.mutate({ id: p.id, status });
  /** The button's words, and a name that says which promise it acts on ("Kept: send the notes"). */
  const label = (text: string) => ({ children: text, 'aria-label': `${text}: ${p.what}` });
  return (
    <li className={p.overdue && p.status === 'open' ? 'ledger-row ledger-row--overdue' : 'ledger-row'}>
      <div className="ledger-row__text">
        <p className="ledger-row__title">{p.what}</p>
        <p className="ledger-row__meta">
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
      <div className="ledger-row__actions">
        {p.status === 'open' ? (
          <>
            <button
              type="button"
              className="button button--small button--primary"
              disabled={busy}
              onClick={() => set('kept')}
              {...label(p.direction === 'mine' ? 'Kept' : 'Received')}
            />
            <button
              type="button"
              className="button button--small"
              disabled={busy}
              onClick={() => set('broken')}
              {...label('Broken')}
            />
            <button
              type="button"
              className="button button--small"
              disabled={busy}
              onClick={() => set('released')}
              {...label('Released')}
            />
          </>
        ) : (
          <button
            type="button"
            className="button button--small"
            disabled={busy}
            onClick={() => set('open')}
            {...label('Reopen')}
          />
        )}
      </div>
    </li>
  );
}
