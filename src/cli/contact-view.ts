import { addressLine } from '../contracts/address-line';
import type { Contact, ContactPage, ContactSummary } from '../contracts/contacts';
import { readableUrl } from '../contracts/readable-url';
import { emit, fields, type GlobalOptions, table } from './output';
import { noteNextPage } from './pages';

/** One row per contact: what a person scans a list for. */
export function contactTable(items: ContactSummary[]): string {
  return table(
    ['ID', 'NAME', 'ORGANISATION', 'TITLE', 'EMAIL', 'TAGS'],
    items.map((c) => [c.id, c.displayName, c.organisation?.name, c.title, c.primaryEmail, c.tags.join(', ')]),
  );
}

function channel(c: { value: string; label: string | null; source: string }): string {
  return `${c.value}${c.label ? ` (${c.label})` : ''}  [${c.source}]`;
}

function lines(xs: string[]): string {
  return xs.join('\n');
}

/** A value with its label, as `show` lists addresses and dates: `Main St 1, Lyon (Work)`. */
function labelled(text: string, label: unknown): string {
  return typeof label === 'string' && label ? `${text} (${label})` : text;
}

function parseObject(json: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(json);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * A stored value of a contact field (in history or an import's changes) in the words `show` uses: an address or
 * a date is stored as JSON.
 */
export function storedValueText(field: string, value: string): string {
  if (field !== 'addresses' && field !== 'dates') return value;
  const o = parseObject(value);
  if (!o) return value;
  if (field === 'addresses') return labelled(addressLine(o), o.label);
  return typeof o.value === 'string' ? labelled(o.value, o.label) : value;
}

/**
 * One history entry. A merge records the merged contact's differing values (the kept contact's stay as they
 * were), so those read as the merged contact's, not as a change to the kept one.
 */
function historyLine(h: Contact['history'][number]): string {
  const text = (v: string | null) => (v === null ? '—' : storedValueText(h.field, v));
  const when = `[${h.source}, ${h.recordedAt.slice(0, 10)}]`;
  if (h.source === 'merge' && h.newValue === null && h.oldValue !== null)
    return `${h.field}: ${JSON.stringify(text(h.oldValue))} (from the merged contact)  ${when}`;
  return `${h.field}: ${text(h.oldValue)} → ${text(h.newValue)}  ${when}`;
}

/** Every field of a contact, empty ones as a dash, so `show` answers "what do I know about them". */
export function contactDetails(c: Contact): string {
  const custom = Object.entries(c.customFields).map(([k, v]) => `${k}: ${v}`);
  const past = c.pastPositions.map(
    (p) =>
      `${[p.title, p.organisation?.name].filter(Boolean).join(' at ') || '—'}` +
      `${p.endedOn ? ` (until ${p.endedOn})` : ''}  [${p.source}]`,
  );
  const addresses = c.addresses.map((a) => labelled(addressLine(a), a.label));
  return `${c.displayName}\n${fields([
    ['id', c.id],
    ['given name', c.givenName],
    ['middle names', c.additionalNames],
    ['family name', c.familyName],
    ['prefix', c.namePrefix],
    ['suffix', c.nameSuffix],
    ['nickname', c.nickname],
    ['organisation', c.organisation ? `${c.organisation.name}  (${c.organisation.id})` : null],
    ['department', c.department],
    ['title', c.title],
    ['location', c.location],
    ['how we met', c.howWeMet],
    ['notes', c.notes],
    ['birthday', c.birthday],
    ['dates', lines(c.dates.map((d) => labelled(d.value, d.label)))],
    ['addresses', lines(addresses)],
    ['emails', lines(c.emails.map(channel))],
    [
      'phones',
      lines(
        c.phones.map((p) => {
          const dialled = p.e164 && `${p.e164}${p.extension ? ` ext. ${p.extension}` : ''}`;
          return `${channel(p)}${dialled && dialled !== p.value ? `  ${dialled}` : ''}`;
        }),
      ),
    ],
    [
      'urls',
      lines(
        c.urls.map(
          (u) =>
            `${channel({ ...u, value: readableUrl(u.value) })}${u.kind === 'linkedin' ? '  linkedin' : ''}`,
        ),
      ),
    ],
    ['tags', c.tags.join(', ')],
    ['custom fields', lines(custom)],
    ['connected on', c.connectedOn],
    ['past positions', lines(past)],
    ['photo', c.photo ? `${c.photo.url}${c.photo.mime ? `  (${c.photo.mime})` : ''}` : null],
    ['history', lines(c.history.map(historyLine))],
    ['source', c.source],
    ['created', c.createdAt],
    ['updated', c.updatedAt],
  ])}`;
}

/** Prints a page of contacts, with hints on stderr when more pages exist: how to see them, the next one's cursor. */
export function emitContactPage(g: GlobalOptions, page: ContactPage, empty: string): void {
  emit(g, page, () => (page.items.length === 0 ? empty : contactTable(page.items)));
  const shown = page.total === null ? 'more contacts' : `${page.items.length} of ${page.total} contacts`;
  noteNextPage(g, page, `(${shown}: use --all or a larger --limit)`);
}
