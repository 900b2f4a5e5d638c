import { type Ctx, nowIso } from '../context';
import { advanceForOutreach } from '../purposes/advance-for-outreach';
import { findPurpose } from '../purposes/purpose.queries';
import { awaitingReply, conversationMessages, updateItemIf } from './outreach.queries';

/** Our message may have gone out on LinkedIn a while before it was marked sent in Rapport. */
export const MARKED_LATE_MS = 24 * 3_600_000;

/**
 * Finds replies to outreach in imported conversations (LinkedIn messages.csv), inside the import's transaction: an
 * item that had a message out to one of `contactIds` is replied when that contact wrote in a conversation after
 * our own message in it (ours counts from a day before it was marked sent). Each replied item moves the contact's
 * purpose to "responded". Set-based: one read of the waiting items and one of their conversations. Returns how many
 * items were replied.
 *
 * `senderOf` gives, for the messages this import brought, the contact who wrote each (null: not a contact). An
 * inbound message is linked to everyone in its conversation, so in a group one person's answer is linked to the
 * others too: only the item's own contact writing is their reply.
 */
export async function detectOutreachReplies(
  tx: Ctx,
  ownerId: string,
  contactIds: string[],
  senderOf: ReadonlyMap<string, string | null> = new Map(),
): Promise<number> {
  if (contactIds.length === 0) return 0;
  const waiting = await awaitingReply(tx.db, ownerId, contactIds);
  if (waiting.length === 0) return 0;
  const earliest = Math.min(...waiting.map((w) => Date.parse(w.sent_at as string))) - MARKED_LATE_MS;
  const messages = await conversationMessages(
    tx.db,
    ownerId,
    [...new Set(waiting.map((w) => w.contact_id))],
    new Date(earliest).toISOString(),
  );
  const byContact = new Map<string, typeof messages>();
  for (const m of messages) byContact.set(m.contact_id, [...(byContact.get(m.contact_id) ?? []), m]);

  const now = nowIso(tx);
  let replied = 0;
  for (const item of waiting) {
    const from = new Date(Date.parse(item.sent_at as string) - MARKED_LATE_MS).toISOString();
    const own = byContact.get(item.contact_id) ?? [];
    // Where our message is: the first outbound message of each conversation since we wrote.
    const ours = new Map<string, string>();
    for (const m of own)
      if (
        m.direction === 'outbound' &&
        m.occurred_at >= from &&
        m.conversation_key &&
        !ours.has(m.conversation_key)
      )
        ours.set(m.conversation_key, m.occurred_at);
    const reply = own.find(
      (m) =>
        m.direction === 'inbound' &&
        m.conversation_key !== null &&
        ours.has(m.conversation_key) &&
        m.occurred_at > (ours.get(m.conversation_key) as string) &&
        (!senderOf.has(m.id) || senderOf.get(m.id) === item.contact_id),
    );
    if (!reply) continue;
    const moved = await updateItemIf(tx.db, ownerId, item.id, ['sent', 'followed-up', 'closed'], {
      state: 'replied',
      replied_at: reply.occurred_at,
      reply_interaction_id: reply.id,
      closed_at: now,
      updated_at: now,
    });
    if (!moved) continue;
    replied++;
    const purpose = item.purpose_id ? await findPurpose(tx.db, ownerId, item.purpose_id) : undefined;
    await advanceForOutreach(tx, {
      contactId: item.contact_id,
      purposeId: purpose?.id ?? null,
      milestone: 'responded',
      source: 'linkedin',
    });
  }
  return replied;
}
