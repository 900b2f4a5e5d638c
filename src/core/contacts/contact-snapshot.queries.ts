import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** Every row that belongs to one contact, for a snapshot that can be put back exactly. */
export async function loadContactRows(db: Kysely<Database>, ownerId: string, contactId: string) {
  const [row, channels, tags, photo, positions, sources, history] = await Promise.all([
    db
      .selectFrom('contacts')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .where('id', '=', contactId)
      .executeTakeFirst(),
    db
      .selectFrom('contact_channels')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .where('contact_id', '=', contactId)
      .execute(),
    db
      .selectFrom('contact_tags')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .where('contact_id', '=', contactId)
      .execute(),
    db
      .selectFrom('contact_photos')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .where('contact_id', '=', contactId)
      .executeTakeFirst(),
    db
      .selectFrom('contact_positions')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .where('contact_id', '=', contactId)
      .execute(),
    db
      .selectFrom('contact_sources')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .where('contact_id', '=', contactId)
      .execute(),
    db
      .selectFrom('contact_history')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .where('contact_id', '=', contactId)
      .execute(),
  ]);
  return { row, channels, tags, photo, positions, sources, history };
}

/** Deletes every child row of a contact (the contact row itself stays). */
export async function deleteContactChildren(db: Kysely<Database>, ownerId: string, contactId: string) {
  for (const table of [
    'contact_channels',
    'contact_tags',
    'contact_photos',
    'contact_positions',
    'contact_sources',
    'contact_history',
  ] as const) {
    await db.deleteFrom(table).where('owner_id', '=', ownerId).where('contact_id', '=', contactId).execute();
  }
}
