/**
 * The few places where SQLite and PostgreSQL differ (docs/adr/0001-engine-portability.md). Everything else is
 * plain Kysely that runs unchanged on both engines.
 */
import {
  CompiledQuery,
  type Kysely,
  type RawBuilder,
  type SelectQueryBuilder,
  type SqlBool,
  SqliteAdapter,
  sql,
} from 'kysely';
import type { Engine } from './connect';

export function engineOf(db: Kysely<unknown>): Engine {
  return db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres';
}

/**
 * Full-text index over contacts.search_name + contacts.search_text (already folded words, see core/contacts/contact.ts
 * `searchDoc`).
 * SQLite: a contentless FTS5 table kept in step by triggers, keyed through a rowid map because contact ids are
 * UUID strings and FTS5 needs stable integer rowids. PostgreSQL: a stored tsvector column with a GIN index.
 */
export async function createContactSearchIndex(db: Kysely<any>): Promise<void> {
  if (engineOf(db) === 'sqlite') {
    await sql`CREATE TABLE contact_fts_map (rowid INTEGER PRIMARY KEY, contact_id TEXT NOT NULL UNIQUE)`.execute(
      db,
    );
    await sql`CREATE VIRTUAL TABLE contact_fts USING fts5(search_name, search_text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='1 2')`.execute(
      db,
    );
    // A row here (only ever inside a bulk load's own transaction) makes the insert trigger stand aside; the loader
    // then indexes its new contacts in one set-based statement, 4-5x faster than row by row.
    await sql`CREATE TABLE contact_fts_deferred (flag INTEGER PRIMARY KEY)`.execute(db);
    await sql`CREATE TRIGGER contacts_fts_ai AFTER INSERT ON contacts
      WHEN NOT EXISTS (SELECT 1 FROM contact_fts_deferred) BEGIN
      INSERT INTO contact_fts_map(contact_id) VALUES (new.id);
      INSERT INTO contact_fts(rowid, search_name, search_text)
        VALUES ((SELECT rowid FROM contact_fts_map WHERE contact_id = new.id), new.search_name, new.search_text);
    END`.execute(db);
    await sql`CREATE TRIGGER contacts_fts_au AFTER UPDATE OF search_name, search_text ON contacts BEGIN
      DELETE FROM contact_fts WHERE rowid = (SELECT rowid FROM contact_fts_map WHERE contact_id = old.id);
      INSERT INTO contact_fts(rowid, search_name, search_text)
        VALUES ((SELECT rowid FROM contact_fts_map WHERE contact_id = new.id), new.search_name, new.search_text);
    END`.execute(db);
    await sql`CREATE TRIGGER contacts_fts_ad AFTER DELETE ON contacts BEGIN
      DELETE FROM contact_fts WHERE rowid = (SELECT rowid FROM contact_fts_map WHERE contact_id = old.id);
      DELETE FROM contact_fts_map WHERE contact_id = old.id;
    END`.execute(db);
    return;
  }
  // Weight A marks name words so a query can ask for matches within the name only (`word:*A`).
  await sql`ALTER TABLE contacts ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (setweight(to_tsvector('simple', search_name), 'A') || setweight(to_tsvector('simple', search_text), 'B')) STORED`.execute(
    db,
  );
  await sql`CREATE INDEX contacts_search_vector_idx ON contacts USING gin (search_vector)`.execute(db);
}

/**
 * Runs `load` (which inserts many contacts of `ownerId`) with per-row search indexing switched off, then indexes
 * every contact of that owner that has no index entry yet in two set-based statements (the owner's alone: looking
 * through every account's contacts made each import cost what the whole server holds). Must run inside the
 * caller's transaction. PostgreSQL's generated column needs nothing.
 */
