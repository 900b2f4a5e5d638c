import type { Kysely } from 'kysely';
import type { Database, SessionTable } from '../db/schema';

export async function insertSession(db: Kysely<Database>, row: SessionTable): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

/** The live session with this token hash (not ended, not expired at `now`). */
export async function findLiveSession(
  db: Kysely<Database>,
  tokenHash: string,
  now: string,
): Promise<Pick<SessionTable, 'id' | 'account_id' | 'last_seen_at' | 'expires_at'> | undefined> {
  return db
    .selectFrom('sessions')
    .select(['id', 'account_id', 'last_seen_at', 'expires_at'])
    .where('token_hash', '=', tokenHash)
    .where('ended_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

/** Why the session with this token hash was ended from elsewhere after `since`; undefined if it was not (or is unknown). */
export async function findEndReason(
  db: Kysely<Database>,
  tokenHash: string,
  since: string,
): Promise<SessionTable['end_reason'] | undefined> {
  const row = await db
    .selectFrom('sessions')
    .select('end_reason')
    .where('token_hash', '=', tokenHash)
    .where('ended_at', '>', since)
    .executeTakeFirst();
  return row?.end_reason ?? undefined;
}

/** The owner's live sessions, the most recently seen first. */
export async function listLiveSessions(
  db: Kysely<Database>,
  accountId: string,
  now: string,
): Promise<Pick<SessionTable, 'id' | 'created_at' | 'last_seen_at' | 'expires_at' | 'user_agent'>[]> {
  return db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'last_seen_at', 'expires_at', 'user_agent'])
    .where('account_id', '=', accountId)
    .where('ended_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('last_seen_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function touchSession(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

/** Forgets a session at once (its own browser signing out: nothing to explain later). */
export async function deleteSessionByHash(db: Kysely<Database>, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/**
 * Ends the owner's live sessions, all of them or only the one `id` names, except `keep`, recording why; returns how
 * many ended (0 when `id` is not a live session of the owner).
 */
export async function endSessionsOfAccount(
  db: Kysely<Database>,
  accountId: string,
  end: {
    reason: NonNullable<SessionTable['end_reason']>;
    at: string;
    id?: string;
    keep?: string | null;
  },
): Promise<number> {
  let q = db
    .updateTable('sessions')
    .set({ ended_at: end.at, end_reason: end.reason })
    .where('account_id', '=', accountId)
    .where('ended_at', 'is', null)
    .where('expires_at', '>', end.at);
  if (end.id !== undefined) q = q.where('id', '=', end.id);
  if (end.keep) q = q.where('id', '<>', end.keep);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Forgets sessions past their expiry, and those ended from elsewhere before `endedBefore`. */
export async function deleteSpentSessions(
  db: Kysely<Database>,
  now: string,
  endedBefore: string,
): Promise<number> {
  const r = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('ended_at', '<=', endedBefore)]))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
