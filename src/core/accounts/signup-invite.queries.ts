import type { Kysely } from 'kysely';
import type { Database, SignupInviteTable } from '../db/schema';

export async function insertSignupInvite(db: Kysely<Database>, row: SignupInviteTable): Promise<void> {
  await db.insertInto('signup_invites').values(row).execute();
}

export async function findUsableInvite(
  db: Kysely<Database>,
  codeHash: string,
  now: string,
): Promise<SignupInviteTable | undefined> {
  return db
    .selectFrom('signup_invites')
    .selectAll()
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

/** The invites `accountId` made that can still be used (unused, not expired), the newest first. */
export async function listUsableInvites(
  db: Kysely<Database>,
  accountId: string,
  now: string,
): Promise<SignupInviteTable[]> {
  return db
    .selectFrom('signup_invites')
    .selectAll()
    .where('created_by', '=', accountId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/**
 * Deletes one unused invite that `accountId` made; 0 when there is none (another's, used, or unknown). A used
 * invite stays: it records which account it let in.
 */
export async function deleteUnusedInvite(
  db: Kysely<Database>,
  accountId: string,
  id: string,
): Promise<number> {
  const r = await db
    .deleteFrom('signup_invites')
    .where('id', '=', id)
    .where('created_by', '=', accountId)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Marks the invite used; 0 if someone else used it first (the caller must then refuse). */
export async function markInviteUsed(
  db: Kysely<Database>,
  id: string,
  accountId: string,
  at: string,
): Promise<number> {
  const r = await db
    .updateTable('signup_invites')
    .set({ used_at: at, used_by: accountId })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Forgets which account used an invite (the column has no foreign key); the invite stays used. */
export async function forgetInviteUser(db: Kysely<Database>, accountId: string): Promise<void> {
  await db.updateTable('signup_invites').set({ used_by: null }).where('used_by', '=', accountId).execute();
}
