import type { Kysely } from 'kysely';
import type { Database, DigestSendTable } from '../db/schema';

/** Accounts that asked for the daily digest, with where and when to send it. */
export async function digestSubscribers(db: Kysely<Database>) {
  return db
    .selectFrom('account_settings as s')
    .innerJoin('accounts as a', 'a.id', 's.account_id')
    .select(['a.id', 'a.email', 'a.name', 's.time_zone', 's.digest_hour'])
    .where('s.digest_enabled', '=', 1)
    .orderBy('a.id')
    .execute();
}

/**
 * Claims the account's digest for `day`: inserts a `sending` row, or takes over a `failed` one (or a `sending` one
 * abandoned before `staleBefore` by a process that died). True when this caller holds the claim; false when another
 * process holds it or the digest was already sent. The primary key on (account_id, day) makes the insert the lock.
 */
export async function claimDigestDay(
  db: Kysely<Database>,
  accountId: string,
  day: string,
  at: string,
  staleBefore: string,
): Promise<boolean> {
  const inserted = await db
    .insertInto('digest_sends')
    .values({
      account_id: accountId,
      day,
      status: 'sending',
      items: 0,
      message_id: null,
      error: null,
      sent_at: at,
    })
    .onConflict((oc) => oc.columns(['account_id', 'day']).doNothing())
    .returning('account_id')
    .execute();
  if (inserted.length > 0) return true;
  const retaken = await db
    .updateTable('digest_sends')
    .set({ status: 'sending', error: null, sent_at: at })
    .where('account_id', '=', accountId)
    .where('day', '=', day)
    .where((eb) =>
      eb.or([
        eb('status', '=', 'failed'),
        eb.and([eb('status', '=', 'sending'), eb('sent_at', '<', staleBefore)]),
      ]),
    )
    .executeTakeFirst();
  return Number(retaken.numUpdatedRows) === 1;
}

/** Records how the claimed digest ended: `sent` (with the message id, or none when Today was empty) or `failed`. */
export async function finishDigestDay(
  db: Kysely<Database>,
  accountId: string,
  day: string,
  result: Pick<DigestSendTable, 'status' | 'items' | 'message_id' | 'error' | 'sent_at'>,
): Promise<void> {
  await db
    .updateTable('digest_sends')
    .set(result)
    .where('account_id', '=', accountId)
    .where('day', '=', day)
    .execute();
}

/** The account's digest log, newest day first. */
export async function digestSendsOf(db: Kysely<Database>, accountId: string): Promise<DigestSendTable[]> {
  return db
    .selectFrom('digest_sends')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('day', 'desc')
    .execute();
}

/** The account's newest digest day (what Settings reports), or undefined before the first one was due. */
export async function lastDigestSendOf(
  db: Kysely<Database>,
  accountId: string,
): Promise<DigestSendTable | undefined> {
  return db
    .selectFrom('digest_sends')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('day', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** What the unsubscribe link is signed with: changes (and so retires old links) when the password changes. */
export async function unsubscribeKeyOf(db: Kysely<Database>, accountId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('accounts')
    .select('password_hash')
    .where('id', '=', accountId)
    .executeTakeFirst();
  return row?.password_hash;
}
