import {
  checkPersonal,
  LINKEDIN_LIMITS,
  type MergeValues,
  type OutreachChannel,
  type OutreachItem,
  type OutreachState,
  PERSONAL_MIN_CHARS,
  PERSONAL_MIN_WORDS,
  renderMerge,
} from '../../../contracts/outreach';
import { formatDate } from '../../ui/format';

export const CHANNEL_WORDS: Record<OutreachChannel, string> = {
  email: 'Email (sent by Rapport)',
  rapport: 'Message on Rapport (in your thread; they get an email)',
  linkedin: 'LinkedIn (copy, send there, mark sent)',
  mailto: 'My own mail app (opens a draft)',
  other: 'Somewhere else (copy, mark sent)',
};
/**
 * Why a channel cannot be chosen for this person, or null when it can: Rapport sends an email only to an address
 * it has (the server refuses one without, after the whole message is written).
 */
export function channelUnavailable(
  channel: OutreachChannel,
  person: { emails: readonly string[] },
  name: string,
): string | null {
  return channel === 'email' && person.emails.length === 0
    ? `${name} has no email address: add one on their page to send from here.`
    : null;
}

/** The channel the composer starts on: the suggested one, unless this person cannot be reached by it. */
export function startingChannel(
  suggested: OutreachChannel,
  person: { emails: readonly string[]; linkedinUrl: string | null },
): OutreachChannel {
  if (!channelUnavailable(suggested, person, '')) return suggested;
  return person.linkedinUrl ? 'linkedin' : 'other';
}

export const CHANNEL_SHORT: Record<string, string> = {
  email: 'Email',
  rapport: 'Rapport message',
  linkedin: 'LinkedIn',
  mailto: 'Mail app',
  other: 'Other',
};

export const STATE_WORDS: Record<OutreachState, string> = {
  queued: 'Waiting for a message',
  sent: 'Awaiting a reply',
  'followed-up': 'Followed up',
  replied: 'Replied',
  closed: 'Closed',
  dismissed: 'Dismissed',
};

/** "You wrote to Cole on 20 Nov 2026 (a message on Rapport)." — a first message that went outside outreach. */
export function writtenOutsideWords(w: NonNullable<OutreachItem['writtenOutside']>, name: string): string {
  const what = w.kind === 'email' ? 'an email' : 'a message';
  const how =
    w.source === 'rapport'
      ? 'a message on Rapport'
      : w.source === 'linkedin'
        ? `${what} on LinkedIn, from your import`
        : `${what} you logged`;
  return `You wrote to ${name} on ${formatDate(w.at)} (${how}).`;
}

/**
 * A template's text as the message starts: with a space after it, so that words typed straight on begin a new
 * sentence ("…at Acme Logistics. Your talk") instead of running into it (a saved template ends trimmed).
 */
export function startFromTemplate(body: string): string {
  return body === '' || /\s$/.test(body) ? body : `${body} `;
}

/** Where a contact came from, after "connected …, ": "via LinkedIn", "added by hand". */
export const SOURCE_WORDS: Record<string, string> = {
  linkedin: 'via LinkedIn',
  web: 'added by hand',
  api: 'added through the API',
  cli: 'added on the command line',
  csv: 'from a CSV import',
  vcard: 'from a vCard import',
  carddav: 'from your phone',
  introduction: 'through an introduction',
  rapport: 'via Rapport',
  backup: 'from a backup',
};

/** What the composer shows as you type: the rendered text and the personal-line verdict, as the server sees it. */
export function draftCheck(body: string, subject: string, template: string | null, values: MergeValues) {
  const rendered = renderMerge(body, values);
  const renderedSubject = renderMerge(subject, values);
  const templateText = template === null ? null : renderMerge(template, values).text;
  const personal = checkPersonal(rendered.text, templateText, values);
  return {
    body: rendered.text,
    subject: renderedSubject.text,
    unknown: [...new Set([...rendered.unknown, ...renderedSubject.unknown])],
    empty: [...new Set([...rendered.empty, ...renderedSubject.empty])],
    personal,
    need: `${PERSONAL_MIN_WORDS} words and ${PERSONAL_MIN_CHARS} characters of your own`,
  };
}

/** LinkedIn's limits against a text's length: the invitation note (free and Premium) and a message. */
export function linkedinCounter(length: number) {
  return {
    length,
    note: { max: LINKEDIN_LIMITS.note, over: length > LINKEDIN_LIMITS.note },
    premium: { max: LINKEDIN_LIMITS.notePremium, over: length > LINKEDIN_LIMITS.notePremium },
    message: { max: LINKEDIN_LIMITS.message, over: length > LINKEDIN_LIMITS.message },
  };
}

/** A mailto: link that opens the user's own mail app with the message filled in. */
export function mailtoLink(to: string | null, subject: string, body: string): string {
  const q = [
    subject ? `subject=${encodeURIComponent(subject)}` : '',
    body ? `body=${encodeURIComponent(body.replace(/\r?\n/g, '\r\n'))}` : '',
  ]
    .filter(Boolean)
    .join('&');
  return `mailto:${to ? encodeURIComponent(to).replace(/%40/g, '@') : ''}${q ? `?${q}` : ''}`;
}

/** A fresh idempotency key for one message being written. */
export function newSendKey(): string {
  return `web-${crypto.randomUUID()}`;
}

export function percent(rate: number | null): string {
  return rate === null ? '–' : `${Math.round(rate * 100)}%`;
}

export function duration(hours: number | null): string {
  if (hours === null) return '–';
  if (hours < 1) return 'under an hour';
  if (hours < 48) return `${Math.round(hours)} h`;
  return `${Math.round(hours / 24)} days`;
}
