import { type Kysely, sql } from 'kysely';
import { searchDoc } from '../../contacts/contact';
import { engineOf } from '../portable';

// Search docs now hold the joined form of a word written with inner apostrophes or hyphens ("obrien" for O'Brien,
// "jeanluc" for Jean-Luc) and the digits of phone numbers (docs/adr/0003-search.md): every stored doc is written
// again. Unlike a schema change this is not frozen in time on purpose: it writes docs as today's `searchDoc` does,
// whatever that is when an old database first reaches it (migration 0037 runs it again for ADR 27's words).
// `sort_key` is left as it is (the list's order).

const READ = 5000;
const WRITE = 500;

// Migration 0011's owner key in front of each word (SQLite's full-text rows).
const keyed = (text: string) =>
  `CASE WHEN ${text} = '' THEN '' ELSE substr(c.owner_id, -8) || replace(${text}, ' ', ' ' || substr(c.owner_id, -8)) END`;

interface Row {
  id: string;
  display_name: string;
  given_name: string | null;
  family_name: string | null;
  nickname: string | null;
  organisation_name: string | null;
  title: string | null;
  location: string | null;
  how_we_met: string | null;
  notes: string | null;
  search_name: string;
  search_text: string;
}

function grouped<T extends { contact_id: string }>(
  rows: T[],
  value: (r: T) => string,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const list = out.get(r.contact_id);
    if (list) list.push(value(r));
    else out.set(r.contact_id, [value(r)]);
  }
  return out;
}

/** Rewrites the search columns of these contacts of one owner that differ from today's; returns how many. */
async function rewrite(db: Kysely<any>, ownerId: string, ids: string[]): Promise<number> {
  const [rows, channels, tags] = await Promise.all([
    db
      .selectFrom('contacts as c')
      .leftJoin('organisations as o', (join) =>
        join.onRef('o.id', '=', 'c.organisation_id').on('o.deleted_at', 'is', null),
      )
      .select([
        'c.id',
        'c.display_name',
        'c.given_name',
        'c.family_name',
        'c.nickname',
        'o.name as organisation_name',
        'c.title',
        'c.location',
        'c.how_we_met',
        'c.notes',
        'c.search_name',
        'c.search_text',
      ])
      .where('c.owner_id', '=', ownerId)
      .where('c.id', 'in', ids)
      .execute() as Promise<Row[]>,
    db
      .selectFrom('contact_channels')
      .select(['contact_id', 'kind', 'value', 'value_norm'])
      .where('owner_id', '=', ownerId)
      .where('contact_id', 'in', ids)
      .where('kind', 'in', ['email', 'phone'])
      .orderBy('contact_id')
      .orderBy('kind')
      .orderBy('position')
      .execute() as Promise<{ contact_id: string; kind: string; value: string; value_norm: string | null }[]>,
    db
      .selectFrom('contact_tags as ct')
      .innerJoin('tags as t', 't.id', 'ct.tag_id')
      .select(['ct.contact_id', 't.name'])
      .where('ct.owner_id', '=', ownerId)
      .where('ct.contact_id', 'in', ids)
      .where('t.deleted_at', 'is', null)
      .orderBy('t.name_norm')
      .execute() as Promise<{ contact_id: string; name: string }[]>,
  ]);
  const emails = grouped(
    channels.filter((c) => c.kind === 'email'),
    (c) => c.value,
  );
  const phones = grouped(
    channels.filter((c) => c.kind === 'phone'),
    (c) => c.value_norm ?? c.value,
  );
  const tagNames = grouped(tags, (t) => t.name);
  const changed: { id: string; search_name: string; search_text: string }[] = [];
  for (const r of rows) {
    const doc = searchDoc({
      displayName: r.display_name,
      givenName: r.given_name,
      familyName: r.family_name,
      nickname: r.nickname,
      organisation: r.organisation_name,
      title: r.title,
      location: r.location,
      howWeMet: r.how_we_met,
      notes: r.notes,
      emails: emails.get(r.id) ?? [],
      phones: phones.get(r.id) ?? [],
      tags: tagNames.get(r.id) ?? [],
    });
    if (doc.search_name !== r.search_name || doc.search_text !== r.search_text)
      changed.push({ id: r.id, search_name: doc.search_name, search_text: doc.search_text });
  }
  if (changed.length === 0) return 0;
  const sqlite = engineOf(db) === 'sqlite';
  // SQLite: the update trigger stands aside (migration 0022) and the full-text rows are replaced in two statements.
  const json = JSON.stringify(changed.map((d) => d.id));
  if (sqlite)
    await sql`DELETE FROM contact_fts WHERE rowid IN
      (SELECT m.rowid FROM json_each(${json}) j JOIN contact_fts_map m ON m.contact_id = j.value)`.execute(
      db,
    );
  for (let i = 0; i < changed.length; i += WRITE) {
    const values = sql.join(
      changed.slice(i, i + WRITE).map((d) => sql`(${d.id}, ${d.search_name}, ${d.search_text})`),
    );
    await sql`WITH doc(id, search_name, search_text) AS (VALUES ${values})
      UPDATE contacts SET search_name = doc.search_name, search_text = doc.search_text
      FROM doc WHERE contacts.id = doc.id AND contacts.owner_id = ${ownerId}`.execute(db);
  }
  if (sqlite)
    await sql`INSERT INTO contact_fts(rowid, search_name, search_text)
      SELECT m.rowid, ${sql.raw(keyed('c.search_name'))}, ${sql.raw(keyed('c.search_text'))}
      FROM json_each(${json}) j JOIN contact_fts_map m ON m.contact_id = j.value JOIN contacts c ON c.id = m.contact_id`.execute(
      db,
    );
  return changed.length;
}

async function reindexAll(db: Kysely<any>): Promise<void> {
  const sqlite = engineOf(db) === 'sqlite';
  if (sqlite) await sql`INSERT INTO contact_fts_deferred(flag) VALUES (1)`.execute(db);
  try {
    const owners = (await db.selectFrom('accounts').select('id').orderBy('id').execute()) as { id: string }[];
    let changed = 0;
    for (const { id: ownerId } of owners) {
      const ids = (
        (await db.selectFrom('contacts').select('id').where('owner_id', '=', ownerId).execute()) as {
          id: string;
        }[]
      ).map((r) => r.id);
      for (let i = 0; i < ids.length; i += READ)
        changed += await rewrite(db, ownerId, ids.slice(i, i + READ));
    }
    // PostgreSQL's planner weighs its full-text conditions by the words' statistics, which now include new words.
    if (changed > 0 && !sqlite) await sql`ANALYZE contacts`.execute(db);
  } finally {
    if (sqlite) await sql`DELETE FROM contact_fts_deferred`.execute(db);
  }
}

// Frozen in time: migrations take Kysely<any> and never import today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  // PostgreSQL runs each migration in a transaction already; SQLite's migrator does not, and the re-index must
  // not be seen half done (nor the deferred flag by another connection).
  if (db.isTransaction) await reindexAll(db);
  else await db.transaction().execute(reindexAll);
}

export async function down(): Promise<void> {
  // The extra words find more and break nothing: the code before this migration searches them as it does any word.
}
