import type { Candidate } from '../agenda/rank-today';
import type { TodaySource } from '../agenda/today-sources';
import { DAY_MS } from '../introductions/introduction';
import { listConnections } from './connection.queries';

// More than any Today list shows; the rest wait their turn.
const PER_KIND = 50;

/**
 * Connection requests waiting on the owner's answer, on Today with the introductions waiting on them (group
 * intro-decide): someone is waiting, and without mail nothing else tells them. Gone once answered or withdrawn.
 */
export const connectionRequestsToday: TodaySource = async (ctx, ownerId) => {
  const now = ctx.clock.now().getTime();
  const rows = await listConnections(ctx.db, ownerId, 'incoming', PER_KIND);
  return rows.map(
    (r): Candidate => ({
      key: `connection-request:${r.id}`,
      kind: 'connection-request',
      group: 'intro-decide',
      urgency: Math.max(0, Math.floor((now - Date.parse(r.created_at)) / DAY_MS)),
      title: `${r.other_name} asks to connect`,
      reason: `waiting on you since ${r.created_at.slice(0, 10)}`,
      contact: null,
      action: { kind: 'decide-connection', label: 'Accept or decline' },
      dueOn: null,
    }),
  );
};
