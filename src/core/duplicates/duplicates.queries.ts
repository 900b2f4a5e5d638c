import { type Kysely, sql } from 'kysely';
import { chunkIds } from '../db/chunk';
import { forUpdate } from '../db/portable';
import type { Database, PurposeItemTable } from '../db/schema';

/**
 * The channels of the owner's live contacts whose email, profile URL or E.164 phone is on another of the owner's
 * channels too, with the contact's names (a phone joins only agreeing names), by value then contact. Only shared
 * values are read: finding them runs on the (owner, kind, value) index alone; a value shared with a trashed contact
 * only, or twice on one contact, comes back once and pairs nobody.
 */
export async function sharedChannels(db: Kysely<Database>, ownerId: string) {
  return db
    .with('shared', (w) =>
      w
        .selectFrom('contact_channels')
        .select(['kind', 'value_norm'])
        .where('owner_id', '=', ownerId)
        .where((eb) => eb.or([eb('kind', '!=', 'phone'), eb('value_norm', 'like', '+%')]))
        .groupBy(['kind', 'value_norm'])
        .having((eb) => eb.fn.countAll(), '>', 1),
    )
    .selectFrom('shared as s')
    .innerJoin('contact_channels as c', (j) =>
      j
        .on('c.owner_id', '=', ownerId)
        .onRef('c.kind', '=', 's.kind')
        .onRef('c.value_norm', '=', 's.value_norm'),
    )
    .innerJoin('contacts as k', 'k.id', 'c.contact_id')
    .select(['c.kind', 'c.value_norm', 'c.value', 'c.contact_id', 'k.given_name', 'k.display_name'])
    .where('k.deleted_at', 'is', null)
    .orderBy('c.kind')
    .orderBy('c.value_norm')
    .orderBy('c.contact_id')
    .orderBy('c.position')
    .execute();
}

const LINKEDIN_PROFILE = 'https://www.linkedin.com/in/%';

/**
 * Every live contact of the owner's with what name suggestions compare: the folded name, and the organisation,
 * family name and initial (as each engine lower-cases them), a row per LinkedIn profile it has (`profile` null
 * without one): two profiles are two people.
 */
export async function contactNameKeys(db: Kysely<Database>, ownerId: string) {
  return db
    .selectFrom('contacts as c')
    .leftJoin('contact_channels as p', (j) =>
      j
        .onRef('p.contact_id', '=', 'c.id')
        .on('p.owner_id', '=', ownerId)
        .on('p.kind', '=', 'url')
        .on('p.value_norm', 'like', LINKEDIN_PROFILE),
    )
    .select([
      'c.id',
      'c.sort_key',
      'c.display_name',
      'c.organisation_id',
      sql<string | null>`lower(c.family_name)`.as('family'),
      sql<string>`substr(c.sort_key, 1, 1)`.as('initial'),
      'p.value_norm as profile',
    ])
    .where('c.owner_id', '=', ownerId)
    .where('c.deleted_at', 'is', null)
    .execute();
}

export async function dismissedPairs(db: Kysely<Database>, ownerId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('duplicate_dismissals')
    .select(['contact_a', 'contact_b'])
    .where('owner_id', '=', ownerId)
    .execute();
  return new Set(rows.map((r) => `${r.contact_a}|${r.contact_b}`));
}

