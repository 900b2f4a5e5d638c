import { type Ctx, nowIso, requireActor } from '../context';
import { advanceForOutreach } from '../purposes/advance-for-outreach';
import { findPurpose } from '../purposes/purpose.queries';
import { awaitingRapportReply, updateItemIf } from './outreach.queries';

/**
 * A direct message came in on Rapport, inside its transaction (`ctx` acts as the recipient): when the recipient's
 * outreach to the sender went out as a Rapport message in this thread and waits for a reply, this message is the
 * reply — the item is `replied` with the message's inbound interaction, and the contact's purpose moves to
 * "responded", as a reply found in LinkedIn's messages does. Returns how many items were replied.
 */
export async function detectRapportReply(
  ctx: Ctx,
  contactId: string,
  message: { id: string; occurredAt: string },
): Promise<number> {
  const ownerId = requireActor(ctx);
  const waiting = await awaitingRapportReply(ctx.db, ownerId, contactId, message.occurredAt);
  const now = nowIso(ctx);
  let replied = 0;
  for (const item of waiting) {
    const moved = await updateItemIf(ctx.db, ownerId, item.id, ['sent', 'followed-up', 'closed'], {
      state: 'replied',
      replied_at: message.occurredAt,
      reply_interaction_id: message.id,
      closed_at: now,
      updated_at: now,
    });
    if (!moved) continue;
    replied++;
    // A purpose deleted since is passed over (every active purpose moves instead), never an error of the message.
    const purpose = item.purpose_id ? await findPurpose(ctx.db, ownerId, item.purpose_id) : undefined;
    await advanceForOutreach(ctx, {
      contactId: item.contact_id,
      purposeId: purpose?.id ?? null,
      milestone: 'responded',
      source: 'rapport',
    });
  }
  return replied;
}
