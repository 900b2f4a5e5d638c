import { useState } from 'react';
import { Link } from 'react-router';
import type { FavourBalance } from '../../api/types';
import { LoadMore } from '../../ui/load-more';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useToast } from '../../ui/use-toast';
import { FavourForm } from '../relationships/favour-form';
import { FavourRow } from '../relationships/favour-row';
import { useFavourBalance, useFavours } from '../relationships/use-favours';

type Who = 'all' | 'helped' | 'helped-me' | 'owe';
const WHO_OPTIONS: { value: Who; label: string }[] = [
  { value: 'all', label: 'Everyone' },
  { value: 'helped', label: 'Who I’ve helped' },
  { value: 'helped-me', label: 'Who helped me' },
  { value: 'owe', label: 'Who I owe' },
];

/** The favours ledger: the balance per person and every favour given or received. */
export function FavoursPage() {
  useDocumentTitle('Favours');
  const favours = useFavours();
  const balance = useFavourBalance();
  const toast = useToast();
  return (
    <>
      <PageHeader
        title="Favours"
        subtitle="Networking is an exchange of favours: who you’ve helped, who has helped you, and who you owe."
      />
      <div className="split">
        <div className="stack">
          <section aria-labelledby="balance-heading" className="card">
            <h2 id="balance-heading">Balance</h2>
            {balance.isPending ? <Loading /> : null}
            {balance.isError ? (
              <QueryError error={balance.error} onRetry={() => void balance.refetch()} />
            ) : null}
            {balance.data ? <BalanceView balance={balance.data} /> : null}
          </section>
          <section aria-labelledby="favour-list-heading" className="card">
            <h2 id="favour-list-heading">All favours</h2>
            {favours.isPending ? <Loading /> : null}
            {favours.isError ? (
              <QueryError error={favours.error} onRetry={() => void favours.refetch()} />
            ) : null}
            {favours.data && favours.data.length === 0 ? (
              <p className="muted">No favours recorded yet. Helping first is how a network starts.</p>
            ) : null}
            {favours.data && favours.data.length > 0 ? (
              <ul className="ledger">
                {favours.data.map((f) => (
                  <FavourRow key={f.id} favour={f} />
                ))}
              </ul>
            ) : null}
            <LoadMore list={favours} label="Load older favours" />
          </section>
        </div>
        <section aria-labelledby="record-favour-heading" className="card">
          <h2 id="record-favour-heading">Record a favour</h2>
          <FavourForm
            title="Record a favour"
            onDone={(f) => toast.show({ message: `Favour recorded with ${f.contact.displayName}.` })}
          />
        </section>
      </div>
    </>
  );
}

function BalanceView({ balance }: { balance: FavourBalance }) {
  const [who, setWho] = useState<Who>('all');
  const people = balance.people.filter((p) =>
    who === 'helped'
      ? p.given > 0
      : who === 'helped-me'
        ? p.received > 0
        : who === 'owe'
          ? p.balance < 0
          : true,
  );
  const net = balance.given - balance.received;
  return (
    <>
      <dl className="stats">
        <div className="stats__item">
          <dt>Given (by size)</dt>
          <dd>{balance.given}</dd>
        </div>
        <div className="stats__item">
          <dt>Received (by size)</dt>
          <dd>{balance.received}</dd>
        </div>
        <div className="stats__item">
          <dt>Balance</dt>
          <dd>{net > 0 ? `+${net}` : net}</dd>
        </div>
      </dl>
      {balance.people.length === 0 ? null : (
        <>
          <div className="field field--filter">
            <label htmlFor="favour-who">Show</label>
            <select id="favour-who" value={who} onChange={(e) => setWho(e.target.value as Who)}>
              {WHO_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          {people.length === 0 ? (
            <p className="muted" role="status">
              {who === 'owe' ? 'You owe nobody a favour.' : 'Nobody here yet.'}
            </p>
          ) : (
            <div className="table-wrap">
              <table className="table table--stack">
                <caption className="visually-hidden">Favour balance per person</caption>
                <thead>
                  <tr>
                    <th scope="col">Person</th>
                    <th scope="col">Given (by size)</th>
                    <th scope="col">Received (by size)</th>
                    <th scope="col">Balance</th>
                  </tr>
                </thead>
                <tbody>
                  {people.map((p) => (
                    <tr key={p.contact.id}>
                      <th scope="row">
                        <Link to={`/contacts/${p.contact.id}`}>{p.contact.displayName}</Link>
                      </th>
                      <td data-label="Given">{p.given}</td>
                      <td data-label="Received">{p.received}</td>
                      <td data-label="Balance">
                        {p.balance > 0 ? (
                          <span>+{p.balance}: you’ve helped more</span>
                        ) : p.balance < 0 ? (
                          <strong className="owe">{p.balance}: you owe them</strong>
                        ) : (
                          <span>even</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </>
  );
}
