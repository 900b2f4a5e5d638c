/**
 * Accent- and case-insensitive folding used for search and matching, done in the app so both engines see
 * the same tokens (no `unaccent` extension needed on PostgreSQL).
 */
export function fold(text: string): string {
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
