import type { Contact, ContactCreateInput } from '../../api/types';

export type ChannelKind = 'emails' | 'phones' | 'urls';

export interface ChannelRow {
  rowId: string;
  value: string;
  label: string;
}

export interface CustomFieldRow {
  rowId: string;
  key: string;
  value: string;
}

/** A date typed as day, month and year; the year may stay empty ("--MM-DD", e.g. a birthday). */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export interface DateRow extends DateParts {
  rowId: string;
  label: string;
}

export const ADDRESS_PARTS = [
  'street',
  'extended',
  'poBox',
  'locality',
  'region',
  'postalCode',
  'country',
  'formatted',
] as const;
export type AddressPart = (typeof ADDRESS_PARTS)[number];

export type AddressRow = Record<AddressPart | 'label', string> & { rowId: string };

export const TEXT_FIELDS = [
  'givenName',
  'familyName',
  'displayName',
  'namePrefix',
  'additionalNames',
  'nameSuffix',
  'nickname',
  'organisation',
  'department',
  'title',
  'location',
  'howWeMet',
  'notes',
  'connectedOn',
] as const;
export type TextFieldName = (typeof TEXT_FIELDS)[number];

export type ContactFormState = Record<TextFieldName, string> & {
  emails: ChannelRow[];
  phones: ChannelRow[];
  urls: ChannelRow[];
  tags: string[];
  tagDraft: string;
  customFields: CustomFieldRow[];
  birthday: DateParts;
  addresses: AddressRow[];
  dates: DateRow[];
};

/** Which form row each index of the submitted lists came from, so API issues (`emails.1.value`) land on the right row. */
export interface SubmittedRows {
  emails: string[];
  phones: string[];
  urls: string[];
  addresses: string[];
  dates: string[];
  customFields: Map<string, string>;
}

let counter = 0;
export function newRowId(): string {
  counter += 1;
  return `row-${counter}`;
}

export function emptyChannel(): ChannelRow {
  return { rowId: newRowId(), value: '', label: '' };
}

export function emptyCustomField(): CustomFieldRow {
  return { rowId: newRowId(), key: '', value: '' };
}

export function emptyDateParts(): DateParts {
  return { day: '', month: '', year: '' };
}

export function emptyDateRow(): DateRow {
  return { rowId: newRowId(), label: '', ...emptyDateParts() };
}

export function emptyAddress(): AddressRow {
  return {
    rowId: newRowId(),
    label: '',
    street: '',
    extended: '',
    poBox: '',
    locality: '',
    region: '',
    postalCode: '',
    country: '',
    formatted: '',
  };
}

const PARTIAL_DATE = /^(\d{4}|-)-(\d{2})-(\d{2})$/;

/** `1990-03-15` or `--03-15` → its parts (month and day without leading zeros, as typed); anything else → empty. */
export function dateToParts(value: string | null | undefined): DateParts {
  const m = PARTIAL_DATE.exec(value ?? '');
  if (!m) return emptyDateParts();
  return {
    year: m[1] === '-' ? '' : (m[1] as string),
    month: String(Number(m[2])),
    day: String(Number(m[3])),
  };
}

/**
 * Parts → `YYYY-MM-DD`, `--MM-DD` (no year), `''` (all empty), or a problem to show next to the field. Whether
 * the day exists in that month is the server's call (it answers "is not a real date").
 */
export function partsToDate(p: DateParts): { value: string } | { issue: string } {
  const day = p.day.trim();
  const month = p.month.trim();
  const year = p.year.trim();
  if (!day && !month && !year) return { value: '' };
  if (!day || !month) return { issue: 'Give at least a day and a month' };
  if (!/^\d{1,2}$/.test(day) || Number(day) < 1 || Number(day) > 31)
    return { issue: 'The day must be 1 to 31' };
  if (!/^\d{1,2}$/.test(month) || Number(month) < 1 || Number(month) > 12) return { issue: 'Choose a month' };
  if (year && !/^\d{4}$/.test(year)) return { issue: 'The year must have four digits, or stay empty' };
  const mm = month.padStart(2, '0');
  const dd = day.padStart(2, '0');
  return { value: year ? `${year}-${mm}-${dd}` : `--${mm}-${dd}` };
}

