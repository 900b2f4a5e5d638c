import type { Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  // Why a broker's decline happened when it was not the broker's choice: 'unreachable' when the person could not
  // be asked (no address, no mail server, the contact gone). Only a real choice starts the 90-day block (ADR 15).
  await db.schema.alterTable('introductions').addColumn('decline_cause', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('introductions').dropColumn('decline_cause').execute();
}
