import type { Kysely } from 'kysely';
import { chunkIds } from '../db/chunk';
import { lockRows } from '../db/portable';
import type { Database, PurposeItemTable, PurposeStageMoveTable, PurposeTable } from '../db/schema';

/** Inserts the purpose unless a live one of the owner has its folded name (created meanwhile); true when inserted. */
export async function insertPurposeIfAbsent(db: Kysely<Database>, row: PurposeTable): Promise<boolean> {
  const r = await db
    .insertInto('purposes')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .execute();
  return r.length === 1;
}

/** Locks the owner's purpose until the transaction ends (see `forUpdate`): its board changes one request at a time. */
export async function lockPurpose(db: Kysely<Database>, ownerId: string, id: string): Promise<void> {
  await lockRows(
    db,
    db.selectFrom('purposes').select('id').where('owner_id', '=', ownerId).where('id', '=', id),
  );
}

/** One of the owner's purposes; trashed ones only with `deleted`. */
export async function findPurpose(
  db: Kysely<Database>,
  ownerId: string,
  id: string,
  opts: { deleted?: boolean } = {},
) {
  return db
    .selectFrom('purposes')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('id', '=', id)
    .where('deleted_at', opts.deleted ? 'is not' : 'is', null)
    .executeTakeFirst();
}

