import type { SharedDetails } from '../../contracts/introductions';
import type { MailAddress, MailMessage } from '../mail/mailer';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

type Block = string | { quote: string } | { link: string; label: string };

/** A short message as plain text and matching HTML, block by block (every value escaped in the HTML). */
export function composeMail(to: MailAddress, subject: string, blocks: Block[]): MailMessage {
  const text = blocks
    .map((b) =>
      typeof b === 'string'
        ? b
        : 'quote' in b
          ? b.quote
              .split('\n')
              .map((l) => `> ${l}`)
              .join('\n')
          : `${b.label}: ${b.link}`,
    )
    .join('\n\n');
  const html = blocks
    .map((b) =>
      typeof b === 'string'
        ? `<p>${escapeHtml(b).replaceAll('\n', '<br>')}</p>`
        : 'quote' in b
          ? `<blockquote style="margin:0 0 1em;padding-left:1em;border-left:3px solid #ccc">${escapeHtml(b.quote).replaceAll('\n', '<br>')}</blockquote>`
          : `<p><a href="${escapeHtml(b.link)}">${escapeHtml(b.label)}</a></p>`,
    )
    .join('\n');
  return {
    to,
    subject,
    text: `${text}\n`,
    html: `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5">\n${html}\n</body></html>\n`,
  };
}

const day = (iso: string) => iso.slice(0, 10);

/** To the broker: someone asks to be introduced to one of their contacts. */
export function requestMailToBroker(p: {
  to: MailAddress;
  requesterName: string;
  targetName: string;
  why: string;
  decideBy: string;
  url: string;
}): MailMessage {
  return composeMail(p.to, `${p.requesterName} asks you for an introduction to ${p.targetName}`, [
    `Hello ${p.to.name},`,
    `${p.requesterName} would like you to introduce them to ${p.targetName}. Why:`,
    { quote: p.why },
    `Nothing is shared with anyone until you accept. If you decline, ${p.requesterName} only learns that the introduction is not happening; a reason you give stays with you.`,
    { link: p.url, label: `Accept or decline by ${day(p.decideBy)}` },
  ]);
}

/** To a person who is not on Rapport: the broker's request, with the signed one-time link. */
export function linkMailToTarget(p: {
  to: MailAddress;
  requesterName: string;
  brokerName: string;
  why: string;
  message: string | null;
  url: string;
  expiresAt: string;
}): MailMessage {
  return composeMail(p.to, `${p.brokerName} would like to introduce you to ${p.requesterName}`, [
    `Hello ${p.to.name},`,
    `${p.requesterName} asked ${p.brokerName} for an introduction to you. Why:`,
    { quote: p.why },
    ...(p.message ? [`${p.brokerName} adds:`, { quote: p.message }] : []),
    `Nothing about you has been shared with ${p.requesterName}. If you accept, you choose what they receive (your e-mail address, phone number or LinkedIn profile), and the three of you get an introduction e-mail. If you decline, they only learn that it is not happening.`,
    { link: p.url, label: `Accept or decline (the link works once, until ${day(p.expiresAt)})` },
    'You need no account. If you did not expect this, you can ignore it: the link expires by itself.',
  ]);
}

/** To a person who has an account: the request waits in their introductions. */
export function noticeMailToTargetAccount(p: {
  to: MailAddress;
  requesterName: string;
  brokerName: string;
  why: string;
  message: string | null;
  url: string;
  expiresAt: string;
}): MailMessage {
  return composeMail(p.to, `${p.brokerName} would like to introduce you to ${p.requesterName}`, [
    `Hello ${p.to.name},`,
    `${p.requesterName} asked ${p.brokerName} for an introduction to you. Why:`,
    { quote: p.why },
    ...(p.message ? [`${p.brokerName} adds:`, { quote: p.message }] : []),
    `Nothing about you has been shared. If you accept, you choose what ${p.requesterName} receives.`,
    { link: p.url, label: `Accept or decline in Rapport by ${day(p.expiresAt)}` },
  ]);
}

/** What was shared, line by line, for the introduction e-mail. */
function sharedLines(name: string, shared: SharedDetails): string {
  const lines = [
    shared.email ? `E-mail: ${shared.email}` : null,
    shared.phone ? `Phone: ${shared.phone}` : null,
    shared.linkedinUrl ? `LinkedIn: ${shared.linkedinUrl}` : null,
  ].filter((l) => l !== null);
  return lines.length > 0
    ? `How to reach ${name}:\n${lines.join('\n')}`
    : `${name} chose to share no contact details, and has yours to write first.`;
}

/**
 * The introduction itself, one copy to each of the three: who is who, why, how to reach the requester and exactly
 * what the person agreed to share (nothing else about them).
 */
export function introducedMail(
  to: MailAddress,
  p: {
    requester: { name: string; email: string };
    brokerName: string;
    targetName: string;
    why: string;
    shared: SharedDetails;
  },
): MailMessage {
  return composeMail(to, `Introduction: ${p.requester.name} ↔ ${p.targetName} (by ${p.brokerName})`, [
    `Hello ${to.name},`,
    `${p.brokerName} introduces ${p.requester.name} and ${p.targetName}, and both agreed. ${p.requester.name} asked because:`,
    { quote: p.why },
    `How to reach ${p.requester.name}:\nE-mail: ${p.requester.email}`,
    sharedLines(p.targetName, p.shared),
    'Over to you two. Rapport reminds you to thank the introducer.',
  ]);
}
