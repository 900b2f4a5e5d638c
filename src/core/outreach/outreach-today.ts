import { daysBetween, localDay } from '../agenda/local-day';
import type { Candidate } from '../agenda/rank-today';
import type { TodaySource } from '../agenda/today-sources';
import { nowIso } from '../context';
import { closeLapsedItems, followUpsDue, newestQueued, queueCounts } from './outreach.queries';

/** New connections Today shows a day: a few, so the queue never swamps the list. */
export const NEW_CONNECTIONS_PER_DAY = 3;
const FOLLOW_UPS = 50;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Today's outreach (docs/adr/0009, 0012): follow-ups due (one per message that waited its days without a reply)
 * and the newest few connections still waiting for a personal message (not those written to outside outreach),
 * each saying how many more wait after it. Follow-ups that waited their own window are closed quietly first.
 */
export const outreachToday: TodaySource = async (ctx, ownerId, today, hidden, timeZone) => {
  await closeLapsedItems(ctx.db, ownerId, today, nowIso(ctx));
  const out: Candidate[] = [];
  for (const f of await followUpsDue(ctx.db, ownerId, today, FOLLOW_UPS)) {
    const waited = f.sent_at ? daysBetween(localDay(new Date(f.sent_at), timeZone), today) : 0;
    out.push({
      key: `follow-up:${f.id}`,
      kind: 'follow-up',
      group: 'follow-up',
      urgency: daysBetween(f.follow_up_on as string, today),
      title: `Follow up with ${f.display_name}`,
      reason: `no reply ${plural(waited, 'day')} after your message: one short follow-up, or let it go`,
      contact: { id: f.contact_id, displayName: f.display_name },
      action: { kind: 'outreach-follow-up', label: 'Write the follow-up' },
      dueOn: f.follow_up_on,
    });
  }

  const hiddenConnections = [...hidden].filter((k) => k.startsWith('new-connection:')).length;
  const queued = (await newestQueued(ctx.db, ownerId, NEW_CONNECTIONS_PER_DAY + hiddenConnections))
    .filter((q) => !hidden.has(`new-connection:${q.id}`))
    .slice(0, NEW_CONNECTIONS_PER_DAY);
  if (queued.length === 0) return out;
  const waiting = (await queueCounts(ctx.db, ownerId, today)).queued;
  for (const [i, q] of queued.entries()) {
    const via = q.contact_source === 'linkedin' ? ' on LinkedIn' : '';
    const when = q.connected_on
      ? `connected ${q.connected_on}${via}`
      : `added ${localDay(new Date(q.queued_at), timeZone)}`;
    // Today's limit may cut these after any of them (it keeps them in this order): each counts who waits after
    // it, so the last one shown is right however many are shown.
    const more = waiting - (i + 1);
    out.push({
      key: `new-connection:${q.id}`,
      kind: 'new-connection',
      group: 'new-connection',
      // The order picked here (newest connection first, then the newest item), also among ties of a day.
      urgency: -i,
      title: `Write to ${q.display_name}`,
      reason: `${when}, no personal message yet${more > 0 ? `; ${more} more in the queue after this one` : ''}`,
      contact: { id: q.contact_id, displayName: q.display_name },
      action: { kind: 'outreach-write', label: 'Write a personal message' },
      dueOn: null,
    });
  }
  return out;
};
