import type { z } from 'zod';
import { type OutreachItem, outreachReplyInput } from '../../contracts/outreach';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { AppError, notFound, validationError } from '../errors';
import { occurredAt } from '../interactions/interaction';
import { recordInteraction } from '../interactions/record-interaction';
import { advanceForOutreach } from '../purposes/advance-for-outreach';
import { findPurpose } from '../purposes/purpose.queries';
import { validate } from '../validate';
import { ownerToday } from './enqueue-new-connections';
import { interactionKindOf, toItem } from './outreach';
import { findItem, messagesOfItems, updateItemIf } from './outreach.queries';

/**
 * They replied: in one step an inbound interaction is logged, the item is `replied` (and leaves the follow-ups)
 * and the contact's purpose moves to "responded". Only after a message went out (else `conflict`); a reply before
 * the message is a `validation` error on occurredAt.
 */
export async function recordOutreachReply(
  ctx: Ctx,
  itemId: string,
  input: z.input<typeof outreachReplyInput> = {},
): Promise<OutreachItem> {
  const ownerId = requireActor(ctx);
  const data = validate(outreachReplyInput, input);
  const at = occurredAt(ctx, data.occurredAt);
  return inTransaction(ctx, async (tx) => {
    const item = await findItem(tx.db, ownerId, itemId);
    if (!item) throw notFound('outreach item');
    if (item.state === 'replied') throw new AppError('conflict', `${item.display_name} has already replied`);
    if (!item.sent_at)
      throw new AppError(
        'conflict',
        `nothing has been sent to ${item.display_name} yet: send a message first`,
      );
    if (at < item.sent_at) throw validationError('occurredAt', 'is before your message went out');
    const messages = await messagesOfItems(tx.db, ownerId, [itemId]);
    const channel = messages.find((m) => m.status === 'sent')?.channel ?? 'other';
    const interaction = await recordInteraction(
      tx,
      {
        kind: interactionKindOf(channel),
        contactIds: [item.contact_id],
        direction: 'inbound',
        occurredAt: at,
        summary: data.summary ?? null,
      },
      'outreach',
    );
    const now = nowIso(tx);
    const moved = await updateItemIf(tx.db, ownerId, itemId, ['sent', 'followed-up', 'closed'], {
      state: 'replied',
      replied_at: at,
      reply_interaction_id: interaction.id,
      closed_at: item.closed_at ?? now,
      updated_at: now,
    });
    if (!moved) throw new AppError('conflict', `${item.display_name} has already replied`);
    const purpose = item.purpose_id ? await findPurpose(tx.db, ownerId, item.purpose_id) : undefined;
    await advanceForOutreach(tx, {
      contactId: item.contact_id,
      purposeId: purpose?.id ?? null,
      milestone: 'responded',
      source: 'outreach',
    });
    const after = await findItem(tx.db, ownerId, itemId);
    if (!after) throw notFound('outreach item');
    return toItem(after, await ownerToday(tx, ownerId), messages.at(-1));
  });
}
