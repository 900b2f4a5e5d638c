import { type LinkedinExportFiles, parseImportedContacts } from '../../formats/linkedin';
import type { ImportedPerson, ParseIssue } from '../../formats/model';
import type { Ctx } from '../context';
import { applyPeoplePlan } from './apply-people-plan';
import { type CleanPerson, cleanPerson, personKeys } from './imported-person';
import { namesAgree } from './names-agree';
import { mergePeople, type PeoplePlan, type PlannedItem, planPeople } from './plan-people';

/**
 * The address books a user uploaded to LinkedIn (ImportedContacts.csv, or Contacts.csv in older exports), imported
 * with a LinkedIn export only when asked (FORMATS §1.7). Their people are not connections: no connected-on date,
 * so never in the outreach queue; each carries this tag so that they can be found, or removed, together.
 */
export const ADDRESS_BOOK_TAG = 'LinkedIn address book';

/**
 * The kind of their source records: an address book's snapshots are kept apart from the connections', so a person
 * who is both never has one source overwrite the other's view of what changed.
 */
export const ADDRESS_BOOK_SOURCE = 'linkedin-address-book';

export interface AddressBooks {
  /** Whether the export holds an address book at all. */
  found: boolean;
  /** People as read from the files (the tag added), before cleaning. */
  people: ImportedPerson[];
  issues: ParseIssue[];
}

/** Reads every address book of an export; empty when it has none. */
export function readAddressBooks(files: LinkedinExportFiles): AddressBooks {
  const out: AddressBooks = { found: false, people: [], issues: [] };
  for (const entry of [files.importedContacts, files.contacts]) {
    if (!entry) continue;
    out.found = true;
    const parsed = parseImportedContacts(entry.bytes, { file: entry.name });
    for (const person of parsed.records)
      out.people.push({ ...person, tags: [...person.tags, ADDRESS_BOOK_TAG] });
    out.issues.push(...parsed.issues);
  }
  return out;
}

/**
 * The people checked against the contact rules, as runImport does for the main people of a file, and those who
 * share an e-mail, phone or profile merged into one (the first one's values win). planPeople merges only people
 * new to the rolodex: two records matching one contact would each be compared with the other's snapshot, and a
 * re-import would never find the address book unchanged.
 */
export function cleanAddressBook(people: ImportedPerson[]): { people: CleanPerson[]; issues: ParseIssue[] } {
  const out: CleanPerson[] = [];
  const issues: ParseIssue[] = [];
  // Every record holding a key: a number two people share (a switchboard, a family's landline) is held by both.
  const byKey = new Map<string, number[]>();
  const hold = (keys: string[], at: number) => {
    for (const k of keys) {
      const holders = byKey.get(k);
      if (!holders) byKey.set(k, [at]);
      else if (!holders.includes(at)) holders.push(at);
    }
  };
  for (const p of people) {
    const cleaned = cleanPerson(p);
    issues.push(...cleaned.issues);
    const person = cleaned.person;
    if (!person) continue;
    // Its numbers are already read in the country LinkedIn gives beside them (parse-imported-contacts.ts).
    const keys = personKeys(person, ADDRESS_BOOK_SOURCE, null);
    // A shared number makes one person only of records whose names agree.
    const samePerson = (k: string, i: number) =>
      !k.startsWith('phone:') || namesAgree(out[i] as CleanPerson, person);
    const at = keys.flatMap((k) => (byKey.get(k) ?? []).filter((i) => samePerson(k, i)))[0];
    if (at === undefined) {
      hold(keys, out.length);
      out.push(person);
      continue;
    }
    const first = out[at] as CleanPerson;
    issues.push({
      ref: person.ref,
      message: `same person as ${first.ref.file} line ${first.ref.line}; merged into one contact`,
      severity: 'warning',
    });
    out[at] = mergePeople(first, person);
    hold(personKeys(out[at] as CleanPerson, ADDRESS_BOOK_SOURCE, null), at);
  }
  return { people: out, issues };
}

const plan = (ctx: Ctx, ownerId: string, people: CleanPerson[]) =>
  // A phone book is old news: it fills in what a contact lacks, never replaces an employer or a title.
  planPeople(ctx, ownerId, ADDRESS_BOOK_SOURCE, [...people], { weakSource: true });

function counts(items: { action: PlannedItem['action'] | 'merge' }[]): Record<string, number> {
  const n = (action: string) => items.filter((i) => i.action === action).length;
  return {
    addressBookCreated: n('create'),
    addressBookUpdated: n('update') + n('merge'),
    addressBookUnchanged: n('unchanged'),
  };
}

/**
 * What importing the address books would do, for a preview: planned against the rolodex and against the people
 * the same import is about to create (a connection whose e-mail an address book also has becomes one contact).
 */
export async function previewAddressBook(
  ctx: Ctx,
  ownerId: string,
  people: CleanPerson[],
  main: PeoplePlan,
): Promise<{ stats: Record<string, number>; issues: ParseIssue[] }> {
  const incoming = new Set(main.items.flatMap((i) => (i.action === 'create' ? i.keys : [])));
  const { items, issues } = await plan(ctx, ownerId, people);
  const seen = items.map((i) =>
    i.action === 'create' && i.keys.some((k) => incoming.has(k)) ? { action: 'merge' as const } : i,
  );
  return { stats: counts(seen), issues };
}

/**
 * Imports the address books inside the import's transaction, after the connections were written so that a person
 * who is both is matched to the connection (by e-mail or phone, as every importer matches) rather than duplicated.
 */
export async function applyAddressBook(
  tx: Ctx,
  ownerId: string,
  importId: string,
  people: CleanPerson[],
): Promise<{ stats: Record<string, number>; issues: ParseIssue[] }> {
  const planned = await plan(tx, ownerId, people);
  await applyPeoplePlan(tx, ownerId, importId, 'linkedin', planned, ADDRESS_BOOK_SOURCE);
  return { stats: counts(planned.items), issues: planned.issues };
}
