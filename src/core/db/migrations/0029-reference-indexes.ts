import { type Kysely, sql } from 'kysely';

// The columns that point at an interaction without an index: neither engine indexes a foreign key's referencing
// side, so deleting an interaction for good (the trash purge, an account's purge) scanned each of these tables
// whole once per interaction to set its link to null. Partial: most favours and messages name no interaction.
const INTERACTION_LINKS = [
  ['favours', 'interaction_id'],
  ['outreach_messages', 'interaction_id'],
  ['outreach_items', 'reply_interaction_id'],
] as const;

// Frozen in time: migrations take Kysely<any> and never import today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  for (const [table, column] of INTERACTION_LINKS)
    await db.schema
      .createIndex(`${table}_${column}_idx`)
      .on(table)
      .column(column)
      .where(sql.ref(column), 'is not', null)
      .execute();
  // What imports did to a contact is read by the contact (merges, undoing an import, a contact's history); it was
  // indexed by import only. Re-imports write one row per changed contact; a first import writes none.
  await db.schema.createIndex('import_changes_entity_idx').on('import_changes').column('entity_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('import_changes_entity_idx').ifExists().execute();
  for (const [table, column] of INTERACTION_LINKS)
    await db.schema.dropIndex(`${table}_${column}_idx`).ifExists().execute();
}