export async function withDeferredSearchIndex<T>(
  db: Kysely<any>,
  ownerId: string,
  load: () => Promise<T>,
): Promise<T> {
  if (engineOf(db) !== 'sqlite') return load();
  if (!db.isTransaction) throw new Error('withDeferredSearchIndex needs a transaction');
  const before = await sql<{ top: number | null }>`SELECT max(rowid) AS top FROM contact_fts_map`.execute(db);
  await sql`INSERT INTO contact_fts_deferred(flag) VALUES (1)`.execute(db);
  try {
    return await load();
  } finally {
    await sql`DELETE FROM contact_fts_deferred`.execute(db);
    await sql`INSERT INTO contact_fts_map(contact_id)
      SELECT c.id FROM contacts c
      WHERE c.owner_id = ${ownerId} AND NOT EXISTS (SELECT 1 FROM contact_fts_map m WHERE m.contact_id = c.id)`.execute(
      db,
    );
    await sql`INSERT INTO contact_fts(rowid, search_name, search_text)
      SELECT m.rowid, ${ownerKeyed(sql.ref('c.search_name'))}, ${ownerKeyed(sql.ref('c.search_text'))}
      FROM contact_fts_map m JOIN contacts c ON c.id = m.contact_id
      WHERE m.rowid > ${before.rows[0]?.top ?? 0}`.execute(db);
  }
}

/**
 * Runs `write` (which rewrites the search columns of these existing contacts) with per-row re-indexing switched off,
 * then re-indexes them set-based: their full-text rows are deleted in one statement before and inserted in one
 * after. SQLite's update trigger costs ~0.2 ms a contact (an FTS5 insert from a trigger), and FTS5 deletes many rows
 * far faster in one statement than in several (30,000: 0.26 s against 1.9 s in thirty): 30,000 contacts re-index in
 * ~0.7 s this way instead of ~7 s. Must run inside the caller's transaction. PostgreSQL's generated column needs
 * nothing.
 */
export async function withDeferredSearchReindex<T>(
  db: Kysely<any>,
  contactIds: string[],
  write: () => Promise<T>,
): Promise<T> {
  if (engineOf(db) !== 'sqlite') return write();
  if (!db.isTransaction) throw new Error('withDeferredSearchReindex needs a transaction');
  // One parameter for any number of ids (bound parameters stop at 32,766).
  const ids = JSON.stringify([...new Set(contactIds)]);
  // A bulk load under way (withDeferredSearchIndex) has switched indexing off already and switches it back on.
  const { rows } = await sql<{ flag: number }>`SELECT flag FROM contact_fts_deferred`.execute(db);
  const mine = rows.length === 0;
  if (mine) await sql`INSERT INTO contact_fts_deferred(flag) VALUES (1)`.execute(db);
  await sql`DELETE FROM contact_fts WHERE rowid IN
    (SELECT m.rowid FROM json_each(${ids}) j JOIN contact_fts_map m ON m.contact_id = j.value)`.execute(db);
  try {
    return await write();
  } finally {
    if (mine) await sql`DELETE FROM contact_fts_deferred`.execute(db);
    await sql`INSERT INTO contact_fts(rowid, search_name, search_text)
      SELECT m.rowid, ${ownerKeyed(sql.ref('c.search_name'))}, ${ownerKeyed(sql.ref('c.search_text'))}
      FROM json_each(${ids}) j JOIN contact_fts_map m ON m.contact_id = j.value JOIN contacts c ON c.id = m.contact_id`.execute(
      db,
    );
  }
}

/**
 * The SELECT `query`, locking the rows it reads until the transaction ends: a transaction that locks one of them
 * too (or updates it) waits until this one commits, then reads what it committed. For a read-then-write that must
 * not interleave with another request's (check a state, then change it). PostgreSQL: `FOR NO KEY UPDATE`, the lock
 * an UPDATE takes, so rows inserted elsewhere that refer to the locked ones are not held up. SQLite: nothing to
 * add, its transactions already run one at a time (Kysely holds the one connection from BEGIN to COMMIT). Lock
 * several rows in one statement ordered by key, so that two transactions cannot each hold one the other wants.
 */
export function forUpdate<Q extends SelectQueryBuilder<any, any, any>>(db: Kysely<any>, query: Q): Q {
  if (!db.isTransaction) throw new Error('forUpdate needs a transaction');
  return engineOf(db) === 'postgres' ? (query.forNoKeyUpdate() as Q) : query;
}

/** Locks the rows `query` selects until the transaction ends (`forUpdate`); on SQLite there is nothing to run. */
export async function lockRows(db: Kysely<any>, query: SelectQueryBuilder<any, any, any>): Promise<void> {
  const locking = forUpdate(db, query);
  if (engineOf(db) === 'postgres') await locking.execute();
}

