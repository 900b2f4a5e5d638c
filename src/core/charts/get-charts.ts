import type { PurposePace } from '../../contracts/purposes';
import { accountToday } from '../agenda/account-today';
import { shiftDay } from '../agenda/local-day';
import { type Ctx, requireActor } from '../context';
import type { Tier } from '../relationships/strength';
import { favoursSince, myPromisesDueSince, tierDays } from './charts.queries';
import { countTiers } from './count-tiers';
import { listPurposePace } from './list-purpose-pace';

export interface Charts {
  /** Contacts per tier by day (daily snapshots, today computed live). */
  health: ({ day: string } & Record<Tier, number>)[];
  /** Favours given and received per month (weighted by size), and the running balance. */
  favours: { month: string; given: number; received: number; balance: number }[];
  /**
   * My promises per month of their due date: kept on time, kept late, broken, and still open past the date
   * (overdue: not kept on time, as in the kept-on-time rate of get-promise-stats).
   */
  promises: { month: string; onTime: number; late: number; broken: number; overdue: number }[];
  /** The active purposes now, each against its target and deadline. */
  purposes: PurposePace[];
}

/** The data behind the web app's charts, over the last year (purposes: as they stand today). */
export async function getCharts(ctx: Ctx): Promise<Charts> {
  const ownerId = requireActor(ctx);
  const today = await accountToday(ctx, ownerId);
  const from = shiftDay(today, -365);
  const [days, live, favours, promises, purposes] = await Promise.all([
    tierDays(ctx.db, ownerId, from),
    countTiers(ctx, ownerId),
    favoursSince(ctx.db, ownerId, from),
    myPromisesDueSince(ctx.db, ownerId, from, today),
    listPurposePace(ctx),
  ]);
  const health = days
    .filter((d) => d.day !== today)
    .map((d) => ({
      day: d.day,
      inner: d.inner_n,
      close: d.close_n,
      active: d.active_n,
      dormant: d.dormant_n,
    }));
  health.push({ day: today, ...live });

  const months = new Map<string, { given: number; received: number }>();
  for (const f of favours) {
    const m = months.get(f.occurred_on.slice(0, 7)) ?? { given: 0, received: 0 };
    m[f.direction] += f.size;
    months.set(f.occurred_on.slice(0, 7), m);
  }
  let balance = 0;
  const favourSeries = [...months.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([month, m]) => {
      balance += m.given - m.received;
      return { month, ...m, balance };
    });

  const promiseMonths = new Map<string, { onTime: number; late: number; broken: number; overdue: number }>();
  for (const p of promises) {
    if (p.status === 'released' || (p.status === 'open' && p.due_on >= today)) continue;
    const m = promiseMonths.get(p.due_on.slice(0, 7)) ?? { onTime: 0, late: 0, broken: 0, overdue: 0 };
    if (p.status === 'open') m.overdue++;
    else if (p.status === 'broken') m.broken++;
    else if (p.resolved_on && p.resolved_on <= p.due_on) m.onTime++;
    else m.late++;
    promiseMonths.set(p.due_on.slice(0, 7), m);
  }
  return {
    health,
    favours: favourSeries,
    promises: [...promiseMonths.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([month, m]) => ({ month, ...m })),
    purposes,
  };
}
