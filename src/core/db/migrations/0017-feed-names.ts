import type { Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  // What the owner calls a calendar feed ("Phone calendar"), so they can tell which one to revoke. Null for feeds
  // made before names, and for those made without one.
  await db.schema.alterTable('feed_tokens').addColumn('name', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('feed_tokens').dropColumn('name').execute();
}
