import { Link } from 'react-router';
import type { AccessEvent } from '../../../contracts/network';
import { formatDateTime } from '../../ui/format';
import { LoadMore } from '../../ui/load-more';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { useDocumentTitle } from '../../ui/use-document-title';
import { NetworkSubnav } from './network-subnav';
import { useAccessLog } from './use-network';
import './network.css';

const EVENT_WORDS: Record<AccessEvent, string> = {
  'search-hit': 'Search',
  path: 'Warm path',
  'intro-request': 'Introduction request',
};

/** Who saw which of my contacts, when, through what (search, path, introduction request) and with what query. */
export function AccessLogPage() {
  useDocumentTitle('Access log');
  const log = useAccessLog();
  return (
    <>
      <PageHeader
        title="Access log"
        subtitle="Every time one of your findable contacts appeared to someone else on this server (a connection, or someone whose warm path runs through you): who, when, how and what they looked for."
      />
      <NetworkSubnav />
      {log.isPending ? <Loading /> : null}
      {log.isError ? <QueryError error={log.error} onRetry={() => void log.refetch()} /> : null}
      {log.data && log.data.items.length === 0 ? (
        <p className="muted">
          Nobody has seen any of your contacts. <Link to="/network/sharing">What you share</Link> decides who
          can be found.
        </p>
      ) : null}
      {log.data && log.data.items.length > 0 ? (
        <div className="table-wrap card">
          <table className="table table--stack access-log">
            <caption className="visually-hidden">Access to your contacts, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">How</th>
                <th scope="col">Looking for</th>
                <th scope="col">Your contact</th>
              </tr>
            </thead>
            <tbody>
              {log.data.items.map((e) => (
                <tr key={e.id}>
                  <td data-label="When">
                    <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                  </td>
                  <th scope="row" data-label="Who">
                    {e.actor?.name ?? <span className="muted">an account that is gone</span>}
                  </th>
                  <td data-label="How">
                    {e.introductionId ? (
                      <Link to={`/introductions/${e.introductionId}`}>{EVENT_WORDS[e.event]}</Link>
                    ) : (
                      EVENT_WORDS[e.event]
                    )}
                  </td>
                  <td data-label="Looking for">
                    {e.query ? `“${e.query}”` : <span className="muted">—</span>}
                  </td>
                  <td data-label="Your contact">
                    {e.contact ? (
                      <Link to={`/contacts/${e.contact.id}`}>{e.contact.displayName}</Link>
                    ) : (
                      <span className="muted">deleted</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <LoadMore list={log} label="Show older" />
    </>
  );
}
