import type { Kysely } from 'kysely';
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
  contactId: string,
) {
  return db
    .selectFrom(table as 'contact_channels')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('contact_id', '=', contactId)
    .execute() as Promise<Database[T][]>;
}

/** Every row that belongs to one contact, for a snapshot that can be put back exactly. */
export async function loadContactRows(db: Kysely<Database>, ownerId: string, contactId: string) {
  const [row, channels, tags, photos, positions, sources, history, interactions] = await Promise.all([
    db
      .selectFrom('contacts')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .where('id', '=', contactId)
      .executeTakeFirst(),
    childRows(db, 'contact_channels', ownerId, contactId),
    childRows(db, 'contact_tags', ownerId, contactId),
    childRows(db, 'contact_photos', ownerId, contactId),
    childRows(db, 'contact_positions', ownerId, contactId),
    childRows(db, 'contact_sources', ownerId, contactId),
    childRows(db, 'contact_history', ownerId, contactId),
    childRows(db, 'interaction_contacts', ownerId, contactId),
  ]);
  return { row, channels, tags, photo: photos[0], positions, sources, history, interactions };
}

/** Deletes every child row of a contact (the contact row itself stays). */
export async function deleteContactChildren(db: Kysely<Database>, ownerId: string, contactId: string) {
  for (const table of CHILD_TABLES) {
    await db
      .deleteFrom(table as 'contact_channels')
      .where('owner_id', '=', ownerId)
      .where('contact_id', '=', contactId)
      .execute();
  }
}
