import type { Kysely } from 'kysely';
import type { Database, DirectMessageTable } from '../db/schema';

export async function insertMessage(db: Kysely<Database>, row: DirectMessageTable): Promise<void> {
  await db.insertInto('direct_messages').values(row).execute();
}

/** One page of a connection's thread, newest first; `after` is the previous page's last (created_at, id). */
export async function threadPage(
  db: Kysely<Database>,
  connectionId: string,
  limit: number,
  after?: { at: string; id: string },
) {
  let q = db
    .selectFrom('direct_messages as m')
    .innerJoin('accounts as a', 'a.id', 'm.sender_id')
    .selectAll('m')
    .select('a.name as sender_name')
    .where('m.connection_id', '=', connectionId);
  if (after) {
    q = q.where((eb) =>
      eb.or([
        eb('m.created_at', '<', after.at),
        eb.and([eb('m.created_at', '=', after.at), eb('m.id', '<', after.id)]),
      ]),
    );
  }
  return q.orderBy('m.created_at', 'desc').orderBy('m.id', 'desc').limit(limit).execute();
}

/** Marks what the other side sent in this thread read by `readerId`; returns how many were unread. */
export async function markThreadRead(
  db: Kysely<Database>,
  connectionId: string,
  readerId: string,
  at: string,
): Promise<number> {
  const r = await db
    .updateTable('direct_messages')
    .set({ read_at: at })
    .where('connection_id', '=', connectionId)
    .where('sender_id', '<>', readerId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Unread messages in one thread sent by `senderId` (to notify only on the first one). */
export async function unreadFrom(
  db: Kysely<Database>,
  connectionId: string,
  senderId: string,
): Promise<number> {
  const row = await db
    .selectFrom('direct_messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('connection_id', '=', connectionId)
    .where('sender_id', '=', senderId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Messages sent to `accountId` over its accepted connections that it has not read. */
export async function unreadCount(db: Kysely<Database>, accountId: string): Promise<number> {
  const row = await db
    .selectFrom('direct_messages as m')
    .innerJoin('connections as c', 'c.id', 'm.connection_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => eb.or([eb('c.account_lo', '=', accountId), eb('c.account_hi', '=', accountId)]))
    .where('c.status', '=', 'accepted')
    .where('m.sender_id', '<>', accountId)
    .where('m.read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Messages `senderId` sent since `since` (the sending rate limit). */
export async function sentSince(db: Kysely<Database>, senderId: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('direct_messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('sender_id', '=', senderId)
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** When `senderId` sent each message since `since` (inclusive), oldest first: when a sending limit frees up. */
export async function sentTimesSince(
  db: Kysely<Database>,
  senderId: string,
  since: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('direct_messages')
    .select('created_at')
    .where('sender_id', '=', senderId)
    .where('created_at', '>=', since)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => r.created_at);
}

/**
 * Every thread of `accountId` (accepted connections with at least one message): the other account, the last
 * message and how many of theirs are unread; the most recent thread first.
 */
export async function threadsOf(db: Kysely<Database>, accountId: string) {
  const rows = await db
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
    .innerJoin('direct_messages as m', (j) =>
      j
        .onRef('m.connection_id', '=', 'c.id')
        .on((eb) =>
          eb(
            'm.id',
            '=',
            eb
              .selectFrom('direct_messages as l')
              .select('l.id')
              .whereRef('l.connection_id', '=', 'c.id')
              .orderBy('l.created_at', 'desc')
              .orderBy('l.id', 'desc')
              .limit(1),
          ),
        ),
    )
    .select((eb) => [
      'c.id as connection_id',
      'a.id as other_id',
      'a.name as other_name',
      'm.body',
      'm.sender_id',
      'm.created_at',
      eb
        .selectFrom('direct_messages as u')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('u.connection_id', '=', 'c.id')
        .where('u.sender_id', '<>', accountId)
        .where('u.read_at', 'is', null)
        .as('unread'),
    ])
    .where((eb) => eb.or([eb('c.account_lo', '=', accountId), eb('c.account_hi', '=', accountId)]))
    .where('c.status', '=', 'accepted')
    .orderBy('m.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, unread: Number(r.unread ?? 0) }));
}
