import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { NetworkBroker, NetworkPerson } from '../../../contracts/network-search';
import { plural } from '../../ui/format';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { TextField } from '../../ui/text-field';
import { useDocumentTitle } from '../../ui/use-document-title';
import { RequestIntroForm } from '../introductions/request-intro-form';
import { useEditToggle } from '../relationships/edit-button';
import { tierLabel } from '../relationships/relationship-words';
import { ConnectionsOffering } from './connections-offering';
import { NetworkSubnav } from './network-subnav';
import { quotaMessage, runNetworkSearch, useNetworkSearch } from './use-network-search';
import './network.css';

/** The same rule as the API: at least two characters, at most eight words. */
export function queryProblem(q: string): string | null {
  const t = q.trim();
  if (t.length < 2) return 'Type at least 2 characters: an organisation, a role or a name.';
  if (t.length > 100) return 'At most 100 characters.';
  if (t.split(/\s+/).length > 8) return 'At most 8 words.';
  return null;
}

/**
 * "Who do my connections know at Acme / in supply chain / named Chen": a query is required, results are capped and
 * grouped by person with the connections who know them, each with "Ask for an introduction".
 */
export function SearchPage() {
  useDocumentTitle('Search your network');
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const [text, setText] = useState(q);
  const [problem, setProblem] = useState<string | null>(null);
  const search = useNetworkSearch(queryProblem(q) ? '' : q);
  const queryClient = useQueryClient();
  const quota = quotaMessage(search.error);
  const notRun = q && !queryProblem(q) && search.status === 'pending' && !search.isFetching;

  function submit(e: FormEvent) {
    e.preventDefault();
    const p = queryProblem(text);
    setProblem(p);
    if (p) {
      document.getElementById('network-q')?.focus();
      return;
    }
    setParams({ q: text.trim() });
    runNetworkSearch(queryClient, text.trim());
  }

  return (
    <>
      <PageHeader
        title="Search your network"
        subtitle="Who do your connections know? You see only what they chose to share, and they see that you searched."
      />
      <NetworkSubnav />
      <search aria-label="Network">
        <form className="card network-search" onSubmit={submit} noValidate>
          <TextField
            id="network-q"
            label="Who are you looking for?"
            type="search"
            autoComplete="off"
            placeholder="e.g. Acme, supply chain, Chen"
            hint="An organisation, a role or a name. Each search counts against your daily limit, and the people whose contacts appear see your search in their access log."
            value={text}
            onChange={(e) => setText(e.target.value)}
            error={problem ?? undefined}
          />
          <button type="submit" className="button button--primary">
            Search
          </button>
        </form>
      </search>
      {search.isFetching ? <Loading label="Asking your network…" /> : null}
      {notRun ? (
        <p className="muted">
          Press Search to see who your connections know for “{q}”. A search does not run again by itself, as
          each one counts against your daily limit.
        </p>
      ) : null}
      {quota ? (
        <div className="alert alert--warning" role="alert">
          {quota}
        </div>
      ) : search.isError ? (
        <QueryError error={search.error} />
      ) : null}
      {search.data ? (
        <section aria-labelledby="network-results" className="stack">
          <div role="status">
            <h2 id="network-results">
              {search.data.people.length === 0
                ? `Nobody your connections share matches “${search.data.query}”`
                : `${plural(search.data.people.length, 'person', 'people')} for “${search.data.query}”`}
            </h2>
          </div>
          <p className="muted">
            {plural(search.data.searchesLeft, 'search', 'searches')} left in the last 24 hours.
            {search.data.more
              ? ' More people matched than are shown: add a word to narrow it down (there are no further pages).'
              : ''}
          </p>
          {search.data.people.length === 0 ? (
            <p className="muted">
              Your connections may know someone there without sharing them. You can also{' '}
              <Link to="/asks">ask your connections</Link> for help.
            </p>
          ) : (
            <ul className="network-people">
              {search.data.people.map((p, i) => (
                // People have no id of their own here (identities stay hidden): the first broker's contact is one.
                <PersonCard key={p.brokers[0]?.contactId ?? i} person={p} />
              ))}
            </ul>
          )}
          <ConnectionsOffering
            items={search.data.offering}
            title="Your connections who offer it: ask them directly"
            headingId="network-offering"
          />
        </section>
      ) : null}
    </>
  );
}

/** One person my connections know; someone I am connected to already is written to directly, not introduced. */
export function PersonCard({ person }: { person: NetworkPerson }) {
  const position = [person.title, person.organisation].filter(Boolean).join(' at ');
  const direct = person.connected;
  return (
    <li className="card network-person">
      <h3 className="network-person__name">{person.displayName}</h3>
      {position ? <p className="network-person__position">{position}</p> : null}
      {direct ? <AlreadyConnected account={direct} /> : null}
      <p className="muted network-person__known">Known by {plural(person.brokers.length, 'connection')}:</p>
      <ul className="network-brokers">
        {person.brokers.map((b) => (
          <BrokerRow key={b.contactId} broker={b} targetName={person.displayName} canAsk={!direct} />
        ))}
      </ul>
    </li>
  );
}

/** "You are already connected": no introduction to ask for, a message to write. */
export function AlreadyConnected({ account }: { account: { accountId: string; name: string } }) {
  return (
    <p className="alert alert--info">
      You are already connected to {account.name}: write to them directly.{' '}
      <Link to={`/network/messages/${encodeURIComponent(account.accountId)}`}>Message {account.name}</Link>
    </p>
  );
}

/** One connection who knows the person: what they share of them, and (unless `canAsk` is false) the way to ask them. */
export function BrokerRow({
  broker,
  targetName,
  canAsk = true,
}: {
  broker: NetworkBroker;
  targetName: string;
  canAsk?: boolean;
}) {
  // Cancel or Escape gives the keyboard back to the button that opened the form.
  const ask = useEditToggle();
  const asking = ask.open;
  const c = broker.contact;
  return (
    <li className="network-broker">
      <div className="network-broker__line">
        <span className="network-broker__name">{broker.name}</span>
        {c.tier ? (
          <span className={`tier tier--${c.tier}`}>
            <span className="visually-hidden">relationship: </span>
            {tierLabel(c.tier)}
          </span>
        ) : null}
        {c.linkedinUrl ? (
          <a href={c.linkedinUrl} rel="noopener noreferrer" target="_blank">
            LinkedIn profile<span className="visually-hidden"> of {targetName}</span>
          </a>
        ) : null}
        {asking || !canAsk ? null : (
          <span className="network-broker__actions">
            <button
              ref={ask.button}
              type="button"
              className="button button--primary button--small"
              onClick={ask.start}
            >
              Ask for an introduction
              <span className="visually-hidden">
                {' '}
                to {targetName} through {broker.name}
              </span>
            </button>
            <Link
              className="button button--small"
              to={`/network/paths?contactId=${encodeURIComponent(broker.contactId)}`}
            >
              Warm paths<span className="visually-hidden"> to {targetName}</span>
            </Link>
          </span>
        )}
      </div>
      {asking ? (
        <RequestIntroForm
          broker={{ accountId: broker.accountId, name: broker.name }}
          contactId={broker.contactId}
          targetName={targetName}
          onCancel={ask.close}
        />
      ) : null}
    </li>
  );
}
