import { type Kysely, sql } from 'kysely';
import { engineOf } from '../portable';

// Each word is written with its owner's key in front (the last 8 characters of the account id, random in a
// UUIDv7), so a prefix query reads only its owner's words: on a server that many accounts share, a shared index
// made every full-text stage walk every account's matches (docs/adr/0003-search.md).
const keyed = (owner: string, text: string) =>
  `CASE WHEN ${text} = '' THEN '' ELSE substr(${owner}, -8) || replace(${text}, ' ', ' ' || substr(${owner}, -8)) END`;

/** Rebuilds the full-text table, its two writing triggers and its rows, each word written by `word`. */
async function rebuild(db: Kysely<any>, prefix: string, word: (owner: string, text: string) => string) {
  for (const trigger of ['contacts_fts_ai', 'contacts_fts_au'])
    await sql.raw(`DROP TRIGGER IF EXISTS ${trigger}`).execute(db);
  await sql`DROP TABLE contact_fts`.execute(db);
  await sql
    .raw(
      `CREATE VIRTUAL TABLE contact_fts USING fts5(search_name, search_text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='${prefix}')`,
    )
    .execute(db);
  const row = (c: string) =>
    `${word(`${c}.owner_id`, `${c}.search_name`)}, ${word(`${c}.owner_id`, `${c}.search_text`)}`;
  await sql
    .raw(`CREATE TRIGGER contacts_fts_ai AFTER INSERT ON contacts
      WHEN NOT EXISTS (SELECT 1 FROM contact_fts_deferred) BEGIN
      INSERT INTO contact_fts_map(contact_id) VALUES (new.id);
      INSERT INTO contact_fts(rowid, search_name, search_text)
        VALUES ((SELECT rowid FROM contact_fts_map WHERE contact_id = new.id), ${row('new')});
    END`)
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER contacts_fts_au AFTER UPDATE OF search_name, search_text ON contacts BEGIN
      DELETE FROM contact_fts WHERE rowid = (SELECT rowid FROM contact_fts_map WHERE contact_id = old.id);
      INSERT INTO contact_fts(rowid, search_name, search_text)
        VALUES ((SELECT rowid FROM contact_fts_map WHERE contact_id = new.id), ${row('new')});
    END`)
    .execute(db);
  await sql
    .raw(`INSERT INTO contact_fts(rowid, search_name, search_text)
      SELECT m.rowid, ${row('c')} FROM contact_fts_map m JOIN contacts c ON c.id = m.contact_id`)
    .execute(db);
}

// Frozen in time: migrations take Kysely<any> and never import today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  // PostgreSQL filters its GIN hits by owner in the same query.
  if (engineOf(db) === 'sqlite') await rebuild(db, '9 10', keyed); // one and two letters after the key
}

export async function down(db: Kysely<any>): Promise<void> {
  if (engineOf(db) === 'sqlite') await rebuild(db, '1 2', (_owner, text) => text);
}
