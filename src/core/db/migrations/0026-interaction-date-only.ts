import type { Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  // 1 when only the day of an interaction is known ("met on 2026-11-20"): its stored instant is then a stand-in
  // (midday in the account's zone, or the moment it was logged when that day was today) and no view shows a time.
  // Rows logged before stay 0: a midday time can be a real one, so none is guessed.
  await db.schema
    .alterTable('interactions')
    .addColumn('date_only', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('interactions').dropColumn('date_only').execute();
}
