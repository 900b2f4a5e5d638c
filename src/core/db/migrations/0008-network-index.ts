import type { Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  // Server-wide values that are not any account's: the key of the person-identity hash (network grouping and
  // introduction quotas) and the network index version that sharing and connection changes bump
  // (docs/adr/0014-network-index.md).
  await db.schema
    .createTable('server_state')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('server_state').ifExists().execute();
}
