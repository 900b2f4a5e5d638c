import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import { chunkIds } from '../db/chunk';
import { engineOf, insertRows, ownerOfIdList } from '../db/portable';
import type {
  ContactChannelTable,
  ContactHistoryTable,
  ContactPhotoTable,
  ContactPositionTable,
  ContactSourceTable,
  ContactTable,
  ContactTagTable,
  Database,
  ImportChangeTable,
  ImportIssueTable,
  ImportTable,
  LinkedinInvitationTable,
} from '../db/schema';
import { matchingKind } from './csv-sources';

/**
 * Every matching key of the owner's contacts (emails, phones, profile URLs, source keys), live and trashed apart.
 * Keys are `email:…`, `phone:+…`, `url:…`, `src:<kind>:<key>` as made by imported-person.ts `personKeys`.
 * `live` holds one contact per key; `shared` lists every live contact of the few keys several of them hold
 * (a shared office phone, an e-mail on two people), so the planner can choose among them.
 */
export async function loadMatchIndex(db: Kysely<Database>, ownerId: string) {
  const live = new Map<string, string>();
  const shared = new Map<string, string[]>();
  const trashed = new Map<string, string>();
  // The few contacts in the trash (merged ones are there too) read apart: joining every channel and source row
  // to its contact was most of a 30k re-import's matching time.
  const gone = new Map<string, boolean>(); // contact id → merged into another
  const inTrash = await db
    .selectFrom('contacts')
    .select(['id', 'merged_into'])
    .where('owner_id', '=', ownerId)
    .where('deleted_at', 'is not', null)
    .execute();
  for (const c of inTrash) gone.set(c.id, c.merged_into !== null);
  const add = (rows: { contact_id: string; key: string }[]) => {
    for (const r of rows) {
      const merged = gone.get(r.contact_id);
      if (merged === undefined) {
        const had = live.get(r.key);
        // A contact has one key several times (a source row per import): only another contact makes it shared.
        if (had !== undefined && had !== r.contact_id) {
          const ids = shared.get(r.key);
          if (!ids) shared.set(r.key, [had, r.contact_id]);
          else if (!ids.includes(r.contact_id)) ids.push(r.contact_id);
        }
        live.set(r.key, r.contact_id);
      } else if (!merged) trashed.set(r.key, r.contact_id);
    }
  };
  add(
    await db
      .selectFrom('contact_channels')
      .select(['contact_id', sql<string>`kind || ':' || value_norm`.as('key')])
      .where('owner_id', '=', ownerId)
      .where('value_norm', 'is not', null)
      // A phone number only matches in international form.
      .where((eb) => eb.or([eb('kind', '<>', 'phone'), eb('value_norm', 'like', '+%')]))
      .execute(),
  );
  const sources = await db
    .selectFrom('contact_sources')
    .select(['contact_id', 'kind', 'source_key'])
    .where('owner_id', '=', ownerId)
    .where('source_key', 'is not', null)
    .execute();
  add(sources.map((r) => ({ contact_id: r.contact_id, key: `src:${matchingKind(r.kind)}:${r.source_key}` })));
  return { live, shared, trashed };
}

/**
 * What the latest record of each contact from one kind of source said (what the previous import of that kind
 * saw): the snapshot and raw text only, which is all a re-import compares, and the kind of the record. With
 * `legacy`, a contact without a record of `kind` gets its latest record of `legacy.kind` instead, unless it has one
 * of a kind in `legacy.unless` (see csv-sources.ts).
 */
