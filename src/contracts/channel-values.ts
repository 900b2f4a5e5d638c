import { isStorableText } from './common';

/**
 * What counts as a phone number or an e-mail address in a contact: what real address books hold, kept as written.
 * The API, imports and CardDAV all go through these rules (contacts.ts, cleanPerson), so a value a phone stored is
 * never dropped by one path and accepted by another.
 */

// Spaces and controls, spelt out: the Unicode `\s` class is several times slower on two-byte text (imports test
// ~100k values).
const SPACE_OR_CONTROL =
  '\\x00-\\x20\\x7f-\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';
// RFC 5322 specials: never unquoted in an address, so a display name, a list or a bracketed form is not one.
const SPECIALS = '@"(),:;<>\\[\\]\\\\';
const ATOM = new RegExp(`^[^${SPACE_OR_CONTROL}${SPECIALS}]+$`);
// `"john doe"@…`: any printable character, a backslash escaping the next one.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what the classes exclude
const QUOTED = /^"(?:[^"\\\x00-\x1f\x7f-\x9f]|\\[^\x00-\x1f\x7f-\x9f])+"$/;

export const EMAIL_MAX = 320;

/** `mailto:` as a URI-minded client writes it (vCard 4.0, some CSV exports): not part of the address. */
export function withoutMailto(value: string): string {
  return /^mailto:/i.test(value) ? value.slice(7).trim() : value;
}

/**
 * An e-mail address as people keep them: one `@` outside quotes, a non-empty local part (plain, or quoted as in
 * `"john doe"@example.org`) and a non-empty domain; Unicode (EAI, IDN) and dotless domains (`admin@localhost`)
 * allowed; no spaces or control characters outside the quotes.
 */
export function isEmailAddress(value: string): boolean {
  if (value.length > EMAIL_MAX || !isStorableText(value)) return false;
  const at = value.lastIndexOf('@');
  if (at <= 0 || at === value.length - 1) return false;
  const local = value.slice(0, at);
  return ATOM.test(value.slice(at + 1)) && (ATOM.test(local) || QUOTED.test(local));
}

/**
 * An address Rapport may send mail to: a valid address without a quoted local part (SMTP servers and nodemailer
 * disagree on how to quote one, and a refused recipient would undo the action that sent it).
 */
export function isMailableEmailAddress(value: string): boolean {
  return isEmailAddress(value) && !value.startsWith('"');
}

export const PHONE_MAX = 64;

// Digits (any script), vanity letters, `+`, service codes (`*`, `#`), pauses and extensions (`,` `;` `p` `w` `x`
// `ext=`), and the separators people type (spaces, `()`, `.`, `/`, dashes).
const PHONE_CHARS = /^[\p{Nd}A-Za-z+*#,;=()./ \u00a0\u2009\u202f\p{Pd}]+$/u;
const DIGIT = /\p{Nd}/u;
const SERVICE_CODE = /^[*#]+[\p{Nd}A-Za-z]/u;

/**
 * A phone number as address books hold it, kept as written: `1-800-FLOWERS`, `*86`, `+1 418 656 9254,,102`,
 * `…;ext=102`, `+1 555 0100 p 12`. It needs a digit, or to be a `*`/`#` service code; a word alone ("call me")
 * is not one. E.164 is worked out for matching only (core/contacts/contact.ts).
 */
export function isPhoneNumber(value: string): boolean {
  return (
    value.length <= PHONE_MAX && PHONE_CHARS.test(value) && (DIGIT.test(value) || SERVICE_CODE.test(value))
  );
}
