import { type Kysely, sql } from 'kysely';
import type { AccountSettingsTable, AgendaActionTable, Database } from '../db/schema';

export async function settingsOf(
  db: Kysely<Database>,
  accountId: string,
): Promise<AccountSettingsTable | undefined> {
  return db.selectFrom('account_settings').selectAll().where('account_id', '=', accountId).executeTakeFirst();
}

/** The country the account's phone numbers without a country code are read in (ISO 3166 alpha-2), if set. */
export async function phoneRegionOf(db: Kysely<Database>, accountId: string): Promise<string | null> {
  return (await settingsOf(db, accountId))?.phone_region ?? null;
}

export async function saveSettings(db: Kysely<Database>, row: AccountSettingsTable) {
  await db
    .insertInto('account_settings')
    .values(row)
    .onConflict((oc) =>
      oc.column('account_id').doUpdateSet({
        today_limit: row.today_limit,
        time_zone: row.time_zone,
        digest_enabled: row.digest_enabled,
        digest_hour: row.digest_hour,
        phone_region: row.phone_region,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

/** Items the owner marked done, or snoozed past `day`. */
export async function hiddenItemKeys(
  db: Kysely<Database>,
  ownerId: string,
  day: string,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('agenda_actions')
    .select('item_key')
    .where('owner_id', '=', ownerId)
    .where((eb) => eb.or([eb('action', '=', 'done'), eb('until', '>', day)]))
    .execute();
  return new Set(rows.map((r) => r.item_key));
}

export async function saveAction(db: Kysely<Database>, row: AgendaActionTable) {
  await db
    .insertInto('agenda_actions')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['owner_id', 'item_key'])
        .doUpdateSet({ action: row.action, until: row.until, created_at: row.created_at }),
    )
    .execute();
}

/** Forgets that an item was marked done or snoozed: it is on the list again when it is due. */
export async function deleteAction(db: Kysely<Database>, ownerId: string, itemKey: string) {
  await db
    .deleteFrom('agenda_actions')
    .where('owner_id', '=', ownerId)
    .where('item_key', '=', itemKey)
    .execute();
}

/**
 * Contacts whose last contact (since `since`) came from them and has no answer yet: people waiting on me. Reads the
 * relationship states by their last-contact index, not the interactions.
 */
export async function waitingOnMe(db: Kysely<Database>, ownerId: string, since: string, limit: number) {
  return db
    .selectFrom('relationship_states as s')
    .innerJoin('contacts as c', 'c.id', 's.contact_id')
    .select(['s.contact_id', 's.last_at', 's.last_kind', 'c.display_name'])
    .where('s.owner_id', '=', ownerId)
    .where('s.last_at', '>=', since)
    .where('s.last_direction', '=', 'inbound')
    .where('c.deleted_at', 'is', null)
    .orderBy('s.last_at')
    .limit(limit)
    .execute();
}

// Must read exactly like the expression of contacts_birthday_md_idx (migration 0005) for the index to be used.
const birthdayMonthDay = sql<string>`substr(birthday, length(birthday) - 4, 5)`;

/** Live contacts with a birthday or a dated event on one of these month-days (`MM-DD`). */
export async function datesOn(db: Kysely<Database>, ownerId: string, monthDays: string[]) {
  if (monthDays.length === 0) return [];
  const birthdays = await db
    .selectFrom('contacts')
    .select(['id', 'display_name', 'birthday', 'dates'])
    .where('owner_id', '=', ownerId)
    .where('birthday', 'is not', null)
    .where(birthdayMonthDay, 'in', monthDays)
    .where('deleted_at', 'is', null)
    .limit(200)
    .execute();
  // Few contacts carry other dates: the partial index (dates <> '[]') keeps this scan small.
  const dated = await db
    .selectFrom('contacts')
    .select(['id', 'display_name', 'birthday', 'dates'])
    .where('owner_id', '=', ownerId)
    .where('dates', '<>', '[]')
    .where('deleted_at', 'is', null)
    .where((eb) => eb.or(monthDays.map((md) => eb('dates', 'like', `%-${md}"%`))))
    .limit(200)
    .execute();
  const seen = new Set(birthdays.map((c) => c.id));
  return [...birthdays, ...dated.filter((c) => !seen.has(c.id))];
}

/** People the owner has received more from than given to (favour weight by size), most owed first. */
export async function favoursOwed(db: Kysely<Database>, ownerId: string, limit: number) {
  const rows = await sql<{ contact_id: string; display_name: string; owed: number }>`
    SELECT f.contact_id, c.display_name,
      SUM(CASE WHEN f.direction = 'received' THEN f.size ELSE -f.size END) AS owed
    FROM favours f JOIN contacts c ON c.id = f.contact_id
    WHERE f.owner_id = ${ownerId} AND f.deleted_at IS NULL AND c.deleted_at IS NULL
    GROUP BY f.contact_id, c.display_name
    HAVING SUM(CASE WHEN f.direction = 'received' THEN f.size ELSE -f.size END) > 0
    ORDER BY owed DESC, f.contact_id
    LIMIT ${limit}`.execute(db);
  return rows.rows.map((r) => ({ ...r, owed: Number(r.owed) }));
}
