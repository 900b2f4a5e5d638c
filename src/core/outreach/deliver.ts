import type { z } from 'zod';
import { type OutreachSendResult, type outreachSendInput, SERVER_CHANNELS } from '../../contracts/outreach';
import { shiftDay } from '../agenda/local-day';
import { type Ctx, nowIso } from '../context';
import type { OutreachMessageTable } from '../db/schema';
import { AppError, notFound, validationError } from '../errors';
import { recordInteraction } from '../interactions/record-interaction';
import { advanceForOutreach } from '../purposes/advance-for-outreach';
import { findPurpose } from '../purposes/purpose.queries';
import { composeMessage, refusal } from './compose-message';
import { ownerDayAt, ownerToday } from './enqueue-new-connections';
import { firstWord, followUpDaysOf, interactionKindOf, toItem, toMessage } from './outreach';
import {
  claimForRetry,
  findItem,
  findMessage,
  findMessageByKey,
  findTemplate,
  type ItemRow,
  insertMessageOnce,
  liveMessageOfKind,
  updateItemIf,
  updateMessage,
  writtenOutsideOf,
} from './outreach.queries';

export type SendInput = z.output<typeof outreachSendInput>;

/** A `sending` claim older than this belongs to a process that died mid-send: a retry may take it over. */
export const STALE_SEND_MS = 10 * 60_000;

const them = (item: ItemRow) => item.display_name;

