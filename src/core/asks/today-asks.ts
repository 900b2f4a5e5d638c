import type { Candidate } from '../agenda/rank-today';
import type { TodaySource } from '../agenda/today-sources';
import { listConnectionsAsks } from './ask.queries';

/** A few asks a day are a conversation; more would be a feed. */
export const ASKS_ON_TODAY = 3;

/** My connections' open asks I have not answered, newest first, a few a day (group ask). */
export const asksToday: TodaySource = async (ctx, ownerId, today) => {
  const rows = await listConnectionsAsks(ctx.db, ownerId, today, ASKS_ON_TODAY, { unanswered: true });
  return rows.map(
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
  );
};
