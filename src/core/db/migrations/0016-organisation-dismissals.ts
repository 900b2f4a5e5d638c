import type { Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  // Pairs of organisations the owner said are two companies ("not the same"): no longer suggested as duplicates.
  // Stored with the smaller id first, like contact pairs in duplicate_dismissals.
  await db.schema
    .createTable('organisation_dismissals')
    .addColumn('owner_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('organisation_a', 'text', (c) => c.notNull())
    .addColumn('organisation_b', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('organisation_dismissals_pk', ['owner_id', 'organisation_a', 'organisation_b'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('organisation_dismissals').execute();
}
