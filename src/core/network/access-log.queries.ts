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