/** The owner's live purpose with this folded name, if any. */
export async function findPurposeByNorm(db: Kysely<Database>, ownerId: string, norm: string) {
  return db
    .selectFrom('purposes')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('name_norm', '=', norm)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** The owner's live purposes, by name. */
export async function listPurposeRows(
  db: Kysely<Database>,
  ownerId: string,
  status: 'active' | 'archived' | 'all',
) {
  let q = db
    .selectFrom('purposes')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('deleted_at', 'is', null);
  if (status === 'active') q = q.where('archived_at', 'is', null);
  if (status === 'archived') q = q.where('archived_at', 'is not', null);
  return q.orderBy('name_norm').orderBy('id').execute();
}

export async function updatePurposeRow(
  db: Kysely<Database>,
  ownerId: string,
  id: string,
  patch: Partial<PurposeTable>,
) {
  await db.updateTable('purposes').set(patch).where('owner_id', '=', ownerId).where('id', '=', id).execute();
}

/** The owner's trashed purposes, newest first (the caller keeps those still in the trash window). */
export async function listTrashedPurposes(db: Kysely<Database>, ownerId: string) {
  return db
    .selectFrom('purposes')
    .select(['id', 'name', 'deleted_at'])
    .where('owner_id', '=', ownerId)
    .where('deleted_at', 'is not', null)
    .orderBy('deleted_at', 'desc')
    .execute();
}

/** Deletes for good the purposes trashed before `before` (their items and moves go with them). */
export async function purgeTrashedPurposes(db: Kysely<Database>, before: string): Promise<number> {
  const r = await db.deleteFrom('purposes').where('deleted_at', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function insertItems(db: Kysely<Database>, rows: PurposeItemTable[]) {
  for (const chunk of chunkIds(rows, 200)) await db.insertInto('purpose_items').values(chunk).execute();
}

export async function insertMoves(db: Kysely<Database>, rows: PurposeStageMoveTable[]) {
  for (const chunk of chunkIds(rows, 200)) await db.insertInto('purpose_stage_moves').values(chunk).execute();
}

/** One item of the owner's, on a purpose that is not trashed. */
export async function findItem(db: Kysely<Database>, ownerId: string, purposeId: string, itemId: string) {
  return db
    .selectFrom('purpose_items as i')
    .innerJoin('contacts as c', 'c.id', 'i.contact_id')
    .selectAll('i')
    .where('i.owner_id', '=', ownerId)
    .where('i.purpose_id', '=', purposeId)
    .where('i.id', '=', itemId)
    .where('c.deleted_at', 'is', null)
    .executeTakeFirst();
}

/** The items of these contacts on one purpose, by contact id. */
export async function itemsOfContacts(
  db: Kysely<Database>,
  ownerId: string,
  purposeId: string,
  contactIds: string[],
) {
  const out = new Map<string, PurposeItemTable>();
  for (const ids of chunkIds(contactIds)) {
    const rows = await db
      .selectFrom('purpose_items')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .where('purpose_id', '=', purposeId)
      .where('contact_id', 'in', ids)
      .execute();
    for (const r of rows) out.set(r.contact_id, r);
  }
  return out;
}

export async function updateItemRow(
  db: Kysely<Database>,
  ownerId: string,
  id: string,
  patch: Partial<PurposeItemTable>,
) {
  await db
    .updateTable('purpose_items')
    .set(patch)
    .where('owner_id', '=', ownerId)
    .where('id', '=', id)
    .execute();
}

export async function deleteItemRow(db: Kysely<Database>, ownerId: string, id: string) {
  await db.deleteFrom('purpose_items').where('owner_id', '=', ownerId).where('id', '=', id).execute();
}

/** Moves every item of a purpose in `fromStage` to `toStage` at `since`; returns the ids moved. */
export async function moveStageItems(
  db: Kysely<Database>,
  ownerId: string,
  purposeId: string,
  fromStage: string,
  toStage: string,
  since: string,
) {
  const rows = await db
    .selectFrom('purpose_items')
    .select('id')
    .where('owner_id', '=', ownerId)
    .where('purpose_id', '=', purposeId)
    .where('stage', '=', fromStage)
    .execute();
  if (rows.length === 0) return [];
  const base = await lastPosition(db, ownerId, purposeId, toStage);
  for (const [i, r] of rows.entries()) {
    await updateItemRow(db, ownerId, r.id, {
      stage: toStage,
      stage_since: since,
      position: base + i + 1,
      updated_at: since,
    });
  }
  return rows.map((r) => r.id);
}

/** How many items (of live contacts or not) sit in each stage of a purpose. */
export async function itemCountsByStage(db: Kysely<Database>, ownerId: string, purposeId: string) {
  const rows = await db
    .selectFrom('purpose_items')
    .select(['stage', (eb) => eb.fn.countAll<number>().as('n')])
    .where('owner_id', '=', ownerId)
    .where('purpose_id', '=', purposeId)
    .groupBy('stage')
    .execute();
  return new Map(rows.map((r) => [r.stage, Number(r.n)]));
}

/** The highest position in a column (0 when empty). */
export async function lastPosition(db: Kysely<Database>, ownerId: string, purposeId: string, stage: string) {
  const row = await db
    .selectFrom('purpose_items')
    .select((eb) => eb.fn.max<number>('position').as('p'))
    .where('owner_id', '=', ownerId)
    .where('purpose_id', '=', purposeId)
    .where('stage', '=', stage)
    .executeTakeFirst();
  return row?.p == null ? 0 : Number(row.p);
}

/** The ids and positions of a column's items, top first (the moving item left out). */
export async function columnOrder(
  db: Kysely<Database>,
  ownerId: string,
  purposeId: string,
  stage: string,
  exceptId: string,
) {
  return db
    .selectFrom('purpose_items as i')
    .innerJoin('contacts as c', 'c.id', 'i.contact_id')
    .select(['i.id', 'i.position'])
    .where('i.owner_id', '=', ownerId)
    .where('i.purpose_id', '=', purposeId)
    .where('i.stage', '=', stage)
    .where('i.id', '!=', exceptId)
    .where('c.deleted_at', 'is', null)
    .orderBy('i.position')
    .orderBy('i.id')
    .execute();
}

/** The items of these purposes whose contact is live, with the contact's name, organisation and title. */
export async function boardItems(db: Kysely<Database>, ownerId: string, purposeIds: string[]) {
  if (purposeIds.length === 0) return [];
  return db
    .selectFrom('purpose_items as i')
    .innerJoin('contacts as c', 'c.id', 'i.contact_id')
    .leftJoin('organisations as o', (j) =>
      j.onRef('o.id', '=', 'c.organisation_id').on('o.deleted_at', 'is', null),
    )
    .selectAll('i')
    .select(['c.display_name', 'c.title', 'o.name as organisation'])
    .where('i.owner_id', '=', ownerId)
    .where('i.purpose_id', 'in', purposeIds)
    .where('c.deleted_at', 'is', null)
    .orderBy('i.position')
    .orderBy('c.sort_key')
    .orderBy('i.id')
    .execute();
}

/** Which (item, stage) pairs these purposes' items have ever moved into (for "reached done"). */
export async function stagesReached(db: Kysely<Database>, ownerId: string, purposeIds: string[]) {
  if (purposeIds.length === 0) return [];
  return db
    .selectFrom('purpose_stage_moves as m')
    .innerJoin('purpose_items as i', 'i.id', 'm.item_id')
    .select(['m.item_id', 'm.to_stage'])
    .distinct()
    .where('m.owner_id', '=', ownerId)
    .where('i.purpose_id', 'in', purposeIds)
    .execute();
}

/** An item's stage history, oldest first. */
export async function movesOfItem(db: Kysely<Database>, ownerId: string, itemId: string) {
  return db
    .selectFrom('purpose_stage_moves')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('item_id', '=', itemId)
    .orderBy('moved_at')
    .orderBy('id')
    .execute();
}

/** Each live purpose this contact is on, with its item (archived purposes included, flagged). */
export async function purposesOfContact(db: Kysely<Database>, ownerId: string, contactId: string) {
  return db
    .selectFrom('purpose_items as i')
    .innerJoin('purposes as p', 'p.id', 'i.purpose_id')
    .select([
      'p.id as purpose_id',
      'p.name',
      'p.stages',
      'p.archived_at',
      'p.follow_up_days',
      'p.cadence_days',
      'i.id as item_id',
      'i.stage',
      'i.stage_since',
      'i.next_step',
      'i.next_step_on',
    ])
    .where('i.owner_id', '=', ownerId)
    .where('i.contact_id', '=', contactId)
    .where('p.deleted_at', 'is', null)
    .orderBy('p.name_norm')
    .execute();
}

/** The contacts on a purpose (live or trashed), for rescheduling their keep-in-touch dates. */
export async function contactIdsOnPurpose(db: Kysely<Database>, ownerId: string, purposeId: string) {
  const rows = await db
    .selectFrom('purpose_items')
    .select('contact_id')
    .where('owner_id', '=', ownerId)
    .where('purpose_id', '=', purposeId)
    .execute();
  return rows.map((r) => r.contact_id);
}

/**
 * Per contact, the purposes with a keep-in-touch cadence it is on while they are active (not archived or
 * trashed), with the item's stage so the caller can leave out closed stages.
 */
export async function purposeCadenceRows(db: Kysely<Database>, ownerId: string, contactIds: string[]) {
  const out: { contact_id: string; cadence_days: number; stage: string; stages: string }[] = [];
  for (const ids of chunkIds(contactIds)) {
    const rows = await db
      .selectFrom('purpose_items as i')
      .innerJoin('purposes as p', 'p.id', 'i.purpose_id')
      .select(['i.contact_id', 'p.cadence_days', 'i.stage', 'p.stages'])
      .where('i.owner_id', '=', ownerId)
      .where('i.contact_id', 'in', ids)
      .where('p.cadence_days', 'is not', null)
      .where('p.archived_at', 'is', null)
      .where('p.deleted_at', 'is', null)
      .execute();
    for (const r of rows) out.push({ ...r, cadence_days: Number(r.cadence_days) });
  }
  return out;
}

/**
 * Items in these (open) stages of the owner's active purposes that have sat there since before `since`, or whose
 * next-step date is before `today`, longest waiting first.
 */
export async function staleCandidates(
  db: Kysely<Database>,
  ownerId: string,
  openStages: string[],
  since: string,
  today: string,
  limit: number,
) {
  if (openStages.length === 0) return [];
  return db
    .selectFrom('purpose_items as i')
    .innerJoin('purposes as p', 'p.id', 'i.purpose_id')
    .innerJoin('contacts as c', 'c.id', 'i.contact_id')
    .select([
      'i.id',
      'i.purpose_id',
      'i.contact_id',
      'i.stage',
      'i.stage_since',
      'i.next_step',
      'i.next_step_on',
      'p.name as purpose_name',
      'p.stages',
      'c.display_name',
    ])
    .where('i.owner_id', '=', ownerId)
    .where('p.archived_at', 'is', null)
    .where('p.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null)
    .where('i.stage', 'in', openStages)
    .where((eb) => eb.or([eb('i.stage_since', '<', since), eb('i.next_step_on', '<', today)]))
    .orderBy('i.stage_since')
    .orderBy('i.id')
    .limit(limit)
    .execute();
}
