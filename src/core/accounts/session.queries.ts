import type { Kysely } from 'kysely';
import type { Database, SessionTable } from '../db/schema';

export async function insertSession(db: Kysely<Database>, row: SessionTable): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

/** The live session with this token hash (not expired at `now`). */
export async function findLiveSession(
  db: Kysely<Database>,
  tokenHash: string,
  now: string,
): Promise<Pick<SessionTable, 'id' | 'account_id' | 'last_seen_at' | 'expires_at'> | undefined> {
  return db
    .selectFrom('sessions')
    .select(['id', 'account_id', 'last_seen_at', 'expires_at'])
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

export async function touchSession(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function deleteSessionByHash(db: Kysely<Database>, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function deleteSessionsOfAccount(db: Kysely<Database>, accountId: string): Promise<number> {
  const r = await db.deleteFrom('sessions').where('account_id', '=', accountId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function deleteExpiredSessions(db: Kysely<Database>, now: string): Promise<number> {
  const r = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}
