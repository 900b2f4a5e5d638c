import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { WarmPath } from '../../../contracts/network-search';
import { plural } from '../../ui/format';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { TextField } from '../../ui/text-field';
import { useDocumentTitle } from '../../ui/use-document-title';
import { RequestIntroForm } from '../introductions/request-intro-form';
import { useEditToggle } from '../relationships/edit-button';
import { NetworkSubnav } from './network-subnav';
import { linkTierLabel, PathGraph } from './path-graph';
import { AlreadyConnected, queryProblem } from './search-page';
import { quotaMessage, useWarmPaths } from './use-network-search';
import './network.css';

/** Who to reach, in words: the last step's person. */
function targetOf(path: WarmPath): string {
  return path.target?.displayName ?? path.steps.at(-1)?.to.name ?? 'them';
}

/**
 * "How can I reach someone at Acme (or this person)?": ranked paths of up to three hops, each drawn as a small graph
 * and explained step by step, with "Ask for an introduction" from the connection to ask.
 */
export function PathsPage() {
  useDocumentTitle('Warm paths');
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const contactId = params.get('contactId')?.trim() ?? '';
  const [text, setText] = useState(q);
  const [problem, setProblem] = useState<string | null>(null);
  const paths = useWarmPaths(contactId ? '' : queryProblem(q) ? '' : q, contactId);
  const quota = quotaMessage(paths.error);
  const first = paths.data?.paths[0];
  const about = contactId ? (first ? targetOf(first) : 'this person') : `“${q}”`;

  function submit(e: FormEvent) {
    e.preventDefault();
    const p = queryProblem(text);
    setProblem(p);
    if (p) {
      document.getElementById('paths-q')?.focus();
      return;
    }
    // The same words again: ask the server again (sharing may have changed), not the kept result.
    if (text.trim() === q && !contactId) void paths.refetch();
    else setParams({ q: text.trim() });
  }

  return (
    <>
      <PageHeader
        title="Warm paths"
        subtitle="How can you reach someone? Through the people you know, strongest links first."
      />
      <NetworkSubnav />
      <search aria-label="Warm paths">
        <form className="card network-search" onSubmit={submit} noValidate>
          <TextField
            id="paths-q"
            label="Whom do you want to reach?"
            type="search"
            autoComplete="off"
            placeholder="e.g. Acme, head of procurement, Chen"
            hint="An organisation, a role or a name. Each look-up counts against your daily network-search limit."
            value={text}
            onChange={(e) => setText(e.target.value)}
            error={problem ?? undefined}
          />
          <button type="submit" className="button button--primary">
            Find paths
          </button>
        </form>
      </search>
      {paths.isFetching ? <Loading label="Looking for paths…" /> : null}
      {quota ? (
        <div className="alert alert--warning" role="alert">
          {quota}
        </div>
      ) : paths.isError ? (
        <QueryError error={paths.error} />
      ) : null}
      {paths.data ? (
        <section aria-labelledby="paths-heading" className="stack">
          <div role="status">
            <h2 id="paths-heading">
              {paths.data.paths.length === 0
                ? `No warm path to ${about}`
                : `${plural(paths.data.paths.length, 'path')} to ${about}, warmest first`}
            </h2>
          </div>
          <p className="muted">
            {plural(paths.data.searchesLeft, 'search', 'searches')} left in the last 24 hours.
          </p>
          {paths.data.paths.length === 0 ? (
            <p className="muted">
              Paths use only the contacts your connections share. <Link to="/asks">Post an ask</Link> to reach
              further.
            </p>
          ) : (
            <ol className="paths">
              {paths.data.paths.map((p, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the ranked list is replaced whole, never reordered
                <PathCard key={i} path={p} rank={i + 1} />
              ))}
            </ol>
          )}
        </section>
      ) : null}
    </>
  );
}

export function PathCard({ path, rank }: { path: WarmPath; rank: number }) {
  // Cancel or Escape gives the keyboard back to the button that opened the form.
  const ask = useEditToggle();
  const asking = ask.open;
  const target = targetOf(path);
  const words = path.steps.map((s) => `${s.from.name} ${linkTierLabel(s.tier).toLowerCase()} ${s.to.name}`);
  const position = path.target
    ? [path.target.title, path.target.organisation].filter(Boolean).join(' at ')
    : '';
  return (
    <li className="card path-card">
      <h3 className="path-card__title">
        {rank}. Through {path.ask.name} to {target}
        <span className="muted path-card__hops"> · {path.hops} hops</span>
      </h3>
      {position ? <p className="path-card__position">{position}</p> : null}
      <PathGraph path={path} label={`Path ${rank}: ${words.join(', then ')}.`} />
      <ol className="path-steps">
        {path.steps.map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a path's steps are fixed and ordered
          <li key={i}>
            <strong>
              {i === 0 ? 'You' : s.from.name} → {s.to.name}
            </strong>{' '}
            <span className={s.tier === 'known' ? 'tier' : `tier tier--${s.tier}`}>
              {linkTierLabel(s.tier)}
            </span>{' '}
            <span className="muted">{s.why}</span>
          </li>
        ))}
      </ol>
      {path.connected ? (
        <AlreadyConnected account={path.connected} />
      ) : path.contactId ? (
        asking ? (
          <RequestIntroForm
            broker={path.ask}
            contactId={path.contactId}
            targetName={target}
            onCancel={ask.close}
          />
        ) : (
          <button ref={ask.button} type="button" className="button button--primary" onClick={ask.start}>
            Ask for an introduction
            <span className="visually-hidden">
              {' '}
              to {target} through {path.ask.name}
            </span>
          </button>
        )
      ) : (
        <p className="muted">
          {path.ask.name} knows someone who knows {target}: ask them to put you in touch.{' '}
          <Link to={`/network/messages/${encodeURIComponent(path.ask.accountId)}`}>
            Message {path.ask.name}
          </Link>
        </p>
      )}
    </li>
  );
}
