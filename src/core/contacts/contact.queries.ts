import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import { chunkIds } from '../db/chunk';
import type { Engine } from '../db/connect';
import {
  contactMatches,
  contactSearchHitCount,
  contactSearchHits,
  lockRows,
  ownerOfIdList,
  type SearchScope,
} from '../db/portable';
import type { ContactChannelTable, ContactPositionTable, ContactTable, Database } from '../db/schema';

export type ContactRow = ContactTable & { organisation_name: string | null };

/**
 * The owner's contacts joined to their live organisation (for its name); `byIds` for a read by a list of ids (see
 * `ownerOfIdList`).
 */
function withOrg(db: Kysely<Database>, ownerId: string, byIds = false) {
  const q = db
    .selectFrom('contacts')
    .leftJoin('organisations as o', (join) =>
      join.onRef('o.id', '=', 'contacts.organisation_id').on('o.deleted_at', 'is', null),
    );
  return byIds
    ? q.where(ownerOfIdList(db, 'contacts.owner_id', ownerId))
    : q.where('contacts.owner_id', '=', ownerId);
}

function contactsWithOrg(db: Kysely<Database>, ownerId: string, byIds = false) {
  return withOrg(db, ownerId, byIds).selectAll('contacts').select('o.name as organisation_name');
}

/** What a list or search page shows of a contact (see presentSummaries): a third of the columns, half the time. */
export type ContactSummaryRow = Pick<
  ContactRow,
  | 'id'
  | 'display_name'
  | 'organisation_id'
  | 'organisation_name'
  | 'title'
  | 'location'
  | 'connected_on'
  | 'created_at'
  | 'updated_at'
  | 'deleted_at'
  | 'sort_key'
>;

function summariesWithOrg(db: Kysely<Database>, ownerId: string, byIds = false) {
  return withOrg(db, ownerId, byIds).select([
    'contacts.id',
    'contacts.display_name',
    'contacts.organisation_id',
    'o.name as organisation_name',
    'contacts.title',
    'contacts.location',
    'contacts.connected_on',
    'contacts.created_at',
    'contacts.updated_at',
    'contacts.deleted_at',
    'contacts.sort_key',
  ]);
}

/** The owner's contacts with these ids, live or not: whether each is in the trash and where it was merged to. */
export async function contactMergeStates(db: Kysely<Database>, ownerId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('contacts')
    .select(['id', 'merged_into', 'deleted_at'])
    .where(ownerOfIdList(db, 'owner_id', ownerId))
    .where('id', 'in', ids)
    .execute();
}

/** The names of the owner's contacts with these ids, live or not, by id (matching compares them). */
export async function contactNames(
  db: Kysely<Database>,
  ownerId: string,
  ids: string[],
): Promise<Map<string, { givenName: string | null; displayName: string }>> {
  const out = new Map<string, { givenName: string | null; displayName: string }>();
  for (const batch of chunkIds([...new Set(ids)])) {
    const rows = await db
      .selectFrom('contacts')
      .select(['id', 'given_name', 'display_name'])
      .where(ownerOfIdList(db, 'owner_id', ownerId))
      .where('id', 'in', batch)
      .execute();
    for (const r of rows) out.set(r.id, { givenName: r.given_name, displayName: r.display_name });
  }
  return out;
}

/** The owner's contact (live by default, or trashed), with its live organisation's name. */
export async function findContact(
  db: Kysely<Database>,
  ownerId: string,
  id: string,
  opts: { deleted: boolean } = { deleted: false },
): Promise<ContactRow | undefined> {
  return contactsWithOrg(db, ownerId)
    .where('contacts.id', '=', id)
    .where('contacts.deleted_at', opts.deleted ? 'is not' : 'is', null)
    .where('contacts.merged_into', 'is', null)
    .executeTakeFirst();
}

export async function findContacts(
  db: Kysely<Database>,
  ownerId: string,
  ids: string[],
): Promise<ContactRow[]> {
  if (ids.length === 0) return [];
  return contactsWithOrg(db, ownerId, true).where('contacts.id', 'in', ids).execute();
}

export async function findContactSummaries(
  db: Kysely<Database>,
  ownerId: string,
  ids: string[],
): Promise<ContactSummaryRow[]> {
  if (ids.length === 0) return [];
  return summariesWithOrg(db, ownerId, true).where('contacts.id', 'in', ids).execute();
}

/**
 * Locks the owner's contacts with these ids (live or not) until the transaction ends, in id order (see
 * `forUpdate`): a change to a contact, or to what is derived from it, waits for any other under way.
 */
