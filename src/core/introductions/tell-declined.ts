import type { Ctx } from '../context';
import type { IntroductionTable } from '../db/schema';
import type { MailMessage } from '../mail/mailer';
import { declinedMailToBroker, declinedMailToRequester } from './intro-mail';
import { accountsByIds } from './introduction.queries';
import { sendQuietly } from './view-introduction';

/**
 * After a decline is committed: the requester is told it is not going ahead (never by whom); when the person asked
 * declined, the broker who asked them hears too (a broker who declined needs no mail about their own choice).
 * A failure is logged.
 */
export async function tellDeclined(
  ctx: Ctx,
  row: Pick<IntroductionTable, 'id' | 'requester_id' | 'broker_id' | 'target_name' | 'ask_id'>,
  by: 'broker' | 'target',
): Promise<void> {
  if (!ctx.mailer) return;
  const accounts = await accountsByIds(ctx.db, [row.requester_id, row.broker_id]);
  const requester = accounts.get(row.requester_id);
  const broker = accounts.get(row.broker_id);
  const url = `${ctx.settings.publicUrl}/introductions/${row.id}`;
  const offered = row.ask_id !== null;
  const mails: MailMessage[] = [];
  if (requester) {
    mails.push(
      declinedMailToRequester({
        to: { name: requester.name, address: requester.email },
        brokerName: broker?.name ?? 'your connection',
        targetName: row.target_name,
        offered,
        url,
      }),
    );
  }
  if (by === 'target' && broker) {
    mails.push(
      declinedMailToBroker({
        to: { name: broker.name, address: broker.email },
        requesterName: requester?.name ?? 'the requester',
        targetName: row.target_name,
        offered,
        url,
      }),
    );
  }
  await sendQuietly(ctx, row.id, mails);
}