export async function latestSources(
  db: Kysely<Database>,
  ownerId: string,
  contactIds: string[],
  kind: string,
  legacy?: { kind: string; unless: string[] },
): Promise<Map<string, Pick<ContactSourceTable, 'snapshot' | 'raw' | 'kind'>>> {
  const kinds = [...new Set([kind, ...(legacy ? [legacy.kind, ...legacy.unless] : [])])];
  const latest = new Map<string, Map<string, Pick<ContactSourceTable, 'snapshot' | 'raw' | 'kind'>>>();
  for (const ids of chunkIds(contactIds)) {
    const rows = await db
      .selectFrom('contact_sources')
      .select(['contact_id', 'kind', 'snapshot', 'raw'])
      .where('owner_id', '=', ownerId)
      .where('kind', 'in', kinds)
      .where('contact_id', 'in', ids)
      .orderBy('recorded_at')
      .execute();
    for (const { contact_id, ...r } of rows) {
      const byKind = latest.get(contact_id) ?? new Map();
      byKind.set(r.kind, r);
      latest.set(contact_id, byKind);
    }
  }
  const out = new Map<string, Pick<ContactSourceTable, 'snapshot' | 'raw' | 'kind'>>();
  for (const [id, byKind] of latest) {
    const own = byKind.get(kind);
    const stale = legacy?.unless.some((k) => byKind.has(k));
    const row = own ?? (legacy && !stale ? byKind.get(legacy.kind) : undefined);
    if (row) out.set(id, row);
  }
  return out;
}

export async function insertImport(db: Kysely<Database>, row: ImportTable) {
  await db.insertInto('imports').values(row).execute();
}

export async function findImport(db: Kysely<Database>, ownerId: string, id: string) {
  return db
    .selectFrom('imports')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listImports(
  db: Kysely<Database>,
  ownerId: string,
  opts: { before?: { at: string; id: string }; limit: number },
) {
  let q = db.selectFrom('imports').selectAll().where('owner_id', '=', ownerId);
  const before = opts.before;
  if (before) {
    q = q.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(before.at, before.id)));
  }
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(opts.limit).execute();
}

