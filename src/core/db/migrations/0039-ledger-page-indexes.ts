import { type Kysely, sql } from 'kysely';

// The favours ledger is read newest first and the promises by due date, a page at a time from a cursor (ties by
// id). Through (owner_id, contact_id, occurred_on) and (owner_id, status, due_on) each page sorted every live favour
// or promise of the owner to keep 50; these are in the pages' order and seek to the cursor. Partial: the trash's
// rows have indexes of their own (0027).

// Frozen in time: migrations take Kysely<any> and never import today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('favours_owner_occurred_idx')
    .on('favours')
    .columns(['owner_id', 'occurred_on', 'id'])
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();
  await db.schema
    .createIndex('promises_owner_due_id_idx')
    .on('promises')
    .columns(['owner_id', 'due_on', 'id'])
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('promises_owner_due_id_idx').ifExists().execute();
  await db.schema.dropIndex('favours_owner_occurred_idx').ifExists().execute();
}
