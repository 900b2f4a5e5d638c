/**
 * A URL as a person reads it: `linkedin.com/in/hannah-müller` rather than `hannah-m%C3%BCller` (a profile URL is
 * stored percent-encoded, as LinkedIn and browsers send it). Reserved characters stay escaped (`decodeURI`), and a
 * URL that would decode to invisible or control characters (bidi overrides can make one link read as another) or
 * that is not valid UTF-8 is shown as stored. For display only: links keep the stored value.
 */
export function readableUrl(url: string): string {
  if (!url.includes('%')) return url;
  let decoded: string;
  try {
    decoded = decodeURI(url);
  } catch {
    return url;
  }
  return /[\p{C}\s]/u.test(decoded) ? url : decoded;
}
