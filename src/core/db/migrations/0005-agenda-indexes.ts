import { type Kysely, sql } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  // The kind and direction of the last contact: "people waiting on me" reads states, not interactions.
  await db.schema.alterTable('relationship_states').addColumn('last_kind', 'text').execute();
  await db.schema.alterTable('relationship_states').addColumn('last_direction', 'text').execute();
  await db.schema
    .createIndex('relationship_states_last_idx')
    .on('relationship_states')
    .columns(['owner_id', 'last_at'])
    .where(sql.ref('last_at'), 'is not', null)
    .execute();
  // Birthdays by month-day (the last five characters of YYYY-MM-DD or --MM-DD), for Today's dates; the same
  // expression, written the same way, in the query (agenda.queries.ts).
  await sql`CREATE INDEX contacts_birthday_md_idx ON contacts (owner_id, (substr(birthday, length(birthday) - 4, 5))) WHERE birthday IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE INDEX contacts_with_dates_idx ON contacts (owner_id) WHERE dates <> '[]'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS contacts_with_dates_idx`.execute(db);
  await sql`DROP INDEX IF EXISTS contacts_birthday_md_idx`.execute(db);
  await db.schema.dropIndex('relationship_states_last_idx').ifExists().execute();
  await db.schema.alterTable('relationship_states').dropColumn('last_direction').execute();
  await db.schema.alterTable('relationship_states').dropColumn('last_kind').execute();
}
