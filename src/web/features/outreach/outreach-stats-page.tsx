import { useId, useState } from 'react';
import { Link } from 'react-router';
import { Bar, BarChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { OutreachRateRow, OutreachStats } from '../../../contracts/outreach';
import { formatMonth } from '../../ui/dates';
import { formatDate } from '../../ui/format';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { useDocumentTitle } from '../../ui/use-document-title';
import { ChartFigure } from '../health/chart-figure';
import { usePurposes } from '../purposes/use-purposes';
import { OutreachSubnav } from './outreach-subnav';
import { CHANNEL_SHORT, duration, percent } from './outreach-words';
import { useOutreachReplies, useOutreachStats } from './use-outreach';
import './outreach.css';

const RATE = '#1f5fbf';
const BASELINE = '#a35f00';
const AXIS = { fontSize: 12, fill: '#555e69' };

type Filter = { purpose?: string; template?: string; channel?: string; month?: string; label: string };

/** How outreach is working: the response rate against the ~25% baseline, by month, purpose, template and channel. */
export function OutreachStatsPage() {
  useDocumentTitle('Response rates');
  const [purpose, setPurpose] = useState('');
  const stats = useOutreachStats(purpose);
  const purposes = usePurposes('all');
  const [filter, setFilter] = useState<Filter>({ label: 'everyone' });
  const id = useId();
  return (
    <>
      <PageHeader
        title="Response rates"
        subtitle="About a quarter of personal messages to new connections get a reply: those are the ones that become real."
      />
      <OutreachSubnav />
      <div className="filters">
        <div className="field field--filter">
          <label htmlFor={`${id}-purpose`}>Purpose</label>
          <select
            id={`${id}-purpose`}
            value={purpose}
            onChange={(e) => {
              setPurpose(e.target.value);
              setFilter(
                e.target.value ? { purpose: e.target.value, label: 'this purpose' } : { label: 'everyone' },
              );
            }}
          >
            <option value="">All purposes</option>
            {(purposes.data ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      {stats.isPending ? <Loading label="Loading the response rates…" /> : null}
      {stats.isError ? <QueryError error={stats.error} onRetry={() => void stats.refetch()} /> : null}
      {stats.data ? (
        <div className="stack">
          <Headline stats={stats.data} />
          <MonthChart stats={stats.data} />
          <div className="split--even charts-pair">
            <RateTable
              title="By purpose"
              rows={stats.data.byPurpose}
              onPick={(r) => setFilter({ purpose: r.key, label: r.label })}
            />
            <RateTable
              title="By template"
              rows={stats.data.byTemplate}
              onPick={(r) => setFilter({ purpose: purpose || undefined, template: r.key, label: r.label })}
            />
            <RateTable
              title="By channel"
              rows={stats.data.byChannel.map((r) => ({ ...r, label: CHANNEL_SHORT[r.key] ?? r.label }))}
              onPick={(r) => setFilter({ purpose: purpose || undefined, channel: r.key, label: r.label })}
            />
            <RateTable
              title="By week"
              rows={stats.data.byWeek.map((r) => ({ ...r, label: `Week of ${formatDate(r.key)}` }))}
            />
          </div>
          <WhoReplied
            filter={filter}
            onClear={() => setFilter(purpose ? { purpose, label: 'this purpose' } : { label: 'everyone' })}
          />
        </div>
      ) : null}
    </>
  );
}

function Headline({ stats }: { stats: OutreachStats }) {
  const t = stats.total;
  return (
    <section className="card outreach-headline" aria-label="Overall">
      <p className="outreach-headline__rate" data-testid="response-rate">
        {percent(t.rate)}
      </p>
      <p>
        {t.sent === 0
          ? 'No messages sent yet.'
          : `${t.replied} of ${t.sent} people replied (baseline ${percent(stats.baseline)}); median time to reply ${duration(t.medianHoursToReply)}.`}
      </p>
      {t.sent === 0 ? null : (
        <p className="muted" data-testid="reply-rule">
          A reply is their first answer after your first message, counted once per person however late it
          comes: recorded by hand, or found in a LinkedIn import when they write in the conversation you wrote
          in.{' '}
          {t.waiting === 0
            ? 'Nobody is still waiting for one.'
            : `${t.waiting} still waiting count as not replied until they answer.`}
        </p>
      )}
      <p className="muted">
        {stats.queue.queued} waiting for a message · {stats.queue.awaiting} awaiting a reply ·{' '}
        {stats.queue.followUpDue} follow-ups due · <Link to="/outreach">Go to the queue</Link>
      </p>
    </section>
  );
}

function MonthChart({ stats }: { stats: OutreachStats }) {
  const rows = stats.byMonth.map((m) => ({ ...m, percent: m.rate === null ? 0 : Math.round(m.rate * 100) }));
  const last = rows.at(-1);
  const summary = last
    ? `In ${formatMonth(last.key)}, ${last.replied} of ${last.sent} replied (${percent(last.rate)}), against a baseline of ${percent(stats.baseline)}.`
    : 'No messages sent yet: the chart fills in as you write to people.';
  return (
    <ChartFigure
      title="Response rate by month"
      summary={summary}
      rows={rows}
      rowKey="key"
      columns={[
        { key: 'key', label: 'Month', format: (v) => formatMonth(String(v)) },
        { key: 'sent', label: 'Sent' },
        { key: 'replied', label: 'Replied' },
        { key: 'rate', label: 'Rate', format: (v) => percent(v as number | null) },
        {
          key: 'medianHoursToReply',
          label: 'Median time to reply',
          format: (v) => duration(v as number | null),
        },
      ]}
    >
      <BarChart
        data={rows}
        maxBarSize={56}
        title="Share of first messages that got a reply, per month"
        desc={summary}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="key" tickFormatter={formatMonth} tick={AXIS} minTickGap={16} />
        <YAxis domain={[0, 100]} unit="%" tick={AXIS} width={44} />
        <Tooltip
          labelFormatter={(v) => formatMonth(String(v))}
          formatter={(v, _n, item) => [`${v}% (${item.payload.replied} of ${item.payload.sent})`, 'Replied']}
        />
        <ReferenceLine
          y={Math.round(stats.baseline * 100)}
          stroke={BASELINE}
          strokeDasharray="6 3"
          label={{
            value: `baseline ${percent(stats.baseline)}`,
            position: 'insideTopRight',
            fill: '#1b1f24',
            fontSize: 12,
          }}
        />
        <Bar dataKey="percent" name="Replied" fill={RATE} isAnimationActive={false} />
      </BarChart>
    </ChartFigure>
  );
}

function RateTable({
  title,
  rows,
  onPick,
}: {
  title: string;
  rows: OutreachRateRow[];
  /** Show who replied in that row; without it the label is plain text. */
  onPick?: (r: OutreachRateRow) => void;
}) {
  const id = useId();
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {rows.length === 0 ? (
        <p className="muted">Nothing sent yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{title.replace('By ', '')}</th>
                <th scope="col">Sent</th>
                <th scope="col">Replied</th>
                <th scope="col">Still waiting</th>
                <th scope="col">Rate</th>
                <th scope="col">Median reply</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">
                    {onPick ? (
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => onPick(r)}
                        aria-label={`Who replied: ${r.label}`}
                      >
                        {r.label}
                      </button>
                    ) : (
                      r.label
                    )}
                  </th>
                  <td>{r.sent}</td>
                  <td>{r.replied}</td>
                  <td>{r.waiting}</td>
                  <td>{percent(r.rate)}</td>
                  <td>{duration(r.medianHoursToReply)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function WhoReplied({ filter, onClear }: { filter: Filter; onClear: () => void }) {
  const { label, ...query } = filter;
  const replies = useOutreachReplies(query);
  return (
    <section className="card" aria-labelledby="who-replied">
      <h2 id="who-replied">Who replied: {label}</h2>
      {label !== 'everyone' && label !== 'this purpose' ? (
        <button type="button" className="button button--small" onClick={onClear}>
          Show everyone
        </button>
      ) : null}
      {replies.isPending ? <Loading /> : null}
      {replies.isError ? <QueryError error={replies.error} onRetry={() => void replies.refetch()} /> : null}
      {replies.data && replies.data.total === 0 ? <p className="muted">No replies yet.</p> : null}
      {replies.data && replies.data.total > replies.data.items.length ? (
        <p className="muted">
          The newest {replies.data.items.length} of {replies.data.total} replies.
        </p>
      ) : null}
      {replies.data && replies.data.items.length > 0 ? (
        <ul className="outreach-list">
          {replies.data.items.map((r) => (
            <li key={r.itemId} className="outreach-row">
              <div className="outreach-row__text">
                <Link to={`/contacts/${r.contact.id}`} className="outreach-row__name">
                  {r.contact.displayName}
                </Link>
                <span className="outreach-row__meta">
                  replied {formatDate(r.repliedAt.slice(0, 10))} after {duration(r.hoursToReply)} ·{' '}
                  {CHANNEL_SHORT[r.channel]}
                  {r.purpose ? ` · ${r.purpose.name}` : ''}
                  {r.template ? ` · ${r.template.name}` : ''}
                </span>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
