import type { Ctx } from '../context';
import type { IntroductionTable } from '../db/schema';
import { withdrawnMailToBroker, withdrawnMailToTarget } from './intro-mail';
import { accountsByIds } from './introduction.queries';
import { sendQuietly } from './view-introduction';

/**
 * After a withdrawal is committed, `open` being the row as it was just before: the broker is told (so they stop
 * weighing it, or know why the person they asked need not answer), and so is the person when it was waiting on
 * them. A person the broker never passed it on to is never mailed: they must not learn of a request they were
 * never shown. The requester, who withdrew, gets nothing. A failure is logged.
 */
export async function tellWithdrawn(
  ctx: Ctx,
  open: Pick<
    IntroductionTable,
    | 'id'
    | 'state'
    | 'requester_id'
    | 'broker_id'
    | 'target_account_id'
    | 'target_email'
    | 'target_name'
    | 'ask_id'
  >,
): Promise<void> {
  if (!ctx.mailer) return;
  const personAsked = open.state === 'awaiting-target';
  const targetAccountId = personAsked ? open.target_account_id : null;
  const accounts = await accountsByIds(ctx.db, [
    open.requester_id,
    open.broker_id,
    ...(targetAccountId ? [targetAccountId] : []),
  ]);
  const requesterName = accounts.get(open.requester_id)?.name ?? 'The requester';
  const broker = accounts.get(open.broker_id);
  const page = `${ctx.settings.publicUrl}/introductions/${open.id}`;
  const mails = [];
  if (broker) {
    mails.push(
      withdrawnMailToBroker({
        to: { name: broker.name, address: broker.email },
        requesterName,
        targetName: open.target_name,
        personAsked,
        offered: open.ask_id !== null,
        url: page,
      }),
    );
  }
  if (personAsked) {
    const account = targetAccountId ? accounts.get(targetAccountId) : undefined;
    const to = account
      ? { name: account.name, address: account.email }
      : open.target_email
        ? { name: open.target_name, address: open.target_email }
        : null;
    if (to) {
      mails.push(
        withdrawnMailToTarget({
          to,
          requesterName,
          brokerName: broker?.name ?? 'your contact',
          url: account ? page : null,
        }),
      );
    }
  }
  await sendQuietly(ctx, open.id, mails);
}
