import {
  type CountryCode,
  isSupportedCountry,
  type PhoneNumber,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/max';
import type { ContactTable } from '../db/schema';
import { fold, isUnspaced, umlautsSpelt, words, wordsOfFolded } from '../text/fold';

/** Caches a pure string function: imports call the normalisers several times on each of ~100k values. */
function memo<T>(fn: (s: string) => T): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    const hit = cache.get(s);
    if (hit !== undefined || cache.has(s)) return hit as T;
    if (cache.size > 100_000) cache.clear();
    const v = fn(s);
    cache.set(s, v);
    return v;
  };
}

/** Canonical form of a LinkedIn profile URL (`https://www.linkedin.com/in/<slug>`), or null if it is not one. */
export const normaliseLinkedinUrl = memo(linkedinUrl);

// A URL already in canonical form but for a trailing slash, as exports write them: its slug needs no URL parser
// (30,000 parses took ~0.15 s of an import's CPU). Not a slug of dots only, which a URL parser resolves away.
const CANONICAL_LINKEDIN = /^https:\/\/www\.linkedin\.com\/in\/([a-z0-9_.-]*[a-z0-9_-][a-z0-9_.-]*)\/?$/;

function linkedinUrl(raw: string): string | null {
  const canonical = CANONICAL_LINKEDIN.exec(raw);
  if (canonical) return `https://www.linkedin.com/in/${canonical[1]}`;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(raw.trim()) ? raw.trim() : `https://${raw.trim()}`);
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase();
  if (host !== 'linkedin.com' && !host.endsWith('.linkedin.com')) return null;
  const match = /^\/in\/([^/?#]+)/i.exec(url.pathname);
  if (!match?.[1]) return null;
  let slug = match[1];
  try {
    slug = decodeURIComponent(slug);
  } catch {
    // keep the raw slug when it is not valid percent-encoding
  }
  slug = slug.trim().toLowerCase();
  return slug ? `https://www.linkedin.com/in/${encodeURIComponent(slug)}` : null;
}

/** Matching key for any web URL: scheme-less, lower-cased host, no trailing slash, no fragment. */
export function normaliseWebUrl(raw: string): string | null {
  try {
    const url = new URL(raw);
    const path = url.pathname.replace(/\/+$/, '');
    return `${url.hostname.toLowerCase().replace(/^www\./, '')}${path}${url.search}`;
  } catch {
    return null;
  }
}

// An extension is part of the number: two colleagues behind one switchboard are two lines, and a contact's
// "ext. 42" and "ext. 43" are two numbers, not one to collapse (RFC 3966's `;ext=` form).
const phoneKey = (parsed: PhoneNumber | undefined) =>
  parsed?.isPossible() ? (parsed.ext ? `${parsed.number};ext=${parsed.ext}` : parsed.number) : null;

const internationalPhone = memo((raw) => phoneKey(parsePhoneNumberFromString(raw)));

// Keyed `GB|07700 900777`: an import reads the same few formats of thousands of numbers.
const regionalPhone = memo((key) => {
  const bar = key.indexOf('|');
  return phoneKey(parsePhoneNumberFromString(key.slice(bar + 1), key.slice(0, bar) as CountryCode));
});

/** Whether national phone numbers can be read in this country (ISO 3166 alpha-2, upper case). */
export const isPhoneRegion = (code: string) => isSupportedCountry(code);

/** A phone's matching key without its extension (`+12125550100;ext=42` → `+12125550100`). */
export const withoutExtension = (key: string) => {
  const at = key.indexOf(';ext=');
  return at < 0 ? key : key.slice(0, at);
};

/** The extension a phone's matching key carries, if any. */
export const extensionOf = (key: string) => {
  const at = key.indexOf(';ext=');
  return at < 0 ? null : key.slice(at + 5);
};

/**
 * E.164 form when the number can be read unambiguously: written internationally, or in the account's own
 * country (`phoneRegion`, its settings) when written without a country code; with `;ext=…` when it has an
 * extension. Else null.
 */
export function normalisePhone(raw: string, phoneRegion: string | null): string | null {
  return phoneRegion ? regionalPhone(`${phoneRegion}|${raw}`) : internationalPhone(raw);
}

export function normaliseEmailValue(raw: string): string {
  return raw.trim().toLowerCase();
}

/** The name shown for a contact: what the owner typed, else given + family, else organisation, else email. */
export function deriveDisplayName(p: {
  displayName?: string | null;
  givenName?: string | null;
  familyName?: string | null;
  organisation?: string | null;
  email?: string | null;
}): string | null {
  if (p.displayName) return p.displayName;
  const full = [p.givenName, p.familyName].filter(Boolean).join(' ').trim();
  return full || p.organisation || p.email || null;
}

export interface SearchDocInput {
  displayName: string;
  givenName: string | null;
  familyName: string | null;
  /** What friends call them ("Pepe"): a name word, found as the name is. */
  nickname?: string | null;
  organisation: string | null;
  title: string | null;
  location: string | null;
  howWeMet: string | null;
  notes: string | null;
  emails: string[];
  /** The matching keys of its phones (`contact_channels.value_norm`: E.164 when readable, else as written). */
  phones: string[];
  tags: string[];
}

// U+02BC (modifier letter apostrophe) is a letter to Unicode, so `words()` would keep "Oʼbrien" one word.
const LETTER_APOSTROPHE = /\u02BC/g;
// Apostrophes and hyphens that join the parts of one word: O'Brien, D’Angelo, Jean-Luc.
const JOINER = /['\u2018\u2019\u2010\u2011-]/u;
const HAS_JOINER = /['\u2018\u2019\u02BC\u2010\u2011-]/u;
const JOINED_RUN = /[\p{L}\p{N}]+(?:['\u2018\u2019\u2010\u2011-][\p{L}\p{N}]+)+/gu;
// Names, dates and phone numbers have a few parts; longer runs are slugs and ids, not worth the index entries.
const MOST_JOINED_PARTS = 4;

/**
 * The folded words a search doc stores for `text`: `words()`, and for a word written with inner apostrophes or
 * hyphens also its parts joined from each part on ("o'brien-smith": o, brien, smith, obriensmith, briensmith), so
 * that "obrien" finds O'Brien while "o'brien" and "o brien" (folded to `o`, `brien`) still do. Text with German
 * umlauts also stores its words spelt out ("mueller" finds Müller, as "muller" does), and Chinese, Japanese and
 * Korean names their parts (`withUnspacedForms`).
 */
function searchWordsOf(text: string): string[] {
  // Most text is plain: two tests and the plain words (imports fold every field of every person).
  if (!NEEDS_MORE.test(text)) return words(text);
  const spelt = umlautsSpelt(text);
  const out = [...searchWordsOfPlain(text), ...(spelt ? searchWordsOfPlain(spelt) : [])];
  return UNSPACED_CHAR.test(text) ? withUnspacedForms(out) : out;
}

// Text that gets more than its plain words: joiners, umlauts, or a script written without spaces (one class: the
// test runs on every field of every imported person).
const NEEDS_MORE =
  /['\u2018\u2019\u02BC\u2010\u2011\-äöüÄÖÜ\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const UNSPACED_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
// A name of up to this many characters without spaces gets every ending as a word; longer runs are sentences.
const MOST_UNSPACED = 8;

/**
 * Chinese, Japanese and Korean write a name without spaces (王小明, 山田太郎), so a word there is a whole name and
 * a prefix index finds it only by its start. Each short such word also stores its endings (小明, 明; 田太郎, 太郎,
 * 郎), and two such words in a row their join (山田 太郎: 山田太郎), so any part of a name, spaced or not, is found.
 */
function withUnspacedForms(ws: string[]): string[] {
  const out = [...ws];
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i] as string;
    if (!isUnspaced(w)) continue;
    const chars = [...w];
    if (chars.length <= MOST_UNSPACED)
      for (let j = 1; j < chars.length; j++) out.push(chars.slice(j).join(''));
    const next = ws[i + 1];
    if (next && isUnspaced(next) && chars.length + [...next].length <= MOST_UNSPACED) out.push(w + next);
  }
  return out;
}

function searchWordsOfPlain(text: string): string[] {
  if (!HAS_JOINER.test(text)) return words(text);
  const folded = fold(text.replace(LETTER_APOSTROPHE, "'"));
  const out = wordsOfFolded(folded);
  for (const [run] of folded.matchAll(JOINED_RUN)) {
    const parts = run.split(JOINER);
    if (parts.length > MOST_JOINED_PARTS) continue;
    for (let i = 0; i < parts.length - 1; i++) out.push(parts.slice(i).join(''));
  }
  return out;
}

// A query of only these characters with this many digits is a phone number: its digits are one word.
const PHONE_QUERY = /^[\d\s+\-.()]+$/;
const MIN_PHONE_DIGITS = 3;

/**
 * The digit words a search doc stores for a phone's matching key: an E.164 number's digits without `+` and its
 * national form's digits, trunk prefix included (`+442079460958`: 442079460958, 02079460958), so that a number
 * typed either way is found by any prefix of it; a number that could not be read, its digits as written.
 */
export const phoneSearchWords = memo((key: string): string[] => {
  if (key.startsWith('+')) {
    // The number's digits only: an extension is dialled after the call connects, nobody types it to search.
    const parsed = parsePhoneNumberFromString(withoutExtension(key));
    if (parsed) return unique([parsed.number.slice(1), parsed.formatNational().replace(/\D/g, '')]);
  }
  const digits = key.replace(/\D/g, '');
  return digits.length >= MIN_PHONE_DIGITS ? [digits] : [];
});

/**
 * The words a search query must prefix-match (at most 8), folded as the search doc's are. A query that looks like a
 * phone number ("020 7946 0958", "+44 (0)20 7946-0958", "0044 20 7946") is one word of its digits, without the
 * international `00` and the `(0)` written after a country code, so any prefix of the international or the
 * national digits finds the number (a trailing part such as "7946 0958" does not: a prefix index cannot).
 */
export function searchQueryWords(q: string): string[] {
  const folded = fold(q).trim();
  if (PHONE_QUERY.test(folded)) {
    const international = /^(\+|00)/.test(folded);
    const digits = (international ? folded.replace(/\(0\)/g, '') : folded).replace(/\D/g, '');
    // `00` is the international prefix only before a number ("007" stays itself).
    const dialled =
      folded.startsWith('00') && digits.length >= 2 + MIN_PHONE_DIGITS ? digits.slice(2) : digits;
    if (digits.length >= MIN_PHONE_DIGITS) return [dialled];
  }
  return words(q.replace(LETTER_APOSTROPHE, "'")).slice(0, 8);
}

/** The folded words names are found by: a contact's `search_name` holds these of all its names. */
export function nameSearchWords(...names: (string | null | undefined)[]): string[] {
  const out: string[] = [];
  for (const name of names) addSearchWords(out, name);
  return unique(out);
}

/** The folded search columns stored on each contact (see core/db/portable.ts for the index over them). */
export function searchDoc(c: SearchDocInput): { sort_key: string; search_name: string; search_text: string } {
  // Pushed into two lists, not spread and flattened: an import builds 30,000 of these at once.
  const nameWords = nameSearchWords(c.displayName, c.givenName, c.familyName, c.nickname);
  const rest: string[] = [];
  addSearchWords(rest, c.organisation);
  addSearchWords(rest, c.title);
  addSearchWords(rest, c.location);
  for (const e of c.emails) addSearchWords(rest, e);
  for (const p of c.phones ?? []) for (const w of phoneSearchWords(p)) rest.push(w);
  for (const t of c.tags) addSearchWords(rest, t);
  addSearchWords(rest, c.howWeMet);
  addSearchWords(rest, c.notes);
  // Sort order stays that of the display name's plain words: the joined forms are for finding only.
  return {
    sort_key: words(c.displayName).join(' ') || fold(c.displayName),
    search_name: nameWords.join(' '),
    search_text: rest.join(' '),
  };
}

function addSearchWords(out: string[], text: string | null | undefined): void {
  if (text) for (const w of searchWordsOf(text)) out.push(w);
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** Plain text fields: API name → column. Create, update, import, merge and backup all go through this list. */
export const TEXT_FIELDS = [
  ['givenName', 'given_name'],
  ['familyName', 'family_name'],
  ['additionalNames', 'additional_names'],
  ['namePrefix', 'name_prefix'],
  ['nameSuffix', 'name_suffix'],
  ['nickname', 'nickname'],
  ['title', 'title'],
  ['department', 'department'],
  ['location', 'location'],
  ['howWeMet', 'how_we_met'],
  ['notes', 'notes'],
  ['birthday', 'birthday'],
  ['connectedOn', 'connected_on'],
] as const satisfies readonly (readonly [string, keyof ContactTable])[];

export type TextField = (typeof TEXT_FIELDS)[number][0];

/** Parses a JSON column that holds an array, tolerating old or hand-edited rows. */
export function parseJsonArray<T>(json: string): T[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
}

/** Parses a JSON column that holds a string map. */
export function parseJsonRecord(json: string): Record<string, string> {
  try {
    const v: unknown = JSON.parse(json);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, string>) : {};
  } catch {
    return {};
  }
}
