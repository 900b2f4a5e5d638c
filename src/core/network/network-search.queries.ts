import type { Kysely } from 'kysely';
import type { Database, NetworkSearchTable } from '../db/schema';
import { pairOf } from './connection.queries';

/** How many network searches and path look-ups `accountId` ran since `since` (the rate limit's window). */
export async function searchesSince(db: Kysely<Database>, accountId: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('network_searches')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('account_id', '=', accountId)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The earliest search of `accountId` since `since` (when the window frees a slot). */
export async function oldestSearchSince(
  db: Kysely<Database>,
  accountId: string,
  since: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('network_searches')
    .select('created_at')
    .where('account_id', '=', accountId)
    .where('created_at', '>', since)
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
  return row?.created_at ?? null;
}

/** Records one search of the account's (counted by the rate limit). */
export async function recordSearch(db: Kysely<Database>, row: NetworkSearchTable): Promise<void> {
  await db.insertInto('network_searches').values(row).execute();
}

/**
 * The accepted connections among `pairs`, each with the contact each side linked the other to, keyed `lo|hi`.
 * What a path re-checks before it is shown: a removed connection is simply absent.
 */
export async function acceptedLinks(db: Kysely<Database>, pairs: [string, string][]) {
  const out = new Map<
    string,
    { lo: string; hi: string; loContact: string | null; hiContact: string | null }
  >();
  const wanted = [...new Map(pairs.map(([a, b]) => [pairKey(a, b), pairOf(a, b)])).values()];
  if (wanted.length === 0) return out;
  const rows = await db
    .selectFrom('connections')
    .select(['account_lo', 'account_hi', 'lo_contact_id', 'hi_contact_id'])
    .where('status', '=', 'accepted')
    .where((eb) =>
      eb.or(
        wanted.map((p) => eb.and([eb('account_lo', '=', p.account_lo), eb('account_hi', '=', p.account_hi)])),
      ),
    )
    .execute();
  for (const r of rows) {
    out.set(`${r.account_lo}|${r.account_hi}`, {
      lo: r.account_lo,
      hi: r.account_hi,
      loContact: r.lo_contact_id,
      hiContact: r.hi_contact_id,
    });
  }
  return out;
}

/** The key of a pair in `acceptedLinks`' answer. */
export function pairKey(a: string, b: string): string {
  const p = pairOf(a, b);
  return `${p.account_lo}|${p.account_hi}`;
}

/** Account names by id (accounts the caller may name: itself and its connections). */
export async function accountNames(db: Kysely<Database>, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('accounts')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** One of `ownerId`'s live contacts' display name (for "your contact …"), or undefined. */
export async function ownContactName(
  db: Kysely<Database>,
  ownerId: string,
  contactId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('contacts')
    .select('display_name')
    .where('owner_id', '=', ownerId)
    .where('id', '=', contactId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row?.display_name;
}

/** Which of `ownerIds` owns the live contact `contactId` (a broker's contact named by id), or undefined. */
export async function ownerAmong(
  db: Kysely<Database>,
  contactId: string,
  ownerIds: string[],
): Promise<string | undefined> {
  if (ownerIds.length === 0) return undefined;
  const row = await db
    .selectFrom('contacts')
    .select('owner_id')
    .where('id', '=', contactId)
    .where('owner_id', 'in', ownerIds)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row?.owner_id;
}
