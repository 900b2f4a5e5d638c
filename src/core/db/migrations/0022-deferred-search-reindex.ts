import { type Kysely, sql } from 'kysely';
import { engineOf } from '../portable';

// The update trigger of migration 0011, made to stand aside while `contact_fts_deferred` holds a row, as the insert
// trigger already does: a bulk re-index (tagging 30,000 contacts) then rewrites the full-text rows in two set-based
// statements instead of one trigger per contact (~0.2 ms each, ~6 s for 30,000).
const keyed = (text: string) =>
  `CASE WHEN ${text} = '' THEN '' ELSE substr(new.owner_id, -8) || replace(${text}, ' ', ' ' || substr(new.owner_id, -8)) END`;

async function createUpdateTrigger(db: Kysely<any>, when: string) {
  await sql`DROP TRIGGER IF EXISTS contacts_fts_au`.execute(db);
  await sql
    .raw(`CREATE TRIGGER contacts_fts_au AFTER UPDATE OF search_name, search_text ON contacts${when} BEGIN
      DELETE FROM contact_fts WHERE rowid = (SELECT rowid FROM contact_fts_map WHERE contact_id = old.id);
      INSERT INTO contact_fts(rowid, search_name, search_text)
        VALUES ((SELECT rowid FROM contact_fts_map WHERE contact_id = new.id), ${keyed('new.search_name')}, ${keyed('new.search_text')});
    END`)
    .execute(db);
}

// Frozen in time: migrations take Kysely<any> and never import today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  if (engineOf(db) === 'sqlite')
    await createUpdateTrigger(db, '\n      WHEN NOT EXISTS (SELECT 1 FROM contact_fts_deferred)');
}

export async function down(db: Kysely<any>): Promise<void> {
  if (engineOf(db) === 'sqlite') await createUpdateTrigger(db, '');
}
