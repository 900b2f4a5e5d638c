import type { z } from 'zod';
import {
  type OutreachRateRow,
  type OutreachStats,
  outreachStatsQuery,
  REPLY_BASELINE,
} from '../../contracts/outreach';
import { type Ctx, nowIso, requireActor } from '../context';
import { validate } from '../validate';
import { ownerToday } from './enqueue-new-connections';
import { closeLapsedItems, firstMessagesSent, queueCounts } from './outreach.queries';

type Sent = Awaited<ReturnType<typeof firstMessagesSent>>[number];

const HOUR = 3_600_000;

export function hoursToReply(s: { sent_at: string | null; replied_at: string | null }): number | null {
  if (!s.sent_at || !s.replied_at) return null;
  return Math.max(0, (Date.parse(s.replied_at) - Date.parse(s.sent_at)) / HOUR);
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const m = s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
  return Math.round(m * 10) / 10;
}

function rateOf(key: string, label: string, rows: Sent[]): OutreachRateRow {
  const replied = rows.filter((r) => r.replied_at);
  return {
    key,
    label,
    sent: rows.length,
    replied: replied.length,
    rate: rows.length ? replied.length / rows.length : null,
    medianHoursToReply: median(replied.map(hoursToReply).filter((h): h is number => h !== null)),
    waiting: rows.filter((r) => !r.replied_at && (r.state === 'sent' || r.state === 'followed-up')).length,
  };
}

function groupBy(rows: Sent[], keyOf: (r: Sent) => [string, string]): OutreachRateRow[] {
  const groups = new Map<string, { label: string; rows: Sent[] }>();
  for (const r of rows) {
    const [key, label] = keyOf(r);
    const g = groups.get(key) ?? { label, rows: [] };
    g.rows.push(r);
    groups.set(key, g);
  }
  return [...groups].map(([key, g]) => rateOf(key, g.label, g.rows));
}

/** The Monday (UTC) of the week an ISO time falls in: a weekly cohort of first messages. */
export function weekOf(iso: string): string {
  const day = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

const bySent = (a: OutreachRateRow, b: OutreachRateRow) => b.sent - a.sent || a.label.localeCompare(b.label);

/**
 * Response rate (replied ÷ first messages sent) and median time to reply, overall and by purpose, template,
 * channel, month and week of the first message, against the ~25% baseline, each with how many still wait for a
 * reply; plus where the queue stands. A reply is counted once per person (the item's first reply).
 */
export async function getOutreachStats(
  ctx: Ctx,
  query: z.input<typeof outreachStatsQuery> = {},
): Promise<OutreachStats> {
  const ownerId = requireActor(ctx);
  const q = validate(outreachStatsQuery, query);
  const today = await ownerToday(ctx, ownerId);
  await closeLapsedItems(ctx.db, ownerId, today, nowIso(ctx));
  const rows = await firstMessagesSent(ctx.db, ownerId, { since: q.since, purposeId: q.purpose });
  const counts = await queueCounts(ctx.db, ownerId, today);
  return {
    baseline: REPLY_BASELINE,
    total: rateOf('all', 'All messages', rows),
    byPurpose: groupBy(rows, (r) =>
      r.purpose_id ? [r.purpose_id, r.purpose_name ?? 'a deleted purpose'] : ['none', 'No purpose'],
    ).sort(bySent),
    byTemplate: groupBy(rows, (r) =>
      r.template_id ? [r.template_id, r.template_name ?? 'a deleted template'] : ['none', 'No template'],
    ).sort(bySent),
    byChannel: groupBy(rows, (r) => [r.channel, r.channel]).sort(bySent),
    byMonth: groupBy(rows, (r) => {
      const month = (r.sent_at ?? '').slice(0, 7);
      return [month, month];
    }).sort((a, b) => a.key.localeCompare(b.key)),
    byWeek: groupBy(rows, (r) => {
      const week = weekOf(r.sent_at ?? '');
      return [week, `week of ${week}`];
    }).sort((a, b) => a.key.localeCompare(b.key)),
    queue: { queued: counts.queued, awaiting: counts.awaiting, followUpDue: counts.followUpDue },
  };
}
