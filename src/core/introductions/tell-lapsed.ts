import { type Ctx, nowIso } from '../context';
import { lapsedMailToRequester } from './intro-mail';
import { accountsByIds, claimLapseTold, untoldLapses } from './introduction.queries';
import { sendQuietly } from './view-introduction';

const BATCH = 100;

/**
 * Housekeeping, after expiring: each requester whose request lapsed is mailed once, however it came to be marked
 * (a read, a dead link, housekeeping, the person's account deleted). Each mail is claimed before it is sent, so two
 * servers never both send; without a mail server the claim is all that happens. Returns how many were mailed.
 * Only the requester hears: the broker and the person let it lapse themselves, and a person never passed the
 * request must not learn of it.
 */
export async function tellLapsedRequesters(ctx: Ctx): Promise<number> {
  const now = nowIso(ctx);
  let mailed = 0;
  for (;;) {
    const rows = await untoldLapses(ctx.db, BATCH);
    if (rows.length === 0) return mailed;
    const accounts = await accountsByIds(
      ctx.db,
      rows.flatMap((r) => [r.requester_id, r.broker_id]),
    );
    for (const row of rows) {
      if (!(await claimLapseTold(ctx.db, row.id, now))) continue;
      const requester = accounts.get(row.requester_id);
      if (!requester || !ctx.mailer) continue;
      await sendQuietly(ctx, row.id, [
        lapsedMailToRequester({
          to: { name: requester.name, address: requester.email },
          brokerName: accounts.get(row.broker_id)?.name ?? 'your connection',
          targetName: row.target_name,
          offered: row.ask_id !== null,
          url: `${ctx.settings.publicUrl}/introductions/${row.id}`,
        }),
      ]);
      mailed++;
    }
  }
}
