import { daysBetween, localDay } from '../agenda/local-day';
import type { Candidate } from '../agenda/rank-today';
import type { TodaySource } from '../agenda/today-sources';
import { helpOffersTo, listConnectionsAsks } from './ask.queries';

/** A few asks a day are a conversation; more would be a feed. */
export const ASKS_ON_TODAY = 3;

// Offers of help on my own asks: someone is waiting for my answer, so each one is listed (within reason).
const OFFERS_ON_TODAY = 10;

/**
 * My connections' open asks I have not answered, newest first, a few a day (group ask); and each offer of help on
 * my own asks until the ask is closed or the item done (group waiting: they are waiting on me).
 */
export const asksToday: TodaySource = async (ctx, ownerId, today, hidden, timeZone) => {
  const [rows, offers] = await Promise.all([
    listConnectionsAsks(ctx.db, ownerId, today, ASKS_ON_TODAY, { unanswered: true }),
    helpOffersTo(ctx.db, ownerId, OFFERS_ON_TODAY * 5),
  ]);
  const waiting = offers
    .map((o): Candidate => {
      const days = daysBetween(localDay(new Date(o.created_at), timeZone), today);
      return {
        key: `ask-offer:${o.ask_id}:${o.id}`,
        kind: 'ask',
        group: 'waiting',
        urgency: days,
        title: `${o.responder_name} can help with your ask: ${o.title}`,
        reason: o.note
          ? `they wrote: “${o.note.length > 140 ? `${o.note.slice(0, 139)}…` : o.note}”`
          : `they offered ${days <= 0 ? 'today' : `${days} day${days === 1 ? '' : 's'} ago`}`,
        contact: null,
        action: { kind: 'open-ask', label: 'Take them up' },
        dueOn: null,
      };
    })
    .filter((c) => !hidden.has(c.key))
    .slice(0, OFFERS_ON_TODAY);
  return waiting.concat(
    rows.map(
      (r, i): Candidate => ({
        key: `ask:${r.id}`,
        kind: 'ask',
        group: 'ask',
        urgency: -i,
        title: `${r.owner_name} asks: ${r.title}`,
        reason: `can you help? open until ${r.expires_on}`,
        contact: null,
        action: { kind: 'answer-ask', label: 'I can help' },
        dueOn: r.expires_on,
      }),
    ),
  );
};
