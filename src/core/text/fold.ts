const ASCII = /^\p{ASCII}*$/u;

/**
 * Accent- and case-insensitive folding used for search and matching, done in the app so both engines see
 * the same tokens (no `unaccent` extension needed on PostgreSQL).
 */
export function fold(text: string): string {
  // Most names and organisations are plain ASCII, which NFKD leaves as it is: skip the Unicode passes (imports fold
  // every field of every person; the full path was a tenth of a 30k-row import).
  if (ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/æ/gi, 'ae')
    .replace(/ø/gi, 'o')
    .replace(/đ/gi, 'd')
    .replace(/ł/gi, 'l')
    .toLowerCase();
}

/** Folded words: letters and digits only, everything else separates. Engines tokenise this identically. */
export function words(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}
