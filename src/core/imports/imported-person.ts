import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { isEmailAddress, isPhoneNumber, withoutMailto } from '../../contracts/channel-values';
import {
  addressInput,
  CONTACT_LIST_MAX,
  dateInput,
  emailInput,
  partialDate,
  phoneInput,
  urlInput,
} from '../../contracts/contacts';
import type { ImportedPerson, LabelledValue, ParseIssue } from '../../formats/model';
import {
  deriveDisplayName,
  normaliseEmailValue,
  normaliseLinkedinUrl,
  normalisePhone,
} from '../contacts/contact';
import type { ContactPhotoTable } from '../db/schema';
import { fold } from '../text/fold';
import { withoutNul } from '../text/without-nul';
import { onePerPlace } from './addresses';
import { isoDateOnly } from './dates';

/** The extra column a Rapport CSV export names each contact by (vCard has UID for that). */
export const RAPPORT_ID = 'Rapport ID';

const LIMITS = {
  name: 200,
  title: 200,
  notes: 20000,
  tag: 60,
  tags: 50,
  list: CONTACT_LIST_MAX,
  extraKey: 100,
  extraValue: 10000,
  extras: 200,
};

/** A person whose every value fits the contact contract, plus a warning for each value that had to be dropped. */
export interface CleanPerson extends ImportedPerson {
  displayName: string;
}

function ok<S extends z.ZodType>(schema: S, value: unknown): z.output<S> | undefined {
  const r = schema.safeParse(value);
  return r.success ? r.data : undefined;
}

function warn(issues: ParseIssue[], ref: ImportedPerson['ref'], field: string, message: string) {
  issues.push({ ref, field, message, severity: 'warning' });
}

/** A warning that the record keeps less than the source held (a value cut, items past a limit left out). */
function warnCut(
  issues: ParseIssue[],
  ref: ImportedPerson['ref'],
  field: string,
  message: string,
  cut: string,
) {
  issues.push({ ref, field, message, severity: 'warning', cut });
}

const count = (n: number) => n.toLocaleString('en');
const overList = (n: number, max: number) => `are ${count(n)}; at most ${count(max)} fit`;

/** The value trimmed, cut to `max` characters with a warning when longer (never cut without a word). */
function clip(
  value: string | undefined,
  max: number,
  field: string,
  issues: ParseIssue[],
  ref: ImportedPerson['ref'],
): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (v.length <= max) return v;
  const long = `is ${count(v.length)} characters long`;
  warnCut(
    issues,
    ref,
    field,
    `${long}; only the first ${count(max)} are kept`,
    `${long}; at most ${count(max)} fit`,
  );
  return v.slice(0, max);
}

