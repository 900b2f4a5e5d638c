import type { Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  // A session ended by something other than its own browser (a password change, "sign out" from another device) is
  // kept for a few days with why, so that browser can be told why it was signed out; housekeeping then forgets it.
  await db.schema.alterTable('sessions').addColumn('ended_at', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('end_reason', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sessions').dropColumn('end_reason').execute();
  await db.schema.alterTable('sessions').dropColumn('ended_at').execute();
}
