import { createHash } from 'node:crypto';

/** A strong ETag whose bytes decide it: the same text, the same tag. */
export function strongEtag(text: string): string {
  return `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`;
}

/**
 * Whether an `If-Match` / `If-None-Match` header lists this ETag, or `*`. With `weak` (the comparison
 * `If-None-Match` allows, RFC 9110 §13.1.2) a `W/` form of it counts too; `If-Match` compares strongly.
 */
export function etagListed(header: string, etag: string, opts: { weak?: boolean } = {}): boolean {
  return header.split(',').some((t) => {
    const v = t.trim();
    return v === '*' || v === etag || (opts.weak === true && v === `W/${etag}`);
  });
}
