import { addressLine } from '../contracts/address-line';
import type { Contact, ContactPage, ContactSummary } from '../contracts/contacts';
import { emit, fields, type GlobalOptions, note, table } from './output';

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

/** Every field of a contact, empty ones as a dash, so `show` answers "what do I know about them". */
export function contactDetails(c: Contact): string {
  const custom = Object.entries(c.customFields).map(([k, v]) => `${k}: ${v}`);
  const past = c.pastPositions.map(
    (p) =>
      `${[p.title, p.organisation?.name].filter(Boolean).join(' at ') || '—'}` +
      `${p.endedOn ? ` (until ${p.endedOn})` : ''}  [${p.source}]`,
  );
  const addresses = c.addresses.map((a) => `${addressLine(a)}${a.label ? ` (${a.label})` : ''}`);
  const history = c.history.map(
    (h) =>
      `${h.field}: ${h.oldValue ?? '—'} → ${h.newValue ?? '—'}  [${h.source}, ${h.recordedAt.slice(0, 10)}]`,
  );
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
    ['dates', lines(c.dates.map((d) => `${d.value}${d.label ? ` (${d.label})` : ''}`))],
    ['addresses', lines(addresses)],
    ['emails', lines(c.emails.map(channel))],
    [
      'phones',
      lines(c.phones.map((p) => `${channel(p)}${p.e164 && p.e164 !== p.value ? `  ${p.e164}` : ''}`)),
    ],
    ['urls', lines(c.urls.map((u) => `${channel(u)}${u.kind === 'linkedin' ? '  linkedin' : ''}`))],
    ['tags', c.tags.join(', ')],
    ['custom fields', lines(custom)],
    ['connected on', c.connectedOn],
    ['past positions', lines(past)],
    ['photo', c.photo ? `${c.photo.url}${c.photo.mime ? `  (${c.photo.mime})` : ''}` : null],
    ['history', lines(history)],
    ['source', c.source],
    ['created', c.createdAt],
    ['updated', c.updatedAt],
  ])}`;
}

/** Prints a page of contacts, with a hint on stderr when more pages exist. */
export function emitContactPage(g: GlobalOptions, page: ContactPage, empty: string): void {
  emit(g, page, () => (page.items.length === 0 ? empty : contactTable(page.items)));
  if (page.nextCursor)
    note(
      g,
      page.total === null
        ? '(more contacts: use --all or a larger --limit)'
        : `(${page.items.length} of ${page.total} contacts: use --all or a larger --limit)`,
    );
}
