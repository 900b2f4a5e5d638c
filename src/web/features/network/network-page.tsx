import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { plural } from '../../ui/format';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { TextField } from '../../ui/text-field';
import { useDocumentTitle } from '../../ui/use-document-title';
import { EmailVerification } from './email-verification';
import { NetworkSubnav } from './network-subnav';
import { queryProblem } from './search-page';
import { type NetworkMe, useNetworkMe } from './use-network';
import { runNetworkSearch } from './use-network-search';
import './network.css';

/** The network at a glance: counts, my profile as connections see it, a search box and where everything else is. */
export function NetworkPage() {
  useDocumentTitle('Network');
  const me = useNetworkMe();
  return (
    <>
      <PageHeader
        title="Network"
        subtitle="Find who your connections know, get introduced with everyone’s consent, and help each other. Your contacts stay private unless you share them."
      />
      <NetworkSubnav />
      <EmailVerification />
      {me.isPending ? <Loading /> : null}
      {me.isError ? <QueryError error={me.error} onRetry={() => void me.refetch()} /> : null}
      {me.data ? <Overview me={me.data} /> : null}
    </>
  );
}

function Overview({ me }: { me: NetworkMe }) {
  const { counts, profile } = me;
  return (
    <div className="network-hub">
      <section aria-labelledby="hub-connections" className="card">
        <h2 id="hub-connections">Connections</h2>
        <p>
          <Link to="/network/connections">{plural(counts.connections, 'connection')}</Link>
          {counts.incoming > 0 ? (
            <>
              {' · '}
              <strong>{counts.incoming} waiting on you</strong>
            </>
          ) : null}
          {counts.outgoing > 0 ? ` · ${counts.outgoing} waiting on them` : ''}
        </p>
        <p>
          <Link to="/network/messages">Messages</Link>
          {counts.unreadMessages > 0 ? <strong> · {counts.unreadMessages} unread</strong> : null}
        </p>
      </section>
      <HubSearch />
      <section aria-labelledby="hub-profile" className="card">
        <h2 id="hub-profile">What your connections see of you</h2>
        <dl className="dl dl--compact">
          <div className="dl__row">
            <dt>Name</dt>
            <dd>{profile.name}</dd>
          </div>
          <div className="dl__row">
            <dt>Headline</dt>
            <dd>{profile.headline ?? <span className="muted">none</span>}</dd>
          </div>
          <div className="dl__row">
            <dt>Organisation</dt>
            <dd>{profile.organisation ?? <span className="muted">none</span>}</dd>
          </div>
          <div className="dl__row">
            <dt>Offers</dt>
            <dd>
              {profile.offers === null ? (
                <span className="muted">hidden</span>
              ) : (
                profile.offers.join(', ') || <span className="muted">none listed</span>
              )}
            </dd>
          </div>
          <div className="dl__row">
            <dt>Looking for</dt>
            <dd>
              {profile.needs === null ? (
                <span className="muted">hidden</span>
              ) : (
                profile.needs.join(', ') || <span className="muted">none listed</span>
              )}
            </dd>
          </div>
        </dl>
        <p>
          <Link to="/profile">Edit your profile</Link>
        </p>
      </section>
      <section aria-labelledby="hub-more" className="card">
        <h2 id="hub-more">Get and give help</h2>
        <ul className="hub-links">
          <li>
            <Link to="/network/paths">Warm paths</Link>: how to reach someone at an organisation.
          </li>
          <li>
            <Link to="/introductions">Introductions</Link>: requests to you and from you.
          </li>
          <li>
            <Link to="/asks">Asks</Link>: post a need, answer your connections’.
          </li>
          <li>
            <Link to="/network/sharing">What you share</Link> and the{' '}
            <Link to="/network/access-log">access log</Link>.
          </li>
        </ul>
      </section>
    </div>
  );
}

function HubSearch() {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  function submit(e: FormEvent) {
    e.preventDefault();
    const p = queryProblem(text);
    setProblem(p);
    if (p) return;
    runNetworkSearch(queryClient, text.trim());
    void navigate(`/network/search?q=${encodeURIComponent(text.trim())}`);
  }
  return (
    <section aria-labelledby="hub-search" className="card">
      <h2 id="hub-search">Who do your connections know?</h2>
      <search aria-label="Who your connections know">
        <form className="stack" onSubmit={submit} noValidate>
          <TextField
            label="An organisation, a role or a name"
            type="search"
            autoComplete="off"
            placeholder="e.g. Acme, supply chain, Chen"
            value={text}
            onChange={(e) => setText(e.target.value)}
            error={problem ?? undefined}
          />
          <div>
            <button type="submit" className="button button--primary">
              Search
            </button>
          </div>
        </form>
      </search>
    </section>
  );
}
