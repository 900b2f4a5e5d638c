import type { OutreachSendInput, OutreachSendResult } from '../../contracts/outreach';
import { outreachSendInput } from '../../contracts/outreach';
import { type Ctx, inTransaction, requireActor } from '../context';
import { validationError } from '../errors';
import { validate } from '../validate';
import { claimMessage, completeSend } from './deliver';

/**
 * Records a personal message the user sent in their own channel (copied into LinkedIn, opened as a mailto: link,
 * or anything else) as sent: the same rules as email (a personal line, never the same text to many people), the
 * same idempotent `sendKey`, the same effects (an outbound interaction, a follow-up date, the purpose moves on).
 * `sentAt` says when it went out, if not now (`validation` when in the future or before the connection); the
 * follow-up day and the time to a reply count from it. `undoOutreachSent` takes it back.
 */
export async function markOutreachSent(
  ctx: Ctx,
  itemId: string,
  input: OutreachSendInput,
): Promise<OutreachSendResult> {
  const ownerId = requireActor(ctx);
  const data = validate(outreachSendInput, input);
  if (data.channel === 'email')
    throw validationError(
      'channel',
      'email is sent by the server: use send (or choose mailto to use your own mail)',
    );
  if (data.channel === 'rapport')
    throw validationError('channel', 'a Rapport message is sent by the server: use send');
  return inTransaction(ctx, async (tx) => {
    const claim = await claimMessage(tx, ownerId, itemId, data, 'sent');
    if (claim.done) return claim.result;
    return completeSend(tx, ownerId, claim.message, { messageId: null, sentAt: claim.sentAt });
  });
}
