import { addDays } from '../clock';
import { type Ctx, nowIso } from '../context';
import { ENDED_SESSION_KEPT_DAYS } from './session';
import { deleteSpentSessions } from './session.queries';

/**
 * System job: forgets sessions past their expiry (they already stopped working then), and those a password change
 * or another device ended more than a few days ago (kept until then only to tell their browser why).
 */
export async function purgeExpiredSessions(ctx: Ctx): Promise<number> {
  const endedBefore = addDays(ctx.clock.now(), -ENDED_SESSION_KEPT_DAYS).toISOString();
  return deleteSpentSessions(ctx.db, nowIso(ctx), endedBefore);
}
