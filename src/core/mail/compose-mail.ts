import type { MailAddress, MailMessage } from './mailer';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

export type MailBlock = string | { quote: string } | { link: string; label: string };

/** A short message as plain text and matching HTML, block by block (every value escaped in the HTML). */
export function composeMail(to: MailAddress, subject: string, blocks: MailBlock[]): MailMessage {
  const text = blocks.map((b) =>
    typeof b === 'string'
      ? b
      : 'quote' in b
        ? b.quote
            .split('\n')
            .map((l) => `> ${l}`)
            .join('\n')
        : `${b.label}: ${b.link}`,
  );
  const html = blocks.map((b) =>
    typeof b === 'string'
      ? `<p>${escapeHtml(b).replaceAll('\n', '<br>')}</p>`
      : 'quote' in b
        ? `<blockquote style="margin:0 0 1em;padding-left:1em;border-left:3px solid #ccc">${escapeHtml(b.quote).replaceAll('\n', '<br>')}</blockquote>`
        : `<p><a href="${escapeHtml(b.link)}">${escapeHtml(b.label)}</a></p>`,
  );
  return {
    to,
    subject,
    text: `${text.join('\n\n')}\n`,
    html: `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5">\n${html.join('\n')}\n</body></html>\n`,
  };
}
