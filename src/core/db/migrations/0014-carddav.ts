import type { Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  // A contact that an address book (CardDAV) created or changed: the name the client gave its card, the card's
  // UID and its text, so the client finds its card again under the same name and UID, with every property
  // Rapport does not model. Contacts without a row are served as `<contact id>.vcf`.
  await db.schema
    .createTable('carddav_cards')
    .addColumn('contact_id', 'text', (c) => c.primaryKey().references('contacts.id').onDelete('cascade'))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('uid', 'text')
    .addColumn('raw', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('carddav_cards_owner_name_uq')
    .on('carddav_cards')
    .columns(['owner_id', 'name'])
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('carddav_cards').execute();
}
