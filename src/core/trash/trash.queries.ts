import { type Kysely, type SqlBool, sql } from 'kysely';
import type { Database } from '../db/schema';

/**
 * Deleted interactions, favours and promises (ADR 5): the queries that read and restore them, and purge them.
 * Every other query of theirs reads live rows only (`deleted_at is null`).
 */

// `GET /trash` shows the newest of each kind; the rest come a page at a time (`GET /trash/favours?cursor=`).
export const TRASHED_LEDGER_LIMIT = 1000;

/** A page of a trashed kind: after the row (`deleted_at`, `id`) the previous page ended on, newest first. */
export interface TrashPage {
  after?: { deletedAt: string; id: string };
  limit: number;
}

/** `(deleted_at, id) < after` on `table`'s columns: the keyset of the trash's order. */
const before = (table: string, after: TrashPage['after']) =>
  sql<SqlBool>`(${sql.ref(`${table}.deleted_at`)}, ${sql.ref(`${table}.id`)}) < (${after?.deletedAt ?? ''}, ${after?.id ?? ''})`;

/** One of the owner's deleted interactions, whenever deleted. */
export async function findTrashedInteraction(db: Kysely<Database>, ownerId: string, id: string) {
  return db
    .selectFrom('interactions')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('id', '=', id)
    .where('deleted_at', 'is not', null)
    .executeTakeFirst();
}

/** A page of the owner's interactions deleted at or after `since`, most recently deleted first. */
export async function listTrashedInteractions(
  db: Kysely<Database>,
  ownerId: string,
  since: string,
  page: TrashPage,
) {
  return db
    .selectFrom('interactions')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('deleted_at', '>=', since)
    .$if(page.after !== undefined, (q) => q.where(before('interactions', page.after)))
    .orderBy('deleted_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .execute();
}

/** One of the owner's deleted favours, with the name of the person, whenever deleted. */
export async function findTrashedFavour(db: Kysely<Database>, ownerId: string, id: string) {
  return db
    .selectFrom('favours as f')
    .innerJoin('contacts as c', 'c.id', 'f.contact_id')
    .selectAll('f')
    .select('c.display_name')
    .where('f.owner_id', '=', ownerId)
    .where('f.id', '=', id)
    .where('f.deleted_at', 'is not', null)
    .executeTakeFirst();
}

/** A page of the owner's favours deleted at or after `since`, with the person's name, most recently deleted first. */
export async function listTrashedFavours(
  db: Kysely<Database>,
  ownerId: string,
  since: string,
  page: TrashPage,
) {
  return db
    .selectFrom('favours as f')
    .innerJoin('contacts as c', 'c.id', 'f.contact_id')
    .selectAll('f')
    .select('c.display_name')
    .where('f.owner_id', '=', ownerId)
    .where('f.deleted_at', '>=', since)
    .$if(page.after !== undefined, (q) => q.where(before('f', page.after)))
    .orderBy('f.deleted_at', 'desc')
    .orderBy('f.id', 'desc')
    .limit(page.limit)
    .execute();
}

/** One of the owner's deleted promises, with the name of the person, whenever deleted. */
export async function findTrashedPromise(db: Kysely<Database>, ownerId: string, id: string) {
  return db
    .selectFrom('promises as p')
    .innerJoin('contacts as c', 'c.id', 'p.contact_id')
    .selectAll('p')
    .select('c.display_name')
    .where('p.owner_id', '=', ownerId)
    .where('p.id', '=', id)
    .where('p.deleted_at', 'is not', null)
    .executeTakeFirst();
}

/** A page of the owner's promises deleted at or after `since`, with the person's name, most recently deleted first. */
export async function listTrashedPromises(
  db: Kysely<Database>,
  ownerId: string,
  since: string,
  page: TrashPage,
) {
  return db
    .selectFrom('promises as p')
    .innerJoin('contacts as c', 'c.id', 'p.contact_id')
    .selectAll('p')
    .select('c.display_name')
    .where('p.owner_id', '=', ownerId)
    .where('p.deleted_at', '>=', since)
    .$if(page.after !== undefined, (q) => q.where(before('p', page.after)))
    .orderBy('p.deleted_at', 'desc')
    .orderBy('p.id', 'desc')
    .limit(page.limit)
    .execute();
}

/**
 * Clears `deleted_at` of the owner's row if it was deleted at or after `since`; false when there is no such row (not
 * the owner's, live, past the window, or restored at the same moment by another request).
 */
export async function untrashLedgerRow(
  db: Kysely<Database>,
  table: 'interactions' | 'favours' | 'promises',
  ownerId: string,
  id: string,
  since: string,
  now: string,
): Promise<boolean> {
  const r = await db
    .updateTable(table)
    .set({ deleted_at: null, updated_at: now })
    .where('owner_id', '=', ownerId)
    .where('id', '=', id)
    .where('deleted_at', '>=', since)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/**
 * Deletes for good, in every account, the interactions, favours and promises deleted before `before`. An
 * interaction's links to its contacts go with it; favours and outreach messages that named it keep their own row
 * and lose the link (the foreign keys say so).
 */
export async function purgeTrashedLedger(db: Kysely<Database>, before: string) {
  const gone = async (table: 'interactions' | 'favours' | 'promises') =>
    Number((await db.deleteFrom(table).where('deleted_at', '<', before).executeTakeFirst()).numDeletedRows);
  return {
    interactions: await gone('interactions'),
    favours: await gone('favours'),
    promises: await gone('promises'),
  };
}
