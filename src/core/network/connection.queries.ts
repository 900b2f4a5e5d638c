import type { Kysely } from 'kysely';
import { chunkIds } from '../db/chunk';
import { forUpdate } from '../db/portable';
import type { ConnectionTable, Database } from '../db/schema';

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

/** The account's accepted connection rows. */
export async function acceptedConnectionsOf(
  db: Kysely<Database>,
  accountId: string,
): Promise<ConnectionTable[]> {
  return db
    .selectFrom('connections')
    .selectAll()
    .where('status', '=', 'accepted')
    .where((eb) => eb.or([eb('account_lo', '=', accountId), eb('account_hi', '=', accountId)]))
    .execute();
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

/** The pair's connection row in any state (there is at most one per pair). */
export async function findPair(
  db: Kysely<Database>,
  a: string,
  b: string,
): Promise<ConnectionTable | undefined> {
  const pair = pairOf(a, b);
  return db
    .selectFrom('connections')
    .selectAll()
    .where('account_lo', '=', pair.account_lo)
    .where('account_hi', '=', pair.account_hi)
    .executeTakeFirst();
}

/** The connection `id` if `accountId` is one of its two accounts; undefined otherwise (as if it did not exist). */
export async function findConnectionOf(
  db: Kysely<Database>,
  accountId: string,
  id: string,
): Promise<ConnectionTable | undefined> {
  return db
    .selectFrom('connections')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => eb.or([eb('account_lo', '=', accountId), eb('account_hi', '=', accountId)]))
    .executeTakeFirst();
}

/**
 * Inserts the pair's connection unless the pair already has one (the other side asked or accepted at the same
 * moment); true when this call inserted it.
 */
export async function insertConnectionIfAbsent(db: Kysely<Database>, row: ConnectionTable): Promise<boolean> {
  const r = await db
    .insertInto('connections')
    .values(row)
    .onConflict((oc) => oc.columns(['account_lo', 'account_hi']).doNothing())
    .returning('id')
    .execute();
  return r.length === 1;
}

/**
 * The connection row, locked until the transaction ends (see `forUpdate`): a decision on it, or linking the contact
 * that stands for either side, waits for any other under way and then reads what it did. Undefined once removed.
 */
export async function lockConnection(db: Kysely<Database>, id: string): Promise<ConnectionTable | undefined> {
  return forUpdate(db, db.selectFrom('connections').selectAll().where('id', '=', id)).executeTakeFirst();
}

