// Credentials written in mixed case, which the "two capitals" rule below would miss.
const MIXED_CASE = new Set([
  'jr',
  'jr.',
  'sr',
  'sr.',
  'esq',
  'esq.',
  'phd',
  'ph.d',
  'ph.d.',
  'dr',
  'dr.',
  'mag.',
  'dipl.-ing.',
]);
// One credential: starts with a capital, then letters, digits and the marks credentials carry (Ph.D., SHRM-SCP, CFA®).
const TOKEN = /^\p{Lu}[\p{L}\p{N}.&/®™-]{0,15}$/u;
const CAPITALS = /\p{Lu}/gu;

function isCredential(token: string): boolean {
  if (!TOKEN.test(token)) return false;
  return (token.match(CAPITALS)?.length ?? 0) >= 2 || MIXED_CASE.has(token.toLowerCase());
}

/**
 * LinkedIn members often put credentials in the last name (`Caldwell, MBA`, `Okafor, PhD, PMP`; FORMATS.md §1). They
 * belong in the name suffix, so that the name sorts, matches and greets as the person's name. Anything after the
 * first comma moves only when every part looks like a credential or a generational suffix; `Smith, John` stays.
 */
export function splitNameCredentials(lastName: string): { familyName: string; suffix?: string } {
  const comma = lastName.indexOf(',');
  if (comma === -1) return { familyName: lastName };
  const familyName = lastName.slice(0, comma).trim();
  const parts = lastName
    .slice(comma + 1)
    .split(',')
    .map((p) => p.trim());
  if (!familyName || parts.some((p) => !isCredential(p))) return { familyName: lastName };
  return { familyName, suffix: parts.join(', ') };
}
