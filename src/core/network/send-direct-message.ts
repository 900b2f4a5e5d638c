import { z } from 'zod';
import { type DirectMessage, messageInput } from '../../contracts/network';
import { findAccountById } from '../accounts/account.queries';
import { addDays } from '../clock';
import { actingAs, type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { AppError, notFound, validationError } from '../errors';
import { recordInteraction } from '../interactions/record-interaction';
import { validate } from '../validate';
import { findPair } from './connection.queries';
import { linkConnectionContact } from './link-connection-contact';
import { insertMessage, sentSince, unreadFrom } from './message.queries';
import { directMessageMail, notify } from './network-mail';

/** Messages one account may send in an hour and in a day, to all its connections together. */
export const MESSAGES_PER_HOUR = 60;
export const MESSAGES_PER_DAY = 300;

const input = messageInput.extend({ toAccountId: z.string().min(1).max(64) }).strict();

/**
 * Sends a plain-text message to one connected account (there is no way to send to several). The message counts as
 * an interaction for both: outbound on the sender's contact for the recipient, inbound on the recipient's contact
 * for the sender, in the same transaction. The recipient is mailed when this starts a run of unread messages.
 * A non-connection (or an unknown account) is `not_found`; too many messages is `rate_limited`. The outreach queue
 * may use this as a channel for new connections that are accounts.
 */
export async function sendDirectMessage(
  ctx: Ctx,
  message: { toAccountId: string; body: string },
): Promise<DirectMessage> {
  const me = requireActor(ctx);
  const { toAccountId, body } = validate(input, message);
  if (toAccountId === me) throw validationError('toAccountId', 'is you');
  const sent = await inTransaction(ctx, async (tx) => {
    const connection = await findPair(tx.db, me, toAccountId);
    if (connection?.status !== 'accepted') throw notFound('connection');
    const now = tx.clock.now();
    if (
      (await sentSince(tx.db, me, new Date(now.getTime() - 3_600_000).toISOString())) >= MESSAGES_PER_HOUR
    ) {
      throw new AppError('rate_limited', `at most ${MESSAGES_PER_HOUR} messages an hour; try again later`);
    }
    if ((await sentSince(tx.db, me, addDays(now, -1).toISOString())) >= MESSAGES_PER_DAY) {
      throw new AppError('rate_limited', `at most ${MESSAGES_PER_DAY} messages a day; try again tomorrow`);
    }
    const at = nowIso(tx);
    const row = {
      id: tx.ids.next(),
      connection_id: connection.id,
      sender_id: me,
      body,
      created_at: at,
      read_at: null,
    };
    await insertMessage(tx.db, row);
    // Each side's own record: that a message went out / came in, never its text (which leaves with the thread).
    const mine = await linkConnectionContact(tx, connection, me);
    if (mine) {
      await recordInteraction(
        tx,
        {
          kind: 'message',
          direction: 'outbound',
          contactIds: [mine],
          occurredAt: at,
          summary: 'Rapport message',
        },
        'rapport',
      );
    }
    const fresh = {
      ...connection,
      ...(connection.account_lo === me ? { lo_contact_id: mine } : { hi_contact_id: mine }),
    };
    const theirs = await linkConnectionContact(tx, fresh, toAccountId);
    if (theirs) {
      await recordInteraction(
        actingAs(tx, toAccountId),
        {
          kind: 'message',
          direction: 'inbound',
          contactIds: [theirs],
          occurredAt: at,
          summary: 'Rapport message',
        },
        'rapport',
      );
    }
    const firstUnread = (await unreadFrom(tx.db, connection.id, me)) === 1;
    return { row, firstUnread };
  });
  const [from, to] = await Promise.all([findAccountById(ctx.db, me), findAccountById(ctx.db, toAccountId)]);
  if (sent.firstUnread && from && to) {
    await notify(
      ctx,
      directMessageMail({
        to: { name: to.name, address: to.email },
        fromName: from.name,
        body,
        url: `${ctx.settings.publicUrl}/network/messages/${encodeURIComponent(me)}`,
      }),
      'direct message',
    );
  }
  return {
    id: sent.row.id,
    fromMe: true,
    sender: { id: me, name: from?.name ?? '' },
    body,
    createdAt: sent.row.created_at,
    readAt: null,
  };
}