/** Stores "not the same person" for the pair `a` < `b`; returns the rows written (0 when it was already there). */
export async function insertDismissal(
  db: Kysely<Database>,
  ownerId: string,
  a: string,
  b: string,
  at: string,
): Promise<number> {
  const r = await db
    .insertInto('duplicate_dismissals')
    .values({ owner_id: ownerId, contact_a: a, contact_b: b, created_at: at })
    .onConflict((oc) => oc.columns(['owner_id', 'contact_a', 'contact_b']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0);
}

export async function insertMerge(db: Kysely<Database>, row: Database['merges']) {
  await db.insertInto('merges').values(row).execute();
}

/** Sets one channel's label (a merge giving a kept channel the label its duplicate had). */
export async function setChannelLabel(db: Kysely<Database>, ownerId: string, id: string, label: string) {
  await db
    .updateTable('contact_channels')
    .set({ label })
    .where('owner_id', '=', ownerId)
    .where('id', '=', id)
    .execute();
}

export async function findMerge(db: Kysely<Database>, ownerId: string, id: string) {
  return db
    .selectFrom('merges')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function setMergeUndone(db: Kysely<Database>, ownerId: string, id: string, at: string) {
  const r = await db
    .updateTable('merges')
    .set({ undone_at: at })
    .where('owner_id', '=', ownerId)
    .where('id', '=', id)
    .where('undone_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function recentMerges(db: Kysely<Database>, ownerId: string, limit: number) {
  return db
    .selectFrom('merges as m')
    .innerJoin('contacts as k', 'k.id', 'm.kept_id')
    .innerJoin('contacts as g', 'g.id', 'm.merged_id')
    .select([
      'm.id',
      'm.kept_id',
      'm.merged_id',
      'm.created_at',
      'm.undone_at',
      'k.display_name as kept_name',
      'g.display_name as merged_name',
      'k.deleted_at as kept_deleted_at',
      'k.merged_into as kept_merged_into',
    ])
    .where('m.owner_id', '=', ownerId)
    .orderBy('m.created_at', 'desc')
    .orderBy('m.id', 'desc')
    .limit(limit)
    .execute();
}

/** Moves rows that point at one contact onto another (positions, sources, history). */
export async function repointContactRows(db: Kysely<Database>, ownerId: string, from: string, to: string) {
  for (const table of ['contact_positions', 'contact_sources', 'contact_history'] as const) {
    await db
      .updateTable(table)
      .set({ contact_id: to })
      .where('owner_id', '=', ownerId)
      .where('contact_id', '=', from)
      .execute();
  }
}

/** Ids of the rows a merge moved from the merged contact to the kept one, per table; undo moves exactly these back. */
export interface MovedRows {
  favours: string[];
  promises: string[];
  purpose_items: string[];
  outreach_items: string[];
  outreach_messages: string[];
  linkedin_invitations: string[];
  introductions_requested: string[];
  introductions_brokered: string[];
  connections_lo: string[];
  connections_hi: string[];
}

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

/**
 * Moves the owner's records about contact `from` to contact `to`: favours, promises, outreach history, LinkedIn
 * invitations, introductions and connection links, and purpose places where `to` is not already on that purpose
 * (a place on a purpose both are on stays with `from`: the merge folds it into `to`'s, see `sharedPurposeItems`),
 * and the queue item unless `to` already has an open one. Returns what moved.
 */
export async function moveContactRecords(
  db: Kysely<Database>,
  ownerId: string,
  from: string,
  to: string,
): Promise<MovedRows> {
  const simple = async (table: 'favours' | 'promises' | 'outreach_messages' | 'linkedin_invitations') =>
    ids(
      await db
        .updateTable(table)
        .set({ contact_id: to })
        .where('owner_id', '=', ownerId)
        .where('contact_id', '=', from)
        .returning('id')
        .execute(),
    );
  const favours = await simple('favours');
  const promises = await simple('promises');
  const outreach_messages = await simple('outreach_messages');
  const linkedin_invitations = await simple('linkedin_invitations');
  const purpose_items = ids(
    await db
      .updateTable('purpose_items')
      .set({ contact_id: to })
      .where('owner_id', '=', ownerId)
      .where('contact_id', '=', from)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('purpose_items as p2')
              .select('p2.id')
              .whereRef('p2.purpose_id', '=', 'purpose_items.purpose_id')
              .where('p2.contact_id', '=', to),
          ),
        ),
      )
      .returning('id')
      .execute(),
  );
  const toHasOpen = await db
    .selectFrom('outreach_items')
    .select('id')
    .where('owner_id', '=', ownerId)
    .where('contact_id', '=', to)
    .where('closed_at', 'is', null)
    .executeTakeFirst();
  let q = db
    .updateTable('outreach_items')
    .set({ contact_id: to })
    .where('owner_id', '=', ownerId)
    .where('contact_id', '=', from);
  if (toHasOpen) q = q.where('closed_at', 'is not', null);
  const outreach_items = ids(await q.returning('id').execute());
  const introductions_requested = ids(
    await db
      .updateTable('introductions')
      .set({ requester_contact_id: to })
      .where('requester_id', '=', ownerId)
      .where('requester_contact_id', '=', from)
      .returning('id')
      .execute(),
  );
  const introductions_brokered = ids(
    await db
      .updateTable('introductions')
      .set({ broker_contact_id: to })
      .where('broker_id', '=', ownerId)
      .where('broker_contact_id', '=', from)
      .returning('id')
      .execute(),
  );
  const connections_lo = ids(
    await db
      .updateTable('connections')
      .set({ lo_contact_id: to })
      .where('account_lo', '=', ownerId)
      .where('lo_contact_id', '=', from)
      .returning('id')
      .execute(),
  );
  const connections_hi = ids(
    await db
      .updateTable('connections')
      .set({ hi_contact_id: to })
      .where('account_hi', '=', ownerId)
      .where('hi_contact_id', '=', from)
      .returning('id')
      .execute(),
  );
  return {
    favours,
    promises,
    purpose_items,
    outreach_items,
    outreach_messages,
    linkedin_invitations,
    introductions_requested,
    introductions_brokered,
    connections_lo,
    connections_hi,
  };
}

