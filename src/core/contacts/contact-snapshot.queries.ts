import type { Kysely } from 'kysely';
import { chunkIds } from '../db/chunk';
import type { Database } from '../db/schema';

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
      .where('owner_id', '=', ownerId)
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
    for (const table of CHILD_TABLES) {
      await db
        .deleteFrom(table as 'contact_channels')
        .where('owner_id', '=', ownerId)
        .where('contact_id', 'in', batch)
        .execute();
    }
  }
}
