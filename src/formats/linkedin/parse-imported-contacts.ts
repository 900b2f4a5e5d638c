import { type CountryCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { isPlausibleEmail } from '../csv/is-plausible-email';
import { parseContactDate } from '../csv/parse-contact-date';
import {
  emptyPerson,
  type ImportedPerson,
  type LabelledValue,
  type ParseIssue,
  type ParseResult,
} from '../model';
import { normaliseLinkedinProfileUrl } from './normalise-linkedin-profile-url';
import { readLinkedinTable } from './read-linkedin-table';
import { repairMojibake } from './repair-mojibake';

export interface ParseImportedContactsOptions {
  /** Name used in issues and `ref.file` (default `ImportedContacts.csv`). */
  file?: string;
}

/**
 * Columns read into a field of their own, or left out on purpose: when the address book was uploaded
 * (`CreatedAt`, `UpdatedAt`, `BookmarkedAt`: no date format is documented for them, FORMATS §1.8), which phone
 * book it came from (`Source`), LinkedIn's own flags (`ThirdPartyVerified`, `RegionCode`). Any other column is
 * kept as an extra field under its own name.
 */
const KNOWN = new Set([
  'firstname',
  'middlename',
  'lastname',
  'nickname',
  'nameprefix',
  'namesuffix',
  'fullname',
  'title',
  'companies',
  'emails',
  'phonenumbers',
  'sites',
  'profiles',
  'addresses',
  'birthday',
  'location',
  'countrycode',
  'createdat',
  'updatedat',
  'bookmarkedat',
  'source',
  'regioncode',
  'thirdpartyverified',
]);

/**
 * The address books the user uploaded to LinkedIn (FORMATS §1.7): `ImportedContacts.csv` (2025:
 * `FirstName,MiddleName,LastName,MaidenName,NickName,…,Emails,PhoneNumbers,…,CountryCode,…,Location`) or the older
 * `Contacts.csv` (`Source,FirstName,LastName,Companies,Title,Emails,PhoneNumbers,…,Sites,…,FullName,Birthday,…,
 * Profiles`) → one person per row. These are not connections: no connected-on date, and a source key only when
 * the row names a LinkedIn profile. Never throws: rows it cannot use become issues with their line.
 */
export function parseImportedContacts(
  input: Uint8Array | string,
  options: ParseImportedContactsOptions = {},
): ParseResult<ImportedPerson> {
  const file = options.file ?? 'ImportedContacts.csv';
  const { table, issues } = readLinkedinTable(
    input,
    file,
    (names) => names.has('firstname') && (names.has('emails') || names.has('phonenumbers')),
    '"FirstName" and "Emails" (is this ImportedContacts.csv or Contacts.csv?)',
  );
  const records: ImportedPerson[] = [];
  if (!table) return { records, issues };
  const col = (name: string) => table.columns.get(name) ?? -1;
  const c = {
    first: col('firstname'),
    middle: col('middlename'),
    last: col('lastname'),
    nick: col('nickname'),
    prefix: col('nameprefix'),
    suffix: col('namesuffix'),
    full: col('fullname'),
    title: col('title'),
    companies: col('companies'),
    emails: col('emails'),
    phones: col('phonenumbers'),
    sites: col('sites'),
    profiles: col('profiles'),
    addresses: col('addresses'),
    birthday: col('birthday'),
    location: col('location'),
    country: col('countrycode'),
  };
  const extraColumns = table.header
    .map((name, i) => [name, i] as const)
    .filter(([name]) => name && !KNOWN.has(name.toLowerCase().replace(/[\s_]+/g, '')));

  for (const row of table.rows) {
    const ref = { file, line: row.line };
    const get = (i: number) => (i === -1 ? '' : repairMojibake((row.cells[i] ?? '').trim()));
    if (row.cells.every((cell) => !cell.trim())) continue;
    if (get(c.first) === table.header[c.first] && get(c.emails) === (table.header[c.emails] ?? '')) continue;
    if (
      row.cells.length > table.header.length &&
      row.cells.slice(table.header.length).some((x) => x.trim())
    ) {
      issues.push({
        ref,
        message: `row has ${row.cells.length} cells but the header has ${table.header.length}; the cells past the last column are ignored`,
        severity: 'warning',
      });
    }
    const person = emptyPerson(ref);
    const set = <K extends keyof ImportedPerson>(key: K, value: string) => {
      if (value) person[key] = value as ImportedPerson[K];
    };
    set('givenName', get(c.first));
    set('additionalNames', get(c.middle));
    set('familyName', get(c.last));
    set('nickname', get(c.nick));
    set('prefix', get(c.prefix));
    set('suffix', get(c.suffix));
    set('title', get(c.title));
    set('location', get(c.location));
    set('organisation', listItems(get(c.companies), /[;\r\n]+/)[0] ?? '');
    const full = get(c.full);
    // The full name as the address book wrote it, when it says more than first + last; a nickname alone is still
    // a name to call the person by.
    if (full && full !== [person.givenName, person.familyName].filter(Boolean).join(' '))
      person.displayName = full;
    else if (!person.givenName && !person.familyName && person.nickname) person.displayName = person.nickname;

    person.emails = readEmails(get(c.emails), ref, issues);
    person.phones = readPhones(get(c.phones), countryOf(get(c.country)), ref, issues);
    person.urls = [
      ...readUrls(get(c.profiles), 'Profiles', ref, issues),
      ...readUrls(get(c.sites), 'Sites', ref, issues),
    ];
    const profile = person.urls.map((u) => normaliseLinkedinProfileUrl(u.value)).find(Boolean);
    if (profile) person.sourceKey = profile;
    const address = get(c.addresses).replace(/\s+/g, ' ');
    if (address) person.addresses = [{ formatted: address }];
    const birthday = get(c.birthday);
    if (birthday) {
      const day = parseContactDate(birthday, 'auto');
      if (day) person.birthday = day;
      else
        issues.push({
          ref,
          field: table.header[c.birthday],
          message: `"${birthday}" is not a date; the row is kept without it`,
          severity: 'warning',
        });
    }
    for (const [name, i] of extraColumns) {
      const v = get(i);
      if (v) person.extra[name] = v;
    }

    const named = person.givenName || person.familyName || person.displayName || person.organisation;
    if (!named && person.emails.length === 0 && person.phones.length === 0 && person.urls.length === 0) {
      issues.push({
        ref,
        message: 'row has no name, e-mail address, phone number or profile; not imported',
        severity: 'error',
      });
      continue;
    }
    records.push(person);
  }
  return { records, issues };
}

/**
 * The items of a multi-valued cell. Address books reach LinkedIn from every phone and mail client, so the
 * separator varies: commas, semicolons or line breaks, sometimes the whole list in `[…]` as Profile.csv writes
 * its websites.
 */
function listItems(cell: string, separators = /[,;\r\n]+/): string[] {
  let text = cell.trim();
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
  return text
    .split(separators)
    .map((s) =>
      s
        .trim()
        .replace(/^["']+|["']+$/g, '')
        .trim(),
    )
    .filter(Boolean);
}

// `WORK:ada@example.org`, `Mobile: +44…`, `PERSONAL:https://…` (but not the `https:` of a bare URL).
const LABELLED = /^([A-Za-z][A-Za-z _-]{0,29}):(?!\/\/)\s*(.+)$/;

/** An item with its `LABEL:` prefix (if any) as the label, `Work` rather than `WORK`. */
function labelled(item: string): LabelledValue {
  const m = LABELLED.exec(item);
  if (!m) return { value: item };
  const word = (m[1] as string).trim().replace(/[_-]+/g, ' ').toLowerCase();
  const value = (m[2] as string).trim();
  if (word === 'mailto' || word === 'tel') return { value };
  return { value, label: word.charAt(0).toUpperCase() + word.slice(1) };
}

/** Adds `item` unless the list has it already (compared case-insensitively). */
function addOnce(list: LabelledValue[], item: LabelledValue): void {
  const key = item.value.toLowerCase();
  if (!list.some((x) => x.value.toLowerCase() === key)) list.push(item);
}

function readEmails(cell: string, ref: ParseIssue['ref'], issues: ParseIssue[]): LabelledValue[] {
  const out: LabelledValue[] = [];
  for (const item of listItems(cell)) {
    const { value, label } = labelled(item);
    // `Ada Lovelace <ada@example.org>` as mail clients write it; else words apart (a space is no separator
    // LinkedIn documents, but no address contains one).
    const angled = /<([^<>\s]+@[^<>\s]+)>/.exec(value);
    for (const word of angled ? [angled[1] as string] : value.split(/\s+/)) {
      if (isPlausibleEmail(word)) addOnce(out, label ? { value: word, label } : { value: word });
      else
        issues.push({
          ref,
          field: 'Emails',
          message: `"${word}" is not an e-mail address; the row is kept without it`,
          severity: 'warning',
        });
    }
  }
  return out;
}

/** An ISO country code (`us`, `DE`) the file gives, for reading numbers written without their country code. */
function countryOf(raw: string): CountryCode | undefined {
  const code = raw.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(code) && isSupportedCountry(code) ? code : undefined;
}

function readPhones(
  cell: string,
  country: CountryCode | undefined,
  ref: ParseIssue['ref'],
  issues: ParseIssue[],
): LabelledValue[] {
  const out: LabelledValue[] = [];
  for (const item of listItems(cell)) {
    const { value, label } = labelled(item);
    if (!/\d/.test(value)) {
      issues.push({
        ref,
        field: 'PhoneNumbers',
        message: `"${value}" is not a phone number; the row is kept without it`,
        severity: 'warning',
      });
      continue;
    }
    const phone = inInternationalForm(value, country);
    addOnce(out, label ? { value: phone, label } : { value: phone });
  }
  return out;
}

/**
 * A number written the national way (`030 1234567`) in the international form (`+49 30 1234567`) when the row
 * says which country it is from, so that it can match the same number elsewhere (the core keys phones on E.164
 * and reads only international forms without a country). Anything else is kept as written.
 */
function inInternationalForm(value: string, country: CountryCode | undefined): string {
  if (!country || value.startsWith('+')) return value;
  const parsed = parsePhoneNumberFromString(value, country);
  return parsed?.isValid() ? parsed.formatInternational() : value;
}

function readUrls(
  cell: string,
  column: string,
  ref: ParseIssue['ref'],
  issues: ParseIssue[],
): LabelledValue[] {
  const out: LabelledValue[] = [];
  for (const item of listItems(cell)) {
    const { value, label } = labelled(item);
    for (const word of value.split(/\s+/)) {
      if (!/^(https?:\/\/)?[^\s/]+\.[^\s/]+/i.test(word)) {
        issues.push({
          ref,
          field: column,
          message: `"${word}" is not a web address; the row is kept without it`,
          severity: 'warning',
        });
        continue;
      }
      const url = /^https?:\/\//i.test(word) ? word : `https://${word}`;
      const linkedin = normaliseLinkedinProfileUrl(url) !== undefined;
      addOnce(
        out,
        label ? { value: url, label } : linkedin ? { value: url, label: 'LinkedIn' } : { value: url },
      );
    }
  }
  return out;
}
