import type { Ctx } from '../context';
import type { IntroductionTable } from '../db/schema';
import { declinedMailToRequester } from './intro-mail';
import { accountsByIds } from './introduction.queries';
import { sendQuietly } from './view-introduction';

/** After a decline is committed: the requester is told it is not going ahead (never by whom); a failure is logged. */
export async function tellRequesterDeclined(
  ctx: Ctx,
  row: Pick<IntroductionTable, 'id' | 'requester_id' | 'broker_id' | 'target_name'>,
): Promise<void> {
  if (!ctx.mailer) return;
  const accounts = await accountsByIds(ctx.db, [row.requester_id, row.broker_id]);
  const requester = accounts.get(row.requester_id);
  if (!requester) return;
  await sendQuietly(ctx, row.id, [
    declinedMailToRequester({
      to: { name: requester.name, address: requester.email },
      brokerName: accounts.get(row.broker_id)?.name ?? 'your connection',
      targetName: row.target_name,
      url: `${ctx.settings.publicUrl}/introductions/${row.id}`,
    }),
  ]);
}
