import { type Ctx, nowIso } from '../context';
import { followUpAfter } from './deliver';
import { MARKED_LATE_MS } from './detect-outreach-replies';
import {
  claimInteractionForLinkedin,
  findItem,
  unclaimedLinkedinSends,
  updateItemIf,
  updateMessage,
} from './outreach.queries';

/** One outbound message of a LinkedIn export, written to one contact alone. */
export interface ExportedSend {
  /** The interaction's external key the import gives the message. */
  key: string;
  conversationKey: string;
  contactId: string;
  /** ISO-8601, LinkedIn's time. */
  sentAt: string;
  text: string;
}

const fold = (text: string | null) => (text ?? '').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * A message marked sent from the outreach queue on `linkedin` logged an outbound interaction; the next messages.csv
 * brings the same message back. Rather than a second interaction, the import claims the first: it takes the export's
 * key (so later exports skip it), its conversation (so replies in it are found) and LinkedIn's time. A send matches
 * an unclaimed marked one to the same contact with the same text, else the nearest within a day either way (people
 * mark a message sent a little before or after it went out, and may edit it on LinkedIn). Each is claimed once.
 * Returns the keys of the sends claimed; the import inserts the others. Runs inside the import's transaction.
 */
export async function claimMarkedLinkedinSends(
  tx: Ctx,
  ownerId: string,
  sends: ExportedSend[],
): Promise<Set<string>> {
  const claimed = new Set<string>();
  if (sends.length === 0) return claimed;
  const marked = await unclaimedLinkedinSends(tx.db, ownerId, [...new Set(sends.map((s) => s.contactId))]);
  if (marked.length === 0) return claimed;
  const taken = new Set<string>();
  const now = nowIso(tx);
  // Same text first, so a send that was edited does not take the one whose text is the export's.
  for (const sameText of [true, false]) {
    for (const send of sends) {
      if (claimed.has(send.key)) continue;
      const at = Date.parse(send.sentAt);
      let best: (typeof marked)[number] | undefined;
      for (const m of marked) {
        if (m.contact_id !== send.contactId || taken.has(m.interaction_id)) continue;
        const gap = Math.abs(Date.parse(m.occurred_at) - at);
        if (sameText ? fold(m.summary) !== fold(send.text) : gap > MARKED_LATE_MS) continue;
        if (!best || gap < Math.abs(Date.parse(best.occurred_at) - at)) best = m;
      }
      if (!best) continue;
      taken.add(best.interaction_id);
      claimed.add(send.key);
      await claimInteractionForLinkedin(tx.db, ownerId, best.interaction_id, {
        external_key: send.key,
        conversation_key: send.conversationKey,
        occurred_at: send.sentAt,
        updated_at: now,
      });
      await retimeSend(tx, ownerId, best, send.sentAt, now);
    }
  }
  return claimed;
}

/**
 * LinkedIn's time is when the message went out; the time it was marked sent was a guess (ADR 12). The message, its
 * item (sent or followed up at, and the follow-up day that counts from it) take LinkedIn's, as the interaction
 * does, so the response rate, the time to a reply, the week and month of the stats and the queue's follow-up
 * order all count from the same moment. A first message leaves the follow-up day alone once a follow-up went out.
 */
async function retimeSend(
  tx: Ctx,
  ownerId: string,
  m: Awaited<ReturnType<typeof unclaimedLinkedinSends>>[number],
  sentAt: string,
  now: string,
) {
  const at = new Date(sentAt).toISOString();
  await updateMessage(tx.db, ownerId, m.message_id, { sent_at: at, updated_at: now });
  const item = await findItem(tx.db, ownerId, m.item_id);
  if (!item) return;
  const { followUpOn } = await followUpAfter(tx, ownerId, m, at);
  const patch =
    m.kind === 'first'
      ? { sent_at: at, ...(item.followed_up_at ? {} : { follow_up_on: followUpOn }) }
      : { followed_up_at: at, follow_up_on: followUpOn };
  await updateItemIf(tx.db, ownerId, item.id, [item.state], { ...patch, updated_at: now });
}
