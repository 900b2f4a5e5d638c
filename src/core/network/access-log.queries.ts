import type { Kysely } from 'kysely';
import type { AccessEvent } from '../../contracts/network';
import type { Database } from '../db/schema';

/** One appearance of an owner's contact to another account. */
export interface AccessLogRow {
  id: string;
  /** Whose contact appeared. */
  owner_id: string;
  /** Who saw it (the searcher, the requester). */
  actor_id: string;
  event: AccessEvent;
  /** The search text or path target, as the actor typed it. */
  query: string | null;
  contact_id: string;
  introduction_id?: string | null;
  created_at: string;
}

/** Records that contacts appeared to another account; callers write one row per (owner, contact) shown. */
export async function logAccess(db: Kysely<Database>, rows: AccessLogRow[]): Promise<void> {
  // 8 columns a row: 500 rows stay well under SQLite's bound-parameter limit.
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('access_log')
      .values(rows.slice(i, i + 500).map((r) => ({ ...r, introduction_id: r.introduction_id ?? null })))
      .execute();
  }
}

/** One page of the owner's access log, newest first, with the actor's name, the contact's name and the request if it still exists. */
export async function accessLogPage(
  db: Kysely<Database>,
  ownerId: string,
  limit: number,
  after?: { at: string; id: string },
) {
  let q = db
    .selectFrom('access_log as l')
    .leftJoin('accounts as a', 'a.id', 'l.actor_id')
    .leftJoin('contacts as c', (j) => j.onRef('c.id', '=', 'l.contact_id').on('c.owner_id', '=', ownerId))
    // The column has no foreign key: a request that went with its requester's account would still be linked.
    .leftJoin('introductions as i', 'i.id', 'l.introduction_id')
    .select([
      'l.id',
      'l.created_at',
      'l.actor_id',
      'l.event',
      'l.query',
      'l.contact_id',
      'i.id as introduction_id',
      'a.name as actor_name',
      'c.display_name as contact_name',
    ])
    .where('l.owner_id', '=', ownerId);
  if (after) {
    q = q.where((eb) =>
      eb.or([
        eb('l.created_at', '<', after.at),
        eb.and([eb('l.created_at', '=', after.at), eb('l.id', '<', after.id)]),
      ]),
    );
  }
  return q.orderBy('l.created_at', 'desc').orderBy('l.id', 'desc').limit(limit).execute();
}
