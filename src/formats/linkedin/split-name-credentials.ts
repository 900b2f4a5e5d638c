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
  // ASCII, as nearly every credential is, read from character codes: the Unicode classes below cost a microsecond
  // a call, and one LinkedIn connection in seven has a comma in the last name.
  let capitals = 0;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c >= 65 && c <= 90) capitals++;
    else if (c > 127) return isUnicodeCredential(token);
    else if (i === 0 || !(isAsciiLetterOrDigit(c) || c === 46 || c === 38 || c === 47 || c === 45))
      return false; // . & / -
  }
  if (token.length === 0 || token.length > 16) return false;
  return capitals >= 2 || MIXED_CASE.has(token.toLowerCase());
}

const isAsciiLetterOrDigit = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/** The rule with Unicode classes: any token; the character-code reading above must agree with it on ASCII. */
export function isUnicodeCredential(token: string): boolean {
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
