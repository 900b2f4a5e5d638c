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

export const TEXT_FIELDS = [
  'givenName',
  'familyName',
  'displayName',
  'organisation',
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
};

/** Which form row each index of the submitted lists came from, so API issues (`emails.1.value`) land on the right row. */
export interface SubmittedRows {
  emails: string[];
  phones: string[];
  urls: string[];
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

export function emptyContactForm(): ContactFormState {
  return {
    givenName: '',
    familyName: '',
    displayName: '',
    organisation: '',
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
  };
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
    organisation: c.organisation?.name ?? '',
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
  const rows: SubmittedRows = { emails: [], phones: [], urls: [], customFields: new Map() };
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
  const tags = [...state.tags];
  const draft = state.tagDraft.trim();
  if (draft && !tags.some((t) => t.toLowerCase() === draft.toLowerCase())) tags.push(draft);
  const input: ContactCreateInput = {
    givenName: state.givenName,
    familyName: state.familyName,
    displayName: state.displayName.trim() ? state.displayName : null,
    organisation: state.organisation,
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
  };
  return { input, rows, localIssues };
}
