import type { Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  // A tag merged into another is deleted, but its name keeps leading there: the next import or edit that names it
  // lands on the kept tag, as a merged organisation's name does (0013). No foreign key on tag_id: a purge of the
  // kept tag leaves the name leading nowhere, and it is then created afresh.
  await db.schema
    .createTable('tag_merged_names')
    .addColumn('owner_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('name_norm', 'text', (c) => c.notNull())
    .addColumn('tag_id', 'text', (c) => c.notNull())
    .addColumn('merged_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('tag_merged_names_pk', ['owner_id', 'name_norm'])
    .execute();
  await db.schema
    .createIndex('tag_merged_names_tag_idx')
    .on('tag_merged_names')
    .columns(['owner_id', 'tag_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('tag_merged_names').execute();
}
