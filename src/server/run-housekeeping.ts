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

/**
 * How often lapsed introductions are looked for between housekeeping runs (ADR 15): the requester hears within
 * minutes that nobody answered in time, not up to six hours later. Two indexed queries (migration 0038) that touch
 * only the rows due; a poll rather than a timer per deadline, because another server process may accept a request.
 */
export const INTRO_LAPSES_EVERY_MS = 5 * 60_000;

/**
 * Marks the introductions past their wait as expired and mails each requester not yet told, once (the claim in
 * `lapse_told_at` keeps two servers or two runs from both sending). Never throws, like housekeeping.
 */
export async function runIntroductionLapses(ctx: Ctx): Promise<void> {
  try {
    const introductions = await expireIntroductions(ctx);
    if (introductions > 0) ctx.log.info({ introductions }, 'introductions lapsed');
  } catch (err) {
    if (isDatabaseBusy(err))
      ctx.log.warn({ err }, 'lapsed introductions put off: the database was busy; the next run does it');
    else ctx.log.error({ err }, 'lapsed introductions failed');
  }
}
