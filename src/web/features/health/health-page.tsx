import { Link, useNavigate } from 'react-router';
import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';
import type { Charts } from '../../api/types';
import { formatMonth } from '../../ui/dates';
import { formatDate, plural } from '../../ui/format';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { useDocumentTitle } from '../../ui/use-document-title';
import { ChartFigure } from './chart-figure';
import { useCharts } from './use-charts';

// Distinct hues that stay apart for the common colour-vision deficiencies, each ≥ 3:1 against white.
const TIER_COLOURS = { inner: '#174a96', close: '#3f7fd6', active: '#1f7a6d', dormant: '#767f8a' };
const GIVEN = '#1e6b34';
const RECEIVED = '#a35f00';
const BALANCE = '#1b1f24';
const ON_TIME = '#1e6b34';
const LATE = '#a35f00';
const BROKEN = '#b3261e';
const OVERDUE = '#6b21a8';
const DONE = '#1e6b34';
const TO_GO = '#767f8a';
const EXPECTED = '#174a96';
const AXIS = { fontSize: 12, fill: '#555e69' };

type Health = Charts['health'][number];
type FavourMonth = Charts['favours'][number];
type PromiseMonth = Charts['promises'][number];
type PurposePace = Charts['purposes'][number];

/** Legend words in the text colour (the series colours are for shapes, not for reading). */
const legendText = (value: string) => <span className="chart__legend-text">{value}</span>;

/** Grid, month axis, count axis, tooltip and legend of the two charts by month (recharts wants them as children). */
const monthAxes = () => [
  <CartesianGrid key="grid" strokeDasharray="3 3" vertical={false} />,
  <XAxis key="x" dataKey="month" tickFormatter={formatMonth} tick={AXIS} minTickGap={16} />,
  <YAxis key="y" allowDecimals={false} tick={AXIS} width={36} />,
  <Tooltip key="tip" labelFormatter={(v) => formatMonth(String(v))} />,
  <Legend key="legend" itemSorter={null} formatter={legendText} />,
];

const shortDay = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const dayTick = (iso: string) => shortDay.format(new Date(`${iso}T12:00:00Z`));

/** Pictures of the network: relationship health over time, the favour balance, promises kept, purposes on pace. */
export function HealthPage() {
  useDocumentTitle('Relationship health');
  const charts = useCharts();
  return (
    <>
      <PageHeader
        title="Relationship health"
        subtitle="The last twelve months, and where each purpose stands, at a glance."
        actions={
          <Link to="/lapsed" className="button">
            Lost touch
          </Link>
        }
      />
      {charts.isPending ? <Loading label="Loading the charts…" /> : null}
      {charts.isError ? <QueryError error={charts.error} onRetry={() => void charts.refetch()} /> : null}
      {charts.data ? (
        <div className="stack">
          <HealthChart data={charts.data.health} />
          <div className="split--even charts-pair">
            <FavoursChart data={charts.data.favours} />
            <PromisesChart data={charts.data.promises} />
          </div>
          <PurposesChart data={charts.data.purposes} />
        </div>
      ) : null}
    </>
  );
}

function HealthChart({ data }: { data: Health[] }) {
  const last = data.at(-1);
  const summary = last
    ? `Now: ${last.inner} inner circle, ${last.close} close, ${last.active} active and ${last.dormant} dormant relationships.`
    : 'No contacts yet.';
  return (
    <ChartFigure
      title="Relationships by tier"
      summary={summary}
      rows={[...data].reverse()}
      rowKey="day"
      columns={[
        { key: 'day', label: 'Day', format: (v) => formatDate(String(v)) },
        { key: 'inner', label: 'Inner circle' },
        { key: 'close', label: 'Close' },
        { key: 'active', label: 'Active' },
        { key: 'dormant', label: 'Dormant' },
      ]}
    >
      <BarChart
        data={data}
        title="Relationships by tier, per day"
        desc={summary}
        barCategoryGap={data.length > 60 ? 0 : '20%'}
        maxBarSize={64}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="day" tickFormatter={dayTick} tick={AXIS} minTickGap={24} />
        <YAxis allowDecimals={false} tick={AXIS} width={36} />
        <Tooltip labelFormatter={(v) => formatDate(String(v))} />
        <Legend itemSorter={null} formatter={legendText} />
        <Bar
          dataKey="inner"
          name="Inner circle"
          stackId="tiers"
          fill={TIER_COLOURS.inner}
          isAnimationActive={false}
        />
        <Bar
          dataKey="close"
          name="Close"
          stackId="tiers"
          fill={TIER_COLOURS.close}
          isAnimationActive={false}
        />
        <Bar
          dataKey="active"
          name="Active"
          stackId="tiers"
          fill={TIER_COLOURS.active}
          isAnimationActive={false}
        />
        <Bar
          dataKey="dormant"
          name="Dormant"
          stackId="tiers"
          fill={TIER_COLOURS.dormant}
          isAnimationActive={false}
        />
      </BarChart>
    </ChartFigure>
  );
}

