import type { Kysely } from 'kysely';
import type { CarddavCardTable, Database } from '../db/schema';

/** The address-book cards stored for these contacts (those a client wrote). */
export async function storedCardsOf(
  db: Kysely<Database>,
  ownerId: string,
  contactIds: string[],
): Promise<CarddavCardTable[]> {
  if (contactIds.length === 0) return [];
  return db
    .selectFrom('carddav_cards')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('contact_id', 'in', contactIds)
    .execute();
}

export async function storedCardNamed(
  db: Kysely<Database>,
  ownerId: string,
  name: string,
): Promise<CarddavCardTable | undefined> {
  return db
    .selectFrom('carddav_cards')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('name', '=', name)
    .executeTakeFirst();
}

/** Stores what a client wrote for a contact (one card per contact: a new name replaces the old one). */
export async function saveStoredCard(db: Kysely<Database>, row: CarddavCardTable): Promise<void> {
  await db
    .deleteFrom('carddav_cards')
    .where('owner_id', '=', row.owner_id)
    .where((eb) => eb.or([eb('contact_id', '=', row.contact_id), eb('name', '=', row.name)]))
    .execute();
  await db.insertInto('carddav_cards').values(row).execute();
}

/** Ids of the owner's live contacts, a page at a time in id order. */
export async function liveContactIdPage(
  db: Kysely<Database>,
  ownerId: string,
  after: string | null,
  limit: number,
): Promise<string[]> {
  let q = db
    .selectFrom('contacts')
    .select('id')
    .where('owner_id', '=', ownerId)
    .where('deleted_at', 'is', null);
  if (after) q = q.where('id', '>', after);
  return (await q.orderBy('id').limit(limit).execute()).map((r) => r.id);
}