export async function setImportUndone(db: Kysely<Database>, ownerId: string, id: string, at: string) {
  const r = await db
    .updateTable('imports')
    .set({ status: 'undone', undone_at: at })
    .where('owner_id', '=', ownerId)
    .where('id', '=', id)
    .where('status', '=', 'committed')
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function issuesOfImport(db: Kysely<Database>, ownerId: string, importId: string, limit: number) {
  return db
    .selectFrom('import_issues')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('import_id', '=', importId)
    .orderBy('position')
    .limit(limit)
    .execute();
}

export async function changesOfImport(db: Kysely<Database>, ownerId: string, importId: string) {
  return db
    .selectFrom('import_changes')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('import_id', '=', importId)
    .orderBy('id')
    .execute();
}

/** Multi-row inserts in batches, for the tables an import fills. */
async function insertMany<T extends keyof Database>(db: Kysely<Database>, table: T, rows: Database[T][]) {
  await insertRows(db, table, rows as unknown as Record<string, unknown>[]);
}

export const insertContacts = (db: Kysely<Database>, rows: ContactTable[]) =>
  insertMany(db, 'contacts', rows);
export const insertChannels = (db: Kysely<Database>, rows: ContactChannelTable[]) =>
  insertMany(db, 'contact_channels', rows);
/** A link already there is left as it is: a merged-away tag's name leads to a tag the contact may carry. */
export const insertContactTags = (db: Kysely<Database>, rows: ContactTagTable[]) =>
  insertRows(db, 'contact_tags', rows as unknown as Record<string, unknown>[], { skipDuplicates: true });
export const insertSources = (db: Kysely<Database>, rows: ContactSourceTable[]) =>
  insertMany(db, 'contact_sources', rows);
export const insertPhotos = (db: Kysely<Database>, rows: ContactPhotoTable[]) =>
  insertMany(db, 'contact_photos', rows);
export const insertHistory = (db: Kysely<Database>, rows: ContactHistoryTable[]) =>
  insertMany(db, 'contact_history', rows);
export const insertPositions = (db: Kysely<Database>, rows: ContactPositionTable[]) =>
  insertMany(db, 'contact_positions', rows);
export const insertImportIssues = (db: Kysely<Database>, rows: ImportIssueTable[]) =>
  insertMany(db, 'import_issues', rows);
export const insertChangeRows = (db: Kysely<Database>, rows: ImportChangeTable[]) =>
  insertMany(db, 'import_changes', rows);
export const insertInteractionLinks = (db: Kysely<Database>, rows: Database['interaction_contacts'][]) =>
  insertMany(db, 'interaction_contacts', rows);
export const insertInteractionRows = (db: Kysely<Database>, rows: Database['interactions'][]) =>
  insertMany(db, 'interactions', rows);
export const insertInvitations = (db: Kysely<Database>, rows: LinkedinInvitationTable[]) =>
  insertMany(db, 'linkedin_invitations', rows);

/** Replaces a contact's photo. */
export async function replacePhoto(db: Kysely<Database>, row: ContactPhotoTable) {
  await db
    .deleteFrom('contact_photos')
    .where('owner_id', '=', row.owner_id)
    .where('contact_id', '=', row.contact_id)
    .execute();
  await db.insertInto('contact_photos').values(row).execute();
}

export async function deletePhoto(db: Kysely<Database>, ownerId: string, contactId: string) {
  await db
    .deleteFrom('contact_photos')
    .where('owner_id', '=', ownerId)
    .where('contact_id', '=', contactId)
    .execute();
}

/** Rows an import added to a contact's history and sources, removed when the import is undone. */
export async function deleteImportTraces(db: Kysely<Database>, ownerId: string, importId: string) {
  for (const table of [
    'contact_history',
    'contact_sources',
    'linkedin_invitations',
    'interactions',
  ] as const) {
    await db
      .deleteFrom(table as 'contact_history')
      .where('owner_id', '=', ownerId)
      .where('import_id', '=', importId)
      .execute();
  }
}

/** External keys of the owner's interactions among these (re-imports skip them). */
export async function existingInteractionKeys(
  db: Kysely<Database>,
  ownerId: string,
  keys: string[],
): Promise<Set<string>> {
  const out = new Set<string>();
  for (const batch of chunkIds(keys)) {
    const rows = await db
      .selectFrom('interactions')
      .select('external_key')
      .where('owner_id', '=', ownerId)
      .where('external_key', 'in', batch)
      .execute();
    for (const r of rows) if (r.external_key) out.add(r.external_key);
  }
  return out;
}

/**
 * Contacts this import created that something has been put on since: edited after the import last wrote them (the
 * time of its last source record for them; run before `deleteImportTraces`), by the owner or by a later import, or
 * named by a favour, promise, purpose place, outreach message, introduction, connection, or an interaction the
 * import did not bring. `edits: false` leaves edits out (only what names them); `trashed: true` looks at those in
 * the trash (not merged away) instead of the live ones.
 */
export async function contactsOfImportInUse(
  db: Kysely<Database>,
  ownerId: string,
  importId: string,
  opts: { edits?: boolean; trashed?: boolean } = {},
): Promise<string[]> {
  const rows = await db
    .selectFrom('contacts as c')
    .select('c.id')
    .where('c.owner_id', '=', ownerId)
    .where('c.import_id', '=', importId)
    .where('c.deleted_at', opts.trashed ? 'is not' : 'is', null)
    .where('c.merged_into', 'is', null)
    .where((eb) => {
      const named = (table: 'favours' | 'promises' | 'purpose_items' | 'outreach_messages') =>
        eb.exists(
          eb
            .selectFrom(table)
            .select(sql.lit(1).as('one'))
            .where(`${table}.owner_id`, '=', ownerId)
            .whereRef(`${table}.contact_id`, '=', 'c.id'),
        );
      const edited = eb(
        'c.updated_at',
        '>',
        eb.fn.coalesce(
          eb
            .selectFrom('contact_sources as s')
            .select((s) => s.fn.max('s.recorded_at').as('last'))
            .where('s.owner_id', '=', ownerId)
            .where('s.import_id', '=', importId)
            .whereRef('s.contact_id', '=', 'c.id'),
          eb.ref('c.created_at'),
        ),
      );
      return eb.or([
        ...(opts.edits === false ? [] : [edited]),
        named('favours'),
        named('promises'),
        named('purpose_items'),
        named('outreach_messages'),
        eb.exists(
          eb
            .selectFrom('interaction_contacts as ic')
            .innerJoin('interactions as i', 'i.id', 'ic.interaction_id')
            .select(sql.lit(1).as('one'))
            .where('ic.owner_id', '=', ownerId)
            .whereRef('ic.contact_id', '=', 'c.id')
            .where((w) => w.or([w('i.import_id', 'is', null), w('i.import_id', '<>', importId)])),
        ),
        eb.exists(
          eb
            .selectFrom('introductions as n')
            .select(sql.lit(1).as('one'))
            .where((w) =>
              w.or([
                w.and([w('n.requester_id', '=', ownerId), w('n.requester_contact_id', '=', w.ref('c.id'))]),
                w.and([w('n.broker_id', '=', ownerId), w('n.broker_contact_id', '=', w.ref('c.id'))]),
              ]),
            ),
        ),
        eb.exists(
          eb
            .selectFrom('connections as k')
            .select(sql.lit(1).as('one'))
            .where((w) =>
              w.or([
                w.and([w('k.account_lo', '=', ownerId), w('k.lo_contact_id', '=', w.ref('c.id'))]),
                w.and([w('k.account_hi', '=', ownerId), w('k.hi_contact_id', '=', w.ref('c.id'))]),
              ]),
            ),
        ),
      ]);
    })
    .execute();
  return rows.map((r) => r.id);
}

/** Sends contacts to the trash and out of their import, so that undoing it leaves them there (restorable). */
export async function trashContactsOutOfImport(
  db: Kysely<Database>,
  ownerId: string,
  ids: string[],
  at: string,
): Promise<void> {
  for (const batch of chunkIds(ids)) {
    await db
      .updateTable('contacts')
      .set({ deleted_at: at, import_id: null, updated_at: at })
      .where(ownerOfIdList(db, 'owner_id', ownerId))
      .where('id', 'in', batch)
      .execute();
  }
}

/** Sends contacts to the trash and leaves them in their import (see undo-import: kept for a later import's sake). */
export async function trashContacts(db: Kysely<Database>, ownerId: string, ids: string[], at: string) {
  for (const batch of chunkIds(ids)) {
    await db
      .updateTable('contacts')
      .set({ deleted_at: at, updated_at: at })
      .where(ownerOfIdList(db, 'owner_id', ownerId))
      .where('id', 'in', batch)
      .execute();
  }
}

/**
 * Hard-deletes the contacts an import created but those in `keep` (their channels, tags, sources and photos
 * cascade).
 */
export async function deleteContactsOfImport(
  db: Kysely<Database>,
  ownerId: string,
  importId: string,
  keep: ReadonlySet<string> = new Set(),
): Promise<number> {
  const ofImport = () =>
    db.selectFrom('contacts').select('id').where('owner_id', '=', ownerId).where('import_id', '=', importId);
  if (keep.size === 0) return deleteContactRows(db, ownerId, ofImport());
  const rows = await ofImport().execute();
  return deleteContacts(
    db,
    ownerId,
    rows.map((r) => r.id).filter((id) => !keep.has(id)),
  );
}

/** Hard-deletes contacts (their channels, tags, sources and photos cascade). */
export async function deleteContacts(db: Kysely<Database>, ownerId: string, ids: string[]): Promise<number> {
  let n = 0;
  for (const batch of chunkIds(ids)) n += await deleteContactRows(db, ownerId, batch);
  return n;
}

// The child rows an import fills in numbers, deleted before their contacts: one statement each instead of a
// cascade that looks them up one contact at a time.
const BULK_CHILDREN = ['contact_channels', 'contact_sources', 'contact_history', 'contact_tags'] as const;

/**
 * Deletes the owner's contacts among `ids` (a list, or a query of their ids) set-based. On SQLite their full-text
 * rows go first in one statement too: the delete trigger removes them one contact at a time (~0.1 ms each), and
 * then finds none. Most of undoing a 30,000-contact import (bench/import-undo.bench.ts).
 */
async function deleteContactRows(
  db: Kysely<Database>,
  ownerId: string,
  ids: string[] | SelectQueryBuilder<Database, 'contacts', { id: string }>,
): Promise<number> {
  if (Array.isArray(ids) && ids.length === 0) return 0;
  if (engineOf(db as Kysely<unknown>) === 'sqlite') {
    const list = Array.isArray(ids) ? sql`SELECT value FROM json_each(${JSON.stringify(ids)})` : ids;
    await sql`DELETE FROM contact_fts WHERE rowid IN
      (SELECT rowid FROM contact_fts_map WHERE contact_id IN (${list}))`.execute(db);
    await sql`DELETE FROM contact_fts_map WHERE contact_id IN (${list})`.execute(db);
  }
  for (const table of BULK_CHILDREN) {
    await db
      .deleteFrom(table as 'contact_channels')
      .where('owner_id', '=', ownerId)
      .where('contact_id', 'in', ids)
      .execute();
  }
  const r = await db
    .deleteFrom('contacts')
    .where(ownerOfIdList(db, 'owner_id', ownerId))
    .where('id', 'in', ids)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** The owner's contact updates by committed imports, for these contacts (import_changes_entity_idx, 0029). */
export function contactUpdatesByImports(db: Kysely<Database>, ownerId: string, ids: string[]) {
  return db
    .selectFrom('import_changes as ch')
    .innerJoin('imports as i', 'i.id', 'ch.import_id')
    .innerJoin('contacts as c', 'c.id', 'ch.entity_id')
    .where('i.owner_id', '=', ownerId)
    .where('ch.owner_id', '=', ownerId)
    .where('c.owner_id', '=', ownerId)
    .where('ch.entity', '=', 'contact')
    .where('ch.action', '=', 'updated')
    .where('i.status', '=', 'committed')
    .where('ch.entity_id', 'in', ids);
}

/** Change ids are UUIDv7: sorted, they are in the order the changes were made, across imports too. */
export function inChangeOrder<T extends { id: string }>(rows: T[]): T[] {
  return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The updates of still committed imports to these contacts, oldest first, with each contact's creation and last
 * change times: the contact before and after each update (as JSON, `after` null for imports recorded before 0018).
 */
export async function updatesOfContactsByImports(db: Kysely<Database>, ownerId: string, ids: string[]) {
  const query = (batch: string[]) =>
    contactUpdatesByImports(db, ownerId, batch)
      .select(['ch.id', 'c.id as contact_id', 'c.created_at', 'c.updated_at', 'ch.before', 'ch.after'])
      .execute();
  const out: Awaited<ReturnType<typeof query>> = [];
  for (const batch of chunkIds(ids)) out.push(...(await query(batch)));
  return inChangeOrder(out);
}

/**
 * Contacts in the trash (not merged away) that this import left a source record on and that another import
 * created: who created them, and when they went to the trash. Run before `deleteImportTraces`.
 */
export async function trashedContactsSourcedBy(db: Kysely<Database>, ownerId: string, importId: string) {
  const rows = await db
    .selectFrom('contacts as c')
    .select(['c.id', 'c.import_id', 'c.deleted_at'])
    .where('c.owner_id', '=', ownerId)
    .where('c.deleted_at', 'is not', null)
    .where('c.merged_into', 'is', null)
    .where('c.import_id', 'is not', null)
    .where('c.import_id', '<>', importId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('contact_sources as s')
          .select(sql.lit(1).as('one'))
          .where('s.owner_id', '=', ownerId)
          .where('s.import_id', '=', importId)
          .whereRef('s.contact_id', '=', 'c.id'),
      ),
    )
    .execute();
  return rows.map((r) => ({ id: r.id, importId: r.import_id as string, deletedAt: r.deleted_at as string }));
}

/** Those of these contacts that still carry a source record (an import that still stands, a merge). */
export async function contactsWithSources(
  db: Kysely<Database>,
  ownerId: string,
  ids: string[],
): Promise<Set<string>> {
  const out = new Set<string>();
  for (const batch of chunkIds(ids)) {
    const rows = await db
      .selectFrom('contact_sources')
      .select('contact_id')
      .distinct()
      .where('owner_id', '=', ownerId)
      .where('contact_id', 'in', batch)
      .execute();
    for (const r of rows) out.add(r.contact_id);
  }
  return out;
}

/**
 * Contacts this import created, or among `ids`, that are merged into another contact by a merge not undone: who,
 * into whom, and the merge.
 */
export async function contactsMergedAway(
  db: Kysely<Database>,
  ownerId: string,
  importId: string,
  ids: string[],
) {
  const query = () =>
    db
      .selectFrom('contacts as c')
      .innerJoin('contacts as k', 'k.id', 'c.merged_into')
      .leftJoin('merges as m', (j) =>
        j
          .onRef('m.merged_id', '=', 'c.id')
          .onRef('m.kept_id', '=', 'c.merged_into')
          .on('m.undone_at', 'is', null),
      )
      .select(['c.id', 'c.display_name as name', 'k.display_name as kept_name', 'm.id as merge_id'])
      .where('c.owner_id', '=', ownerId)
      .where('c.merged_into', 'is not', null);
  const rows = await query().where('c.import_id', '=', importId).execute();
  for (const batch of chunkIds(ids)) rows.push(...(await query().where('c.id', 'in', batch).execute()));
  return rows;
}

export async function deletePositions(db: Kysely<Database>, ownerId: string, ids: string[]) {
  for (const batch of chunkIds(ids)) {
    await db
      .deleteFrom('contact_positions')
      .where('owner_id', '=', ownerId)
      .where('id', 'in', batch)
      .execute();
  }
}

/** Invitation natural keys the owner already has (re-imports skip them). */
export async function existingInvitationKeys(db: Kysely<Database>, ownerId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('linkedin_invitations')
    .select('natural_key')
    .where('owner_id', '=', ownerId)
    .execute();
  return new Set(rows.map((r) => r.natural_key));
}

export async function updateImportStats(db: Kysely<Database>, ownerId: string, id: string, stats: string) {
  await db
    .updateTable('imports')
    .set({ stats })
    .where('owner_id', '=', ownerId)
    .where('id', '=', id)
    .execute();
}

export async function findAccountProfile(db: Kysely<Database>, accountId: string) {
  return db.selectFrom('account_profiles').selectAll().where('account_id', '=', accountId).executeTakeFirst();
}

/** Writes the account's profile row (insert or replace, in one statement: two writers never both insert). */
export async function saveAccountProfile(db: Kysely<Database>, row: Database['account_profiles']) {
  const { account_id: _key, ...columns } = row;
  await db
    .insertInto('account_profiles')
    .values(row)
    .onConflict((oc) => oc.column('account_id').doUpdateSet(columns))
    .execute();
}

export async function deleteAccountProfile(db: Kysely<Database>, accountId: string) {
  await db.deleteFrom('account_profiles').where('account_id', '=', accountId).execute();
}

/** Contacts linked to the interactions an import created. */
export async function contactsOfImportInteractions(db: Kysely<Database>, ownerId: string, importId: string) {
  const rows = await db
    .selectFrom('interaction_contacts as l')
    .innerJoin('interactions as i', 'i.id', 'l.interaction_id')
    .select('l.contact_id')
    .distinct()
    .where('l.owner_id', '=', ownerId)
    .where('i.import_id', '=', importId)
    .execute();
  return rows.map((r) => r.contact_id);
}
