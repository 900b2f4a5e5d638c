import { type Kysely, sql } from 'kysely';
import { chunkIds } from '../db/chunk';
import { forUpdate } from '../db/portable';
import type { Database, PurposeItemTable } from '../db/schema';

/** Pairs of the owner's live contacts that share an email, a LinkedIn profile or an E.164 phone. */
export async function pairsSharingChannels(db: Kysely<Database>, ownerId: string, limit: number) {
  return db
    .selectFrom('contact_channels as a')
    .innerJoin('contact_channels as b', (j) =>
      j
        .onRef('a.kind', '=', 'b.kind')
        .onRef('a.value_norm', '=', 'b.value_norm')
        .onRef('a.contact_id', '<', 'b.contact_id'),
    )
    .innerJoin('contacts as ca', 'ca.id', 'a.contact_id')
    .innerJoin('contacts as cb', 'cb.id', 'b.contact_id')
    .select(['a.contact_id as a', 'b.contact_id as b', 'a.kind', 'a.value'])
    .where('a.owner_id', '=', ownerId)
    .where('b.owner_id', '=', ownerId)
    .where('ca.deleted_at', 'is', null)
    .where('cb.deleted_at', 'is', null)
    .where((eb) => eb.or([eb('a.kind', '!=', 'phone'), eb('a.value_norm', 'like', '+%')]))
    .limit(limit)
    .execute();
}

const LINKEDIN_PROFILE = 'https://www.linkedin.com/in/%';

/**
 * Pairs of live contacts whose names fold alike, or with the same family name and given-name initial at the same
 * organisation: suggestions only, never merged automatically. Left out before the limit, so that a rolodex with
 * many namesakes still reaches its real pairs: pairs marked "not the same person", and two contacts each with
 * their own, different LinkedIn profile (two people, however alike the names). Pairs at one organisation first.
 */
export async function pairsWithSimilarNames(db: Kysely<Database>, ownerId: string, limit: number) {
  const profile = (contact: 'a.id' | 'b.id') =>
    db
      .selectFrom('contact_channels as p')
      .select('p.value_norm')
      .where('p.owner_id', '=', ownerId)
      .where('p.contact_id', '=', sql.ref<string>(contact))
      .where('p.kind', '=', 'url')
      .where('p.value_norm', 'like', LINKEDIN_PROFILE);
  return db
    .selectFrom('contacts as a')
    .innerJoin('contacts as b', (j) => j.onRef('a.owner_id', '=', 'b.owner_id').onRef('a.id', '<', 'b.id'))
    .select(['a.id as a', 'b.id as b', 'a.sort_key as name'])
    .where('a.owner_id', '=', ownerId)
    .where('a.deleted_at', 'is', null)
    .where('b.deleted_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('a.sort_key', '=', eb.ref('b.sort_key')),
        eb.and([
          eb('a.organisation_id', '=', eb.ref('b.organisation_id')),
          eb(sql`lower(a.family_name)`, '=', sql`lower(b.family_name)`),
          eb(sql`substr(a.sort_key, 1, 1)`, '=', sql`substr(b.sort_key, 1, 1)`),
        ]),
      ]),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('duplicate_dismissals as d')
            .select('d.contact_a')
            .where('d.owner_id', '=', ownerId)
            .whereRef('d.contact_a', '=', 'a.id')
            .whereRef('d.contact_b', '=', 'b.id'),
        ),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.and([
          eb.exists(profile('a.id')),
          eb.exists(profile('b.id')),
          eb.not(eb.exists(profile('a.id').where('p.value_norm', 'in', profile('b.id')))),
        ]),
      ),
    )
    .orderBy(sql`case when a.organisation_id = b.organisation_id then 0 else 1 end`)
    .orderBy('a.sort_key')
    .orderBy('a.id')
    .orderBy('b.id')
    .limit(limit)
    .execute();
}

/** The LinkedIn profiles (normalised `https://www.linkedin.com/in/<slug>`) of each of `ids` that has one. */
export async function linkedinProfilesOf(
  db: Kysely<Database>,
  ownerId: string,
  ids: string[],
): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('contact_channels')
    .select(['contact_id', 'value_norm'])
    .where('owner_id', '=', ownerId)
    .where('kind', '=', 'url')
    .where('value_norm', 'like', LINKEDIN_PROFILE)
    .where('contact_id', 'in', ids)
    .execute();
  for (const r of rows) {
    if (!r.value_norm) continue;
    const set = out.get(r.contact_id) ?? new Set<string>();
    set.add(r.value_norm);
    out.set(r.contact_id, set);
  }
  return out;
}

export async function dismissedPairs(db: Kysely<Database>, ownerId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('duplicate_dismissals')
    .select(['contact_a', 'contact_b'])
    .where('owner_id', '=', ownerId)
    .execute();
  return new Set(rows.map((r) => `${r.contact_a}|${r.contact_b}`));
}

export async function insertDismissal(
  db: Kysely<Database>,
  ownerId: string,
  a: string,
  b: string,
  at: string,
) {
  await db
    .insertInto('duplicate_dismissals')
    .values({ owner_id: ownerId, contact_a: a, contact_b: b, created_at: at })
    .onConflict((oc) => oc.columns(['owner_id', 'contact_a', 'contact_b']).doNothing())
    .execute();
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
