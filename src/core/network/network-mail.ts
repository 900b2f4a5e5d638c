import type { Ctx } from '../context';
import { composeMail } from '../mail/compose-mail';
import type { MailAddress, MailMessage } from '../mail/mailer';

const day = (iso: string) => iso.slice(0, 10);

/** To someone invited by email: a one-time link to connect (they may need to sign up first). */
export function inviteLinkMail(p: {
  to: string;
  fromName: string;
  message: string | null;
  url: string;
  expiresAt: string;
}): MailMessage {
  return composeMail({ name: '', address: p.to }, `${p.fromName} invites you to connect on Rapport`, [
    'Hello,',
    `${p.fromName} would like to connect with you on Rapport, where connections can message each other and ask to be introduced to people they know.`,
    ...(p.message ? [{ quote: p.message }] : []),
    { link: p.url, label: `Accept (the link works once, until ${day(p.expiresAt)})` },
    'If you do not know this person, ignore this e-mail: nothing happens.',
  ]);
}

/** To an account invited in-app: someone asks to connect. */
export function connectionRequestMail(p: {
  to: MailAddress;
  fromName: string;
  message: string | null;
  url: string;
}): MailMessage {
  return composeMail(p.to, `${p.fromName} wants to connect with you on Rapport`, [
    `Hello ${p.to.name},`,
    `${p.fromName} asks to connect with you on Rapport. Nothing is shared until you accept.`,
    ...(p.message ? [{ quote: p.message }] : []),
    { link: p.url, label: 'Accept or decline' },
  ]);
}

/** To the inviter: the invitation was accepted. */
export function connectionAcceptedMail(p: { to: MailAddress; byName: string; url: string }): MailMessage {
  return composeMail(p.to, `${p.byName} accepted your invitation on Rapport`, [
    `Hello ${p.to.name},`,
    `${p.byName} is now connected with you on Rapport.`,
    { link: p.url, label: 'Send a message' },
  ]);
}

/** To the asker: a connection offers to help with their ask. */
export function helpOfferedMail(p: {
  to: MailAddress;
  fromName: string;
  title: string;
  note: string | null;
  url: string;
}): MailMessage {
  return composeMail(p.to, `${p.fromName} can help with your ask`, [
    `Hello ${p.to.name},`,
    `${p.fromName} answered your ask "${p.title}": they can help.`,
    ...(p.note ? [{ quote: p.note }] : []),
    { link: p.url, label: 'See the ask' },
  ]);
}

/** To the recipient of a direct message: the message itself, from a connection. */
export function directMessageMail(p: {
  to: MailAddress;
  fromName: string;
  body: string;
  url: string;
}): MailMessage {
  return composeMail(p.to, `New message from ${p.fromName} on Rapport`, [
    `Hello ${p.to.name},`,
    `${p.fromName} wrote to you:`,
    { quote: p.body },
    { link: p.url, label: 'Reply in Rapport' },
  ]);
}

/** To the account's own address: prove you read mail here. */
export function verifyEmailMail(p: { to: MailAddress; url: string; expiresAt: string }): MailMessage {
  return composeMail(p.to, 'Confirm your e-mail address for Rapport', [
    `Hello ${p.to.name},`,
    'Confirm that this address is yours, so people who have it in their address book can find you on Rapport. Open the link while signed in to your Rapport account.',
    { link: p.url, label: `Confirm (until ${day(p.expiresAt)})` },
    'If you did not ask for this, ignore this e-mail: the address stays unconfirmed.',
  ]);
}

/**
 * Sends a notification after the change it reports was committed; a failure is logged (never the message, the
 * address or a secret) and does not undo the change. Returns whether the server accepted the mail.
 */
export async function notify(ctx: Ctx, message: MailMessage, what: string): Promise<boolean> {
  if (!ctx.mailer) return false;
  try {
    await ctx.mailer.send(message);
    return true;
  } catch (e) {
    ctx.log.warn(
      { what, code: (e as { responseCode?: number }).responseCode ?? null },
      'notification not sent',
    );
    return false;
  }
}
