import { Link } from 'react-router';
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
const AXIS = { fontSize: 12, fill: '#555e69' };

type Health = Charts['health'][number];
type FavourMonth = Charts['favours'][number];
type PromiseMonth = Charts['promises'][number];

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

/** Pictures of the network: relationship health over time, the favour balance, promises kept. */
export function HealthPage() {
  useDocumentTitle('Relationship health');
  const charts = useCharts();
  return (
    <>
      <PageHeader
        title="Relationship health"
        subtitle="The last twelve months at a glance."
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