function FavoursChart({ data }: { data: FavourMonth[] }) {
  const last = data.at(-1);
  const given = data.reduce((n, m) => n + m.given, 0);
  const received = data.reduce((n, m) => n + m.received, 0);
  const summary = last
    ? `Over the year you gave ${given} and received ${received} (weighted by size); the running balance is ${last.balance > 0 ? `+${last.balance}` : last.balance}.`
    : 'No favours recorded in the last year.';
  return (
    <ChartFigure
      title="Favour balance"
      summary={summary}
      rows={data}
      rowKey="month"
      columns={[
        { key: 'month', label: 'Month', format: (v) => formatMonth(String(v)) },
        { key: 'given', label: 'Given' },
        { key: 'received', label: 'Received' },
        { key: 'balance', label: 'Running balance' },
      ]}
    >
      <ComposedChart
        data={data}
        title="Favours given and received per month, with the running balance"
        desc={summary}
      >
        {monthAxes()}
        <Bar dataKey="given" name="Given" fill={GIVEN} maxBarSize={40} isAnimationActive={false} />
        <Bar dataKey="received" name="Received" fill={RECEIVED} maxBarSize={40} isAnimationActive={false} />
        <Line
          dataKey="balance"
          name="Running balance"
          stroke={BALANCE}
          strokeWidth={2}
          dot
          type="monotone"
          isAnimationActive={false}
        />
      </ComposedChart>
    </ChartFigure>
  );
}

function PromisesChart({ data }: { data: PromiseMonth[] }) {
  const onTime = data.reduce((n, m) => n + m.onTime, 0);
  const late = data.reduce((n, m) => n + m.late, 0);
  const broken = data.reduce((n, m) => n + m.broken, 0);
  const overdue = data.reduce((n, m) => n + m.overdue, 0);
  const total = onTime + late + broken + overdue;
  const summary =
    total === 0
      ? 'None of your promises has fallen due in the last year.'
      : `Of ${plural(total, 'promise')} that fell due: ${[
          onTime && `${onTime} kept on time`,
          late && `${late} kept late`,
          broken && `${broken} broken`,
          overdue && `${overdue} still open past the date`,
        ]
          .filter(Boolean)
          .join(', ')}.`;
  return (
    <ChartFigure
      title="Promises kept"
      summary={summary}
      rows={data}
      rowKey="month"
      columns={[
        { key: 'month', label: 'Month due', format: (v) => formatMonth(String(v)) },
        { key: 'onTime', label: 'On time' },
        { key: 'late', label: 'Late' },
        { key: 'broken', label: 'Broken' },
        { key: 'overdue', label: 'Overdue' },
      ]}
    >
      <BarChart
        data={data}
        maxBarSize={48}
        title="My promises per month: on time, late, broken, overdue"
        desc={summary}
      >
        {monthAxes()}
        <Bar dataKey="onTime" name="On time" stackId="p" fill={ON_TIME} isAnimationActive={false} />
        <Bar dataKey="late" name="Late" stackId="p" fill={LATE} isAnimationActive={false} />
        <Bar dataKey="broken" name="Broken" stackId="p" fill={BROKEN} isAnimationActive={false} />
        <Bar dataKey="overdue" name="Overdue" stackId="p" fill={OVERDUE} isAnimationActive={false} />
      </BarChart>
    </ChartFigure>
  );
}

/** The pace in words: "No deadline" rather than "on pace" where nothing can be late. */
function paceLabel(p: PurposePace): string {
  switch (p.state) {
    case 'done':
      return 'Target reached';
    case 'behind':
      return 'Behind';
    case 'on-pace':
      return p.expectedByToday === null ? 'No deadline' : 'On pace';
    case 'no-target':
      return 'No target';
  }
}

const MAX_LABEL = 22;

/**
 * What of a long name fits on the axis: its first whole words, so the visible text stays a part of the link's name
 * (the whole name); a first word too long for the axis is cut, and then it names the link itself.
 */
function axisName(name: string): { text: string; whole: boolean } {
  if (name.length <= MAX_LABEL) return { text: name, whole: true };
  const [first = '', ...rest] = name.split(/\s+/);
  if (first.length >= MAX_LABEL) return { text: first.slice(0, MAX_LABEL - 1), whole: false };
  let text = first;
  for (const word of rest) {
    if (text.length + 1 + word.length >= MAX_LABEL) break;
    text += ` ${word}`;
  }
  return { text, whole: true };
}