/**
 * The places of contacts `keep` and `merge` on the purposes both are on (live, archived or trashed), with each
 * purpose's stages, by purpose id; the items are locked until the transaction ends, so a move on the board meanwhile
 * is read, not overwritten.
 */
export async function sharedPurposeItems(
  db: Kysely<Database>,
  ownerId: string,
  keep: string,
  merge: string,
): Promise<{ purposeId: string; stages: string; kept: PurposeItemTable; merged: PurposeItemTable }[]> {
  const on = (contactId: string) =>
    db
      .selectFrom('purpose_items')
      .select('purpose_id')
      .where('owner_id', '=', ownerId)
      .where('contact_id', '=', contactId);
  const items = await forUpdate(
    db,
    db
      .selectFrom('purpose_items')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .where('contact_id', 'in', [keep, merge])
      .where('purpose_id', 'in', on(keep))
      .where('purpose_id', 'in', on(merge))
      .orderBy('id'),
  ).execute();
  const stages = await stagesOfPurposes(
    db,
    ownerId,
    items.map((i) => i.purpose_id),
  );
  return [...stages].flatMap(([purposeId, json]) => {
    const kept = items.find((i) => i.purpose_id === purposeId && i.contact_id === keep);
    const merged = items.find((i) => i.purpose_id === purposeId && i.contact_id === merge);
    return kept && merged ? [{ purposeId, stages: json, kept, merged }] : [];
  });
}

/** The stored stages (JSON) of these purposes of the owner's, live, archived or trashed, by id. */
export async function stagesOfPurposes(
  db: Kysely<Database>,
  ownerId: string,
  ids: string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const batch of chunkIds([...new Set(ids)])) {
    const rows = await db
      .selectFrom('purposes')
      .select(['id', 'stages'])
      .where('owner_id', '=', ownerId)
      .where('id', 'in', batch)
      .orderBy('id')
      .execute();
    for (const r of rows) out.set(r.id, r.stages);
  }
  return out;
}

