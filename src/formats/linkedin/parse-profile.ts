import { isPlausibleEmail } from '../csv/is-plausible-email';
import type { LabelledValue, ParseIssue, ParseResult, SourceRef } from '../model';
import { parseMonthYear } from './parse-linkedin-dates';
import { readLinkedinTable } from './read-linkedin-table';
import { repairMojibake } from './repair-mojibake';

/** One row of Positions.csv (the owner's own jobs). */
export interface LinkedinPosition {
  ref: SourceRef;
  company: string;
  title?: string;
  description?: string;
  location?: string;
  /** `YYYY-MM` (from `Aug 2023`) or `YYYY`. */
  startedOn?: string;
  finishedOn?: string;
  /** No `Finished On`: the owner still holds it. */
  current: boolean;
}

/** The export owner, from Profile.csv (+ Positions.csv and Email Addresses.csv when given). */
export interface LinkedinProfile {
  ref: SourceRef;
  firstName?: string;
  lastName?: string;
  maidenName?: string;
  headline?: string;
  summary?: string;
  industry?: string;
  /** `Geo Location`, e.g. `Berlin, Germany`. */
  location?: string;
  zipCode?: string;
  address?: string;
  /** As written in the file (its format is not documented). */
  birthDate?: string;
  /** From `[PERSONAL:http://…,BLOG:http://…]`: label `Personal`, `Blog`… */
  websites: LabelledValue[];
  twitterHandles: string[];
  /** From Email Addresses.csv, the primary one first, labelled `primary`. */
  emails: LabelledValue[];
  positions: LinkedinPosition[];
}

export interface LinkedinProfileFiles {
  profile?: Uint8Array | string;
  positions?: Uint8Array | string;
  emailAddresses?: Uint8Array | string;
}

/**
 * The owner's profile from Profile.csv, with their positions (Positions.csv) and e-mail addresses (Email
 * Addresses.csv) when those files are given. At most one record; never throws.
 */
export function parseProfile(files: LinkedinProfileFiles): ParseResult<LinkedinProfile> {
  const issues: ParseIssue[] = [];
  if (files.profile === undefined) {
    issues.push({ ref: { file: 'Profile.csv' }, message: 'no Profile.csv in the export', severity: 'error' });
    return { records: [], issues };
  }
  const file = 'Profile.csv';
  const read = readLinkedinTable(
    files.profile,
    file,
    (names) => names.has('first name') && names.has('last name') && names.has('headline'),
    '"First Name", "Last Name" and "Headline"',
  );
  issues.push(...read.issues);
  const table = read.table;
  const row = table?.rows.find((r) => r.cells.some((c) => c.trim()));
  if (!table || !row) {
    if (table)
      issues.push({
        ref: { file, line: table.headerLine },
        message: 'Profile.csv has no data row',
        severity: 'error',
      });
    return { records: [], issues };
  }
  const get = (name: string) => {
    const c = table.columns.get(name);
    return c === undefined ? '' : repairMojibake((row.cells[c] ?? '').trim());
  };
  const profile: LinkedinProfile = {
    ref: { file, line: row.line },
    websites: parseWebsites(get('websites')),
    twitterHandles: parseBracketList(get('twitter handles')).map((h) => h.replace(/^@/, '')),
    emails: [],
    positions: [],
  };
  const optional: [keyof LinkedinProfile, string][] = [
    ['firstName', 'first name'],
    ['lastName', 'last name'],
    ['maidenName', 'maiden name'],
    ['headline', 'headline'],
    ['summary', 'summary'],
    ['industry', 'industry'],
    ['location', 'geo location'],
    ['zipCode', 'zip code'],
    ['address', 'address'],
    ['birthDate', 'birth date'],
  ];
  for (const [key, column] of optional) {
    const value = get(column);
    if (value) (profile as unknown as Record<string, string>)[key] = value;
  }
  if (files.positions !== undefined) {
    const positions = parsePositions(files.positions);
    profile.positions = positions.records;
    issues.push(...positions.issues);
  }
  if (files.emailAddresses !== undefined) {
    const emails = parseEmailAddresses(files.emailAddresses);
    profile.emails = emails.records;
    issues.push(...emails.issues);
  }
  return { records: [profile], issues };
}