/**
 * A purpose's name on the axis, as a link to its page (the table below has the same links for the keyboard). A long
 * name shows its start in the link and "…" beside it.
 */
function PurposeTick({
  x,
  y,
  payload,
  names,
}: {
  x: number | string;
  y: number | string;
  payload: { value: unknown };
  names: Map<string, string>;
}) {
  const navigate = useNavigate();
  const id = String(payload.value);
  const name = names.get(id) ?? '';
  const shown = axisName(name);
  const cut = shown.text !== name;
  const to = `/purposes/${id}`;
  return (
    <g>
      <a
        href={to}
        aria-label={shown.whole ? name : undefined}
        onClick={(e) => {
          e.preventDefault();
          void navigate(to);
        }}
      >
        <text
          x={x}
          y={y}
          dx={cut ? -18 : -6}
          textAnchor="end"
          dominantBaseline="middle"
          className="chart__tick-link"
        >
          {shown.text}
        </text>
      </a>
      {cut ? (
        <text x={x} y={y} dx={-6} textAnchor="end" dominantBaseline="middle" className="chart__tick-more">
          …
        </text>
      ) : null}
    </g>
  );
}

function PurposesChart({ data }: { data: PurposePace[] }) {
  const count = (state: PurposePace['state'], expected?: boolean) =>
    data.filter(
      (p) => p.state === state && (expected === undefined || (p.expectedByToday !== null) === expected),
    ).length;
  const behind = data.filter((p) => p.state === 'behind');
  const summary =
    data.length === 0
      ? 'No active purposes.'
      : `${plural(data.length, 'active purpose')}: ${[
          count('done') && `${count('done')} reached the target`,
          count('on-pace', true) && `${count('on-pace', true)} on pace`,
          behind.length && `${behind.length} behind`,
          count('on-pace', false) && `${count('on-pace', false)} without a deadline`,
          count('no-target') && `${count('no-target')} without a target`,
        ]
          .filter(Boolean)
          .join(', ')}.${
          behind.length
            ? ` Behind: ${behind
                .map(
                  (p) =>
                    `${p.name} (${p.done} of ${p.targetCount} done, ${p.expectedByToday} expected by today)`,
                )
                .join('; ')}.`
            : ''
        }`;
  // One stacked bar per purpose (done, then what is left of the target) and a thinner one for today's share.
  const rows = data.map((p) => ({
    id: p.id,
    done: p.done,
    toGo: p.targetCount === null ? 0 : Math.max(0, p.targetCount - p.done),
    expected: p.expectedByToday,
  }));
  const names = new Map(data.map((p) => [p.id, p.name]));
  const dash = (v: unknown) => (v === null ? '—' : String(v));
  return (
    <ChartFigure
      title="Purpose progress"
      summary={summary}
      rows={data}
      rowKey="id"
      height={Math.max(160, 72 + 56 * data.length)}
      empty={
        <>
          No purposes yet. <Link to="/purposes?new=1">Create a purpose</Link> to see its progress here.
        </>
      }
      columns={[
        {
          key: 'name',
          label: 'Purpose',
          format: (v, p) => <Link to={`/purposes/${p.id}`}>{String(v)}</Link>,
        },
        { key: 'done', label: 'Done' },
        { key: 'targetCount', label: 'Target', format: dash },
        { key: 'expectedByToday', label: 'Expected by today', format: dash },
        { key: 'deadline', label: 'Deadline', format: (v) => (v ? formatDate(String(v)) : '—') },
        { key: 'state', label: 'Pace', format: (_, p) => paceLabel(p) },
      ]}
    >
      <BarChart
        data={rows}
        layout="vertical"
        title="Each active purpose: done against its target, and how many were expected by today"
        desc={summary}
        barCategoryGap="20%"
        barGap={2}
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} tick={AXIS} />
        <YAxis
          type="category"
          dataKey="id"
          width={150}
          tick={(props) => <PurposeTick {...props} names={names} />}
        />
        <Tooltip labelFormatter={(id) => names.get(String(id)) ?? ''} />
        <Legend itemSorter={null} formatter={legendText} />
        <Bar
          dataKey="done"
          name="Done"
          stackId="target"
          fill={DONE}
          maxBarSize={24}
          isAnimationActive={false}
        />
        <Bar
          dataKey="toGo"
          name="Still to reach the target"
          stackId="target"
          fill={TO_GO}
          maxBarSize={24}
          isAnimationActive={false}
        />
        <Bar
          dataKey="expected"
          name="Expected by today"
          fill={EXPECTED}
          maxBarSize={10}
          isAnimationActive={false}
        />
      </BarChart>
    </ChartFigure>
  );
}
