import type { Kysely } from 'kysely';
import type { ConnectionInviteTable, Database } from '../db/schema';

export async function insertInvite(db: Kysely<Database>, row: ConnectionInviteTable): Promise<void> {
  await db.insertInto('connection_invites').values(row).execute();
}

/** The invitation whose secret hashes to `tokenHash`, with its sender's name; usable or not. */
export async function findInviteByHash(db: Kysely<Database>, tokenHash: string) {
  return db
    .selectFrom('connection_invites as i')
    .innerJoin('accounts as a', 'a.id', 'i.from_account_id')
    .selectAll('i')
    .select('a.name as from_name')
    .where('i.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** One of the sender's invitations. */
export async function findInviteOf(
  db: Kysely<Database>,
  fromId: string,
  id: string,
): Promise<ConnectionInviteTable | undefined> {
  return db
    .selectFrom('connection_invites')
    .selectAll()
    .where('from_account_id', '=', fromId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The sender's invitations, newest first, with the name of the account that used each. */
export async function listInvitesOf(db: Kysely<Database>, fromId: string, limit: number) {
  return db
    .selectFrom('connection_invites as i')
    .leftJoin('accounts as a', 'a.id', 'i.used_by')
    .selectAll('i')
    .select('a.name as used_by_name')
    .where('i.from_account_id', '=', fromId)
    .orderBy('i.created_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(limit)
    .execute();
}

/** Marks the invitation used by `accountId`; 0 when it was used, withdrawn or expired meanwhile. */
export async function markInviteUsed(
  db: Kysely<Database>,
  id: string,
  accountId: string,
  at: string,
): Promise<number> {
  const r = await db
    .updateTable('connection_invites')
    .set({ used_at: at, used_by: accountId })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', at)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/**
 * Withdraws open invitations of the sender's: one by id (0 when it was not open), or every one to an address still
 * usable at `at` (that address's invitation has just been used). Returns how many.
 */
export async function revokeInvites(
  db: Kysely<Database>,
  fromId: string,
  which: { id: string } | { emailNorm: string },
  at: string,
): Promise<number> {
  let q = db
    .updateTable('connection_invites')
    .set({ revoked_at: at })
    .where('from_account_id', '=', fromId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null);
  q =
    'id' in which
      ? q.where('id', '=', which.id)
      : q.where('email_norm', '=', which.emailNorm).where('expires_at', '>', at);
  return Number((await q.executeTakeFirst()).numUpdatedRows);
}

/** The sender's invitation links still open at `now`, and how many it made since `since`. */
export async function openInvitesOf(db: Kysely<Database>, fromId: string, now: string, since: string) {
  const row = await db
    .selectFrom('connection_invites')
    .select((eb) => [
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(
              eb.and([eb('used_at', 'is', null), eb('revoked_at', 'is', null), eb('expires_at', '>', now)]),
            )
            .then(1)
            .else(0)
            .end(),
        )
        .as('open'),
      eb.fn.sum<number>(eb.case().when('created_at', '>=', since).then(1).else(0).end()).as('recent'),
    ])
    .where('from_account_id', '=', fromId)
    .executeTakeFirstOrThrow();
  return { open: Number(row.open ?? 0), recent: Number(row.recent ?? 0) };
}

/** When each invitation link the sender made since `since` (inclusive) was made, oldest first. */
export async function inviteTimesSince(
  db: Kysely<Database>,
  fromId: string,
  since: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('connection_invites')
    .select('created_at')
    .where('from_account_id', '=', fromId)
    .where('created_at', '>=', since)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => r.created_at);
}

/** When each of the sender's invitation links still open at `now` expires, soonest first. */
export async function openInviteExpiries(
  db: Kysely<Database>,
  fromId: string,
  now: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('connection_invites')
    .select('expires_at')
    .where('from_account_id', '=', fromId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('expires_at')
    .execute();
  return rows.map((r) => r.expires_at);
}
