import { type Kysely, sql } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  // An organisation merged into another stays as a row (undo needs it) and its name keeps leading there: the next
  // import of the old spelling lands in the kept organisation. No foreign key, like `merges` for contacts: the
  // row outlives a purge of the kept one, and SQLite cannot drop a column that has one.
  await db.schema.alterTable('organisations').addColumn('merged_into', 'text').execute();
  await db.schema
    .createIndex('organisations_merged_name_idx')
    .on('organisations')
    .columns(['owner_id', 'name_norm'])
    .where(sql.ref('merged_into'), 'is not', null)
    .execute();
  await db.schema
    .createTable('organisation_merges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('kept_id', 'text', (c) => c.notNull())
    .addColumn('merged_id', 'text', (c) => c.notNull())
    .addColumn('moved', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('undone_at', 'text')
    .execute();
  await db.schema
    .createIndex('organisation_merges_kept_idx')
    .on('organisation_merges')
    .columns(['owner_id', 'kept_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('organisation_merges').execute();
  await db.schema.dropIndex('organisations_merged_name_idx').execute();
  await db.schema.alterTable('organisations').dropColumn('merged_into').execute();
}
