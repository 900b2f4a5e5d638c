import { type Kysely, sql } from 'kysely';
import { engineOf } from '../portable';

// PostgreSQL's half of migration 0011: the words in `search_vector` and in the name-only index are written behind
// their owner's key (the last 8 characters of the account id), so a GIN look-up finds only the owner's contacts
// instead of every account's and leaving the owner filter to sort them out (docs/adr/0003-search.md). The
// expression must stay textually the same as `ownerKeyedPg` in core/db/portable.ts, or the planner cannot use
// the name index. Rewrites the contacts table once.
const keyed = (text: string) =>
  `CASE WHEN ${text} = '' THEN '' ELSE right(owner_id, 8) || replace(${text}, ' ', ' ' || right(owner_id, 8)) END`;

async function rebuild(db: Kysely<any>, word: (text: string) => string) {
  await sql`DROP INDEX IF EXISTS contacts_search_name_idx`.execute(db);
  await sql`DROP INDEX IF EXISTS contacts_search_vector_idx`.execute(db);
  await sql`ALTER TABLE contacts DROP COLUMN search_vector`.execute(db);
  await sql
    .raw(`ALTER TABLE contacts ADD COLUMN search_vector tsvector GENERATED ALWAYS AS
      (setweight(to_tsvector('simple', ${word('search_name')}), 'A') || setweight(to_tsvector('simple', ${word('search_text')}), 'B')) STORED`)
    .execute(db);
  await sql`CREATE INDEX contacts_search_vector_idx ON contacts USING gin (search_vector)`.execute(db);
  await sql
    .raw(
      `CREATE INDEX contacts_search_name_idx ON contacts USING gin (to_tsvector('simple', ${word('search_name')}))`,
    )
    .execute(db);
}

// Frozen in time: migrations take Kysely<any> and never import today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  if (engineOf(db) === 'postgres') await rebuild(db, keyed);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (engineOf(db) === 'postgres') await rebuild(db, (text) => text);
}
