import type { Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  // How many rows one stored issue stands for (60 hidden profiles are one issue): a past import's report counts
  // its problems as the report made right after it did. Null for one row, and for issues stored before.
  await db.schema.alterTable('import_issues').addColumn('rows', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('import_issues').dropColumn('rows').execute();
}
