import type { Kysely } from 'kysely';
import type { Database, TierHistoryTable } from '../db/schema';

/** Every relationship state of the owner's live contacts (for counting tiers). */
export async function liveStates(db: Kysely<Database>, ownerId: string) {
  return db
    .selectFrom('relationship_states as s')
    .innerJoin('contacts as c', 'c.id', 's.contact_id')
    .selectAll('s')
    .where('s.owner_id', '=', ownerId)
    .where('c.deleted_at', 'is', null)
    .execute();
}

export async function countLiveContacts(db: Kysely<Database>, ownerId: string): Promise<number> {
  const r = await db
    .selectFrom('contacts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('owner_id', '=', ownerId)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function saveTierDay(db: Kysely<Database>, row: TierHistoryTable) {
  await db
    .insertInto('tier_history')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['owner_id', 'day']).doUpdateSet({
        inner_n: row.inner_n,
        close_n: row.close_n,
        active_n: row.active_n,
        dormant_n: row.dormant_n,
      }),
    )
    .execute();
}

export async function tierDays(db: Kysely<Database>, ownerId: string, from: string) {
  return db
    .selectFrom('tier_history')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('day', '>=', from)
    .orderBy('day')
    .execute();
}

export async function favoursSince(db: Kysely<Database>, ownerId: string, from: string) {
  return db
    .selectFrom('favours')
    .select(['direction', 'size', 'occurred_on'])
    .where('owner_id', '=', ownerId)
    .where('deleted_at', 'is', null)
    .where('occurred_on', '>=', from)
    .execute();
}

export async function myPromisesDueSince(db: Kysely<Database>, ownerId: string, from: string, to: string) {
  return db
    .selectFrom('promises')
    .select(['status', 'due_on', 'resolved_on'])
    .where('owner_id', '=', ownerId)
    .where('deleted_at', 'is', null)
    .where('direction', '=', 'mine')
    .where('due_on', '>=', from)
    .where('due_on', '<=', to)
    .execute();
}

export async function allAccountIds(db: Kysely<Database>): Promise<string[]> {
  return (await db.selectFrom('accounts').select('id').execute()).map((r) => r.id);
}
