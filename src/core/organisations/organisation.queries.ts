import { type Kysely, sql } from 'kysely';
import { forUpdate, insertRows, likeContains, lockRows, ownerOfIdList } from '../db/portable';
import type { Database, OrganisationMergeTable, OrganisationTable } from '../db/schema';
import type { OrganisationRow } from './organisation';

function withCounts(db: Kysely<Database>, ownerId: string) {
  return db
    .selectFrom('organisations')
    .selectAll('organisations')
    .select((eb) =>
      eb
        .selectFrom('contacts')
        .whereRef('contacts.organisation_id', '=', 'organisations.id')
        .where('contacts.deleted_at', 'is', null)
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('contact_count'),
    )
    .where('organisations.owner_id', '=', ownerId);
}

/** A page of the owner's live organisations by name, optionally those whose folded name contains `nameContains`. */
export async function listOrganisations(
  db: Kysely<Database>,
  ownerId: string,
  opts: { nameContains?: string; after?: { key: string; id: string }; limit: number },
): Promise<OrganisationRow[]> {
  let q = withCounts(db, ownerId).where('organisations.deleted_at', 'is', null);
  if (opts.nameContains) q = q.where(likeContains('organisations.name_norm', opts.nameContains));
  const after = opts.after;
  if (after) {
    q = q.where((eb) =>
      eb.or([
        eb('organisations.name_norm', '>', after.key),
        eb.and([eb('organisations.name_norm', '=', after.key), eb('organisations.id', '>', after.id)]),
      ]),
    );
  }
  return (await q
    .orderBy('organisations.name_norm')
    .orderBy('organisations.id')
    .limit(opts.limit)
    .execute()) as OrganisationRow[];
}

/** The owner's trashed organisations; merged ones are not in the trash (undo the merge instead). */
export async function listTrashedOrganisations(
  db: Kysely<Database>,
  ownerId: string,
): Promise<OrganisationRow[]> {
  return (await withCounts(db, ownerId)
    .where('organisations.deleted_at', 'is not', null)
    .where('organisations.merged_into', 'is', null)
    .orderBy('organisations.deleted_at', 'desc')
    .execute()) as OrganisationRow[];
}

export async function findOrganisation(
  db: Kysely<Database>,
  ownerId: string,
  id: string,
  opts: { deleted: boolean } = { deleted: false },
): Promise<OrganisationRow | undefined> {
  return (await withCounts(db, ownerId)
    .where('organisations.id', '=', id)
    .where('organisations.deleted_at', opts.deleted ? 'is not' : 'is', null)
    .where('organisations.merged_into', 'is', null)
    .executeTakeFirst()) as OrganisationRow | undefined;
}

