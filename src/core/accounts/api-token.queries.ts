import type { Kysely } from 'kysely';
import type { ApiTokenTable, Database } from '../db/schema';

export async function insertApiToken(db: Kysely<Database>, row: ApiTokenTable): Promise<void> {
  await db.insertInto('api_tokens').values(row).execute();
}

/** The owner's tokens that are neither revoked nor expired, newest first. */
export async function listLiveApiTokens(
  db: Kysely<Database>,
  accountId: string,
  now: string,
): Promise<ApiTokenTable[]> {
  return db
    .selectFrom('api_tokens')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .orderBy('created_at', 'desc')
    .execute();
}

export async function findLiveApiToken(
  db: Kysely<Database>,
  tokenHash: string,
  now: string,
): Promise<Pick<ApiTokenTable, 'id' | 'account_id' | 'last_used_at' | 'scope'> | undefined> {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'account_id', 'last_used_at', 'scope'])
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .executeTakeFirst();
}

/** Revokes the owner's token; 0 when it is not theirs or already revoked. */
export async function revokeApiToken(
  db: Kysely<Database>,
  accountId: string,
  id: string,
  at: string,
): Promise<number> {
  const r = await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function touchApiToken(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}
