import type { OutreachSendInput, OutreachSendResult } from '../../contracts/outreach';
import { outreachSendInput } from '../../contracts/outreach';
import { type Ctx, inTransaction, requireActor } from '../context';
import { notFound, validationError } from '../errors';
import { escapeHtml } from '../mail/compose-mail';
import { validate } from '../validate';
import { EMAIL_NOT_CONFIGURED } from './compose-message';
import { claimMessage, completeSend, failSend } from './deliver';
import { accountName, findItem } from './outreach.queries';

/** The plain text as simple HTML: paragraphs at blank lines, line breaks kept. */
export function messageHtml(text: string): string {
  return text
    .trim()
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

/**
 * Sends one personal message by email through the server's SMTP (SMTP_URL), replies going to the account's own
 * address. Idempotent by `sendKey`: the same key never sends twice (it returns the message), and a failed send is
 * retried with the same key and its stored text. An SMTP failure is not an error of the call: the message comes
 * back `failed` with the reason and the item stays queued. Every rule of a personal message applies
 * (`validation`); a message that cannot go from the item's state is a `conflict`.
 */
export async function sendOutreachEmail(
  ctx: Ctx,
  itemId: string,
  input: OutreachSendInput,
): Promise<OutreachSendResult> {
  const ownerId = requireActor(ctx);
  const data = validate(outreachSendInput, input);
  if (data.channel !== 'email')
    throw validationError(
      'channel',
      'only email and Rapport messages are sent by the server: copy the message and mark it sent',
    );
  // Another account's item is not found before anything else is said about it.
  if (!(await findItem(ctx.db, ownerId, itemId))) throw notFound('outreach item');
  const mailer = ctx.mailer;
  if (!mailer) throw validationError('channel', EMAIL_NOT_CONFIGURED);
  const claim = await inTransaction(ctx, (tx) => claimMessage(tx, ownerId, itemId, data, 'sending'));
  if (claim.done) return claim.result;
  const { message } = claim;
  const me = await accountName(ctx.db, ownerId);
  let messageId: string;
  try {
    const sent = await mailer.send({
      to: { name: claim.item.display_name, address: message.to_address as string },
      subject: message.subject ?? '',
      text: message.body,
      html: messageHtml(message.body),
      // The server's address sends it; a reply goes straight to the person who wrote it.
      headers: { 'Reply-To': me.name ? `"${me.name.replace(/["\\]/g, '')}" <${me.email}>` : me.email },
    });
    messageId = sent.messageId;
  } catch (error) {
    ctx.log.warn({ itemId, messageId: message.id }, 'outreach email failed');
    return failSend(ctx, ownerId, message, error);
  }
  return inTransaction(ctx, (tx) => completeSend(tx, ownerId, message, { messageId }));
}