export async function lockContacts(db: Kysely<Database>, ownerId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await lockRows(
    db,
    db
      .selectFrom('contacts')
      .select('id')
      .where('owner_id', '=', ownerId)
      .where('id', 'in', [...new Set(ids)].sort())
      .orderBy('id'),
  );
}

export async function insertContact(db: Kysely<Database>, row: ContactTable): Promise<void> {
  await db.insertInto('contacts').values(row).execute();
}

export async function updateContact(
  db: Kysely<Database>,
  ownerId: string,
  id: string,
  patch: Partial<Omit<ContactTable, 'id' | 'owner_id' | 'created_at'>>,
): Promise<void> {
  await db.updateTable('contacts').set(patch).where('owner_id', '=', ownerId).where('id', '=', id).execute();
}

export type SearchDoc = Pick<ContactTable, 'id' | 'sort_key' | 'search_name' | 'search_text'>;

/**
 * Writes the search columns of the owner's contacts (and `updated_at`, when given), 500 to a statement: an UPDATE
 * joined to a VALUES list.
 */
export async function setSearchDocs(
  db: Kysely<Database>,
  ownerId: string,
  docs: SearchDoc[],
  updatedAt?: string,
): Promise<void> {
  const touch = updatedAt === undefined ? sql`` : sql`, updated_at = ${updatedAt}`;
  for (const batch of chunkIds(docs, 500)) {
    const values = sql.join(
      batch.map((d) => sql`(${d.id}, ${d.sort_key}, ${d.search_name}, ${d.search_text})`),
    );
    await sql`WITH doc(id, sort_key, search_name, search_text) AS (VALUES ${values})
      UPDATE contacts SET sort_key = doc.sort_key, search_name = doc.search_name, search_text = doc.search_text${touch}
      FROM doc WHERE contacts.id = doc.id AND contacts.owner_id = ${ownerId}`.execute(db);
  }
}

export type ContactSort = { column: 'sort_key' | 'created_at' | 'connected_on'; dir: 'asc' | 'desc' };

export interface ContactFilter {
  ownerId: string;
  deleted: boolean;
  tagId?: string;
  organisationId?: string;
  connectedFrom?: string;
  connectedTo?: string;
  /** Deleted at or after this instant: the trash window (see core/trash/trash-window.ts). */
  deletedSince?: string;
  /** Deleted at exactly this instant: what one import's undo sent to the trash. */
  deletedAt?: string;
  /** Every word prefix-matches the contact anywhere (search scope `any`): the whole set search finds, unranked. */
  text?: { engine: Engine; words: string[] };
  /** Only these contacts (at most ~30,000: both engines' bound-parameter limits). */
  ids?: string[];
}

/** The filter as one condition on `contacts`, usable whatever else the query joins. */
function matchesFilter(eb: ExpressionBuilder<Database, 'contacts'>, f: ContactFilter): Expression<SqlBool> {
  const all: Expression<SqlBool>[] = [
    eb('contacts.owner_id', '=', f.ownerId),
    eb('contacts.deleted_at', f.deleted ? 'is not' : 'is', null),
    eb('contacts.merged_into', 'is', null),
  ];
  if (f.tagId) {
    all.push(
      eb.exists(
        eb
          .selectFrom('contact_tags')
          .select('contact_tags.tag_id')
          .whereRef('contact_tags.contact_id', '=', 'contacts.id')
          .where('contact_tags.tag_id', '=', f.tagId),
      ),
    );
  }
  if (f.organisationId) all.push(eb('contacts.organisation_id', '=', f.organisationId));
  if (f.connectedFrom) all.push(eb('contacts.connected_on', '>=', f.connectedFrom));
  if (f.connectedTo) all.push(eb('contacts.connected_on', '<=', f.connectedTo));
  if (f.deletedSince) all.push(eb('contacts.deleted_at', '>=', f.deletedSince));
  if (f.deletedAt) all.push(eb('contacts.deleted_at', '=', f.deletedAt));
  if (f.text) all.push(contactMatches(f.text.engine, f.text.words, 'any'));
  if (f.ids) all.push(f.ids.length > 0 ? eb('contacts.id', 'in', f.ids) : eb.lit(false));
  return eb.and(all);
}

// NULL sorts first on SQLite and last on PostgreSQL: coalesce so both engines page the same way, and people with no
// date connected come last either way ("connected longest ago" starts with the oldest date, not the undated).
export const UNDATED = '~';
const connectedKey = (dir: 'asc' | 'desc') =>
  sql<string>`coalesce(contacts.connected_on, ${dir === 'asc' ? UNDATED : ''})`;