/** These purpose items of the owner's that still exist, by id, locked until the transaction ends. */
export async function lockPurposeItems(
  db: Kysely<Database>,
  ownerId: string,
  ids: string[],
): Promise<Map<string, PurposeItemTable>> {
  if (ids.length === 0) return new Map();
  const rows = await forUpdate(
    db,
    db
      .selectFrom('purpose_items')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .where('id', 'in', ids)
      .orderBy('id'),
  ).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Deletes one recorded stage move (a merge's, when its undo puts the item back in its stage). */
export async function deleteStageMove(db: Kysely<Database>, ownerId: string, id: string) {
  await db.deleteFrom('purpose_stage_moves').where('owner_id', '=', ownerId).where('id', '=', id).execute();
}

/** Puts back what `moveContactRecords` moved (by id, so records added to the kept contact since stay there). */
export async function moveContactRecordsBack(
  db: Kysely<Database>,
  ownerId: string,
  mergedId: string,
  moved: Partial<MovedRows>,
) {
  const back = async (
    table:
      | 'favours'
      | 'promises'
      | 'outreach_messages'
      | 'linkedin_invitations'
      | 'purpose_items'
      | 'outreach_items',
    list: string[] | undefined,
  ) => {
    if (!list?.length) return;
    await db
      .updateTable(table)
      .set({ contact_id: mergedId })
      .where('owner_id', '=', ownerId)
      .where('id', 'in', list)
      .execute();
  };
  await back('favours', moved.favours);
  await back('promises', moved.promises);
  await back('outreach_messages', moved.outreach_messages);
  await back('linkedin_invitations', moved.linkedin_invitations);
  await back('purpose_items', moved.purpose_items);
  await back('outreach_items', moved.outreach_items);
  if (moved.introductions_requested?.length)
    await db
      .updateTable('introductions')
      .set({ requester_contact_id: mergedId })
      .where('requester_id', '=', ownerId)
      .where('id', 'in', moved.introductions_requested)
      .execute();
  if (moved.introductions_brokered?.length)
    await db
      .updateTable('introductions')
      .set({ broker_contact_id: mergedId })
      .where('broker_id', '=', ownerId)
      .where('id', 'in', moved.introductions_brokered)
      .execute();
  if (moved.connections_lo?.length)
    await db
      .updateTable('connections')
      .set({ lo_contact_id: mergedId })
      .where('account_lo', '=', ownerId)
      .where('id', 'in', moved.connections_lo)
      .execute();
  if (moved.connections_hi?.length)
    await db
      .updateTable('connections')
      .set({ hi_contact_id: mergedId })
      .where('account_hi', '=', ownerId)
      .where('id', 'in', moved.connections_hi)
      .execute();
}

/** The folded name of each of these tags of the owner's that still exists (live or in the trash), by id. */
export async function tagNormsByIds(
  db: Kysely<Database>,
  ownerId: string,
  ids: string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const batch of chunkIds([...new Set(ids)])) {
    const rows = await db
      .selectFrom('tags')
      .select(['id', 'name_norm'])
      .where('owner_id', '=', ownerId)
      .where('id', 'in', batch)
      .execute();
    for (const r of rows) out.set(r.id, r.name_norm);
  }
  return out;
}

/** Those of these interactions of the owner's that still exist (deleted ones included: they are only marked). */
export async function existingInteractionIds(
  db: Kysely<Database>,
  ownerId: string,
  ids: string[],
): Promise<Set<string>> {
  const out = new Set<string>();
  for (const batch of chunkIds([...new Set(ids)])) {
    const rows = await db
      .selectFrom('interactions')
      .select('id')
      .where('owner_id', '=', ownerId)
      .where('id', 'in', batch)
      .execute();
    for (const r of rows) out.add(r.id);
  }
  return out;
}

/** The changes these imports made to one contact (before and after each update), oldest first. */
export async function contactChangesOfImports(
  db: Kysely<Database>,
  ownerId: string,
  contactId: string,
  importIds: string[],
) {
  if (importIds.length === 0) return [];
  return db
    .selectFrom('import_changes')
    .select(['id', 'import_id', 'before', 'after'])
    .where('owner_id', '=', ownerId)
    .where('entity', '=', 'contact')
    .where('action', '=', 'updated')
    .where('entity_id', '=', contactId)
    .where('import_id', 'in', importIds)
    .orderBy('id')
    .execute();
}
