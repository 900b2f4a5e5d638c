import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { LapsedList } from '../../api/types';
import { formatDate } from '../../ui/format';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { useDocumentTitle } from '../../ui/use-document-title';
import { NOT_STARTED, notStarted } from './relationship-words';

const LIMIT = 200;

/** Everyone past their keep-in-touch date, most urgent first (Today shows only the top few). */
export function LapsedPage() {
  useDocumentTitle('Lost touch');
  const lapsed = useQuery({
    queryKey: ['relationship', 'lapsed', LIMIT],
    queryFn: ({ signal }) => api.get<LapsedList>(`/relationships/lapsed?limit=${LIMIT}`, { signal }),
  });
  return (
    <>
      <PageHeader
        title="Lost touch"
        subtitle="Everyone past their keep-in-touch date, strongest relationships and longest lapses first."
      />
      <section aria-labelledby="lapsed-heading" className="card">
        <h2 id="lapsed-heading" className="visually-hidden">
          People to get back in touch with
        </h2>
        {lapsed.isPending ? <Loading /> : null}
        {lapsed.isError ? <QueryError error={lapsed.error} onRetry={() => void lapsed.refetch()} /> : null}
        {lapsed.data && lapsed.data.items.length === 0 ? (
          <p className="muted" role="status">
            Nobody is overdue: you are in touch with everyone you meant to be.
          </p>
        ) : null}
        {lapsed.data && lapsed.data.items.length > 0 ? (
          <div className="table-wrap">
            <table className="table table--stack">
              <caption className="visually-hidden">People past their keep-in-touch date</caption>
              <thead>
                <tr>
                  <th scope="col">Person</th>
                  <th scope="col">Strength</th>
                  <th scope="col">Last contact</th>
                  <th scope="col">Keep in touch</th>
                  <th scope="col">Overdue</th>
                </tr>
              </thead>
              <tbody>
                {lapsed.data.items.map((i) => (
                  <tr key={i.contact.id}>
                    <th scope="row">
                      <Link to={`/contacts/${i.contact.id}`}>{i.contact.displayName}</Link>
                    </th>
                    <td data-label="Strength">
                      {notStarted(i) ? NOT_STARTED.toLowerCase() : `${Math.round(i.score)} (${i.tier})`}
                    </td>
                    <td data-label="Last contact">
                      {i.lastContactAt ? formatDate(i.lastContactAt) : 'never'}
                    </td>
                    <td data-label="Keep in touch">every {i.cadenceDays} days</td>
                    <td data-label="Overdue">{i.daysOverdue} days</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {lapsed.data?.more ? <p className="muted">Showing the {LIMIT} most urgent.</p> : null}
      </section>
    </>
  );
}