export function emptyContactForm(): ContactFormState {
  return {
    givenName: '',
    familyName: '',
    displayName: '',
    namePrefix: '',
    additionalNames: '',
    nameSuffix: '',
    nickname: '',
    organisation: '',
    department: '',
    title: '',
    location: '',
    howWeMet: '',
    notes: '',
    connectedOn: '',
    emails: [emptyChannel()],
    phones: [],
    urls: [],
    tags: [],
    tagDraft: '',
    customFields: [],
    birthday: emptyDateParts(),
    addresses: [],
    dates: [],
  };
}

/**
 * A new contact's form filled in from what is already known of the person (e.g. a LinkedIn invitation): the first
 * word of the name as given name and the rest as family name, both still editable, and the profile URL.
 */
export function prefilledContactForm(prefill: {
  name?: string | null;
  url?: string | null;
}): ContactFormState {
  const form = emptyContactForm();
  const [given = '', ...rest] = (prefill.name ?? '').trim().split(/\s+/);
  form.givenName = given;
  form.familyName = rest.join(' ');
  const url = prefill.url?.trim();
  if (url) form.urls = [{ rowId: newRowId(), value: url, label: '' }];
  return form;
}

/** The display name the server derives from the names; when it matches, the field is shown empty ("automatic"). */
export function derivedName(givenName: string, familyName: string): string {
  return [givenName.trim(), familyName.trim()].filter(Boolean).join(' ');
}

export function contactToForm(c: Contact): ContactFormState {
  const channels = (list: { value: string; label: string | null }[]) =>
    list.map((x) => ({ rowId: newRowId(), value: x.value, label: x.label ?? '' }));
  const auto = derivedName(c.givenName ?? '', c.familyName ?? '');
  return {
    givenName: c.givenName ?? '',
    familyName: c.familyName ?? '',
    displayName: auto && c.displayName === auto ? '' : c.displayName,
    namePrefix: c.namePrefix ?? '',
    additionalNames: c.additionalNames ?? '',
    nameSuffix: c.nameSuffix ?? '',
    nickname: c.nickname ?? '',
    organisation: c.organisation?.name ?? '',
    department: c.department ?? '',
    title: c.title ?? '',
    location: c.location ?? '',
    howWeMet: c.howWeMet ?? '',
    notes: c.notes ?? '',
    connectedOn: c.connectedOn ?? '',
    emails: channels(c.emails),
    phones: channels(c.phones),
    urls: channels(c.urls),
    tags: [...c.tags],
    tagDraft: '',
    customFields: Object.entries(c.customFields).map(([key, value]) => ({ rowId: newRowId(), key, value })),
    birthday: dateToParts(c.birthday),
    addresses: c.addresses.map((a) => {
      const row = emptyAddress();
      row.label = a.label ?? '';
      for (const part of ADDRESS_PARTS) row[part] = a[part] ?? '';
      return row;
    }),
    dates: c.dates.map((d) => ({ rowId: newRowId(), label: d.label ?? '', ...dateToParts(d.value) })),
  };
}

export interface BuiltInput {
  input: ContactCreateInput;
  rows: SubmittedRows;
  /** Problems found before asking the server, keyed like API issue paths. */
  localIssues: Map<string, string>;
}

