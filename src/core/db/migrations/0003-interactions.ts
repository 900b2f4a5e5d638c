import { type Kysely, sql } from 'kysely';
import { binaryText } from '../portable';

// Frozen in time: migrations take Kysely<any> and never import today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('interactions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('answered', 'integer')
    .addColumn('summary', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    // Makes imports idempotent: the same LinkedIn message imported twice is one interaction.
    .addColumn('external_key', binaryText(db))
    .addColumn('conversation_key', 'text')
    .addColumn('import_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema
    .createIndex('interactions_owner_time_idx')
    .on('interactions')
    .columns(['owner_id', 'occurred_at'])
    .execute();
  await db.schema
    .createIndex('interactions_external_uq')
    .on('interactions')
    .columns(['owner_id', 'external_key'])
    .unique()
    .where(sql.ref('external_key'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('interactions_import_idx')
    .on('interactions')
    .column('import_id')
    .where(sql.ref('import_id'), 'is not', null)
    .execute();

  await db.schema
    .createTable('interaction_contacts')
    .addColumn('owner_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('interaction_id', 'text', (c) => c.notNull().references('interactions.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('interaction_contacts_pk', ['interaction_id', 'contact_id'])
    .execute();
  await db.schema
    .createIndex('interaction_contacts_contact_idx')
    .on('interaction_contacts')
    .columns(['owner_id', 'contact_id', 'interaction_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('interaction_contacts').ifExists().execute();
  await db.schema.dropTable('interactions').ifExists().execute();
}