/**
 * Multi-row INSERT built directly (no query-builder tree per value: an import writes ~1M values), in batches under
 * both engines' bound-parameter limits. Rows must share the same keys. `skipDuplicates`: a row that would break a
 * unique index (a concurrent transaction inserted its key first) is left out instead of failing the statement.
 */
export async function insertRows(
  db: Kysely<any>,
  table: string,
  rows: Record<string, unknown>[],
  opts: { skipDuplicates?: boolean } = {},
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  const quoted = columns.map((c) => `"${c}"`).join(', ');
  const perBatch = Math.max(1, Math.floor(30_000 / columns.length));
  const pg = engineOf(db) === 'postgres';
  const onConflict = opts.skipDuplicates ? ' ON CONFLICT DO NOTHING' : '';
  // SQLite's placeholders are all `?`: one row's tuple repeated (an import's ~1.6M values, no string per value).
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let start = 0; start < rows.length; start += perBatch) {
    const end = Math.min(rows.length, start + perBatch);
    const params = new Array<unknown>((end - start) * columns.length);
    let n = 0;
    for (let r = start; r < end; r++) {
      const row = rows[r] as Record<string, unknown>;
      for (const c of columns) params[n++] = row[c] ?? null;
    }
    const values = pg
      ? Array.from(
          { length: end - start },
          (_, r) => `(${columns.map((_c, i) => `$${r * columns.length + i + 1}`).join(', ')})`,
        ).join(', ')
      : new Array<string>(end - start).fill(tuple).join(', ');
    await db.executeQuery(
      CompiledQuery.raw(`INSERT INTO "${table}" (${quoted}) VALUES ${values}${onConflict}`, params),
    );
  }
}

/**
 * Which part of a contact the search words must match: anywhere (`any`); all within the name columns (`name`);
 * anywhere but not all within the name, split by whether the first word starts a name word (`first-in-name`) or
 * not (`first-elsewhere`), the two halves of search stage 3.
 */
export type SearchScope = 'any' | 'name' | 'first-in-name' | 'first-elsewhere';

/**
 * SQLite's full-text index holds every account's contacts, each word written behind its owner's key (the last 8
 * characters of the account id; migration 0011), so that a prefix query reads only the owner's words. The same
 * rule in SQL (for `c.owner_id`) and in JavaScript (for a query).
 */
const ownerKeyed = (text: RawBuilder<unknown>) =>
  sql`CASE WHEN ${text} = '' THEN '' ELSE substr(c.owner_id, -8) || replace(${text}, ' ', ' ' || substr(c.owner_id, -8)) END`;
function ownerKey(ownerId: string): string {
  const key = ownerId.slice(-8);
  // Account ids are UUIDs; anything else would not come back as one token and would find nothing.
  if (!/^[0-9a-z]+$/.test(key)) throw new Error('account ids must end in 8 lower-case letters or digits');
  return key;
}

function checkedWords(words: string[]): string[] {
  if (words.length === 0 || words.some((w) => !/^[\p{L}\p{N}]+$/u.test(w)))
    throw new Error('search words must be folded letters/digits');
  return words;
}

const SHORT_DIGITS = /^\d{1,6}$/;

/**
 * The PostgreSQL condition for `scope`: `search_vector` holds every word; name words alone are tested through
 * the expression index on `to_tsvector('simple', search_name)` (migration 0010), which answers without reading
 * rows (weight A in `search_vector` would have every text hit read and rechecked).
 */
function tsCondition(words: string[], scope: SearchScope, walking = false): RawBuilder<boolean> {
  const query = sql`to_tsquery('simple', ${words.map((w) => `${w}:*`).join(' & ')})`;
  // A phone number's first few digits (country, area code) prefix thousands of distinct words, which the planner takes
  // for a handful of rows: a walk then collected and sorted every hit (`4420`, 15,000 of 30k contacts: 15 ms) instead
  // of reading the name index (0.1 ms). Through the operator's function, which no index answers, such a walk stays a
  // walk. Longer digits match few numbers, which the index finds at once (a whole number walked 2,000 contacts first).
  const all =
    walking && words.every((w) => SHORT_DIGITS.test(w))
      ? sql`ts_match_vq(contacts.search_vector, ${query})`
      : sql`contacts.search_vector @@ ${query}`;
  const inName = (ws: string[]) =>
    sql`to_tsvector('simple', contacts.search_name) @@ to_tsquery('simple', ${ws.map((w) => `${w}:*`).join(' & ')})`;
  const first = inName([words[0] as string]);
  return {
    any: sql<boolean>`${all}`,
    name: sql<boolean>`${inName(words)}`,
    'first-in-name': sql<boolean>`(${all} AND ${first} AND NOT ${inName(words)})`,
    'first-elsewhere': sql<boolean>`(${all} AND NOT ${first})`,
  }[scope];
}

