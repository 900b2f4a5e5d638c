const CANONICAL_PREFIX = 'https://www.linkedin.com/in/';

/**
 * Canonical key of a LinkedIn profile URL: `https://www.linkedin.com/in/<slug>`, lower-case, without trailing
 * slash, query or fragment; undefined when the text is not a profile URL. Same result as core's
 * `normaliseLinkedinUrl`, with a fast path for URLs that are already canonical (30k per import).
 */
export function normaliseLinkedinProfileUrl(raw: string): string | undefined {
  if (CANONICAL.test(raw)) return raw.charCodeAt(raw.length - 1) === SLASH ? raw.slice(0, -1) : raw;
  return normaliseSlowly(raw.trim());
}

// Already canonical but for a trailing slash: nothing to decode, lower-case or escape. A compiled regex test is
// several times faster here than a character loop. A slug starting with a dot takes the slow path: `.` and `..`
// are path segments that URL parsing removes.
const CANONICAL = /^https:\/\/www\.linkedin\.com\/in\/[a-z0-9_-][a-z0-9_.-]*\/?$/;
const SLASH = 47;

function normaliseSlowly(text: string): string | undefined {
  if (!text) return undefined;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`);
  } catch {
    return undefined;
  }
  const host = url.hostname.toLowerCase();
  if (host !== 'linkedin.com' && !host.endsWith('.linkedin.com')) return undefined;
  const match = /^\/in\/([^/?#]+)/i.exec(url.pathname);
  if (!match?.[1]) return undefined;
  let slug = match[1];
  try {
    slug = decodeURIComponent(slug);
  } catch {
    // keep the raw slug when it is not valid percent-encoding
  }
  slug = slug.trim().toLowerCase();
  return slug ? `${CANONICAL_PREFIX}${encodeURIComponent(slug)}` : undefined;
}
