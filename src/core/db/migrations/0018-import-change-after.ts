import type { Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  // The contact as an import's update left it, beside `before`: undoing the import then takes back only what the
  // import changed and keeps the owner's edits since (ADR 7). Null for changes recorded before, and for the
  // entities that keep no snapshot.
  await db.schema.alterTable('import_changes').addColumn('after', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('import_changes').dropColumn('after').execute();
}
