import type { OutreachSendInput, OutreachSendResult } from '../../contracts/outreach';
import { outreachSendInput } from '../../contracts/outreach';
import { lockAccount } from '../accounts/account.queries';
import { type Ctx, inTransaction, requireActor } from '../context';
import { validationError } from '../errors';
import { notifyDirectMessage, writeDirectMessage } from '../network/send-direct-message';
import { validate } from '../validate';
import { claimMessage, completeSend } from './deliver';

/**
 * Sends one personal message as a Rapport direct message to the account the item's contact stands for — only
 * while we are connected (else a `validation` error on channel says so). Every rule of a personal message applies,
 * as for email. Unlike email, delivery is a write to the same database, so the claim, the message in the thread (an
 * interaction for both sides, the outbound one being the outreach's) and the item moving on commit together: the
 * same `sendKey` returns the message, and a rerun or a race never sends twice. The recipient is mailed after the
 * commit, as for any direct message.
 */
export async function sendOutreachRapport(
  ctx: Ctx,
  itemId: string,
  input: OutreachSendInput,
): Promise<OutreachSendResult> {
  const ownerId = requireActor(ctx);
  const data = validate(outreachSendInput, input);
  if (data.channel !== 'rapport') throw validationError('channel', 'only a Rapport message is sent this way');
  const sent = await inTransaction(ctx, async (tx) => {
    // The account before the item's row (ADR 20's order): writeDirectMessage locks it for the message quota.
    await lockAccount(tx.db, ownerId);
    // Claimed as sent: nothing outside this transaction sees it before the message is in the thread.
    const claim = await claimMessage(tx, ownerId, itemId, data, 'sent');
    if (claim.done) return { result: claim.result, written: null };
    const to = claim.rapportAccount;
    if (!to) throw new Error('a Rapport message was claimed without its account');
    const written = await writeDirectMessage(tx, ownerId, to.id, claim.message.body);
    const result = await completeSend(tx, ownerId, claim.message, {
      messageId: written.row.id,
      interactionId: written.interactionId,
    });
    return { result, written: { message: written, to: to.id } };
  });
  if (sent.written) await notifyDirectMessage(ctx, sent.written.message, sent.written.to);
  return sent.result;
}