/** Changes a connection; `expect` guards a state transition (0 rows when someone else changed it first). */
export async function updateConnection(
  db: Kysely<Database>,
  id: string,
  patch: Partial<Omit<ConnectionTable, 'id' | 'account_lo' | 'account_hi'>>,
  expect?: { status: ConnectionTable['status'] },
): Promise<number> {
  let q = db.updateTable('connections').set(patch).where('id', '=', id);
  if (expect) q = q.where('status', '=', expect.status);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Deletes a connection (its messages go with it). */
export async function deleteConnection(db: Kysely<Database>, id: string): Promise<number> {
  const r = await db.deleteFrom('connections').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export type ConnectionState = 'accepted' | 'incoming' | 'outgoing';

/** A connection row with the other account's name and email and what its profile shows connections. */
export type ConnectionListRow = ConnectionTable & {
  other_id: string;
  other_name: string;
  other_email: string;
  other_email_verified_at: string | null;
  other_headline: string | null;
  other_organisation: string | null;
  sort_at: string;
};

function connectionsWithOther(db: Kysely<Database>, accountId: string) {
  return db
    .selectFrom('connections as c')
    .innerJoin('accounts as a', (j) =>
      j.on((eb) =>
        eb(
          'a.id',
          '=',
          eb
            .case()
            .when('c.account_lo', '=', accountId)
            .then(eb.ref('c.account_hi'))
            .else(eb.ref('c.account_lo'))
            .end(),
        ),
      ),
    )
    .leftJoin('account_profiles as p', 'p.account_id', 'a.id')
    .selectAll('c')
    .select([
      'a.id as other_id',
      'a.name as other_name',
      'a.email as other_email',
      'a.email_verified_at as other_email_verified_at',
      'p.headline as other_headline',
      'p.organisation as other_organisation',
    ])
    .where((eb) => eb.or([eb('c.account_lo', '=', accountId), eb('c.account_hi', '=', accountId)]));
}

/**
 * One page of `accountId`'s connections in a state, newest first: accepted (by when they were accepted), incoming
 * (pending, asked by the other side) or outgoing (pending or declined, asked by me). `after` is the last row's
 * (sort_at, id) of the previous page.
 */
export async function listConnections(
  db: Kysely<Database>,
  accountId: string,
  state: ConnectionState,
  limit: number,
  after?: { at: string; id: string },
): Promise<ConnectionListRow[]> {
  let q = connectionsWithOther(db, accountId);
  if (state === 'accepted') q = q.where('c.status', '=', 'accepted');
  else if (state === 'incoming')
    q = q.where('c.status', '=', 'pending').where('c.requested_by', '<>', accountId);
  else q = q.where('c.status', 'in', ['pending', 'declined']).where('c.requested_by', '=', accountId);
  const sortCol = state === 'accepted' ? 'c.responded_at' : 'c.created_at';
  if (after) {
    q = q.where((eb) =>
      eb.or([eb(sortCol, '<', after.at), eb.and([eb(sortCol, '=', after.at), eb('c.id', '<', after.id)])]),
    );
  }
  const rows = await q
    .select(`${sortCol} as sort_at`)
    .orderBy(sortCol, 'desc')
    .orderBy('c.id', 'desc')
    .limit(limit)
    .execute();
  return rows as ConnectionListRow[];
}

/** One connection row with the other account's facts, for `accountId`. */
export async function connectionRowOf(
  db: Kysely<Database>,
  accountId: string,
  id: string,
): Promise<ConnectionListRow | undefined> {
  const row = await connectionsWithOther(db, accountId)
    .select('c.created_at as sort_at')
    .where('c.id', '=', id)
    .executeTakeFirst();
  return row as ConnectionListRow | undefined;
}

/** How many accepted, incoming and outgoing (pending) connections the account has. */
export async function countConnections(db: Kysely<Database>, accountId: string) {
  const rows = await db
    .selectFrom('connections')
    .select(['status', 'requested_by', (eb) => eb.fn.countAll<number>().as('n')])
    .where((eb) => eb.or([eb('account_lo', '=', accountId), eb('account_hi', '=', accountId)]))
    .where('status', 'in', ['accepted', 'pending'])
    .groupBy(['status', 'requested_by'])
    .execute();
  const out = { accepted: 0, incoming: 0, outgoing: 0 };
  for (const r of rows) {
    if (r.status === 'accepted') out.accepted += Number(r.n);
    else if (r.requested_by === accountId) out.outgoing += Number(r.n);
    else out.incoming += Number(r.n);
  }
  return out;
}

/** Invitations the account sent that still wait (pending connections), and how many it made since `since`. */
export async function pendingRequestsBy(db: Kysely<Database>, accountId: string, since: string) {
  const row = await db
    .selectFrom('connections')
    .select((eb) => [
      eb.fn.countAll<number>().as('pending'),
      eb.fn.sum<number>(eb.case().when('created_at', '>=', since).then(1).else(0).end()).as('recent'),
    ])
    .where('requested_by', '=', accountId)
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return { pending: Number(row.pending), recent: Number(row.recent ?? 0) };
}

/** When each still-waiting request the account made since `since` (inclusive) was made, oldest first. */
export async function pendingRequestTimesSince(
  db: Kysely<Database>,
  accountId: string,
  since: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('connections')
    .select('created_at')
    .where('requested_by', '=', accountId)
    .where('status', '=', 'pending')
    .where('created_at', '>=', since)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => r.created_at);
}

/** Sets the contact that stands for the other account on `accountId`'s side of a connection. */
export async function linkContact(
  db: Kysely<Database>,
  connection: Pick<ConnectionTable, 'id' | 'account_lo'>,
  accountId: string,
  contactId: string | null,
): Promise<void> {
  await db
    .updateTable('connections')
    .set(connection.account_lo === accountId ? { lo_contact_id: contactId } : { hi_contact_id: contactId })
    .where('id', '=', connection.id)
    .execute();
}

/** Whether the owner's contact is live, trashed or merged into another (undefined when gone). */
export async function contactStateOf(db: Kysely<Database>, ownerId: string, contactId: string) {
  return db
    .selectFrom('contacts')
    .select(['id', 'deleted_at', 'merged_into'])
    .where('owner_id', '=', ownerId)
    .where('id', '=', contactId)
    .executeTakeFirst();
}

/** The actor's connection rows (any state) with each of these accounts, by the other account's id. */
export async function connectionsWith(db: Kysely<Database>, accountId: string, otherIds: string[]) {
  const out = new Map<string, ConnectionTable>();
  const others = [...new Set(otherIds)].filter((id) => id !== accountId);
  if (others.length === 0) return out;
  const rows = await db
    .selectFrom('connections')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('account_lo', '=', accountId), eb('account_hi', 'in', others)]),
        eb.and([eb('account_hi', '=', accountId), eb('account_lo', 'in', others)]),
      ]),
    )
    .execute();
  for (const r of rows) out.set(r.account_lo === accountId ? r.account_hi : r.account_lo, r);
  return out;
}

/** The offers of these accounts that show them to their connections, with each account's name and headline. */
export async function shownOffersOf(db: Kysely<Database>, accountIds: string[]) {
  const out: { account_id: string; name: string; headline: string | null; offers: string }[] = [];
  for (const batch of chunkIds(accountIds)) {
    out.push(
      ...(await db
        .selectFrom('account_profiles as p')
        .innerJoin('accounts as a', 'a.id', 'p.account_id')
        .select(['p.account_id', 'a.name', 'p.headline', 'p.offers'])
        .where('p.account_id', 'in', batch)
        .where('p.show_offers', '=', 1)
        .execute()),
    );
  }
  return out;
}
