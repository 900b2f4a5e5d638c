import { type Ctx, nowIso } from '../context';
import { deleteExpiredSessions } from './session.queries';

/** System job: forgets sessions past their expiry (they already stopped working at expiry). */
export async function purgeExpiredSessions(ctx: Ctx): Promise<number> {
  return deleteExpiredSessions(ctx.db, nowIso(ctx));
}