/** Positions.csv → the owner's positions; `Aug 2023` dates, an empty `Finished On` meaning current. Never throws. */
export function parsePositions(
  input: Uint8Array | string,
  file = 'Positions.csv',
): ParseResult<LinkedinPosition> {
  const { table, issues } = readLinkedinTable(
    input,
    file,
    (names) => names.has('company name') && names.has('title') && names.has('started on'),
    '"Company Name", "Title" and "Started On"',
  );
  const records: LinkedinPosition[] = [];
  if (!table) return { records, issues };
  for (const row of table.rows) {
    const get = (name: string) => {
      const c = table.columns.get(name);
      return c === undefined ? '' : repairMojibake((row.cells[c] ?? '').trim());
    };
    if (row.cells.every((c) => !c.trim())) continue;
    const ref: SourceRef = { file, line: row.line };
    const company = get('company name');
    if (!company) {
      issues.push({
        ref,
        field: 'Company Name',
        message: 'no Company Name; position not imported',
        severity: 'error',
      });
      continue;
    }
    const position: LinkedinPosition = { ref, company, current: true };
    const title = get('title');
    const description = get('description');
    const location = get('location');
    if (title) position.title = title;
    if (description) position.description = description;
    if (location) position.location = location;
    for (const [key, column, field] of [
      ['startedOn', 'started on', 'Started On'],
      ['finishedOn', 'finished on', 'Finished On'],
    ] as const) {
      const raw = get(column);
      if (!raw) continue;
      const value = parseMonthYear(raw);
      if (value) position[key] = value;
      else {
        issues.push({
          ref,
          field,
          message: `"${raw}" is not a month (expected e.g. Aug 2023); the position is kept without it`,
          severity: 'warning',
        });
      }
    }
    // Only an empty cell means "current"; an unreadable end date still means the position ended.
    position.current = !get('finished on');
    records.push(position);
  }
  return { records, issues };
}

/** Email Addresses.csv → the owner's addresses, the primary one first and labelled `primary`. */
function parseEmailAddresses(input: Uint8Array | string): ParseResult<LabelledValue> {
  const file = 'Email Addresses.csv';
  const { table, issues } = readLinkedinTable(
    input,
    file,
    (names) => names.has('email address') && names.has('primary'),
    '"Email Address" and "Primary"',
  );
  if (!table) return { records: [], issues };
  const cEmail = table.columns.get('email address') as number;
  const cPrimary = table.columns.get('primary') as number;
  const primary: LabelledValue[] = [];
  const others: LabelledValue[] = [];
  for (const row of table.rows) {
    const email = (row.cells[cEmail] ?? '').trim();
    if (!email) continue;
    if (!isPlausibleEmail(email)) {
      issues.push({
        ref: { file, line: row.line },
        field: 'Email Address',
        message: `"${email}" is not an e-mail address; ignored`,
        severity: 'warning',
      });
      continue;
    }
    if ((row.cells[cPrimary] ?? '').trim().toLowerCase() === 'yes')
      primary.push({ value: email, label: 'primary' });
    else others.push({ value: email });
  }
  return { records: [...primary, ...others], issues };
}

/** `[a,b]` or `a,b` → `['a', 'b']`. */
function parseBracketList(raw: string): string[] {
  const inner = raw.replace(/^\[/, '').replace(/\]$/, '');
  return inner
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** `[PERSONAL:http://a.example,BLOG:http://b.example]` → labelled URLs (`Personal`, `Blog`). */
function parseWebsites(raw: string): LabelledValue[] {
  const inner = raw.replace(/^\[/, '').replace(/\]$/, '').trim();
  if (!inner) return [];
  return inner
    .split(/,(?=\s*[A-Z][A-Z_]*:(?!\/\/))/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const m = /^([A-Z][A-Z_]*):(?!\/\/)(.+)$/.exec(part);
      if (!m) return { value: part };
      const word = (m[1] as string).replaceAll('_', ' ').toLowerCase();
      return { value: (m[2] as string).trim(), label: word.charAt(0).toUpperCase() + word.slice(1) };
    });
}