/** A keyset page of filtered contacts in a stable order (`after` is the last row of the previous page). */
export async function listContacts(
  db: Kysely<Database>,
  filter: ContactFilter,
  page: { sort: ContactSort; after?: { key: string; id: string }; limit: number },
): Promise<ContactSummaryRow[]> {
  const { column, dir } = page.sort;
  const key = column === 'connected_on' ? connectedKey(dir) : sql.ref(`contacts.${column}`);
  let q = summariesWithOrg(db, filter.ownerId).where((eb) => matchesFilter(eb, filter));
  const after = page.after;
  if (after) {
    // A row-value comparison seeks straight to the page on the owner's sort index; the equivalent OR scanned the
    // index from the owner's first contact on every page (a page 25,000 contacts in: 2.5 → 0.05 ms in SQLite).
    const cmp = sql.raw(dir === 'asc' ? '>' : '<');
    q = q.where(sql<SqlBool>`(${key}, contacts.id) ${cmp} (${after.key}, ${after.id})`);
  }
  return q.orderBy(key, dir).orderBy('contacts.id', dir).limit(page.limit).execute();
}

/** How many contacts match `filter` (the length of the sorted list, for "50 of 400"). */
export async function countContacts(db: Kysely<Database>, filter: ContactFilter): Promise<number> {
  const r = await db
    .selectFrom('contacts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => matchesFilter(eb, filter))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The contacts `filter` matches, as a query to select from (for the queries of other domains that join them). */
export function contactsMatching(db: Kysely<Database>, filter: ContactFilter) {
  return db.selectFrom('contacts').where((eb) => matchesFilter(eb, filter));
}

// Above every code point: `key < prefix + TOP` bounds a prefix range in byte order (binary/"C" collation).
const TOP = String.fromCodePoint(0x10ffff);

/**
 * Search stage 1: contacts whose name starts with the phrase (an exact name sorts first), walked in order straight
 * off the (owner_id, sort_key) index: one- and two-letter typeahead never ranks thousands of rows.
 */
export async function searchNameStarts(
  db: Kysely<Database>,
  filter: ContactFilter,
  phrase: string,
  limit: number,
): Promise<ContactSummaryRow[]> {
  return summariesWithOrg(db, filter.ownerId)
    .where((eb) => matchesFilter(eb, filter))
    .where('contacts.sort_key', '>=', phrase)
    .where('contacts.sort_key', '<', `${phrase}${TOP}`)
    .orderBy('contacts.sort_key')
    .orderBy('contacts.id')
    .limit(limit)
    .execute();
}

/** Search stages 2 and 3: which full-text hits each one ranks (see core/db/portable.ts `SearchScope`). */
export type TextStage = Exclude<SearchScope, 'any'>;

/**
 * How many of the owner's contacts the stage's full-text query hits, counted up to `cap`; `cap` where the engine
 * cannot count cheaply (PostgreSQL: the walk finds out instead).
 */
export async function countSearchHits(
  db: Kysely<Database>,
  engine: Engine,
  ownerId: string,
  words: string[],
  stage: TextStage,
  cap: number,
): Promise<number> {
  const count = contactSearchHitCount(engine, ownerId, words, stage, cap);
  if (!count) return cap;
  const { rows } = await count.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** Stage 2 leaves out the names stage 1 had: those that start with the phrase. */
function notStartingWith(eb: ExpressionBuilder<Database, 'contacts'>, phrase: string): Expression<SqlBool> {
  return eb.or([eb('contacts.sort_key', '<', phrase), eb('contacts.sort_key', '>=', `${phrase}${TOP}`)]);
}

/**
 * Search stages 2 and 3 by ranking every full-text hit: the ids of the first `limit` filtered hits of the stage,
 * by name. Costs as many lookups as there are hits (the owner's on SQLite, every owner's on PostgreSQL), so it suits stages with few.
 */
export async function rankSearchHits(
  db: Kysely<Database>,
  engine: Engine,
  filter: ContactFilter,
  words: string[],
  stage: TextStage,
  limit: number,
): Promise<string[]> {
  // CROSS JOIN keeps SQLite from reordering: walk the full-text hits, then look each contact up by id.
  let q = db
    .selectFrom(contactSearchHits(engine, filter.ownerId, words, stage).as('hit'))
    .crossJoin('contacts')
    .select('contacts.id')
    .whereRef('contacts.id', '=', 'hit.contact_id')
    .where((eb) => matchesFilter(eb as unknown as ExpressionBuilder<Database, 'contacts'>, filter));
  if (stage === 'name') {
    q = q.where((eb) =>
      notStartingWith(eb as unknown as ExpressionBuilder<Database, 'contacts'>, words.join(' ')),
    );
  }
  const rows = await q.orderBy('contacts.sort_key').orderBy('contacts.id').limit(limit).execute();
  return rows.map((r) => r.id);
}

/**
 * Search stages 2 and 3 by walking the owner's contacts in name order (the `(owner_id, sort_key)` index) and
 * testing each one's folded words, at most `walk` of them: when a stage has many hits the first page is near the
 * start, whatever the rolodex size. The first `limit` matches; null when the walk ended before finding them and
 * there were contacts left (rank the hits instead).
 */
export async function walkSearchHits(
  db: Kysely<Database>,
  engine: Engine,
  filter: ContactFilter,
  words: string[],
  stage: TextStage,
  limit: number,
  walk: number,
): Promise<ContactSummaryRow[] | null> {
  const bound = await db
    .selectFrom('contacts')
    .select('sort_key')
    .where('owner_id', '=', filter.ownerId)
    .orderBy('sort_key')
    .limit(1)
    .offset(walk - 1)
    .executeTakeFirst();
  let q = summariesWithOrg(db, filter.ownerId)
    .where((eb) => matchesFilter(eb, filter))
    .where(contactMatches(engine, words, stage, { walking: true }));
  if (stage === 'name') q = q.where((eb) => notStartingWith(eb, words.join(' ')));
  if (bound) q = q.where('contacts.sort_key', '<=', bound.sort_key);
  const rows = await q.orderBy('contacts.sort_key').orderBy('contacts.id').limit(limit).execute();
  return rows.length === limit || !bound ? rows : null;
}

/**
 * Contacts trashed before `before` are deleted for good (channels, tags and positions cascade). Contacts merged
 * into another are kept: undoing the merge needs them.
 */
export async function purgeTrashedContacts(db: Kysely<Database>, before: string): Promise<number> {
  const r = await db
    .deleteFrom('contacts')
    .where('deleted_at', '<', before)
    .where('merged_into', 'is', null)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function channelsOf(
  db: Kysely<Database>,
  ownerId: string,
  contactIds: string[],
): Promise<ContactChannelTable[]> {
  if (contactIds.length === 0) return [];
  return db
    .selectFrom('contact_channels')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('contact_id', 'in', contactIds)
    .orderBy('contact_id')
    .orderBy('kind')
    .orderBy('position')
    .execute();
}

/** Replaces every channel of the contact with `rows`. */
/** Every phone number of the owner's contacts, those in the trash or merged away included (they can come back). */
export async function phoneChannelsOf(db: Kysely<Database>, ownerId: string) {
  return db
    .selectFrom('contact_channels')
    .select(['id', 'contact_id', 'value', 'value_norm'])
    .where('owner_id', '=', ownerId)
    .where('kind', '=', 'phone')
    .execute();
}

/** Sets channels' matching keys, one statement per few hundred channels. */
export async function setChannelKeys(
  db: Kysely<Database>,
  ownerId: string,
  keys: { id: string; value_norm: string | null }[],
): Promise<void> {
  for (const batch of chunkIds(keys, 400)) {
    const cases = sql.join(
      batch.map((k) => sql`WHEN ${k.id} THEN ${k.value_norm}`),
      sql` `,
    );
    await db
      .updateTable('contact_channels')
      .set({ value_norm: sql<string | null>`CASE id ${cases} END` })
      .where('owner_id', '=', ownerId)
      .where(
        'id',
        'in',
        batch.map((k) => k.id),
      )
      .execute();
  }
}

export async function replaceChannels(
  db: Kysely<Database>,
  ownerId: string,
  contactId: string,
  rows: ContactChannelTable[],
): Promise<void> {
  await db
    .deleteFrom('contact_channels')
    .where('owner_id', '=', ownerId)
    .where('contact_id', '=', contactId)
    .execute();
  if (rows.length > 0) await db.insertInto('contact_channels').values(rows).execute();
}

/** The first email of each contact. */
export async function primaryEmails(
  db: Kysely<Database>,
  ownerId: string,
  contactIds: string[],
): Promise<Map<string, string>> {
  if (contactIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('contact_channels')
    .select(['contact_id', 'value'])
    .where('owner_id', '=', ownerId)
    .where('contact_id', 'in', contactIds)
    .where('kind', '=', 'email')
    .where('position', '=', 0)
    .execute();
  return new Map(rows.map((r) => [r.contact_id, r.value]));
}

export async function insertPosition(db: Kysely<Database>, row: ContactPositionTable): Promise<void> {
  await db.insertInto('contact_positions').values(row).execute();
}

/** Past positions of a contact, most recent first, with the organisation's current name if it still exists. */
export async function pastPositionsOf(db: Kysely<Database>, ownerId: string, contactId: string) {
  return db
    .selectFrom('contact_positions as p')
    .leftJoin('organisations as o', (join) =>
      join.onRef('o.id', '=', 'p.organisation_id').on('o.deleted_at', 'is', null),
    )
    .select([
      'p.organisation_id',
      'p.organisation_name',
      'o.name as live_name',
      'p.title',
      'p.ended_on',
      'p.source',
    ])
    .where('p.owner_id', '=', ownerId)
    .where('p.contact_id', '=', contactId)
    .orderBy(sql`coalesce(p.ended_on, '')`, 'desc')
    .orderBy('p.recorded_at', 'desc')
    .execute();
}

/**
 * A keyset page of the trashed contacts `filter` matches, most recently deleted first (`after` is the last row of
 * the previous page): the trash's own order, which none of the list's sorts is.
 */
export async function listTrashedContacts(
  db: Kysely<Database>,
  filter: ContactFilter,
  page: { after?: { deletedAt: string; id: string }; limit: number },
): Promise<ContactSummaryRow[]> {
  let q = summariesWithOrg(db, filter.ownerId).where((eb) => matchesFilter(eb, { ...filter, deleted: true }));
  const after = page.after;
  if (after) {
    q = q.where(sql<SqlBool>`(contacts.deleted_at, contacts.id) < (${after.deletedAt}, ${after.id})`);
  }
  return q.orderBy('contacts.deleted_at', 'desc').orderBy('contacts.id', 'desc').limit(page.limit).execute();
}

/** The ids of the contacts `filter` matches; bound it with `filter.ids` (this reads them all). */
export async function contactIdsMatching(db: Kysely<Database>, filter: ContactFilter): Promise<Set<string>> {
  const rows = await contactsMatching(db, filter).select('contacts.id').execute();
  return new Set(rows.map((r) => r.id));
}

/** Takes the trashed contacts `filter` matches (only those of `filter.ids`, when given) out of the trash. */
export async function untrashContacts(db: Kysely<Database>, filter: ContactFilter): Promise<number> {
  const r = await db
    .updateTable('contacts')
    .set({ deleted_at: null })
    .where((eb) => matchesFilter(eb, { ...filter, deleted: true }))
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** The contact's photo without its bytes: enough to say whether there is one and where it lives. */
export async function photoInfoOf(db: Kysely<Database>, ownerId: string, contactId: string) {
  return db
    .selectFrom('contact_photos')
    .select(['mime', 'url', 'sha256'])
    .where('owner_id', '=', ownerId)
    .where('contact_id', '=', contactId)
    .executeTakeFirst();
}

/** The stored photo bytes of one of the owner's contacts. */
export async function photoBytesOf(db: Kysely<Database>, ownerId: string, contactId: string) {
  return db
    .selectFrom('contact_photos')
    .select(['mime', 'data', 'url'])
    .where('owner_id', '=', ownerId)
    .where('contact_id', '=', contactId)
    .executeTakeFirst();
}

/** Values replaced by imports and merges, newest first. */
export async function historyOf(db: Kysely<Database>, ownerId: string, contactId: string) {
  return db
    .selectFrom('contact_history')
    .select(['field', 'old_value', 'new_value', 'source', 'recorded_at'])
    .where('owner_id', '=', ownerId)
    .where('contact_id', '=', contactId)
    .orderBy('recorded_at', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
}

/** Photo hashes of many contacts (to tell whether an imported photo is new). */
export async function photoHashes(
  db: Kysely<Database>,
  ownerId: string,
  contactIds: string[],
): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  if (contactIds.length === 0) return out;
  const rows = await db
    .selectFrom('contact_photos')
    .select(['contact_id', 'sha256'])
    .where('owner_id', '=', ownerId)
    .where('contact_id', 'in', contactIds)
    .execute();
  for (const r of rows) out.set(r.contact_id, r.sha256);
  return out;
}
