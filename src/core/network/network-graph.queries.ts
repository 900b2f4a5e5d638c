import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** Contacts drawn in the graph: name, title and organisation of each of `ids` (the owner's live ones only). */
export async function graphContacts(db: Kysely<Database>, ownerId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('contacts as c')
    .leftJoin('organisations as o', 'o.id', 'c.organisation_id')
    .select(['c.id', 'c.display_name', 'c.title', 'c.organisation_id', 'o.name as organisation_name'])
    .where('c.owner_id', '=', ownerId)
    .where('c.deleted_at', 'is', null)
    .where('c.id', 'in', ids)
    .execute();
}

/** The most recently connected live contacts, beyond those already chosen (to fill the graph for a new rolodex). */
export async function recentlyConnected(
  db: Kysely<Database>,
  ownerId: string,
  limit: number,
  except: string[],
) {
  let q = db
    .selectFrom('contacts')
    .select('id')
    .where('owner_id', '=', ownerId)
    .where('deleted_at', 'is', null)
    .orderBy('connected_on', (ob) => ob.desc().nullsLast())
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit);
  if (except.length > 0) q = q.where('id', 'not in', except);
  return (await q.execute()).map((r) => r.id);
}
