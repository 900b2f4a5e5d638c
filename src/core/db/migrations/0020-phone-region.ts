import type { Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  // The country a phone number written without its code is read in (ISO 3166 alpha-2), for matching keys; none by
  // default: such numbers then match only as written (ADR 7).
  await db.schema.alterTable('account_settings').addColumn('phone_region', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('account_settings').dropColumn('phone_region').execute();
}
