import { getToday } from '../agenda/get-today';
import { localDay, localHour, shiftDay } from '../agenda/local-day';
import { actingAs, type Ctx } from '../context';
import type { Mailer } from '../mail/mailer';
import { composeDigest } from './compose-digest';
import { claimDigestDay, digestSubscribers, finishDigestDay, unsubscribeKeyOf } from './digest.queries';
import { unsubscribeUrl } from './unsubscribe-from-digest';

/** A server that was down (or an SMTP server that refused) at the digest hour still sends it this much later. */
export const CATCH_UP_HOURS = 3;
/** A claim older than this belongs to a process that died mid-send: another run may take it over. */
export const STALE_CLAIM_MS = 30 * 60_000;

export interface DigestOptions {
  /**
   * The web app's address for links (BASE_URL). Unset or blank: the server's own public address
   * (`ctx.settings.publicUrl`, which follows PORT and HOST), so the links reach the server that sent them.
   */
  baseUrl?: string;
}

export interface DigestRun {
  /** Accounts whose digest hour it is and that still needed one. */
  due: number;
  sent: number;
  /** Today was empty: recorded as done for the day, no e-mail. */
  empty: number;
  failed: number;
  /** Already sent today, or being sent by another process. */
  skipped: number;
}

/**
 * System job: sends each account with the digest on its Today list as one e-mail, once per local day, in the hour
 * it chose (its own time zone; up to CATCH_UP_HOURS later if the server was down or the SMTP server refused).
 * The day is claimed in `digest_sends` before anything is sent, so two server processes never both send it; a
 * `sent` day is never sent again; a `failed` one is retried on the next run. An empty Today sends nothing and
 * counts the day as done (`sent` with 0 items and no message id). Never throws for one account's failure.
 */
export async function sendDueDigests(
  ctx: Ctx,
  mailer: Mailer,
  now: Date,
  opts: DigestOptions = {},
): Promise<DigestRun> {
  const baseUrl = (opts.baseUrl?.trim() || ctx.settings.publicUrl).replace(/\/+$/, '');
  const run: DigestRun = { due: 0, sent: 0, empty: 0, failed: 0, skipped: 0 };
  const at = now.toISOString();
  const staleBefore = new Date(now.getTime() - STALE_CLAIM_MS).toISOString();

  for (const account of await digestSubscribers(ctx.db)) {
    let hour: number;
    let day: string;
    try {
      hour = localHour(now, account.time_zone);
      day = localDay(now, account.time_zone);
    } catch {
      ctx.log.warn({ accountId: account.id }, 'daily digest skipped: unknown time zone');
      continue;
    }
    // Hours since the digest hour, across midnight: a 23:00 digest missed by a restart still goes out at 00:30,
    // as the day it belongs to (the list is the current one).
    const late = (hour - account.digest_hour + 24) % 24;
    if (late >= CATCH_UP_HOURS) continue;
    if (hour < account.digest_hour) day = shiftDay(day, -1);
    if (!(await claimDigestDay(ctx.db, account.id, day, at, staleBefore))) {
      run.skipped++;
      continue;
    }
    run.due++;
    try {
      const today = await getToday({ ...actingAs(ctx, account.id), clock: { now: () => now } });
      if (today.items.length === 0) {
        await finishDigestDay(ctx.db, account.id, day, {
          status: 'sent',
          items: 0,
          message_id: null,
          error: null,
          sent_at: at,
        });
        run.empty++;
        continue;
      }
      const key = (await unsubscribeKeyOf(ctx.db, account.id)) ?? '';
      const unsubscribe = unsubscribeUrl(baseUrl, account.id, key);
      const content = composeDigest(account.name, today, { baseUrl, unsubscribeUrl: unsubscribe });
      const headers: Record<string, string> = {
        'List-Unsubscribe': `<${unsubscribe}>`,
        'Auto-Submitted': 'auto-generated',
        'X-Auto-Response-Suppress': 'OOF, AutoReply',
      };
      // RFC 8058: one-click only with an https link (mail providers POST to it).
      if (unsubscribe.startsWith('https://')) headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
      const { messageId } = await mailer.send({
        to: { name: account.name, address: account.email },
        ...content,
        headers,
        date: now,
      });
      await finishDigestDay(ctx.db, account.id, day, {
        status: 'sent',
        items: today.items.length,
        message_id: messageId,
        error: null,
        sent_at: at,
      });
      run.sent++;
      ctx.log.info({ accountId: account.id, day, items: today.items.length }, 'daily digest sent');
    } catch (err) {
      run.failed++;
      const error = (err instanceof Error ? err.message : String(err)).slice(0, 500);
      ctx.log.warn({ accountId: account.id, day, error }, 'daily digest failed; the next run retries it');
      await finishDigestDay(ctx.db, account.id, day, {
        status: 'failed',
        items: 0,
        message_id: null,
        error,
        sent_at: at,
      }).catch((e: unknown) => ctx.log.error({ err: e }, 'could not record a failed digest'));
    }
  }
  return run;
}
