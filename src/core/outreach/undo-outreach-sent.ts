import type { z } from 'zod';
import { type OutreachItem, outreachUndoSentInput, SERVER_CHANNELS } from '../../contracts/outreach';
import { shiftDay } from '../agenda/local-day';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { AppError, notFound } from '../errors';
import { deleteInteraction } from '../interactions/delete-interaction';
import { findPurpose } from '../purposes/purpose.queries';
import { undoOutreachAdvance } from '../purposes/undo-outreach-advance';
import { validate } from '../validate';
import { ownerDayAt } from './enqueue-new-connections';
import { presentItem } from './item-result';
import { followUpDaysOf } from './outreach';
import {
  deleteMessage,
  findItem,
  findTemplate,
  isClaimedByExport,
  messagesOfItems,
  updateItemIf,
} from './outreach.queries';

/**
 * Takes back a message marked sent by mistake (the item's latest, sent in the user's own channel): the item is again
 * as it was before — a first message puts the person back in the queue, a follow-up makes the first message wait
 * for its follow-up again — and the message and its outbound interaction are gone, so it counts in no response rate
 * and no strength. An email or a Rapport message that went out cannot be taken back, nor a message once the item
 * moved on (a reply, a later message, a quiet close), nor a LinkedIn message an export has since brought back: each
 * a `conflict`. The purpose stage a first message moved
 * goes back too, unless the person was moved since (`undoOutreachAdvance`).
 */
export async function undoOutreachSent(
  ctx: Ctx,
  itemId: string,
  input: z.input<typeof outreachUndoSentInput>,
): Promise<OutreachItem> {
  const ownerId = requireActor(ctx);
  const { messageId } = validate(outreachUndoSentInput, input);
  return inTransaction(ctx, async (tx) => {
    const item = await findItem(tx.db, ownerId, itemId);
    if (!item) throw notFound('outreach item');
    const messages = await messagesOfItems(tx.db, ownerId, [itemId]);
    const message = messages.find((m) => m.id === messageId);
    if (!message) throw notFound('outreach message');
    const name = item.display_name;
    if (message.status !== 'sent')
      throw new AppError('conflict', `this message to ${name} was not sent (${message.status})`);
    if ((SERVER_CHANNELS as readonly string[]).includes(message.channel))
      throw new AppError(
        'conflict',
        message.channel === 'email'
          ? `the email to ${name} went out: it cannot be taken back`
          : `the Rapport message is in ${name}'s thread: it cannot be taken back`,
      );
    // Once a LinkedIn export has brought the message back, it went out: undoing it would delete LinkedIn's own
    // message from the log, and its key would keep every later export from bringing it back.
    if (message.interaction_id && (await isClaimedByExport(tx.db, ownerId, message.interaction_id)))
      throw new AppError(
        'conflict',
        `your LinkedIn export shows this message to ${name} went out: it cannot be taken back`,
      );
    if (messages.at(-1)?.id !== message.id)
      throw new AppError('conflict', `only your latest message to ${name} can be taken back`);

    const now = nowIso(tx);
    let moved: boolean;
    if (message.kind === 'first') {
      moved = await updateItemIf(tx.db, ownerId, itemId, ['sent'], {
        state: 'queued',
        sent_at: null,
        follow_up_on: null,
        template_id: null,
        closed_at: null,
        updated_at: now,
      });
    } else {
      // The follow-up day the first message set, as it set it: from its day, with its template's or purpose's N.
      const template = item.template_id ? await findTemplate(tx.db, ownerId, item.template_id) : undefined;
      const purpose = item.purpose_id ? await findPurpose(tx.db, ownerId, item.purpose_id) : undefined;
      const firstDay = await ownerDayAt(tx, ownerId, new Date(item.sent_at ?? now));
      moved = await updateItemIf(tx.db, ownerId, itemId, ['followed-up'], {
        state: 'sent',
        followed_up_at: null,
        follow_up_on: shiftDay(firstDay, followUpDaysOf(template, purpose)),
        updated_at: now,
      });
    }
    if (!moved)
      throw new AppError(
        'conflict',
        item.state === 'replied'
          ? `${name} already replied: the message stays`
          : `the outreach to ${name} has moved on (${item.state}): the message stays`,
      );
    if (message.kind === 'first') {
      // The send recorded its stage moves after the message (completeSend): its updated_at is when it went.
      await undoOutreachAdvance(tx, {
        contactId: message.contact_id,
        purposeId: message.purpose_id,
        since: message.updated_at,
      });
    }
    await deleteMessage(tx.db, ownerId, message.id);
    if (message.interaction_id) {
      try {
        await deleteInteraction(tx, message.interaction_id);
      } catch (e) {
        // Already deleted from the log by hand: nothing more to take back.
        if (!(e instanceof AppError && e.code === 'not_found')) throw e;
      }
    }
    return presentItem(tx, ownerId, itemId);
  });
}
