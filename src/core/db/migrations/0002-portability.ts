import type { Kysely } from 'kysely';
import { binaryBytes, binaryText } from '../portable';

// Frozen in time: migrations take Kysely<any> and never import today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  const sortable = binaryText(db);

  // Name parts, department, birthday and structured lists that vCard and CSV carry, so round trips lose nothing.
  for (const column of [
    'nickname',
    'name_prefix',
    'name_suffix',
    'additional_names',
    'department',
    'birthday',
  ]) {
    await db.schema.alterTable('contacts').addColumn(column, 'text').execute();
  }
  await db.schema
    .alterTable('contacts')
    .addColumn('addresses', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema
    .alterTable('contacts')
    .addColumn('dates', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  // Set when the contact was merged into another (undo brings it back); such contacts are not in the trash view.
  await db.schema.alterTable('contacts').addColumn('merged_into', 'text').execute();
  // The import that created the contact: undoing it deletes by this column instead of a change row per contact.
  // Not indexed: every imported row would pay for an index only the rare undo reads (it scans the owner's contacts).
  await db.schema.alterTable('contacts').addColumn('import_id', 'text').execute();

  await db.schema
    .createTable('contact_photos')
    .addColumn('contact_id', 'text', (c) => c.primaryKey().references('contacts.id').onDelete('cascade'))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('mime', 'text')
    .addColumn('data', binaryBytes(db))
    .addColumn('url', 'text')
    .addColumn('sha256', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('stats', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('undone_at', 'text')
    .execute();
  await db.schema
    .createIndex('imports_owner_idx')
    .on('imports')
    .columns(['owner_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('import_issues')
    .addColumn('import_id', 'text', (c) => c.notNull().references('imports.id').onDelete('cascade'))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('file', 'text', (c) => c.notNull())
    .addColumn('line', 'integer')
    .addColumn('card', 'integer')
    .addColumn('field', 'text')
    .addColumn('message', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_issues_pk', ['import_id', 'position'])
    .execute();

  // What each import did, so it can be undone completely: created rows are removed, updated ones get `before` back.
  await db.schema
    .createTable('import_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('import_id', 'text', (c) => c.notNull().references('imports.id').onDelete('cascade'))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .execute();
  await db.schema.createIndex('import_changes_import_idx').on('import_changes').column('import_id').execute();

  // Where a contact's data came from, with the record as last seen there: the raw vCard (unknown properties survive
  // export) and a snapshot that tells a re-import which values the source changed since.
  await db.schema
    .createTable('contact_sources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source_key', sortable)
    .addColumn('raw', 'text')
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('import_id', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('contact_sources_contact_idx')
    .on('contact_sources')
    .columns(['owner_id', 'contact_id'])
    .execute();

  // Old values replaced by an import or a merge ("was Head of Sales at Acme until 2026-11-25").
  await db.schema
    .createTable('contact_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('old_value', 'text')
    .addColumn('new_value', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('import_id', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('contact_history_contact_idx')
    .on('contact_history')
    .columns(['owner_id', 'contact_id'])
    .execute();

  await db.schema
    .createTable('merges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('kept_id', 'text', (c) => c.notNull())
    .addColumn('merged_id', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('undone_at', 'text')
    .execute();
  await db.schema.createIndex('merges_owner_idx').on('merges').columns(['owner_id', 'created_at']).execute();

  await db.schema
    .createTable('duplicate_dismissals')
    .addColumn('owner_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('contact_a', 'text', (c) => c.notNull())
    .addColumn('contact_b', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('duplicate_dismissals_pk', ['owner_id', 'contact_a', 'contact_b'])
    .execute();

  await db.schema
    .createTable('linkedin_invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.references('contacts.id').onDelete('set null'))
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('profile_url', 'text')
    .addColumn('message', 'text')
    .addColumn('sent_on', 'text')
    .addColumn('natural_key', sortable, (c) => c.notNull())
    .addColumn('import_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('linkedin_invitations_key_uq')
    .on('linkedin_invitations')
    .columns(['owner_id', 'natural_key'])
    .unique()
    .execute();

  // The account's own profile: filled from LinkedIn's Profile.csv/Positions.csv, and later its offers and needs.
  await db.schema
    .createTable('account_profiles')
    .addColumn('account_id', 'text', (c) => c.primaryKey().references('accounts.id').onDelete('cascade'))
    .addColumn('headline', 'text')
    .addColumn('summary', 'text')
    .addColumn('industry', 'text')
    .addColumn('location', 'text')
    .addColumn('linkedin_url', 'text')
    .addColumn('websites', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('positions', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'account_profiles',
    'linkedin_invitations',
    'duplicate_dismissals',
    'merges',
    'contact_history',
    'contact_sources',
    'import_changes',
    'import_issues',
    'imports',
    'contact_photos',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
  for (const column of [
    'merged_into',
    'dates',
    'addresses',
    'birthday',
    'department',
    'additional_names',
    'name_suffix',
    'name_prefix',
    'nickname',
  ]) {
    await db.schema.alterTable('contacts').dropColumn(column).execute();
  }
}
