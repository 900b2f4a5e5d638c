import { readableUrl } from '../../../contracts/readable-url';

interface WebLink {
  value: string;
  label: string | null;
  kind: 'linkedin' | 'web';
}

/** What a web link reads as: "LinkedIn: linkedin.com/in/ada" for a LinkedIn profile, the address otherwise. */
export function linkText(u: WebLink): string {
  return u.kind === 'linkedin'
    ? `LinkedIn: ${readableUrl(u.value).replace(/^https?:\/\/(www\.)?/, '')}`
    : readableUrl(u.value);
}

/** The link's own label as a chip, unless the text already says it ("LinkedIn" beside "LinkedIn: …"). */
export function linkLabel(u: WebLink): string | null {
  const label = u.label?.trim();
  if (!label) return null;
  return linkText(u).toLowerCase().startsWith(`${label.toLowerCase()}:`) ? null : label;
}
