import { type Kysely, sql } from 'kysely';
import { engineOf } from '../portable';

// The change numbers an address book gave out as sync tokens (RFC 6578), so that a token it never gave out is
// refused (403 valid-sync-token) and the client syncs anew. Numbers were 1, 2, 3… and came again after a whole-server
// restore: a phone holding a token from after the backup was told "nothing changed" by the restored server, and
// kept cards it no longer has (ADR 18). Numbers are now the time in seconds (at least the last plus one) and each is
// kept here. Each owner's last number until now is kept as the first: every number up to it was given out.
// Frozen in time: migrations take Kysely<any> and never import today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('carddav_sync_tokens')
    .addColumn('owner_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('carddav_sync_tokens_pk', ['owner_id', 'seq'])
    .execute();
  // Seconds outgrow PostgreSQL's integer in 2038 (SQLite's integers have 64 bits already).
  if (engineOf(db) === 'postgres')
    await sql`alter table carddav_changes alter column seq type bigint`.execute(db);
  await sql`insert into carddav_sync_tokens (owner_id, seq)
    select owner_id, max(seq) from carddav_changes group by owner_id`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('carddav_sync_tokens').execute();
}
