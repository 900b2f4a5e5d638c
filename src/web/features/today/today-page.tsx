import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { formatDate, plural } from '../../ui/format';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useContactTotal } from '../contacts/use-contact-count';
import { formatRate } from '../relationships/relationship-words';
import { usePromiseStats } from '../relationships/use-promises';
import { TodayEmpty } from './today-empty';
import { TodayItem } from './today-item';
import { useToday } from './use-today';

const MAX_LIMIT = 50;
const dayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  timeZone: 'UTC',
});

function longDay(iso: string): string {
  const d = new Date(`${iso}T12:00:00Z`);
  return Number.isNaN(d.getTime()) ? formatDate(iso) : dayFormat.format(d);
}

/** The home page: one short ranked list of what to do today, each with its reason and one-click action. */
export function TodayPage() {
  useDocumentTitle('Today');
  const [limit, setLimit] = useState<number | undefined>(undefined);
  const today = useToday(limit);
  const listRef = useRef<HTMLOListElement>(null);
  // After an item leaves, the keyboard goes to the one that took its place (or the heading when none is left).
  const focusIndex = useRef<number | null>(null);
  const data = today.data;
  // Asked only when the list is empty: a new account is pointed at adding or importing its contacts.
  const contactCount = useContactTotal(data?.items.length === 0);

  useEffect(() => {
    if (focusIndex.current === null || !data || today.isFetching) return;
    const titles = listRef.current?.querySelectorAll<HTMLElement>('[data-today-title]') ?? [];
    const at = Math.min(focusIndex.current, titles.length - 1);
    focusIndex.current = null;
    const target = at >= 0 ? titles[at] : document.querySelector<HTMLElement>('[data-page-heading]');
    target?.focus();
  }, [data, today.isFetching]);

  return (
    <>
      <PageHeader
        title="Today"
        subtitle={data ? longDay(data.date) : undefined}
        actions={
          <Link to="/relationships" className="button">
            Health charts
          </Link>
        }
      />
      {today.isPending ? <Loading label="Gathering today’s list…" /> : null}
      {today.isError ? <QueryError error={today.error} onRetry={() => void today.refetch()} /> : null}
      {data && data.items.length === 0 ? <TodayEmpty contactCount={contactCount} /> : null}
      {data && data.items.length > 0 ? (
        <section aria-labelledby="today-list-heading">
          <h2 id="today-list-heading" className="visually-hidden">
            Today’s list, most important first
          </h2>
          <ol ref={listRef} className="today-list">
            {data.items.map((item, index) => (
              <TodayItem
                key={item.key}
                item={item}
                today={data.date}
                onLeave={() => {
                  focusIndex.current = index;
                }}
              />
            ))}
          </ol>
          {data.more > 0 ? (
            <p className="today-more">
              <span>{plural(data.more, 'more item')} beyond these.</span>{' '}
              {data.items.length < MAX_LIMIT ? (
                <button
                  type="button"
                  className="button button--small"
                  disabled={today.isFetching}
                  onClick={() => setLimit(Math.min(MAX_LIMIT, data.items.length + data.more))}
                >
                  Show {data.more > MAX_LIMIT - data.items.length ? 'more' : 'them'}
                </button>
              ) : null}
            </p>
          ) : null}
        </section>
      ) : null}
      <IntegrityGlance />
    </>
  );
}

/** Promises at a glance under the list: the kept-on-time rate, what is open and overdue. */
function IntegrityGlance() {
  const stats = usePromiseStats();
  if (!stats.data) return null;
  const s = stats.data;
  return (
    <section aria-labelledby="glance-heading" className="card today-glance">
      <h2 id="glance-heading">Your word</h2>
      <dl className="stats">
        <div className="stats__item">
          <dt>Kept on time, 90 days</dt>
          <dd>{formatRate(s.keptOnTime90Days)}</dd>
        </div>
        <div className="stats__item">
          <dt>Your open promises</dt>
          <dd>{s.open}</dd>
        </div>
        <div className={s.overdue > 0 ? 'stats__item stats__item--bad' : 'stats__item'}>
          <dt>Your overdue promises</dt>
          <dd>{s.overdue}</dd>
        </div>
      </dl>
      <p className="today-glance__links">
        <Link to="/promises">All promises</Link> · <Link to="/favours">Favours</Link> ·{' '}
        <Link to="/lapsed">Lost touch</Link> · <Link to="/relationships">Relationship health</Link>
      </p>
    </section>
  );
}