// Fast paths that accept only what the contract's schemas accept too (its own e-mail and phone rules; an http(s)
// URL with a dotted host and no spaces), and give the value it would store. Anything else goes through the
// schema, so the rules stay the contract's.
const PLAIN_URL = /^https?:\/\/[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?(\/[^\s]*)?$/i;
const FAST = {
  emails: (v: string) => {
    const address = withoutMailto(v);
    return isEmailAddress(address) ? address : undefined;
  },
  urls: (v: string) => (v.length <= 2048 && PLAIN_URL.test(v) ? v : undefined),
  phones: (v: string) => (isPhoneNumber(v) ? v : undefined),
} as const;
const SCHEMAS = { emails: emailInput, urls: urlInput, phones: phoneInput } as const;

function cleanList(
  field: keyof typeof SCHEMAS,
  items: LabelledValue[],
  issues: ParseIssue[],
  ref: ImportedPerson['ref'],
): LabelledValue[] {
  if (items.length === 0) return [];
  const out: LabelledValue[] = [];
  const n = Math.min(items.length, LIMITS.list);
  for (let i = 0; i < n; i++) {
    const item = items[i] as LabelledValue;
    const value = item.value.trim();
    const label = item.label ? item.label.trim().slice(0, 60) || undefined : undefined;
    const fast = FAST[field](value);
    if (fast !== undefined) {
      out.push(label ? { value: fast, label } : { value: fast });
      continue;
    }
    const parsed = ok(SCHEMAS[field], label ? { value, label } : { value }) as LabelledValue | undefined;
    if (parsed) out.push(parsed);
    else warn(issues, ref, `${field}.${i}`, `"${item.value}" is not a valid ${field.slice(0, -1)}; left out`);
  }
  if (items.length > LIMITS.list)
    warnCut(
      issues,
      ref,
      field,
      `only the first ${LIMITS.list} are kept`,
      overList(items.length, LIMITS.list),
    );
  return out;
}

function cleanDate(
  value: string | undefined,
  field: string,
  issues: ParseIssue[],
  ref: ImportedPerson['ref'],
) {
  if (!value) return undefined;
  const parsed = ok(partialDate, value);
  if (parsed === undefined) warn(issues, ref, field, `"${value}" is not a date; left out`);
  return parsed;
}

/** Takes a field out of `extra` by case-insensitive name. */
function takeExtra(extra: Record<string, string>, name: string): string | undefined {
  for (const key in extra) {
    if (key.toLowerCase() === name) {
      const v = extra[key];
      delete extra[key];
      return v;
    }
  }
  return undefined;
}

function cleanExtra(
  extra: Record<string, string>,
  issues: ParseIssue[],
  ref: ImportedPerson['ref'],
): Record<string, string> {
  const out: Record<string, string> = {};
  let n = 0;
  for (const k in extra) {
    const v = extra[k] as string;
    const key = k.trim();
    if (!key || !v.trim()) continue;
    if (++n > LIMITS.extras) {
      warnCut(
        issues,
        ref,
        'customFields',
        `only the first ${LIMITS.extras} custom fields are kept`,
        `are more than ${LIMITS.extras}; at most ${LIMITS.extras} fit`,
      );
      break;
    }
    if (key.length > LIMITS.extraKey)
      warnCut(
        issues,
        ref,
        `customFields.${key.slice(0, 40)}`,
        `the name is cut to ${LIMITS.extraKey} characters`,
        `has a name ${count(key.length)} characters long; at most ${LIMITS.extraKey} fit`,
      );
    out[key.slice(0, LIMITS.extraKey)] =
      clip(v, LIMITS.extraValue, `customFields.${key.slice(0, 40)}`, issues, ref) ?? '';
  }
  return out;
}

/** The items `check` accepts; each it refuses is left out with a warning naming it. */
function checked<T, U>(
  field: string,
  items: T[],
  issues: ParseIssue[],
  ref: ImportedPerson['ref'],
  check: (item: T) => U | undefined,
): U[] {
  const out: U[] = [];
  items.forEach((item, i) => {
    const value = check(item);
    if (value === undefined)
      warn(issues, ref, `${field}.${i}`, 'is not valid (a part too long, or no date); left out');
    else out.push(value);
  });
  return out;
}

function cleanTags(tags: string[], issues: ParseIssue[], ref: ImportedPerson['ref']): string[] {
  const out = new Set<string>();
  for (const t of tags) {
    const tag = clip(t, LIMITS.tag, 'tags', issues, ref);
    if (tag) out.add(tag);
  }
  if (out.size > LIMITS.tags)
    warnCut(
      issues,
      ref,
      'tags',
      `only the first ${LIMITS.tags} tags are kept`,
      overList(out.size, LIMITS.tags),
    );
  return [...out].slice(0, LIMITS.tags);
}

/**
 * Checks an imported record against the same rules as the API. A bad value (malformed email, impossible date) is
 * dropped with a warning naming the field; a record with nothing to call the person by is an error. NUL characters
 * (which no text can hold) are taken out, with a warning.
 */
export function cleanPerson(input: ImportedPerson): { person: CleanPerson | null; issues: ParseIssue[] } {
  const issues: ParseIssue[] = [];
  const person = withoutNul(input);
  const ref = person.ref;
  if (person !== input)
    issues.push({ ref, message: 'NUL characters removed from its text', severity: 'warning' });
  const emails = cleanList('emails', person.emails, issues, ref);
  // Location and how-we-met travel as extra fields in vCard and CSV (and Outlook has a Location column).
  let extra = person.extra;
  let location = person.location;
  let howWeMet = person.howWeMet;
  let exportedId: string | undefined;
  for (const _ in extra) {
    extra = { ...person.extra };
    location ??= takeExtra(extra, 'location');
    howWeMet ??= takeExtra(extra, 'how we met');
    exportedId = takeExtra(extra, RAPPORT_ID.toLowerCase());
    extra = cleanExtra(extra, issues, ref);
    break;
  }
  for (const field of ['addresses', 'dates'] as const)
    if ((person[field]?.length ?? 0) > LIMITS.list)
      warnCut(
        issues,
        ref,
        field,
        `only the first ${LIMITS.list} are kept`,
        overList(person[field]?.length ?? 0, LIMITS.list),
      );
  let connectedOn: string | undefined;
  if (person.connectedOn)
    connectedOn = isoDateOnly(person.connectedOn, (m) => warn(issues, ref, 'connectedOn', m));
  const clean: CleanPerson = {
    ref,
    displayName: '',
    givenName: clip(person.givenName, LIMITS.name, 'givenName', issues, ref),
    familyName: clip(person.familyName, LIMITS.name, 'familyName', issues, ref),
    additionalNames: clip(person.additionalNames, LIMITS.name, 'additionalNames', issues, ref),
    prefix: clip(person.prefix, 60, 'prefix', issues, ref),
    suffix: clip(person.suffix, 60, 'suffix', issues, ref),
    nickname: clip(person.nickname, LIMITS.name, 'nickname', issues, ref),
    organisation: clip(person.organisation, LIMITS.name, 'organisation', issues, ref),
    department: clip(person.department, LIMITS.name, 'department', issues, ref),
    title: clip(person.title, LIMITS.title, 'title', issues, ref),
    notes: clip(person.notes, LIMITS.notes, 'notes', issues, ref),
    location: clip(location, LIMITS.name, 'location', issues, ref),
    howWeMet: clip(howWeMet, 2000, 'howWeMet', issues, ref),
    emails,
    phones: cleanList('phones', person.phones, issues, ref),
    urls: cleanList('urls', person.urls, issues, ref),
    addresses:
      person.addresses.length === 0
        ? []
        : onePerPlace(
            checked('addresses', person.addresses.slice(0, LIMITS.list), issues, ref, (a) =>
              ok(addressInput, Object.fromEntries(Object.entries(a).filter(([, v]) => v))),
            ),
          ),
    dates: person.dates?.length
      ? checked('dates', person.dates.slice(0, LIMITS.list), issues, ref, (d) => ok(dateInput, d))
      : [],
    birthday: cleanDate(person.birthday, 'birthday', issues, ref),
    connectedOn,
    tags: person.tags.length === 0 ? [] : cleanTags(person.tags, issues, ref),
    extra,
    photo: person.photo,
    raw: person.raw,
  };
  const name = deriveDisplayName({
    displayName: clip(person.displayName, LIMITS.name, 'displayName', issues, ref),
    givenName: clean.givenName,
    familyName: clean.familyName,
    organisation: clean.organisation,
    email: emails[0]?.value,
  });
  if (!name) {
    issues.push({
      ref: person.ref,
      message: 'no name, organisation or email to call this person by',
      severity: 'error',
    });
    return { person: null, issues };
  }
  clean.displayName = name;
  clean.sourceKey = person.sourceKey ?? exportedId ?? undefined;
  // Someone with no email, phone or profile can still be found again when the same file comes back.
  // (Without the account's country here: a name key beside a phone key read in it does no harm.)
  if (!clean.sourceKey && personKeys(clean, '', null).length === 0) {
    clean.sourceKey = `name:${fold(name)}|${fold(clean.organisation ?? '')}`;
  }
  return { person: clean, issues };
}

/**
 * Keys that identify the same person across files, strongest first (docs/adr/0007-import-identity.md). A phone
 * number is one when it reads as E.164: written internationally, or in `phoneRegion` (the account's setting).
 */
export function personKeys(person: ImportedPerson, sourceKind: string, phoneRegion: string | null): string[] {
  const keys: string[] = [];
  if (person.sourceKey) keys.push(`src:${sourceKind}:${person.sourceKey}`);
  for (const u of person.urls) {
    const li = normaliseLinkedinUrl(u.value);
    if (li) keys.push(`url:${li}`);
  }
  for (const e of person.emails) keys.push(`email:${normaliseEmailValue(e.value)}`);
  for (const p of person.phones) {
    const e164 = normalisePhone(p.value, phoneRegion);
    if (e164) keys.push(`phone:${e164}`);
  }
  return [...new Set(keys)];
}

export function photoHash(person: ImportedPerson): string | null {
  const photo = person.photo;
  if (!photo) return null;
  return createHash('sha256')
    .update(photo.kind === 'inline' ? photo.data : photo.url)
    .digest('hex');
}

/** What the source said about the person, as compared on the next import (no file position, no photo bytes). */
export type PersonSnapshot = Omit<ImportedPerson, 'ref' | 'raw' | 'photo'> & { photo: string | null };

export function snapshotOf(person: ImportedPerson): PersonSnapshot {
  const { ref: _ref, raw: _raw, photo: _photo, ...rest } = person;
  return { ...rest, photo: photoHash(person) };
}

/** The snapshot as stored: compact JSON without empty lists and objects (one row per contact and source). */
export function snapshotJson(person: ImportedPerson): string {
  // Same text as stringifying `snapshotOf` with the empty-dropping replacer, without the replacer's call per value
  // (a fifth of the planning time for 30k people): empty values are left out at the top level here, and a nested
  // empty list or object, which only a hand-made record has, takes the replacer path.
  const out: Record<string, unknown> = {};
  for (const key in person) {
    if (key === 'ref' || key === 'raw' || key === 'photo') continue;
    const value = (person as unknown as Record<string, unknown>)[key];
    if (value === undefined || isEmpty(value)) continue;
    if (typeof value === 'object' && value !== null && hasEmptyInside(value)) return snapshotJsonSlow(person);
    out[key] = value;
  }
  out.photo = photoHash(person);
  return JSON.stringify(out);
}

function isEmpty(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0;
  if (!value || typeof value !== 'object') return false;
  for (const _ in value) return false;
  return true;
}

function hasEmptyInside(value: object): boolean {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (isEmptyOrHasEmpty(value[i])) return true;
    return false;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) if (isEmptyOrHasEmpty(record[key])) return true;
  return false;
}

function isEmptyOrHasEmpty(v: unknown): boolean {
  return !!v && typeof v === 'object' && (isEmpty(v) || hasEmptyInside(v));
}

function snapshotJsonSlow(person: ImportedPerson): string {
  return JSON.stringify(snapshotOf(person), (_key, value) =>
    (Array.isArray(value) && value.length === 0) ||
    (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0)
      ? undefined
      : value,
  );
}

/** The contact_photos row for a person's photo (bytes, or a URL), or null when it has none. */
export function photoRowOf(
  ownerId: string,
  contactId: string,
  person: ImportedPerson,
  now: string,
): ContactPhotoTable | null {
  const p = person.photo;
  if (!p) return null;
  const inline = p.kind === 'inline';
  return {
    contact_id: contactId,
    owner_id: ownerId,
    mime: inline ? p.mime : null,
    data: inline ? Buffer.from(p.data) : null,
    url: inline ? null : p.url,
    sha256: photoHash(person),
    updated_at: now,
  };
}
