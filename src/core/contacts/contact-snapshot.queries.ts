import { CompiledQuery, type Kysely } from 'kysely';
import { chunkIds } from '../db/chunk';
import { engineOf, ownerOfIdList } from '../db/portable';
import type { ContactTable, Database } from '../db/schema';

/** Tables holding rows that belong to one contact (`contact_id`), all moved or restored with it. */
const CHILD_TABLES = [
  'contact_channels',
  'contact_tags',
  'contact_photos',
  'contact_positions',
  'contact_sources',
  'contact_history',
  'interaction_contacts',
] as const;
export type ContactChildTable = (typeof CHILD_TABLES)[number];

function childRows<T extends (typeof CHILD_TABLES)[number]>(
  db: Kysely<Database>,
  table: T,
  ownerId: string,
  contactIds: string[],
) {
  return db
    .selectFrom(table as 'contact_channels')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('contact_id', 'in', contactIds)
    .execute() as Promise<Database[T][]>;
}

/** Rows grouped by their contact, each contact's in the order the database gave them. */
function byContact<R extends { contact_id: string }>(rows: R[]): Map<string, R[]> {
  const out = new Map<string, R[]>();
  for (const r of rows) {
    const list = out.get(r.contact_id);
    if (list) list.push(r);
    else out.set(r.contact_id, [r]);
  }
  return out;
}

/**
 * Every row that belongs to each of these contacts (at most a few hundred ids: one query per table for all of
 * them), for snapshots that can be put back exactly. Contacts that are not there are left out.
 */
export async function loadContactsRows(db: Kysely<Database>, ownerId: string, contactIds: string[]) {
  const [rows, channels, tags, photos, positions, sources, history, interactions] = await Promise.all([
    db
      .selectFrom('contacts')
      .selectAll()
      .where(ownerOfIdList(db, 'owner_id', ownerId))
      .where('id', 'in', contactIds)
      .execute(),
    childRows(db, 'contact_channels', ownerId, contactIds).then(byContact),
    childRows(db, 'contact_tags', ownerId, contactIds).then(byContact),
    childRows(db, 'contact_photos', ownerId, contactIds).then(byContact),
    childRows(db, 'contact_positions', ownerId, contactIds).then(byContact),
    childRows(db, 'contact_sources', ownerId, contactIds).then(byContact),
    childRows(db, 'contact_history', ownerId, contactIds).then(byContact),
    childRows(db, 'interaction_contacts', ownerId, contactIds).then(byContact),
  ]);
  return rows.map((row) => ({
    row,
    channels: channels.get(row.id) ?? [],
    tags: tags.get(row.id) ?? [],
    photo: photos.get(row.id)?.[0],
    positions: positions.get(row.id) ?? [],
    sources: sources.get(row.id) ?? [],
    history: history.get(row.id) ?? [],
    interactions: interactions.get(row.id) ?? [],
  }));
}

/** Deletes every child row of a contact (the contact row itself stays). */
export async function deleteContactChildren(db: Kysely<Database>, ownerId: string, contactId: string) {
  await deleteContactsChildren(db, ownerId, [contactId]);
}

/** Deletes every child row of these contacts: a statement per table and thousand contacts. */
export async function deleteContactsChildren(db: Kysely<Database>, ownerId: string, contactIds: string[]) {
  for (const batch of chunkIds(contactIds)) {
    for (const table of CHILD_TABLES) await deleteChildRows(db, ownerId, table, batch);
  }
}

/** Deletes these contacts' rows of one child table, a statement per thousand contacts. */
export async function deleteChildRows(
  db: Kysely<Database>,
  ownerId: string,
  table: ContactChildTable,
  contactIds: string[],
) {
  for (const batch of chunkIds(contactIds)) {
    await db
      .deleteFrom(table as 'contact_channels')
      .where('owner_id', '=', ownerId)
      .where('contact_id', 'in', batch)
      .execute();
  }
}

/** The columns of a contact row a restore may write: all but its key, its owner and its time of creation. */
const WRITABLE_CONTACT_COLUMNS: ReadonlySet<string> = new Set<
  Exclude<keyof ContactTable, 'id' | 'owner_id' | 'created_at'>
>([
  'display_name',
  'given_name',
  'family_name',
  'organisation_id',
  'title',
  'location',
  'how_we_met',
  'notes',
  'custom_fields',
  'connected_on',
  'source',
  'updated_at',
  'deleted_at',
  'sort_key',
  'search_name',
  'search_text',
  'nickname',
  'name_prefix',
  'name_suffix',
  'additional_names',
  'department',
  'birthday',
  'addresses',
  'dates',
  'merged_into',
  'import_id',
  'share',
]);

type ContactRowPatch = Partial<Omit<ContactTable, 'id' | 'owner_id' | 'created_at'>> & { id: string };

/**
 * Writes these contacts' rows (each the columns it carries; the owner's only), set-based: one UPDATE joined to a
 * VALUES list per ~1,000 contacts with the same columns (a snapshot kept before a column was added lacks it), not
 * one UPDATE per contact. The same id twice: the later one wins, as it would one statement at a time.
 */
export async function updateContactRows(
  db: Kysely<Database>,
  ownerId: string,
  rows: ContactRowPatch[],
): Promise<void> {
  const last = new Map(rows.map((r) => [r.id, r]));
  const byColumns = new Map<string, { columns: string[]; rows: ContactRowPatch[] }>();
  for (const row of last.values()) {
    // As Kysely's set(): a key holding `undefined` is no column to write.
    const columns = Object.keys(row)
      .filter((k) => k !== 'id' && (row as Record<string, unknown>)[k] !== undefined)
      .sort();
    if (columns.length === 0) continue;
    if (columns.some((c) => !WRITABLE_CONTACT_COLUMNS.has(c))) {
      // A column no contact has (or one never rewritten): the query builder's UPDATE, refused as before.
      const { id, ...patch } = row;
      await db
        .updateTable('contacts')
        .set(patch)
        .where('owner_id', '=', ownerId)
        .where('id', '=', id)
        .execute();
      continue;
    }
    const key = columns.join(',');
    const group = byColumns.get(key);
    if (group) group.rows.push(row);
    else byColumns.set(key, { columns, rows: [row] });
  }
  const pg = engineOf(db as Kysely<unknown>) === 'postgres';
  for (const { columns, rows: group } of byColumns.values()) {
    const all = ['id', ...columns];
    // Under both engines' bound-parameter limits (SQLite's 32,766), the owner's one included.
    for (const batch of chunkIds(group, Math.floor(30_000 / all.length))) {
      const params: unknown[] = [];
      const mark = (value: unknown) => {
        params.push(value ?? null);
        return pg ? `$${params.length}` : '?';
      };
      const tuples = batch.map(
        (row) => `(${all.map((c) => mark((row as Record<string, unknown>)[c])).join(', ')})`,
      );
      const set = columns.map((c) => `"${c}" = v."${c}"`).join(', ');
      await db.executeQuery(
        CompiledQuery.raw(
          `WITH v(${all.map((c) => `"${c}"`).join(', ')}) AS (VALUES ${tuples.join(', ')})
           UPDATE contacts SET ${set} FROM v WHERE contacts.id = v.id AND contacts.owner_id = ${mark(ownerId)}`,
          params,
        ),
      );
    }
  }
}
