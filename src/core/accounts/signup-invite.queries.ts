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
