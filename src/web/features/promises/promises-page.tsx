import { LoadMore } from '../../ui/load-more';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useToast } from '../../ui/use-toast';
import { PromiseForm } from '../relationships/promise-form';
import { PromiseRow } from '../relationships/promise-row';
import { formatRate } from '../relationships/relationship-words';
import { usePromiseStats, usePromises } from '../relationships/use-promises';

/** Integrity: open promises (overdue first and highlighted), the history, and my kept-on-time rate. */
export function PromisesPage() {
  useDocumentTitle('Promises');
  // Open ones are a list of their own (by due date: the overdue first), so their first page is all open ones.
  const promises = usePromises(undefined, 'open');
  const every = usePromises();
  const stats = usePromiseStats();
  const toast = useToast();
  const open = promises.data ?? [];
  const past = (every.data ?? [])
    .filter((p) => p.status !== 'open')
    .sort((a, b) => (b.resolvedOn ?? b.dueOn).localeCompare(a.resolvedOn ?? a.dueOn));
  return (
    <>
      <PageHeader title="Promises" subtitle="Do what you say you will, and do it well." />
      <section aria-labelledby="rate-heading" className="card promise-stats">
        <h2 id="rate-heading">Kept on time</h2>
        {stats.isPending ? <Loading /> : null}
        {stats.isError ? <QueryError error={stats.error} onRetry={() => void stats.refetch()} /> : null}
        {stats.data ? (
          <dl className="stats">
            <div className="stats__item">
              <dt>Last 90 days</dt>
              <dd data-testid="kept-90">{formatRate(stats.data.keptOnTime90Days)}</dd>
            </div>
            <div className="stats__item">
              <dt>All time</dt>
              <dd data-testid="kept-all">{formatRate(stats.data.keptOnTimeAllTime)}</dd>
            </div>
            <div className="stats__item">
              <dt>Open</dt>
              <dd>{stats.data.open}</dd>
            </div>
            <div className={stats.data.overdue > 0 ? 'stats__item stats__item--bad' : 'stats__item'}>
              <dt>Overdue</dt>
              <dd>{stats.data.overdue}</dd>
            </div>
          </dl>
        ) : null}
        <p className="muted stats-extra">
          Counts the promises you made that fell due: kept by the due date, against all of them (released ones
          don’t count).
        </p>
      </section>
      <div className="split">
        <div className="stack">
          <section aria-labelledby="open-heading" className="card">
            <h2 id="open-heading">Open</h2>
            {promises.isPending ? <Loading /> : null}
            {promises.isError ? (
              <QueryError error={promises.error} onRetry={() => void promises.refetch()} />
            ) : null}
            {promises.data && open.length === 0 ? <p className="muted">No open promises.</p> : null}
            {open.length > 0 ? (
              <ul className="ledger" aria-label="Open promises">
                {open.map((p) => (
                  <PromiseRow key={p.id} promise={p} />
                ))}
              </ul>
            ) : null}
            <LoadMore list={promises} label="Load more open promises" />
          </section>
          <section aria-labelledby="history-heading" className="card">
            <h2 id="history-heading">Kept, broken and released</h2>
            {every.isError ? <QueryError error={every.error} onRetry={() => void every.refetch()} /> : null}
            {every.data && past.length === 0 && !every.hasNextPage ? (
              <p className="muted">Nothing resolved yet.</p>
            ) : null}
            {past.length > 0 ? (
              <ul className="ledger" aria-label="Past promises">
                {past.map((p) => (
                  <PromiseRow key={p.id} promise={p} />
                ))}
              </ul>
            ) : null}
            <LoadMore list={every} label="Load more promises" />
          </section>
        </div>
        <section aria-labelledby="add-promise-heading" className="card">
          <h2 id="add-promise-heading">Add a promise</h2>
          <PromiseForm
            title="Add a promise"
            onDone={(p) => toast.show({ message: `Promise with ${p.contact.displayName} added.` })}
          />
        </section>
      </div>
    </>
  );
}
