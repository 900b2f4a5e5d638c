import { type Kysely, sql } from 'kysely';

const TABLES = ['interactions', 'favours', 'promises'] as const;

// Frozen in time: migrations take Kysely<any> and never import today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  // Removed interactions, favours and promises are in the trash (ADR 5): an owner's trash lists the recent ones, and
  // the purge deletes the old ones of every account. Partial, as contacts_deleted_idx: live rows cost them nothing.
  for (const table of TABLES) {
    await db.schema
      .createIndex(`${table}_deleted_idx`)
      .on(table)
      .column('deleted_at')
      .where(sql.ref('deleted_at'), 'is not', null)
      .execute();
    await db.schema
      .createIndex(`${table}_owner_deleted_idx`)
      .on(table)
      .columns(['owner_id', 'deleted_at'])
      .where(sql.ref('deleted_at'), 'is not', null)
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    await db.schema.dropIndex(`${table}_owner_deleted_idx`).ifExists().execute();
    await db.schema.dropIndex(`${table}_deleted_idx`).ifExists().execute();
  }
}