export async function findLiveOrganisationByNorm(
  db: Kysely<Database>,
  ownerId: string,
  norm: string,
): Promise<OrganisationTable | undefined> {
  return db
    .selectFrom('organisations')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('name_norm', '=', norm)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Every organisation of the owner, live or trashed, oldest first: name, key and whether it is in the trash. */
export async function organisationNames(db: Kysely<Database>, ownerId: string) {
  return db
    .selectFrom('organisations')
    .select(['id', 'name', 'name_norm', 'deleted_at'])
    .where('owner_id', '=', ownerId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/**
 * Inserts the organisation unless a live one of the owner already has its folded name (a concurrent request has
 * just created it); true when this call inserted it.
 */
export async function insertOrganisationIfAbsent(
  db: Kysely<Database>,
  row: OrganisationTable,
): Promise<boolean> {
  const r = await db
    .insertInto('organisations')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .execute();
  return r.length === 1;
}

export async function updateOrganisation(
  db: Kysely<Database>,
  ownerId: string,
  id: string,
  patch: Partial<
    Pick<
      OrganisationTable,
      'name' | 'name_norm' | 'website' | 'notes' | 'updated_at' | 'deleted_at' | 'merged_into'
    >
  >,
): Promise<void> {
  await db
    .updateTable('organisations')
    .set(patch)
    .where('owner_id', '=', ownerId)
    .where('id', '=', id)
    .execute();
}

/** Contacts (live or trashed) whose current organisation this is. */
export async function contactIdsAtOrganisation(
  db: Kysely<Database>,
  ownerId: string,
  orgId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('contacts')
    .select('id')
    .where('owner_id', '=', ownerId)
    .where('organisation_id', '=', orgId)
    .execute();
  return rows.map((r) => r.id);
}

/** Live people at the organisation now, the first `limit` by name. */
export async function currentPeopleOfOrganisation(
  db: Kysely<Database>,
  ownerId: string,
  orgId: string,
  limit: number,
) {
  return db
    .selectFrom('contacts')
    .select(['id', 'display_name', 'title'])
    .where('owner_id', '=', ownerId)
    .where('organisation_id', '=', orgId)
    .where('deleted_at', 'is', null)
    .orderBy('sort_key')
    .orderBy('id')
    .limit(limit)
    .execute();
}

// Past positions without an end date come last: '' sorts below every ISO date.
const endedKey = sql<string>`coalesce(contact_positions.ended_on, '')`;

/**
 * Live people's past positions at the organisation, most recently left first (position id breaks ties), after the
 * position `after` when given; `limit` rows at most.
 */
export async function pastPeopleOfOrganisation(
  db: Kysely<Database>,
  ownerId: string,
  orgId: string,
  opts: { limit: number; after?: { ended: string; positionId: string } },
) {
  let q = db
    .selectFrom('contact_positions')
    .innerJoin('contacts', 'contacts.id', 'contact_positions.contact_id')
    .select([
      'contact_positions.id as position_id',
      'contacts.id',
      'contacts.display_name',
      'contact_positions.title',
      'contact_positions.ended_on',
    ])
    .where('contact_positions.owner_id', '=', ownerId)
    .where('contact_positions.organisation_id', '=', orgId)
    .where('contacts.deleted_at', 'is', null);
  const after = opts.after;
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb(endedKey, '<', after.ended),
        eb.and([eb(endedKey, '=', after.ended), eb('contact_positions.id', '>', after.positionId)]),
      ]),
    );
  return q.orderBy(endedKey, 'desc').orderBy('contact_positions.id').limit(opts.limit).execute();
}

