import type { Kysely } from 'kysely';
import type { Database, FavourTable } from '../db/schema';

export async function insertFavour(db: Kysely<Database>, row: FavourTable) {
  await db.insertInto('favours').values(row).execute();
}

export async function findFavour(db: Kysely<Database>, ownerId: string, id: string) {
  return db
    .selectFrom('favours as f')
    .innerJoin('contacts as c', 'c.id', 'f.contact_id')
    .selectAll('f')
    .select('c.display_name')
    .where('f.owner_id', '=', ownerId)
    .where('f.id', '=', id)
    .where('f.deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function listFavours(
  db: Kysely<Database>,
  ownerId: string,
  opts: { contactId?: string; before?: { on: string; id: string }; limit: number },
) {
  let q = db
    .selectFrom('favours as f')
    .innerJoin('contacts as c', 'c.id', 'f.contact_id')
    .selectAll('f')
    .select('c.display_name')
    .where('f.owner_id', '=', ownerId)
    .where('f.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null);
  if (opts.contactId) q = q.where('f.contact_id', '=', opts.contactId);
  const before = opts.before;
  if (before) {
    // Many favours share a day: the id breaks the tie, so a page ends between two of them and the next starts there.
    // A row value, so both engines seek the index to it instead of reading the newer rows again to skip them.
    q = q.where((eb) => eb(eb.refTuple('f.occurred_on', 'f.id'), '<', eb.tuple(before.on, before.id)));
  }
  return q.orderBy('f.occurred_on', 'desc').orderBy('f.id', 'desc').limit(opts.limit).execute();
}

export async function updateFavourRow(
  db: Kysely<Database>,
  ownerId: string,
  id: string,
  patch: Partial<FavourTable>,
) {
  await db.updateTable('favours').set(patch).where('owner_id', '=', ownerId).where('id', '=', id).execute();
}

/** Favours given and received per live contact, weighted by size. */
export async function balanceByContact(db: Kysely<Database>, ownerId: string) {
  return db
    .selectFrom('favours as f')
    .innerJoin('contacts as c', 'c.id', 'f.contact_id')
    .select([
      'f.contact_id',
      'c.display_name',
      'f.direction',
      (eb) => eb.fn.sum<number>('f.size').as('total'),
    ])
    .where('f.owner_id', '=', ownerId)
    .where('f.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null)
    .groupBy(['f.contact_id', 'c.display_name', 'f.direction'])
    .execute();
}
