import type { Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  // E-mail-confirmed sign-up (docs/adr/0004, amendment "sign-up confirmed by e-mail"): what a sign-up asked for,
  // kept until its one-time link is followed (which makes the account) or it expires. The link's secret is stored
  // hashed; the password only as its scrypt hash, like an account's.
  await db.schema
    .createTable('pending_signups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('email_norm', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('pending_signups_email_idx')
    .on('pending_signups')
    .columns(['email_norm', 'expires_at'])
    .execute();
  await db.schema
    .createIndex('pending_signups_expiry_idx')
    .on('pending_signups')
    .column('expires_at')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('pending_signups').ifExists().execute();
}