/** How many past positions of live people the organisation has (what `pastPeopleOfOrganisation` pages through). */
export async function countPastPeopleOfOrganisation(db: Kysely<Database>, ownerId: string, orgId: string) {
  const r = await db
    .selectFrom('contact_positions')
    .innerJoin('contacts', 'contacts.id', 'contact_positions.contact_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('contact_positions.owner_id', '=', ownerId)
    .where('contact_positions.organisation_id', '=', orgId)
    .where('contacts.deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * Hard-deletes organisations trashed before `before`; contacts keep their past-position names. Organisations
 * merged into another are kept: undoing the merge needs them, and their names lead to the kept one.
 */
export async function purgeTrashedOrganisations(db: Kysely<Database>, before: string): Promise<number> {
  const r = await db
    .deleteFrom('organisations')
    .where('deleted_at', '<', before)
    .where('merged_into', 'is', null)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** The owner's live organisations with any of these folded names. */
export async function findLiveOrganisationsByNorms(db: Kysely<Database>, ownerId: string, norms: string[]) {
  const out: OrganisationTable[] = [];
  for (let i = 0; i < norms.length; i += 1000) {
    out.push(
      ...(await db
        .selectFrom('organisations')
        .selectAll()
        .where('owner_id', '=', ownerId)
        .where('deleted_at', 'is', null)
        .where('name_norm', 'in', norms.slice(i, i + 1000))
        .execute()),
    );
  }
  return out;
}

/**
 * Inserts many organisations in name order, leaving out those whose folded name a live organisation of the owner
 * already has (a concurrent request has just created it): read them back to know which went in.
 */
export async function insertOrganisationsIfAbsent(db: Kysely<Database>, rows: OrganisationTable[]) {
  const sorted = [...rows].sort((a, b) =>
    a.name_norm < b.name_norm ? -1 : a.name_norm > b.name_norm ? 1 : 0,
  );
  await insertRows(db, 'organisations', sorted as unknown as Record<string, unknown>[], {
    skipDuplicates: true,
  });
}

/** Deletes organisations no contact or past position refers to any more (undoing an import that created them). */
export async function deleteUnusedOrganisations(db: Kysely<Database>, ownerId: string, ids: string[]) {
  if (ids.length === 0) return;
  await db
    .deleteFrom('organisations')
    .where('owner_id', '=', ownerId)
    .where('id', 'in', ids)
    .where((eb) =>
      eb.not(
        eb.or([
          eb.exists(
            eb
              .selectFrom('contacts')
              .select('id')
              .whereRef('contacts.organisation_id', '=', 'organisations.id'),
          ),
          eb.exists(
            eb
              .selectFrom('contact_positions')
              .select('id')
              .whereRef('contact_positions.organisation_id', '=', 'organisations.id'),
          ),
        ]),
      ),
    )
    .execute();
}

/** Organisations merged into another whose folded name is one of `norms`: where each one leads. */
export async function mergedOrganisationsByNorms(db: Kysely<Database>, ownerId: string, norms: string[]) {
  const out: { name_norm: string; merged_into: string }[] = [];
  for (let i = 0; i < norms.length; i += 1000) {
    const rows = await db
      .selectFrom('organisations')
      .select(['name_norm', 'merged_into'])
      .where('owner_id', '=', ownerId)
      .where('merged_into', 'is not', null)
      .where('name_norm', 'in', norms.slice(i, i + 1000))
      .orderBy('created_at')
      .execute();
    for (const r of rows) if (r.merged_into) out.push({ name_norm: r.name_norm, merged_into: r.merged_into });
  }
  return out;
}

/** The owner's organisations with these ids, live or not: where each stands and where it was merged to. */
export async function organisationsByIds(db: Kysely<Database>, ownerId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('organisations')
    .select(['id', 'name', 'name_norm', 'website', 'notes', 'deleted_at', 'merged_into'])
    .where('owner_id', '=', ownerId)
    .where('id', 'in', ids)
    .execute();
}

/**
 * Moves the owner's contacts (live or trashed) or past positions from one organisation to another, only those in
 * `onlyIds` when given; the ids of those moved.
 */
export async function moveToOrganisation(
  db: Kysely<Database>,
  table: 'contacts' | 'contact_positions',
  ownerId: string,
  move: { from: string; to: string; onlyIds?: string[] },
): Promise<string[]> {
  let q = db
    .selectFrom(table)
    .select('id')
    .where('owner_id', '=', ownerId)
    .where('organisation_id', '=', move.from);
  if (move.onlyIds) q = q.where('id', 'in', move.onlyIds.length > 0 ? move.onlyIds : ['']);
  const ids = (await q.execute()).map((r) => r.id);
  for (let i = 0; i < ids.length; i += 500) {
    await db
      .updateTable(table)
      .set({ organisation_id: move.to })
      .where(ownerOfIdList(db, 'owner_id', ownerId))
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
  }
  return ids;
}

export async function insertOrganisationMerge(db: Kysely<Database>, row: OrganisationMergeTable) {
  await db.insertInto('organisation_merges').values(row).execute();
}

export async function findOrganisationMerge(db: Kysely<Database>, ownerId: string, id: string) {
  return db
    .selectFrom('organisation_merges')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Marks the merge undone unless it already was; true when this call did (two undos at once: one wins). */
export async function markOrganisationMergeUndone(
  db: Kysely<Database>,
  ownerId: string,
  id: string,
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('organisation_merges')
    .set({ undone_at: at })
    .where('owner_id', '=', ownerId)
    .where('id', '=', id)
    .where('undone_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Locks the owner's organisation until the transaction ends (see `forUpdate`) if it is live (not in the trash, not
 * merged into another), and says whether it is. A merge of it under way is waited for, then its outcome read.
 */
export async function lockLiveOrganisation(
  db: Kysely<Database>,
  ownerId: string,
  id: string,
): Promise<boolean> {
  const row = await forUpdate(
    db,
    db
      .selectFrom('organisations')
      .select('id')
      .where('owner_id', '=', ownerId)
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .where('merged_into', 'is', null),
  ).executeTakeFirst();
  return row !== undefined;
}

/** Locks the owner's organisations with these ids until the transaction ends (see `forUpdate`). */
export async function lockOrganisations(db: Kysely<Database>, ownerId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await lockRows(
    db,
    db
      .selectFrom('organisations')
      .select('id')
      .where('owner_id', '=', ownerId)
      .where('id', 'in', [...new Set(ids)].sort())
      .orderBy('id'),
  );
}

/** Merges into this organisation not undone, newest first, with the merged organisation's name. */
export async function mergesIntoOrganisation(db: Kysely<Database>, ownerId: string, keptId: string) {
  return db
    .selectFrom('organisation_merges as m')
    .innerJoin('organisations as o', 'o.id', 'm.merged_id')
    .select(['m.id', 'm.merged_id', 'o.name', 'm.created_at'])
    .where('m.owner_id', '=', ownerId)
    .where('m.kept_id', '=', keptId)
    .where('m.undone_at', 'is', null)
    .orderBy('m.created_at', 'desc')
    .orderBy('m.id', 'desc')
    .limit(100)
    .execute();
}

/** The owner's live organisations (not trashed, not merged away): what duplicate suggestions compare. */
export async function liveOrganisationNames(db: Kysely<Database>, ownerId: string) {
  return db
    .selectFrom('organisations')
    .select(['id', 'name', 'website'])
    .where('owner_id', '=', ownerId)
    .where('deleted_at', 'is', null)
    .where('merged_into', 'is', null)
    .execute();
}

/** The owner's live organisations with these ids, with their people counted. */
export async function findOrganisationsWithCounts(
  db: Kysely<Database>,
  ownerId: string,
  ids: string[],
): Promise<OrganisationRow[]> {
  if (ids.length === 0) return [];
  return (await withCounts(db, ownerId)
    .where('organisations.id', 'in', ids)
    .where('organisations.deleted_at', 'is', null)
    .execute()) as OrganisationRow[];
}

/** How many live contacts each of the owner's organisations has (those with none are left out): one grouped read. */
export async function contactCountsByOrganisation(
  db: Kysely<Database>,
  ownerId: string,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('contacts')
    .select((eb) => ['organisation_id', eb.fn.countAll<number | string>().as('n')])
    .where('owner_id', '=', ownerId)
    .where('deleted_at', 'is', null)
    .where('organisation_id', 'is not', null)
    .groupBy('organisation_id')
    .execute();
  return new Map(rows.map((r) => [r.organisation_id as string, Number(r.n)]));
}

/** Pairs the owner marked "not the same company", as `a|b` keys (smaller id first). */
export async function dismissedOrganisationPairs(
  db: Kysely<Database>,
  ownerId: string,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('organisation_dismissals')
    .select(['organisation_a', 'organisation_b'])
    .where('owner_id', '=', ownerId)
    .execute();
  return new Set(rows.map((r) => `${r.organisation_a}|${r.organisation_b}`));
}

/** Records a dismissed pair (once: a second time writes nothing); answers how many rows it wrote. */
export async function insertOrganisationDismissal(
  db: Kysely<Database>,
  row: Database['organisation_dismissals'],
): Promise<number> {
  const r = await db
    .insertInto('organisation_dismissals')
    .values(row)
    .onConflict((oc) => oc.columns(['owner_id', 'organisation_a', 'organisation_b']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0);
}
