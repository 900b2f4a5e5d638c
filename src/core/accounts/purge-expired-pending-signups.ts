import { type Ctx, nowIso } from '../context';
import { deleteExpiredPendingSignups } from './pending-signup.queries';

/** System job: forgets sign-ups whose confirmation link expired (they can no longer make an account). */
export async function purgeExpiredPendingSignups(ctx: Ctx): Promise<number> {
  return deleteExpiredPendingSignups(ctx.db, nowIso(ctx));
}