/** Turns the form into the API input: every field is sent (lists replace), blank rows are dropped. */
export function formToInput(state: ContactFormState): BuiltInput {
  const localIssues = new Map<string, string>();
  const rows: SubmittedRows = {
    emails: [],
    phones: [],
    urls: [],
    addresses: [],
    dates: [],
    customFields: new Map(),
  };
  const channels = (kind: ChannelKind) => {
    const kept = state[kind].filter((r) => r.value.trim() || r.label.trim());
    rows[kind] = kept.map((r) => r.rowId);
    return kept.map((r) => (r.label.trim() ? { value: r.value, label: r.label.trim() } : { value: r.value }));
  };
  const customFields: Record<string, string> = {};
  for (const row of state.customFields) {
    const key = row.key.trim();
    if (!key && !row.value.trim()) continue;
    if (!key) {
      localIssues.set(`customFields.#${row.rowId}`, 'Give this field a name');
      continue;
    }
    if (key in customFields) {
      localIssues.set(`customFields.#${row.rowId}`, `“${key}” is already used above`);
      continue;
    }
    customFields[key] = row.value;
    rows.customFields.set(key, row.rowId);
  }
  const birthday = partsToDate(state.birthday);
  if ('issue' in birthday) localIssues.set('birthday', birthday.issue);

  const dates: { value: string; label?: string }[] = [];
  for (const row of state.dates) {
    const parsed = partsToDate(row);
    const label = row.label.trim();
    if ('value' in parsed && !parsed.value) {
      if (label) localIssues.set(`dates.#${row.rowId}`, 'Give this date a day and a month, or remove it');
      continue;
    }
    if ('issue' in parsed) {
      localIssues.set(`dates.#${row.rowId}`, parsed.issue);
      continue;
    }
    rows.dates.push(row.rowId);
    dates.push(label ? { value: parsed.value, label } : { value: parsed.value });
  }

  const addresses: Partial<Record<AddressPart | 'label', string>>[] = [];
  for (const row of state.addresses) {
    const address: Partial<Record<AddressPart | 'label', string>> = {};
    for (const part of ADDRESS_PARTS) if (row[part].trim()) address[part] = row[part].trim();
    if (Object.keys(address).length === 0) continue;
    if (row.label.trim()) address.label = row.label.trim();
    rows.addresses.push(row.rowId);
    addresses.push(address);
  }

  const tags = [...state.tags];
  const draft = state.tagDraft.trim();
  if (draft && !tags.some((t) => t.toLowerCase() === draft.toLowerCase())) tags.push(draft);
  const input: ContactCreateInput = {
    givenName: state.givenName,
    familyName: state.familyName,
    displayName: state.displayName.trim() ? state.displayName : null,
    namePrefix: state.namePrefix,
    additionalNames: state.additionalNames,
    nameSuffix: state.nameSuffix,
    nickname: state.nickname,
    organisation: state.organisation,
    department: state.department,
    title: state.title,
    location: state.location,
    howWeMet: state.howWeMet,
    notes: state.notes,
    connectedOn: state.connectedOn || null,
    emails: channels('emails'),
    phones: channels('phones'),
    urls: channels('urls'),
    tags,
    customFields,
    birthday: 'value' in birthday && birthday.value ? birthday.value : null,
    addresses,
    dates,
  };
  return { input, rows, localIssues };
}

// Row ids are made fresh on every read of a contact, so they say nothing about what the person typed.
const withoutRowIds = (state: ContactFormState) =>
  JSON.stringify(state, (key, value: unknown) => (key === 'rowId' ? undefined : value));

/** Whether the form holds anything the person typed since it was filled in (`start`), saved or not yet. */
export function formHasEdits(start: ContactFormState, state: ContactFormState): boolean {
  return withoutRowIds(start) !== withoutRowIds(state);
}

/**
 * What an open edit form does when the contact is read again (a refetch after a change in another tab, a CardDAV
 * sync, the CLI): `same` version, nothing; a newer one under a form without edits, `follow` it (show the new copy);
 * under a form with edits, `stale`: keep what was typed and say the contact changed elsewhere (a save still sends the
 * version the form was opened with, so it is refused rather than overwriting that change).
 */
export function serverCopyChange(
  openedAt: string,
  latestAt: string,
  hasEdits: boolean,
): 'same' | 'follow' | 'stale' {
  if (openedAt === latestAt) return 'same';
  return hasEdits ? 'stale' : 'follow';
}
