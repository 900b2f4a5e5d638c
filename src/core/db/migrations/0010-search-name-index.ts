import { type Kysely, sql } from 'kysely';
import { engineOf } from '../portable';

// Frozen in time: migrations take Kysely<any> and never import today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  // PostgreSQL: the name words on their own, so name-only search (typeahead stage 2, docs/adr/0003-search.md)
  // is answered by the index alone. Through `search_vector`'s weight A every text hit was read and rechecked: a
  // prefix found in thousands of titles but no name cost a full pass. SQLite's FTS5 has column filters.
  if (engineOf(db) !== 'postgres') return;
  await sql`CREATE INDEX contacts_search_name_idx ON contacts USING gin (to_tsvector('simple', search_name))`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  if (engineOf(db) !== 'postgres') return;
  await sql`DROP INDEX IF EXISTS contacts_search_name_idx`.execute(db);
}
