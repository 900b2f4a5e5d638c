import { z } from 'zod';
import { type DirectMessage, messageInput } from '../../contracts/network';
import { findAccountById, lockAccount } from '../accounts/account.queries';
import { addDays, DAY_MS } from '../clock';
import { actingAs, type Ctx, inTransaction, nowIso, requireActor } from '../context';
import type { DirectMessageTable } from '../db/schema';
import { type AppError, notFound, rateLimited, validationError } from '../errors';
import { recordInteraction } from '../interactions/record-interaction';
import { detectRapportReply } from '../outreach/detect-rapport-reply';
import { laterOf, utcMinute, windowFreesAt } from '../rolling-window';
import { validate } from '../validate';
import { findPair } from './connection.queries';
import { linkConnectionContact } from './link-connection-contact';
import { insertMessage, sentSince, sentTimesSince, unreadFrom } from './message.queries';
import { directMessageMail, notify } from './network-mail';

/** Messages one account may send in an hour and in a day, to all its connections together. */
export const MESSAGES_PER_HOUR = 60;
export const MESSAGES_PER_DAY = 300;
const HOUR_MS = 3_600_000;

const input = messageInput.extend({ toAccountId: z.string().min(1).max(64) }).strict();

/** A direct message written inside the caller's transaction, and what the rest of sending needs. */
export interface WrittenMessage {
  row: DirectMessageTable;
  /** It starts a run of unread messages: the recipient is mailed (once the transaction committed). */
  firstUnread: boolean;
  /** The sender's outbound interaction (null when the sender's contact for the recipient is in the trash). */
  interactionId: string | null;
}

/**
 * Sends a plain-text message to one connected account (there is no way to send to several). The message counts as
 * an interaction for both: outbound on the sender's contact for the recipient, inbound on the recipient's contact
 * for the sender, in the same transaction. The recipient is mailed when this starts a run of unread messages.
 * A non-connection (or an unknown account) is `not_found`; too many messages is `rate_limited`. The outreach queue
 * sends through the same two halves (writeDirectMessage, notifyDirectMessage) for new connections that are accounts.
 */
export async function sendDirectMessage(
  ctx: Ctx,
  message: { toAccountId: string; body: string },
): Promise<DirectMessage> {
  const me = requireActor(ctx);
  const { toAccountId, body } = validate(input, message);
  const sent = await inTransaction(ctx, (tx) => writeDirectMessage(tx, me, toAccountId, body));
  const from = await notifyDirectMessage(ctx, sent, toAccountId);
  return {
    id: sent.row.id,
    fromMe: true,
    sender: { id: me, name: from?.name ?? '' },
    body,
    createdAt: sent.row.created_at,
    readAt: null,
  };
}

/**
 * The spent sending limit, with when sending frees up: when both are spent, the later of the two (freed of the
 * hourly one first, the sender would still be refused by the daily one).
 */
async function messageLimitReached(tx: Ctx, me: string, hourAgo: string, dayAgo: string): Promise<AppError> {
  const sent = await sentTimesSince(tx.db, me, dayAgo);
  const hourly = windowFreesAt(
    sent.filter((at) => at >= hourAgo),
    MESSAGES_PER_HOUR,
    HOUR_MS,
  );
  const daily = windowFreesAt(sent, MESSAGES_PER_DAY, DAY_MS);
  const until = laterOf(hourly, daily) ?? new Date(Date.parse(hourAgo) + HOUR_MS);
  const limit =
    daily && until === daily ? `${MESSAGES_PER_DAY} messages a day` : `${MESSAGES_PER_HOUR} messages an hour`;
  return rateLimited(`at most ${limit}; you can send again from ${utcMinute(until)}`, until);
}

/**
 * The stored half of sending, inside the caller's transaction: the connection and rate checks, the message, an
 * interaction on each side, and on the recipient's side a reply to outreach waiting in this thread. Locks the
 * sender's account (ADR 20): a caller that locks other rows first must lock the account before them.
 */
export async function writeDirectMessage(
  tx: Ctx,
  me: string,
  toAccountId: string,
  body: string,
): Promise<WrittenMessage> {
  if (toAccountId === me) throw validationError('toAccountId', 'is you');
  // The sender's messages are counted and written one request at a time, so parallel sends cannot pass the limit.
  await lockAccount(tx.db, me);
  const connection = await findPair(tx.db, me, toAccountId);
  if (connection?.status !== 'accepted') throw notFound('connection');
  const now = tx.clock.now();
  const hourAgo = new Date(now.getTime() - HOUR_MS).toISOString();
  const dayAgo = addDays(now, -1).toISOString();
  if (
    (await sentSince(tx.db, me, hourAgo)) >= MESSAGES_PER_HOUR ||
    (await sentSince(tx.db, me, dayAgo)) >= MESSAGES_PER_DAY
  ) {
    throw await messageLimitReached(tx, me, hourAgo, dayAgo);
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
  let interactionId: string | null = null;
  if (mine) {
    const outbound = await recordInteraction(
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
    interactionId = outbound.id;
  }
  const theirs = await linkConnectionContact(tx, connection, toAccountId);
  if (theirs) {
    const recipient = actingAs(tx, toAccountId);
    const inbound = await recordInteraction(
      recipient,
      {
        kind: 'message',
        direction: 'inbound',
        contactIds: [theirs],
        occurredAt: at,
        summary: 'Rapport message',
      },
      'rapport',
    );
    await detectRapportReply(recipient, theirs, { id: inbound.id, occurredAt: at });
  }
  const firstUnread = (await unreadFrom(tx.db, connection.id, me)) === 1;
  return { row, firstUnread, interactionId };
}

/**
 * The mailed half, after the message was committed: the recipient hears of it when it started a run of unread
 * messages. Returns the sender's account (for its name).
 */
export async function notifyDirectMessage(ctx: Ctx, sent: WrittenMessage, toAccountId: string) {
  const me = sent.row.sender_id;
  const [from, to] = await Promise.all([findAccountById(ctx.db, me), findAccountById(ctx.db, toAccountId)]);
  if (sent.firstUnread && from && to) {
    await notify(
      ctx,
      directMessageMail({
        to: { name: to.name, address: to.email },
        fromName: from.name,
        body: sent.row.body,
        url: `${ctx.settings.publicUrl}/network/messages/${encodeURIComponent(me)}`,
      }),
      'direct message',
    );
  }
  return from;
}
