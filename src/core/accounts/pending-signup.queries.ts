import type { Kysely } from 'kysely';
import type { Database, PendingSignupTable } from '../db/schema';

export async function insertPendingSignup(db: Kysely<Database>, row: PendingSignupTable): Promise<void> {
  await db.insertInto('pending_signups').values(row).execute();
}

/** How many unexpired sign-ups wait for a link sent to `emailNorm` (bounds the mails one address can be sent). */
export async function countLivePendingSignups(
  db: Kysely<Database>,
  emailNorm: string,
  now: string,
): Promise<number> {
  const row = await db
    .selectFrom('pending_signups')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('email_norm', '=', emailNorm)
    .where('expires_at', '>', now)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The unexpired sign-up whose link secret hashes to `tokenHash`. */
export async function findLivePendingSignup(
  db: Kysely<Database>,
  tokenHash: string,
  now: string,
): Promise<PendingSignupTable | undefined> {
  return db
    .selectFrom('pending_signups')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

/**
 * Forgets every sign-up waiting for `emailNorm` (the one confirmed and any other link sent to that address);
 * returns how many rows went, 0 when a concurrent confirmation took them first.
 */
export async function deletePendingSignupsFor(db: Kysely<Database>, emailNorm: string): Promise<number> {
  const r = await db.deleteFrom('pending_signups').where('email_norm', '=', emailNorm).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Forgets the one sign-up `id`; 0 when it was already gone. */
export async function deletePendingSignup(db: Kysely<Database>, id: string): Promise<number> {
  const r = await db.deleteFrom('pending_signups').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Forgets sign-ups whose link expired before `now` (housekeeping). */
export async function deleteExpiredPendingSignups(db: Kysely<Database>, now: string): Promise<number> {
  const r = await db.deleteFrom('pending_signups').where('expires_at', '<=', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}