/**
 * A subquery of the ids (`contact_id`) of contacts in which every word prefix-matches a word in `scope`: on SQLite
 * only the owner's, on PostgreSQL of any owner (callers filter by owner as they join `contacts`). Queries start
 * from it and join `contacts` by id, so the index does the narrowing (joining the other way round made SQLite walk
 * every contact of the owner). `words` must come from core/contacts/contact.ts `searchQueryWords()`, which folds a
 * query as `searchDoc` folds the stored words.
 */
export function contactSearchHits(
  engine: Engine,
  ownerId: string,
  words: string[],
  scope: SearchScope,
): RawBuilder<{ contact_id: string }> {
  checkedWords(words);
  if (engine === 'sqlite') {
    const key = ownerKey(ownerId);
    const all = words.map((w) => `"${key}${w}"*`).join(' AND ');
    const first = `(search_name : "${key}${words[0]}"*)`;
    const match = {
      any: all,
      name: `search_name : (${all})`,
      'first-in-name': `((${all}) AND ${first}) NOT search_name : (${all})`,
      'first-elsewhere': `(${all}) NOT ${first}`,
    }[scope];
    return sql`(SELECT m.contact_id FROM contact_fts f JOIN contact_fts_map m ON m.rowid = f.rowid WHERE contact_fts MATCH ${match})`;
  }
  return sql`(SELECT contacts.id AS contact_id FROM contacts WHERE ${tsCondition(words, scope)})`;
}

/**
 * A count of the contacts that `contactSearchHits` finds, up to `cap`; null where counting is not
 * cheap. PostgreSQL reads every hit's row to count it (2-7 ms for a few thousand hits, more than the whole search),
 * with a LIMIT its planner may scan the table testing every row, and given the indexes' statistics it already
 * chooses between walking the name index and collecting few hits: there the walk goes first.
 */
export function contactSearchHitCount(
  engine: Engine,
  ownerId: string,
  words: string[],
  scope: SearchScope,
  cap: number,
): RawBuilder<{ n: number }> | null {
  if (engine === 'postgres') return null;
  return sql`SELECT count(*) AS n FROM (SELECT contact_id FROM ${contactSearchHits(engine, ownerId, words, scope)} AS h LIMIT ${cap})`;
}

// SQLite restates the full-text test over the stored folded words (FTS5 cannot test one given row cheaply): a
// word prefix-matches a folded word exactly when it follows a space in ' ' || words.
const NAME_WORDS = sql<string>`(' ' || contacts.search_name)`;
const ALL_WORDS = sql<string>`(' ' || contacts.search_name || ' ' || contacts.search_text)`;

/**
 * The test `contactSearchHits` applies, as a condition on one row of `contacts`: for walking contacts in another
 * order (name) and stopping at the first few that match (`walking`), or for narrowing any other query.
 */
export function contactMatches(
  engine: Engine,
  words: string[],
  scope: SearchScope,
  opts: { walking?: boolean } = {},
): RawBuilder<boolean> {
  checkedWords(words);
  if (engine === 'postgres') return tsCondition(words, scope, opts.walking);
  const every = (text: typeof NAME_WORDS) =>
    sql.join(
      words.map((w) => sql`${text} LIKE ${`% ${w}%`}`),
      sql` AND `,
    );
  const firstInName = sql`${NAME_WORDS} LIKE ${`% ${words[0]}%`}`;
  return {
    any: sql<boolean>`(${every(ALL_WORDS)})`,
    name: sql<boolean>`(${every(NAME_WORDS)})`,
    'first-in-name': sql<boolean>`(${every(ALL_WORDS)} AND ${firstInName} AND NOT (${every(NAME_WORDS)}))`,
    'first-elsewhere': sql<boolean>`(${every(ALL_WORDS)} AND NOT ${firstInName})`,
  }[scope];
}

