import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** A pair of accounts as stored: the smaller id first (one row per pair). */
export function pairOf(a: string, b: string): { account_lo: string; account_hi: string } {
  return a < b ? { account_lo: a, account_hi: b } : { account_lo: b, account_hi: a };
}

/** The accounts `accountId` is connected to (accepted connections only). */
export async function connectedAccountIds(db: Kysely<Database>, accountId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('connections')
    .select(['account_lo', 'account_hi'])
    .where('status', '=', 'accepted')
    .where((eb) => eb.or([eb('account_lo', '=', accountId), eb('account_hi', '=', accountId)]))
    .execute();
  return rows.map((r) => (r.account_lo === accountId ? r.account_hi : r.account_lo));
}

/** True when the two accounts have an accepted connection. Every cross-account read starts with this check. */
export async function areConnected(db: Kysely<Database>, a: string, b: string): Promise<boolean> {
  if (a === b) return false;
  const row = await db
    .selectFrom('connections')
    .select('id')
    .where('status', '=', 'accepted')
    .where('account_lo', '=', pairOf(a, b).account_lo)
    .where('account_hi', '=', pairOf(a, b).account_hi)
    .executeTakeFirst();
  return row !== undefined;
}
