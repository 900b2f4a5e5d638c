import type { TodayItem } from '../../contracts/relationships';
import { escapeHtml } from '../mail/compose-mail';

export interface DigestContent {
  subject: string;
  text: string;
  html: string;
}

export interface DigestLinks {
  /** The web app's address (BASE_URL), no trailing slash. */
  baseUrl: string;
  /** Where to turn the digest off. */
  unsubscribeUrl: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The web page an item leads to: the contact's page when it is about someone, else the app. */
export function itemLink(item: Pick<TodayItem, 'contact'>, baseUrl: string): string {
  return item.contact ? `${baseUrl}/contacts/${encodeURIComponent(item.contact.id)}` : `${baseUrl}/`;
}

/**
 * The digest's link for an item, and what it says. A promise's "Mark kept" leads to Today, where the same item's
 * button marks it in one click (with Undo), and says so: the contact's page has it only deep in its promises card.
 * It is no one-click link in the mail itself: a link that changes a record without a session is a capability
 * sitting in an inbox (forwarded, previewed, scanned); only unsubscribing is worth that (RFC 8058).
 */
export function digestLink(
  item: Pick<TodayItem, 'contact' | 'action'>,
  baseUrl: string,
): { url: string; label: string } {
  if (item.action.kind === 'mark-kept') return { url: `${baseUrl}/`, label: `${item.action.label} on Today` };
  return { url: itemLink(item, baseUrl), label: item.action.label };
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "Wednesday 25 November 2026" for a YYYY-MM-DD day (by hand: ICU versions punctuate differently). */
export function longDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/**
 * One digest e-mail for a day's Today list: subject, plain text and HTML, each listing the items in rank order
 * with their reason, action and a link to the web app, then how to turn the digest off.
 */
export function composeDigest(
  name: string,
  today: { date: string; items: TodayItem[]; more: number },
  links: DigestLinks,
): DigestContent {
  const items = [...today.items].sort((a, b) => a.rank - b.rank);
  const count = plural(items.length, 'thing');
  const subject = `Today: ${count} for your relationships`;
  const intro = `${longDay(today.date)}: ${count} for your relationships.`;
  const moreLine =
    today.more > 0
      ? `And ${today.more} more waiting in Rapport: ${links.baseUrl}/`
      : `Open Rapport: ${links.baseUrl}/`;
  const footer = `You receive this because the daily digest is on in Rapport. Turn it off in Settings (${links.baseUrl}/settings) or with one click: ${links.unsubscribeUrl}`;

  const text = [
    `Hello ${name},`,
    '',
    intro,
    '',
    ...items.flatMap((item, i) => [
      `${i + 1}. ${item.title}`,
      `   ${item.reason}`,
      `   ${digestLink(item, links.baseUrl).label}: ${digestLink(item, links.baseUrl).url}`,
      '',
    ]),
    moreLine,
    '',
    '-- ',
    footer,
    '',
  ].join('\n');

  const e = escapeHtml;
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${e(subject)}</title></head>
<body style="font-family:system-ui,-apple-system,'Segoe UI',sans-serif;color:#1f2328;line-height:1.45;max-width:40em;margin:0 auto;padding:1em">
<p>Hello ${e(name)},</p>
<p>${e(intro)}</p>
<ol style="padding-left:1.4em">
${items
  .map(
    (item) =>
      `<li style="margin-bottom:.9em"><strong>${e(item.title)}</strong><br><span style="color:#59636e">${e(item.reason)}</span><br><a href="${e(digestLink(item, links.baseUrl).url)}">${e(digestLink(item, links.baseUrl).label)}</a></li>`,
  )
  .join('\n')}
</ol>
<p>${
    today.more > 0
      ? `And ${today.more} more waiting in <a href="${e(links.baseUrl)}/">Rapport</a>.`
      : `<a href="${e(links.baseUrl)}/">Open Rapport</a>`
  }</p>
<hr style="border:0;border-top:1px solid #d1d9e0">
<p style="font-size:.85em;color:#59636e">You receive this because the daily digest is on in Rapport. Turn it off in <a href="${e(links.baseUrl)}/settings">Settings</a> or <a href="${e(links.unsubscribeUrl)}">unsubscribe with one click</a>.</p>
</body>
</html>
`;
  return { subject, text, html };
}