/**
 * Column type for text that is sorted or range-compared: byte order on both engines (SQLite's default BINARY;
 * PostgreSQL's "C"), so pages and prefixes come out the same whatever the database's locale.
 */
export function binaryText(db: Kysely<any>) {
  return engineOf(db) === 'sqlite' ? sql`text` : sql`text collate "C"`;
}

/** True when the error is a UNIQUE constraint violation on either engine. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

// SQLite: another connection holds the write lock past busy_timeout (or a table lock), with its extended codes.
const SQLITE_BUSY = /^SQLITE_(BUSY|LOCKED)(_[A-Z_]+)?$/;
// PostgreSQL: deadlock_detected (ADR 20), serialization_failure, lock_not_available.
const POSTGRES_BUSY = new Set(['40P01', '40001', '55P03']);

/**
 * True when the error says the database is momentarily contended on either engine, so the same request can succeed
 * a moment later. Follows `cause`, since the migrator wraps what the driver threw.
 */
export function isDatabaseBusy(error: unknown): boolean {
  for (let e = error, depth = 0; typeof e === 'object' && e !== null && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (SQLITE_BUSY.test(code) || POSTGRES_BUSY.has(code))) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** `column LIKE '%text%'` matching `text` literally on both engines (SQLite has no default LIKE escape). */
export function likeContains(column: string, text: string): RawBuilder<boolean> {
  const pattern = `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  return sql<boolean>`${sql.ref(column)} LIKE ${pattern} ESCAPE '\\'`;
}

/** Column type for raw bytes (photos): BLOB on SQLite, bytea on PostgreSQL; both read back as a Buffer. */
export function binaryBytes(db: Kysely<any>) {
  return engineOf(db) === 'sqlite' ? sql`blob` : sql`bytea`;
}

/**
 * `column = ownerId` for a statement that reads or writes rows by a list of their ids (`.where('id', 'in', ids)`).
 * SQLite: `+column`, the column's value, which no index answers: the planner looks each id up by primary key and
 * checks the owner on the row it finds. Given the owner's index it may walk that instead, whenever statistics say
 * an owner has fewer rows than the list: sampled by `PRAGMA optimize` after an import, they said ~1,000 for one
 * owner of 30,000 contacts, and 500 ids took 2-3x as long (bench id-list-reads). PostgreSQL: the plain column (its
 * planner chooses well from its own statistics).
 */
export function ownerOfIdList(db: Kysely<any>, column: string, ownerId: string): RawBuilder<SqlBool> {
  return engineOf(db) === 'sqlite'
    ? sql<SqlBool>`+${sql.ref(column)} = ${ownerId}`
    : sql<SqlBool>`${sql.ref(column)} = ${ownerId}`;
}

/** Below this many rows a table's planner statistics say nothing the planner can use (connect.ts). */
export const STATISTICS_FROM_ROWS = 1000;

/**
 * After a bulk load, refreshes the query planner's statistics. SQLite: `PRAGMA optimize`, which samples them (an
 * owner of 30,000 contacts comes out at ~1,000: reads by id list do not rely on them, see `ownerOfIdList`; a full
 * ANALYZE of the four tables would cost 90-130 ms more per import); PostgreSQL: ANALYZE of the grown tables.
 */
export async function refreshPlannerStatistics(db: Kysely<any>): Promise<void> {
  if (engineOf(db) === 'sqlite') {
    await sql`PRAGMA optimize`.execute(db);
    // Tables still nearly empty are better left unmeasured (connect.ts, forgetSmallTableStatistics).
    const { rows } = await sql`SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_stat1'`.execute(db);
    if (rows.length === 0) return;
    const small =
      await sql`DELETE FROM sqlite_stat1 WHERE CAST(stat AS INTEGER) < ${STATISTICS_FROM_ROWS}`.execute(db);
    if (Number(small.numAffectedRows ?? 0) > 0) await sql`ANALYZE sqlite_schema`.execute(db);
    return;
  }
  await sql`ANALYZE contacts, contact_channels, contact_sources, organisations`.execute(db);
}
