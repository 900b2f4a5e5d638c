import type { Kysely } from 'kysely';
import { lockRows } from '../db/portable';
import type { AccountTable, Database } from '../db/schema';

/** Number of accounts on this server (first-run detection). */
export async function countAccounts(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('accounts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertAccount(db: Kysely<Database>, row: AccountTable): Promise<void> {
  await db.insertInto('accounts').values(row).execute();
}

export async function findAccountByEmail(
  db: Kysely<Database>,
  emailNorm: string,
): Promise<AccountTable | undefined> {
  return db.selectFrom('accounts').selectAll().where('email_norm', '=', emailNorm).executeTakeFirst();
}

/**
 * Locks the account's row until the transaction ends (see `forUpdate`), for what must happen one request at a time
 * per account: whole-rolodex writes (imports, address-book cards), quotas and per-account rows read then rewritten.
 * Take it before any other lock of the transaction.
 */
export async function lockAccount(db: Kysely<Database>, id: string): Promise<void> {
  await lockRows(db, db.selectFrom('accounts').select('id').where('id', '=', id));
}

export async function findAccountById(db: Kysely<Database>, id: string): Promise<AccountTable | undefined> {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The only account, if exactly one exists (the CLI acts as it by default). */
export async function listAccountEmails(
  db: Kysely<Database>,
  limit: number,
): Promise<{ id: string; email: string }[]> {
  return db.selectFrom('accounts').select(['id', 'email']).orderBy('created_at').limit(limit).execute();
}

export async function updatePasswordHash(
  db: Kysely<Database>,
  id: string,
  hash: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('accounts')
    .set({ password_hash: hash, password_changed_at: at, updated_at: at })
    .where('id', '=', id)
    .execute();
}

/**
 * Deletes the account row; every table that names the account cascades or sets null (see the migrations), so
 * this erases what it owns. Returns 0 when the account was already gone.
 */
export async function deleteAccountRow(db: Kysely<Database>, id: string): Promise<number> {
  const r = await db.deleteFrom('accounts').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export interface OwnedRecordCounts {
  contacts: number;
  interactions: number;
  favours: number;
  promises: number;
  purposes: number;
  imports: number;
  connections: number;
}

/** What deleting the account would erase, counted for the operator's confirmation (trashed records included). */
export async function countOwnedRecords(db: Kysely<Database>, id: string): Promise<OwnedRecordCounts> {
  const owned = (table: 'contacts' | 'interactions' | 'favours' | 'promises' | 'purposes' | 'imports') =>
    db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('owner_id', '=', id)
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  const connections = db
    .selectFrom('connections')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'accepted')
    .where((eb) => eb.or([eb('account_lo', '=', id), eb('account_hi', '=', id)]))
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
  const [contacts, interactions, favours, promises, purposes, imports, links] = await Promise.all([
    owned('contacts'),
    owned('interactions'),
    owned('favours'),
    owned('promises'),
    owned('purposes'),
    owned('imports'),
    connections,
  ]);
  return { contacts, interactions, favours, promises, purposes, imports, connections: links };
}
