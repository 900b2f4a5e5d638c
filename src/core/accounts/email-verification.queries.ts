import type { Kysely } from 'kysely';
import type { Database, EmailVerificationTable } from '../db/schema';

export async function insertEmailVerification(
  db: Kysely<Database>,
  row: EmailVerificationTable,
): Promise<void> {
  await db.insertInto('email_verifications').values(row).execute();
}

/** Takes back a link that was never mailed: it does not count against the daily limit. */
export async function deleteEmailVerification(db: Kysely<Database>, accountId: string, id: string) {
  await db
    .deleteFrom('email_verifications')
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .execute();
}

/** How many verification links the account asked for since `since` (the resend limit). */
export async function countEmailVerificationsSince(db: Kysely<Database>, accountId: string, since: string) {
  const row = await db
    .selectFrom('email_verifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** When each verification link of the account's since `since` (inclusive) was made, oldest first. */
export async function emailVerificationTimesSince(
  db: Kysely<Database>,
  accountId: string,
  since: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('email_verifications')
    .select('created_at')
    .where('account_id', '=', accountId)
    .where('created_at', '>=', since)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => r.created_at);
}

/** The account's unused, unexpired verification whose secret hashes to `tokenHash`. */
export async function findUsableVerification(
  db: Kysely<Database>,
  accountId: string,
  tokenHash: string,
  now: string,
): Promise<EmailVerificationTable | undefined> {
  return db
    .selectFrom('email_verifications')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

/** Uses the verification once; 0 when it was used meanwhile. */
export async function useVerification(db: Kysely<Database>, id: string, at: string): Promise<number> {
  const r = await db
    .updateTable('email_verifications')
    .set({ used_at: at })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Records that the account's current email (if it is still `emailNorm`) is verified. */
export async function setEmailVerified(
  db: Kysely<Database>,
  accountId: string,
  emailNorm: string,
  at: string,
): Promise<number> {
  const r = await db
    .updateTable('accounts')
    .set({ email_verified_at: at, updated_at: at })
    .where('id', '=', accountId)
    .where('email_norm', '=', emailNorm)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
