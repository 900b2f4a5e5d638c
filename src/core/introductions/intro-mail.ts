import type { SharedDetails } from '../../contracts/introductions';
import { composeMail } from '../mail/compose-mail';
import type { MailAddress, MailMessage } from '../mail/mailer';

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

/**
 * How the person came to be asked: the requester named them to the broker, or (an introduction the broker offered on
 * the requester's ask) the requester asked their connections and the broker thought of them — then the requester
 * never asked for this person, and saying so would be untrue.
 */
export function askedLine(requesterName: string, brokerName: string, offered: boolean): string {
  return offered
    ? `${requesterName} asked their connections for help, and ${brokerName} thought of you. What ${requesterName} is looking for:`
    : `${requesterName} asked ${brokerName} for an introduction to you. Why:`;
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
  offered: boolean;
}): MailMessage {
  return composeMail(p.to, `${p.brokerName} would like to introduce you to ${p.requesterName}`, [
    `Hello ${p.to.name},`,
    askedLine(p.requesterName, p.brokerName, p.offered),
    { quote: p.why },
    ...(p.message ? [`${p.brokerName} adds:`, { quote: p.message }] : []),
    `Nothing about you has been shared with ${p.requesterName}. If you accept, you choose what they receive (your e-mail address, phone number or LinkedIn profile), and the three of you get an introduction e-mail. If you decline, they only learn that it is not happening; ${p.brokerName}, who asked you, hears that you said no.`,
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
  offered: boolean;
}): MailMessage {
  return composeMail(p.to, `${p.brokerName} would like to introduce you to ${p.requesterName}`, [
    `Hello ${p.to.name},`,
    askedLine(p.requesterName, p.brokerName, p.offered),
    { quote: p.why },
    ...(p.message ? [`${p.brokerName} adds:`, { quote: p.message }] : []),
    `Nothing about you has been shared. If you accept, you choose what ${p.requesterName} receives. If you decline, they only learn that it is not happening; ${p.brokerName}, who asked you, hears that you said no.`,
    { link: p.url, label: `Accept or decline in Rapport by ${day(p.expiresAt)}` },
  ]);
}

/**
 * What was shared, line by line, for the introduction e-mail: how to reach the person, or, in the person's own
 * copy, what they shared (their own details are no news to them, and "how to reach you" would read oddly).
 */
function sharedLines(
  name: string,
  requesterName: string,
  shared: SharedDetails,
  reader: 'requester' | 'broker' | 'target',
): string {
  const lines = [
    shared.email ? `E-mail: ${shared.email}` : null,
    shared.phone ? `Phone: ${shared.phone}` : null,
    shared.linkedinUrl ? `LinkedIn: ${shared.linkedinUrl}` : null,
  ].filter((l) => l !== null);
  if (reader === 'target') {
    return lines.length > 0
      ? `What you shared with ${requesterName}:\n${lines.join('\n')}`
      : `You shared no contact details: ${requesterName} waits for you to write first.`;
  }
  return lines.length > 0
    ? `How to reach ${name}:\n${lines.join('\n')}`
    : `${name} chose to share no contact details, and has ${reader === 'requester' ? 'yours' : `${requesterName}'s`} to write first.`;
}

/**
 * The introduction itself, one copy to each of the three: who is who, why, how to reach the requester and exactly
 * what the person agreed to share (nothing else about them). Each copy speaks to its reader: the broker made the
 * introduction (and is thanked, not told to thank themselves), only the requester is reminded to thank the broker,
 * and the person, who may have no account, is not promised anything by Rapport.
 */
export function introducedMail(
  to: MailAddress,
  role: 'requester' | 'broker' | 'target',
  p: {
    requester: { name: string; email: string };
    brokerName: string;
    targetName: string;
    why: string;
    shared: SharedDetails;
    /** The broker offered it on the requester's ask: the why is the ask, not a request for this person. */
    offered: boolean;
  },
): MailMessage {
  const r = p.requester.name;
  const opening = p.offered
    ? {
        requester: `${p.brokerName} introduces you to ${p.targetName}, who agreed. ${p.brokerName} offered it on your ask:`,
        broker: `You introduced ${r} and ${p.targetName}, and both agreed. You offered it on ${r}'s ask:`,
        target: `${p.brokerName} introduces you to ${r}, as you agreed. What ${r} is looking for:`,
      }[role]
    : {
        requester: `${p.brokerName} introduces you to ${p.targetName}, who agreed. You asked because:`,
        broker: `You introduced ${r} and ${p.targetName}, and both agreed. ${r} asked because:`,
        target: `${p.brokerName} introduces you to ${r}, as you agreed. ${r} asked because:`,
      }[role];
  const closing = {
    requester: `Over to you two. Rapport will remind you to thank ${p.brokerName}.`,
    broker: 'Thank you for making the introduction. Over to them now.',
    target: 'Over to you two.',
  }[role];
  return composeMail(to, `Introduction: ${p.requester.name} ↔ ${p.targetName} (by ${p.brokerName})`, [
    `Hello ${to.name},`,
    opening,
    { quote: p.why },
    `How to reach ${p.requester.name}:\nE-mail: ${p.requester.email}`,
    sharedLines(p.targetName, r, p.shared, role),
    closing,
  ]);
}

/**
 * To the requester, when a request is declined (by the broker or the person: the mail never says which, nor why),
 * so "you hear when it is settled" holds without visiting the page.
 */
export function declinedMailToRequester(p: {
  to: MailAddress;
  brokerName: string;
  targetName: string;
  /** The broker offered it on the requester's ask: the requester never asked for this person. */
  offered: boolean;
  url: string;
}): MailMessage {
  const which = p.offered ? `that ${p.brokerName} offered` : `that you asked ${p.brokerName} for`;
  return composeMail(p.to, `Your introduction to ${p.targetName} is not going ahead`, [
    `Hello ${p.to.name},`,
    `The introduction to ${p.targetName} ${which} is not going ahead. Rapport does not say who decided or why: people say no for many reasons, most of them about timing.`,
    { link: p.url, label: 'Your introductions' },
  ]);
}

/**
 * To the broker, when the person they asked declines: the broker passed the request on and would otherwise only
 * find out by looking. No reason exists to pass on, and the words blame nobody: a "no" is usually about timing.
 */
export function declinedMailToBroker(p: {
  to: MailAddress;
  requesterName: string;
  targetName: string;
  offered: boolean;
  url: string;
}): MailMessage {
  const which = p.offered ? 'you offered' : 'you passed on';
  return composeMail(p.to, `${p.targetName} is not taking up the introduction to ${p.requesterName}`, [
    `Hello ${p.to.name},`,
    `${p.targetName} has decided not to take up the introduction to ${p.requesterName} that ${which}. Nothing about them was shared. ${p.requesterName} is told only that it is not going ahead, not by whom. Thank you for asking: a no now is often about timing, not about either of them.`,
    { link: p.url, label: 'Your introductions' },
  ]);
}

/**
 * To the requester, when a connection offers on their ask to introduce them to someone: the person has just been
 * asked and decides; nothing is needed from the requester until it is settled. Only the person's name, as the
 * introduction has it: nothing else about them is the requester's before they agree.
 */
export function offeredMailToRequester(p: {
  to: MailAddress;
  brokerName: string;
  targetName: string;
  askTitle: string;
  decideBy: string;
  url: string;
}): MailMessage {
  return composeMail(p.to, `${p.brokerName} offers to introduce you to ${p.targetName}`, [
    `Hello ${p.to.name},`,
    `${p.brokerName} saw your ask and offers to introduce you to ${p.targetName}. Your ask:`,
    { quote: p.askTitle },
    `${p.brokerName} has asked ${p.targetName}, who has until ${day(p.decideBy)} to decide. Nothing is needed from you now: if ${p.targetName} agrees, you get an introduction e-mail with the details they chose to share; if not, you hear that it is not going ahead.`,
    { link: p.url, label: 'Your introductions' },
  ]);
}

/**
 * To the requester, when a request lapsed (nobody answered in time, or nobody was left to): the same words whichever
 * step it lapsed at, as the page reads `expired` alike, so it says nothing about who did not answer.
 */
export function lapsedMailToRequester(p: {
  to: MailAddress;
  brokerName: string;
  targetName: string;
  offered: boolean;
  url: string;
}): MailMessage {
  const which = p.offered ? `that ${p.brokerName} offered` : `that you asked ${p.brokerName} for`;
  return composeMail(p.to, `Your introduction to ${p.targetName} has lapsed`, [
    `Hello ${p.to.name},`,
    `The introduction to ${p.targetName} ${which} was not settled in time, so it has lapsed: nobody is waiting on it any more and nothing was shared. If it still matters, you can ask again.`,
    { link: p.url, label: 'Your introductions' },
  ]);
}

/**
 * To the broker, when the requester withdraws a request that is still open: they need not answer it (or, if they
 * had accepted, the person they asked need not either, and has been told).
 */
export function withdrawnMailToBroker(p: {
  to: MailAddress;
  requesterName: string;
  targetName: string;
  personAsked: boolean;
  /** The broker offered it on the requester's ask (so it never waited on their answer). */
  offered: boolean;
  url: string;
}): MailMessage {
  return composeMail(p.to, `${p.requesterName} withdrew the introduction request for ${p.targetName}`, [
    `Hello ${p.to.name},`,
    p.personAsked
      ? `${p.requesterName} has withdrawn the request for an introduction to ${p.targetName}. You had ${p.offered ? 'offered it' : 'accepted'} and ${p.targetName} was asked: they need not answer now, what they were sent no longer works, and Rapport has let them know. Nothing about them was shared.`
      : `${p.requesterName} has withdrawn the request for an introduction to ${p.targetName}, so you need not answer it. Nothing was shared, and nobody else was asked.`,
    { link: p.url, label: 'Your introductions' },
  ]);
}

/**
 * To the person asked, when the requester withdraws while the request waits on them: they need not answer. Only
 * what the request already showed them (two names); `url` is their introductions page when they have an account,
 * null for a person asked by link (that link is dead now).
 */
export function withdrawnMailToTarget(p: {
  to: MailAddress;
  requesterName: string;
  brokerName: string;
  url: string | null;
}): MailMessage {
  return composeMail(p.to, `No answer needed: ${p.requesterName} withdrew the introduction request`, [
    `Hello ${p.to.name},`,
    `${p.requesterName} has withdrawn the request for an introduction to you that ${p.brokerName} passed on, so you need not answer it. Nothing about you was shared with ${p.requesterName}.`,
    ...(p.url
      ? [{ link: p.url, label: 'Your introductions' }]
      : ['The link in the earlier e-mail no longer works; there is nothing else to do.']),
  ]);
}
