import { Link } from 'react-router';
import type { Introduction } from '../../../contracts/introductions';
import { formatDate } from '../../ui/format';
import { LoadMore } from '../../ui/load-more';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { useDocumentTitle } from '../../ui/use-document-title';
import { NetworkSubnav } from '../network/network-subnav';
import { introStateWords, STATE_BADGE, waitsOnMe } from './intro-words';
import { useIntroductions } from './use-introductions';
import './introductions.css';

/**
 * Introductions: the inbox (requests to me as the connection asked, and introductions to me) with what waits on me
 * first, and the outbox (my requests with their states).
 */
export function IntroductionsPage() {
  useDocumentTitle('Introductions');
  const intros = useIntroductions();
  const all = intros.data?.pages.flatMap((p) => p.items) ?? [];
  // Sections are split from the pages loaded so far: with older pages still to load, their counts are a floor.
  const more = intros.hasNextPage;
  const toDecide = all.filter(waitsOnMe);
  const inbox = all.filter((i) => i.role !== 'requester' && !waitsOnMe(i));
  const outbox = all.filter((i) => i.role === 'requester');
  return (
    <>
      <PageHeader
        title="Introductions"
        subtitle="Double opt-in: the connection you ask decides first, then the person. Nothing about them reaches you before both say yes."
        actions={
          <Link to="/network/search" className="button">
            Find someone
          </Link>
        }
      />
      <NetworkSubnav />
      {intros.isPending ? <Loading /> : null}
      {intros.isError ? <QueryError error={intros.error} onRetry={() => void intros.refetch()} /> : null}
      {intros.data ? (
        <div className="stack">
          <IntroSection
            id="intro-decide"
            title="Waiting on you"
            empty="Nothing waits on you."
            items={toDecide}
            more={more}
          />
          <IntroSection
            id="intro-outbox"
            title="Your requests"
            empty="You have not asked for an introduction yet. Search your network, then ask the connection who knows them."
            items={outbox}
            more={more}
          />
          <IntroSection
            id="intro-inbox"
            title="Requests to you"
            empty="No earlier requests to you."
            items={inbox}
            more={more}
          />
        </div>
      ) : null}
      <LoadMore list={intros} />
    </>
  );
}

function IntroSection({
  id,
  title,
  empty,
  items,
  more,
}: {
  id: string;
  title: string;
  empty: string;
  items: Introduction[];
  /** Older introductions are still to be loaded. */
  more: boolean;
}) {
  return (
    <section aria-labelledby={id} className="card">
      <h2 id={id}>
        {title} ({items.length}
        {more ? '+' : ''})
      </h2>
      {items.length === 0 ? (
        <p className="muted">{more ? 'None among the newest; load more to see older ones.' : empty}</p>
      ) : (
        <ul className="intro-list">
          {items.map((i) => (
            <IntroRow key={i.id} intro={i} />
          ))}
        </ul>
      )}
    </section>
  );
}

function IntroRow({ intro: i }: { intro: Introduction }) {
  const who =
    i.role === 'requester'
      ? `To ${i.target.name}, through ${i.broker.name}`
      : i.role === 'broker'
        ? `${i.requester.name} → ${i.target.name}`
        : `${i.requester.name}, through ${i.broker.name}`;
  return (
    <li className="intro-row">
      <Link to={`/introductions/${i.id}`} className="intro-row__title">
        {who}
      </Link>
      <span className={`intro-state intro-state--${i.state}`}>{STATE_BADGE[i.state]}</span>
      <p className="muted intro-row__meta">
        {introStateWords(i)} · asked {formatDate(i.createdAt)}
        {i.state === 'requested' || i.state === 'awaiting-target'
          ? ` · expires ${formatDate(i.expiresAt)}`
          : ''}
        {i.fromAsk ? ' · offered on an ask' : ''}
      </p>
    </li>
  );
}
