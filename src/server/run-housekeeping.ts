import { purgeExpiredPendingSignups } from '../core/accounts/purge-expired-pending-signups';
import { purgeExpiredSessions } from '../core/accounts/purge-expired-sessions';
import { expireAsks } from '../core/asks/expire-asks';
import { snapshotTiers } from '../core/charts/snapshot-tiers';
import type { Ctx } from '../core/context';
import { isDatabaseBusy } from '../core/db/portable';
import { expireIntroductions } from '../core/introductions/expire-introductions';
import { purgeTrash } from '../core/trash/purge-trash';

/**
 * The server's periodic chores: trash purge, expired sessions and sign-up links, the day's account tiers, expired
 * introductions and asks. Never throws: a failure is logged, and a busy database (the CLI importing) only at warn,
 * since the next run does the same work.
 */
export async function runHousekeeping(ctx: Ctx): Promise<void> {
  try {
    const purged = await purgeTrash(ctx);
    const sessions = await purgeExpiredSessions(ctx);
    const pendingSignups = await purgeExpiredPendingSignups(ctx);
    const accounts = await snapshotTiers(ctx);
    const introductions = await expireIntroductions(ctx);
    const asks = await expireAsks(ctx);
    ctx.log.info({ purged, sessions, pendingSignups, accounts, introductions, asks }, 'housekeeping done');
  } catch (err) {
    if (isDatabaseBusy(err))
      ctx.log.warn({ err }, 'housekeeping put off: the database was busy; the next run does it');
    else ctx.log.error({ err }, 'housekeeping failed');
  }
}
