import type { Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  // When the account proved it reads mail at its address (docs/adr/0013-network-privacy.md): only verified
  // addresses make a contact "on Rapport", so nobody can pose as someone by signing up with their address.
  await db.schema.alterTable('accounts').addColumn('email_verified_at', 'text').execute();

  // One-time verification links: the secret is mailed, stored hashed, expires, and proves the address it was sent to.
  await db.schema
    .createTable('email_verifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('email_norm', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema
    .createIndex('email_verifications_account_idx')
    .on('email_verifications')
    .columns(['account_id', 'created_at'])
    .execute();

  // "On Rapport" matches a contact's LinkedIn profile URL against the accounts' own (imported) profile URLs.
  await db.schema
    .createIndex('account_profiles_linkedin_idx')
    .on('account_profiles')
    .column('linkedin_url')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('account_profiles_linkedin_idx').ifExists().execute();
  await db.schema.dropTable('email_verifications').ifExists().execute();
  await db.schema.alterTable('accounts').dropColumn('email_verified_at').execute();
}
