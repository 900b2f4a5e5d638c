import type { Kysely } from 'kysely';
import type { Database, PromiseTable } from '../db/schema';

function withContact(db: Kysely<Database>, ownerId: string) {
  return db
    .selectFrom('promises as p')
    .innerJoin('contacts as c', 'c.id', 'p.contact_id')
    .selectAll('p')
    .select('c.display_name')
    .where('p.owner_id', '=', ownerId)
    .where('p.deleted_at', 'is', null);
}

export async function insertPromise(db: Kysely<Database>, row: PromiseTable) {
  await db.insertInto('promises').values(row).execute();
}

export async function findPromise(db: Kysely<Database>, ownerId: string, id: string) {
  return withContact(db, ownerId).where('p.id', '=', id).executeTakeFirst();
}

export async function listPromises(
  db: Kysely<Database>,
  ownerId: string,
  opts: {
    contactId?: string;
    status?: PromiseTable['status'];
    after?: { on: string; id: string };
    limit: number;
  },
) {
  let q = withContact(db, ownerId).where('c.deleted_at', 'is', null);
  if (opts.contactId) q = q.where('p.contact_id', '=', opts.contactId);
  if (opts.status) q = q.where('p.status', '=', opts.status);
  const after = opts.after;
  if (after) {
    // Ties (many due the same day) are broken by id; a row value, so both engines seek the index to the cursor.
    q = q.where((eb) => eb(eb.refTuple('p.due_on', 'p.id'), '>', eb.tuple(after.on, after.id)));
  }
  return q.orderBy('p.due_on').orderBy('p.id').limit(opts.limit).execute();
}

/** Open promises due on or before `day` (both directions), soonest first: Today's first items. */
export async function openPromisesDueBy(db: Kysely<Database>, ownerId: string, day: string, limit: number) {
  return withContact(db, ownerId)
    .where('c.deleted_at', 'is', null)
    .where('p.status', '=', 'open')
    .where('p.due_on', '<=', day)
    .orderBy('p.due_on')
    .orderBy('p.id')
    .limit(limit)
    .execute();
}

/** My promises that fell due on or before `day` (since `from`, when given), for the kept-on-time rate. */
export async function myDuePromises(db: Kysely<Database>, ownerId: string, day: string, from?: string) {
  let q = db
    .selectFrom('promises')
    .select(['status', 'due_on', 'resolved_on'])
    .where('owner_id', '=', ownerId)
    .where('deleted_at', 'is', null)
    .where('direction', '=', 'mine')
    .where('due_on', '<=', day);
  if (from) q = q.where('due_on', '>=', from);
  return q.execute();
}

export async function countOpen(db: Kysely<Database>, ownerId: string, day: string) {
  const rows = await db
    .selectFrom('promises')
    .select(['due_on'])
    .where('owner_id', '=', ownerId)
    .where('deleted_at', 'is', null)
    .where('direction', '=', 'mine')
    .where('status', '=', 'open')
    .execute();
  return { open: rows.length, overdue: rows.filter((r) => r.due_on < day).length };
}

export async function updatePromiseRow(
  db: Kysely<Database>,
  ownerId: string,
  id: string,
  patch: Partial<PromiseTable>,
) {
  await db.updateTable('promises').set(patch).where('owner_id', '=', ownerId).where('id', '=', id).execute();
}