// A phone's clock may run a little ahead of the server's; beyond that a time is a mistake (as for interactions).
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * When a message marked sent went out, checked against the item: not in the future, a first message not before the
 * day we connected (in the account's time zone), a follow-up not before the first message. `validation` on sentAt.
 */
async function checkSentAt(tx: Ctx, ownerId: string, item: ItemRow, kind: string, sentAt: string) {
  const t = Date.parse(sentAt);
  if (t > tx.clock.now().getTime() + FUTURE_TOLERANCE_MS)
    throw validationError('sentAt', 'is in the future: mark a message sent once it went out');
  const at = new Date(t).toISOString();
  if (
    kind === 'first' &&
    item.connected_on &&
    (await ownerDayAt(tx, ownerId, new Date(t))) < item.connected_on
  )
    throw validationError(
      'sentAt',
      `is before you connected with ${them(item)} (${item.connected_on}): a first message goes after connecting`,
    );
  if (kind === 'follow-up' && item.sent_at && at < item.sent_at)
    throw validationError(
      'sentAt',
      `is before your first message to ${them(item)} went out (${item.sent_at.slice(0, 10)})`,
    );
  return at;
}

/** Why a message of `kind` cannot go out from an item in its state (null when it can). */
function stateRefusal(item: ItemRow, kind: 'first' | 'follow-up'): string | null {
  if (kind === 'first') {
    switch (item.state) {
      case 'queued':
        return null;
      case 'dismissed':
        return `${them(item)} was dismissed from the queue: restore them first`;
      case 'sent':
      case 'followed-up':
        return `a message already went to ${them(item)}: record their reply, or write the follow-up when it is due`;
      default:
        return `the outreach to ${them(item)} is finished (${item.state})`;
    }
  }
  switch (item.state) {
    case 'sent':
      return null;
    case 'queued':
      return `send ${firstWord(them(item))} a first message before a follow-up`;
    case 'followed-up':
      return `the one follow-up to ${them(item)} already went out`;
    default:
      return `there is nothing to follow up with ${them(item)} (${item.state})`;
  }
}

export type Claim =
  | { done: true; result: OutreachSendResult }
  | {
      done: false;
      message: OutreachMessageTable;
      item: ItemRow;
      /** The account a `rapport` message goes to (checked connected by the rules). */
      rapportAccount: { id: string; name: string } | null;
      /** When a message marked sent went out (checked), else undefined: now. */
      sentAt?: string;
    };

/**
 * Claims the send key for a message, inside the caller's transaction. The same key returns the message it already
 * sent (`done`), takes back a failed one for a retry (its stored text, never a new one), or refuses while another
 * request is sending it. A new key checks the item's state and every rule, then inserts the message as `status`
 * (`sending` for email, `sent` for the user's own channel): the unique key and the item row update make two
 * concurrent sends of one message impossible.
 */
export async function claimMessage(
  tx: Ctx,
  ownerId: string,
  itemId: string,
  data: SendInput,
  status: 'sending' | 'sent',
): Promise<Claim> {
  const item = await findItem(tx.db, ownerId, itemId);
  if (!item) throw notFound('outreach item');
  if (data.sentAt !== undefined && (SERVER_CHANNELS as readonly string[]).includes(data.channel))
    throw validationError(
      'sentAt',
      `is for a message you sent yourself (linkedin, mailto, other): the server sends ${data.channel === 'email' ? 'an email' : 'a Rapport message'} now`,
    );
  const now = nowIso(tx);
  const existing = await findMessageByKey(tx.db, ownerId, data.sendKey);
  if (existing) {
    if (existing.item_id !== itemId)
      throw new AppError('conflict', 'this sendKey was used for another message');
    if (existing.status === 'sent')
      return { done: true, result: await resultOf(tx, ownerId, existing.id, itemId) };
    const staleBefore = new Date(tx.clock.now().getTime() - STALE_SEND_MS).toISOString();
    if (status === 'sending' && (await claimForRetry(tx.db, ownerId, existing.id, staleBefore, now))) {
      return {
        done: false,
        message: { ...existing, status: 'sending', updated_at: now },
        item,
        rapportAccount: null,
      };
    }
    throw new AppError(
      'conflict',
      existing.status === 'failed'
        ? 'this message failed by email: retry it with send'
        : 'this message is being sent right now: wait a moment and look again',
    );
  }

  const refused = stateRefusal(item, data.kind);
  if (refused) throw new AppError('conflict', refused);
  const sentAt =
    data.sentAt === undefined ? undefined : await checkSentAt(tx, ownerId, item, data.kind, data.sentAt);
  // Touching the item row first serialises concurrent sends from one item (a row lock on PostgreSQL).
  if (!(await updateItemIf(tx.db, ownerId, itemId, [item.state], { updated_at: now })))
    throw new AppError('conflict', `the outreach to ${them(item)} changed meanwhile: look again`);
  const live = await liveMessageOfKind(tx.db, ownerId, itemId, data.kind);
  if (live)
    throw new AppError(
      'conflict',
      live.status === 'sending'
        ? `another message to ${them(item)} is being sent right now`
        : `a message already went to ${them(item)}`,
    );

  const composed = await composeMessage(tx, ownerId, item, data);
  if (!composed.preview.ok) throw refusal(composed.preview.problems);
  const row: OutreachMessageTable = {
    id: tx.ids.next(),
    owner_id: ownerId,
    item_id: itemId,
    contact_id: item.contact_id,
    kind: data.kind,
    channel: data.channel,
    to_address: composed.to,
    subject: composed.subject,
    body: composed.body,
    personal_line: composed.personalLine,
    fingerprint: composed.fingerprint,
    send_key: data.sendKey,
    status,
    error: null,
    attempts: 0,
    message_id: null,
    template_id: composed.template?.id ?? null,
    purpose_id: composed.purpose?.id ?? null,
    interaction_id: null,
    created_at: now,
    updated_at: now,
    sent_at: null,
  };
  if (!(await insertMessageOnce(tx.db, row)))
    throw new AppError('conflict', 'this message is being sent right now: wait a moment and look again');
  return { done: false, message: row, item, rapportAccount: composed.rapportAccount, sentAt };
}

/**
 * What follows a message that went out, inside the caller's transaction: the message is `sent`, an outbound
 * interaction is logged (or the one its delivery logged, `interactionId`, is kept), the item moves on (sent → a
 * follow-up date; follow-up → the day it closes quietly) and, for a first message, the contact's purpose moves to
 * "reached out". `sentAt` (a message marked sent late, checked by the claim) dates all of it; else now.
 */
export async function completeSend(
  tx: Ctx,
  ownerId: string,
  message: OutreachMessageTable,
  opts: { messageId: string | null; interactionId?: string | null; sentAt?: string },
): Promise<OutreachSendResult> {
  const now = nowIso(tx);
  const sentAt = opts.sentAt ?? now;
  const interactionId =
    opts.interactionId ??
    (
      await recordInteraction(
        tx,
        {
          kind: interactionKindOf(message.channel),
          contactIds: [message.contact_id],
          direction: 'outbound',
          occurredAt: sentAt,
          summary: [message.subject, message.body].filter(Boolean).join('\n\n').slice(0, 5000),
        },
        'outreach',
      )
    ).id;
  await updateMessage(tx.db, ownerId, message.id, {
    status: 'sent',
    error: null,
    attempts: message.attempts + 1,
    message_id: opts.messageId,
    interaction_id: interactionId,
    sent_at: sentAt,
    updated_at: now,
  });
  const { followUpOn, purpose } = await followUpAfter(tx, ownerId, message, sentAt);
  const moved =
    message.kind === 'first'
      ? await updateItemIf(tx.db, ownerId, message.item_id, ['queued', 'dismissed'], {
          state: 'sent',
          sent_at: sentAt,
          follow_up_on: followUpOn,
          closed_at: null,
          template_id: message.template_id,
          ...(purpose ? { purpose_id: purpose.id } : {}),
          updated_at: now,
        })
      : await updateItemIf(tx.db, ownerId, message.item_id, ['sent'], {
          state: 'followed-up',
          followed_up_at: sentAt,
          follow_up_on: followUpOn,
          updated_at: now,
        });
  // The message went out whatever happened to the item meanwhile (a reply recorded while it was on its way).
  if (!moved) tx.log.warn({ messageId: message.id }, 'outreach message sent after its item moved on');
  if (message.kind === 'first') {
    await advanceForOutreach(tx, {
      contactId: message.contact_id,
      purposeId: purpose?.id ?? null,
      milestone: 'reached-out',
      source: 'outreach',
    });
  }
  return resultOf(tx, ownerId, message.id, message.item_id);
}

/**
 * The day a message sent at `sentAt` is followed up (a first message) or closes quietly (a follow-up): its local day
 * plus the template's follow-up days, else the purpose's, else 7. A follow-up written without a template or purpose
 * keeps the first message's. Also gives the purpose found.
 */
export async function followUpAfter(
  tx: Ctx,
  ownerId: string,
  message: Pick<OutreachMessageTable, 'kind' | 'item_id' | 'template_id' | 'purpose_id'>,
  sentAt: string,
) {
  const item = message.kind === 'follow-up' ? await findItem(tx.db, ownerId, message.item_id) : undefined;
  const templateId = message.template_id ?? item?.template_id;
  const purposeId = message.purpose_id ?? item?.purpose_id;
  const template = templateId ? await findTemplate(tx.db, ownerId, templateId) : undefined;
  const purpose = purposeId ? await findPurpose(tx.db, ownerId, purposeId) : undefined;
  const followUpOn = shiftDay(
    await ownerDayAt(tx, ownerId, new Date(sentAt)),
    followUpDaysOf(template, purpose),
  );
  return { followUpOn, purpose };
}

/** Records that sending by email failed: the message keeps its text and the error, the item stays where it was. */
export async function failSend(ctx: Ctx, ownerId: string, message: OutreachMessageTable, error: unknown) {
  const text = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').slice(0, 500);
  await updateMessage(ctx.db, ownerId, message.id, {
    status: 'failed',
    error: text || 'the SMTP server refused the message',
    attempts: message.attempts + 1,
    updated_at: nowIso(ctx),
  });
  return resultOf(ctx, ownerId, message.id, message.item_id);
}

export async function resultOf(ctx: Ctx, ownerId: string, messageId: string, itemId: string) {
  const message = await findMessage(ctx.db, ownerId, messageId);
  const item = await findItem(ctx.db, ownerId, itemId);
  if (!message || !item) throw notFound('outreach item');
  // A failed email leaves the item queued: written to meanwhile outside outreach, it says so as anywhere else.
  const written = item.state === 'queued' ? await writtenOutsideOf(ctx.db, ownerId, [itemId]) : undefined;
  return {
    message: toMessage(message),
    item: toItem(item, await ownerToday(ctx, ownerId), message, written?.get(itemId) ?? null),
  };
}
