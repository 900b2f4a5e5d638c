import type { Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  // What each address-book client was last told, card by card (ETag, or null once removed), numbered by the
  // change that made it so: a sync token is such a number, and the changes since it are the rows above it
  // (RFC 6578 sync-collection). Derived from the contacts whenever the address book is listed (ADR 18).
  await db.schema
    .createTable('carddav_changes')
    .addColumn('owner_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('etag', 'text')
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('carddav_changes_pk', ['owner_id', 'name'])
    .execute();
  await db.schema
    .createIndex('carddav_changes_seq_idx')
    .on('carddav_changes')
    .columns(['owner_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('carddav_changes').execute();
}
