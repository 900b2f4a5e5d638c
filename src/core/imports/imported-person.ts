import { createHash } from 'node:crypto';
import type { z } from 'zod';
import {
  addressInput,
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
import { fold } from '../text/fold';
import { isoDateOnly } from './dates';

/** The extra column a Rapport CSV export names each contact by (vCard has UID for that). */
export const RAPPORT_ID = 'Rapport ID';

const LIMITS = {
  name: 200,
  title: 200,
  notes: 20000,
  tag: 60,
  tags: 50,
  list: 20,
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

function clip(value: string | undefined, max: number): string | undefined {
  const v = value?.trim();
  return v ? v.slice(0, max) : undefined;
}

/**
 * Checks an imported record against the same rules as the API. A bad value (malformed email, impossible date) is
 * dropped with a warning naming the field; a record with nothing to call the person by is an error.
 */
export function cleanPerson(person: ImportedPerson): { person: CleanPerson | null; issues: ParseIssue[] } {
  const issues: ParseIssue[] = [];
  const warn = (field: string, message: string) =>
    issues.push({ ref: person.ref, field, message, severity: 'warning' });
  const list = <T>(field: string, items: LabelledValue[], schema: z.ZodType<T>): T[] => {
    const out: T[] = [];
    items.slice(0, LIMITS.list).forEach((item, i) => {
      const parsed = ok(schema, {
        value: item.value,
        ...(item.label ? { label: item.label.slice(0, 60) } : {}),
      });
      if (parsed === undefined)
        warn(`${field}.${i}`, `"${item.value}" is not a valid ${field.replace(/s$/, '')}; left out`);
      else out.push(parsed);
    });
    if (items.length > LIMITS.list) warn(field, `only the first ${LIMITS.list} are kept`);
    return out;
  };
  const date = (field: string, value: string | undefined) => {
    if (!value) return undefined;
    const parsed = ok(partialDate, value);
    if (parsed === undefined) warn(field, `"${value}" is not a date; left out`);
    return parsed;
  };

  const emails = list('emails', person.emails, emailInput) as LabelledValue[];
  // Location and how-we-met travel as extra fields in vCard and CSV (and Outlook has a Location column).
  const extra = { ...person.extra };
  const takeExtra = (name: string) => {
    const key = Object.keys(extra).find((k) => k.toLowerCase() === name);
    if (!key) return undefined;
    const v = extra[key];
    delete extra[key];
    return v;
  };
  const location = person.location ?? takeExtra('location');
  const howWeMet = person.howWeMet ?? takeExtra('how we met');
  const exportedId = takeExtra(RAPPORT_ID.toLowerCase());
  const clean: CleanPerson = {
    ...person,
    displayName: '',
    givenName: clip(person.givenName, LIMITS.name),
    familyName: clip(person.familyName, LIMITS.name),
    additionalNames: clip(person.additionalNames, LIMITS.name),
    prefix: clip(person.prefix, 60),
    suffix: clip(person.suffix, 60),
    nickname: clip(person.nickname, LIMITS.name),
    organisation: clip(person.organisation, LIMITS.name),
    department: clip(person.department, LIMITS.name),
    title: clip(person.title, LIMITS.title),
    notes: clip(person.notes, LIMITS.notes),
    location: clip(location, LIMITS.name),
    howWeMet: clip(howWeMet, 2000),
    emails,
    phones: list('phones', person.phones, phoneInput) as LabelledValue[],
    urls: list('urls', person.urls, urlInput) as LabelledValue[],
    addresses: person.addresses
      .slice(0, LIMITS.list)
      .map((a) => ok(addressInput, Object.fromEntries(Object.entries(a).filter(([, v]) => v))))
      .filter((a): a is NonNullable<typeof a> => a !== undefined),
    dates: (person.dates ?? [])
      .map((d) => ok(dateInput, d))
      .filter((d): d is NonNullable<typeof d> => d !== undefined),
    birthday: date('birthday', person.birthday),
    connectedOn: person.connectedOn
      ? isoDateOnly(person.connectedOn, (m) => warn('connectedOn', m))
      : undefined,
    tags: [...new Set(person.tags.map((t) => t.trim().slice(0, LIMITS.tag)).filter(Boolean))].slice(
      0,
      LIMITS.tags,
    ),
    extra: Object.fromEntries(
      Object.entries(extra)
        .filter(([k, v]) => k.trim() && v.trim())
        .slice(0, LIMITS.extras)
        .map(([k, v]) => [k.trim().slice(0, LIMITS.extraKey), v.slice(0, LIMITS.extraValue)]),
    ),
  };
  const name = deriveDisplayName({
    displayName: clip(person.displayName, LIMITS.name),
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
  if (!clean.sourceKey && personKeys(clean, '').length === 0) {
    clean.sourceKey = `name:${fold(name)}|${fold(clean.organisation ?? '')}`;
  }
  return { person: clean, issues };
}

/** Keys that identify the same person across files, strongest first (docs/adr/0007-import-identity.md). */
export function personKeys(person: ImportedPerson, sourceKind: string): string[] {
  const keys: string[] = [];
  if (person.sourceKey) keys.push(`src:${sourceKind}:${person.sourceKey}`);
  for (const u of person.urls) {
    const li = normaliseLinkedinUrl(u.value);
    if (li) keys.push(`url:${li}`);
  }
  for (const e of person.emails) keys.push(`email:${normaliseEmailValue(e.value)}`);
  for (const p of person.phones) {
    const e164 = normalisePhone(p.value);
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
