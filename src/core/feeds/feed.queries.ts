import { type Kysely, sql } from 'kysely';
import type { Database, FeedTokenTable } from '../db/schema';

export async function insertFeedToken(db: Kysely<Database>, row: FeedTokenTable): Promise<void> {
  await db.insertInto('feed_tokens').values(row).execute();
}

/** The owner's feeds that are not revoked, newest first. */
export async function listLiveFeedTokens(db: Kysely<Database>, accountId: string): Promise<FeedTokenTable[]> {
  return db
    .selectFrom('feed_tokens')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Revokes the owner's feed; 0 when it is not theirs or already revoked. */
export async function revokeFeedToken(
  db: Kysely<Database>,
  accountId: string,
  id: string,
  at: string,
): Promise<number> {
  const r = await db
    .updateTable('feed_tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** The live feed a secret's hash belongs to (any account: the token is the credential). */
export async function findLiveFeedToken(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<Pick<FeedTokenTable, 'id' | 'account_id'> | undefined> {
  return db
    .selectFrom('feed_tokens')
    .select(['id', 'account_id'])
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

/** Open promises (both directions) of live contacts due after `after` and on or before `until`, soonest first. */
export async function openPromisesBetween(
  db: Kysely<Database>,
  ownerId: string,
  after: string,
  until: string,
  limit: number,
) {
  return db
    .selectFrom('promises as p')
    .innerJoin('contacts as c', 'c.id', 'p.contact_id')
    .select(['p.id', 'p.direction', 'p.what', 'p.due_on', 'c.id as contact_id', 'c.display_name'])
    .where('p.owner_id', '=', ownerId)
    .where('p.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null)
    .where('p.status', '=', 'open')
    .where('p.due_on', '>', after)
    .where('p.due_on', '<=', until)
    .orderBy('p.due_on')
    .orderBy('p.id')
    .limit(limit)
    .execute();
}

/** Keep-in-touch dates of live, not-stopped contacts falling after `after` and on or before `until`. */
export async function keepInTouchBetween(
  db: Kysely<Database>,
  ownerId: string,
  after: string,
  until: string,
  limit: number,
) {
  return db
    .selectFrom('relationship_states as s')
    .innerJoin('contacts as c', 'c.id', 's.contact_id')
    .selectAll('s')
    .select(['c.display_name'])
    .where('s.owner_id', '=', ownerId)
    .where('c.deleted_at', 'is', null)
    .where('s.cadence_stopped', '=', 0)
    .where('s.next_due', '>', after)
    .where('s.next_due', '<=', until)
    .orderBy('s.next_due')
    .orderBy('s.contact_id')
    .limit(limit)
    .execute();
}

// The expression of the contacts_birthday_md_idx index (migration 0005): written the same way so it is used.
const birthdayMonthDay = sql<string>`substr(birthday, length(birthday) - 4, 5)`;

/** Live contacts with a birthday or a dated event on one of these month-days (`MM-DD`), at most `limit` of each. */
export async function datesOnMonthDays(
  db: Kysely<Database>,
  ownerId: string,
  monthDays: string[],
  limit: number,
) {
  if (monthDays.length === 0) return [];
  const birthdays = await db
    .selectFrom('contacts')
    .select(['id', 'display_name', 'birthday', 'dates'])
    .where('owner_id', '=', ownerId)
    .where('birthday', 'is not', null)
    .where(birthdayMonthDay, 'in', monthDays)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .limit(limit)
    .execute();
  const dated = await db
    .selectFrom('contacts')
    .select(['id', 'display_name', 'birthday', 'dates'])
    .where('owner_id', '=', ownerId)
    .where('dates', '<>', '[]')
    .where('deleted_at', 'is', null)
    .where((eb) => eb.or(monthDays.map((md) => eb('dates', 'like', `%-${md}"%`))))
    .orderBy('id')
    .limit(limit)
    .execute();
  const seen = new Set(birthdays.map((c) => c.id));
  return [...birthdays, ...dated.filter((c) => !seen.has(c.id))];
}

/** The owner's Today items marked done, or snoozed to a day after `day`: with the day they come back. */
export async function setAsideItems(db: Kysely<Database>, ownerId: string, day: string) {
  const rows = await db
    .selectFrom('agenda_actions')
    .select(['item_key', 'action', 'until'])
    .where('owner_id', '=', ownerId)
    .where((eb) => eb.or([eb('action', '=', 'done'), eb('until', '>', day)]))
    .execute();
  return new Map(rows.map((r) => [r.item_key, r.action === 'done' ? null : r.until]));
}
