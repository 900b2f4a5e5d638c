import type { Kysely } from 'kysely';
import { type ContactFilter, contactsMatching } from '../contacts/contact.queries';
import { forUpdate, lockRows, ownerOfIdList } from '../db/portable';
import type { Database, TagTable } from '../db/schema';

type TagWithCount = TagTable & { contact_count: number };

function withCounts(db: Kysely<Database>, ownerId: string) {
  return db
    .selectFrom('tags')
    .selectAll('tags')
    .select((eb) =>
      eb
        .selectFrom('contact_tags')
        .innerJoin('contacts', 'contacts.id', 'contact_tags.contact_id')
        .whereRef('contact_tags.tag_id', '=', 'tags.id')
        .where('contacts.deleted_at', 'is', null)
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('contact_count'),
    )
    .where('tags.owner_id', '=', ownerId);
}

/** The owner's live tags with the number of live contacts carrying each, by name. */
export async function listTags(db: Kysely<Database>, ownerId: string): Promise<TagWithCount[]> {
  return (await withCounts(db, ownerId)
    .where('tags.deleted_at', 'is', null)
    .orderBy('tags.name_norm')
    .execute()) as TagWithCount[];
}

/** The owner's trashed tags, most recently deleted first. */
export async function listTrashedTags(db: Kysely<Database>, ownerId: string): Promise<TagWithCount[]> {
  return (await withCounts(db, ownerId)
    .where('tags.deleted_at', 'is not', null)
    .orderBy('tags.deleted_at', 'desc')
    .execute()) as TagWithCount[];
}

export async function findTag(
  db: Kysely<Database>,
  ownerId: string,
  id: string,
  opts: { deleted: boolean } = { deleted: false },
): Promise<TagWithCount | undefined> {
  return (await withCounts(db, ownerId)
    .where('tags.id', '=', id)
    .where('tags.deleted_at', opts.deleted ? 'is not' : 'is', null)
    .executeTakeFirst()) as TagWithCount | undefined;
}

export async function findLiveTagsByNorm(
  db: Kysely<Database>,
  ownerId: string,
  norms: string[],
): Promise<TagTable[]> {
  if (norms.length === 0) return [];
  return db
    .selectFrom('tags')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('deleted_at', 'is', null)
    .where('name_norm', 'in', norms)
    .execute();
}

/**
 * Locks those of the owner's tags with these ids that are live (not deleted, not in the trash) until the
 * transaction ends (see `forUpdate`), and returns their ids. A merge of one under way is waited for, then its
 * outcome read.
 */
export async function lockLiveTags(
  db: Kysely<Database>,
  ownerId: string,
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await forUpdate(
    db,
    db
      .selectFrom('tags')
      .select('id')
      .where('owner_id', '=', ownerId)
      .where('id', 'in', [...new Set(ids)].sort())
      .where('deleted_at', 'is', null)
      .orderBy('id'),
  ).execute();
  return new Set(rows.map((r) => r.id));
}

/** Locks the owner's tags with these ids until the transaction ends, in id order (see `forUpdate`). */
export async function lockTags(db: Kysely<Database>, ownerId: string, ids: string[]): Promise<void> {
  await lockRows(
    db,
    db
      .selectFrom('tags')
      .select('id')
      .where('owner_id', '=', ownerId)
      .where('id', 'in', [...new Set(ids)].sort())
      .orderBy('id'),
  );
}

/**
 * Inserts the tags whose folded names no live tag of the owner has, in name order; a name a concurrent request has
 * just taken is left out (its tag is the one to use). Returns the ids inserted.
 */
export async function insertTagsIfAbsent(db: Kysely<Database>, rows: TagTable[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const sorted = [...rows].sort((a, b) =>
    a.name_norm < b.name_norm ? -1 : a.name_norm > b.name_norm ? 1 : 0,
  );
  const inserted = await db
    .insertInto('tags')
    .values(sorted)
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .execute();
  return new Set(inserted.map((r) => r.id));
}

export async function renameTag(
  db: Kysely<Database>,
  ownerId: string,
  id: string,
  name: string,
  norm: string,
) {
  await db
    .updateTable('tags')
    .set({ name, name_norm: norm })
    .where('owner_id', '=', ownerId)
    .where('id', '=', id)
    .execute();
}

export async function setTagDeletedAt(db: Kysely<Database>, ownerId: string, id: string, at: string | null) {
  await db
    .updateTable('tags')
    .set({ deleted_at: at })
    .where('owner_id', '=', ownerId)
    .where('id', '=', id)
    .execute();
}

/** Contacts (live or trashed) carrying the tag. */
export async function contactIdsWithTag(
  db: Kysely<Database>,
  ownerId: string,
  tagId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('contact_tags')
    .select('contact_id')
    .where('owner_id', '=', ownerId)
    .where('tag_id', '=', tagId)
    .execute();
  return rows.map((r) => r.contact_id);
}

/** Moves every contact from one tag to another, skipping contacts that already carry the target. */
export async function moveTagLinks(
  db: Kysely<Database>,
  ownerId: string,
  fromId: string,
  toId: string,
): Promise<void> {
  await db
    .insertInto('contact_tags')
    .columns(['owner_id', 'contact_id', 'tag_id'])
    .expression((eb) =>
      eb
        .selectFrom('contact_tags as ct')
        .select((e) => [e.val(ownerId).as('owner_id'), 'ct.contact_id', e.val(toId).as('tag_id')])
        .where('ct.owner_id', '=', ownerId)
        .where('ct.tag_id', '=', fromId)
        .where((e) =>
          e.not(
            e.exists(
              e
                .selectFrom('contact_tags as t2')
                .select('t2.contact_id')
                .whereRef('t2.contact_id', '=', 'ct.contact_id')
                .where('t2.tag_id', '=', toId),
            ),
          ),
        ),
    )
    .execute();
  await db.deleteFrom('contact_tags').where('owner_id', '=', ownerId).where('tag_id', '=', fromId).execute();
}

/**
 * Makes a merged-away tag's folded name lead to the tag it was merged into, and names that led to the merged-away
 * tag lead there too (a merge of a merge), so each name is one hop from a tag.
 */
export async function recordMergedTagName(
  db: Kysely<Database>,
  ownerId: string,
  merged: { nameNorm: string; id: string },
  intoId: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('tag_merged_names')
    .set({ tag_id: intoId })
    .where('owner_id', '=', ownerId)
    .where('tag_id', '=', merged.id)
    .execute();
  await db
    .insertInto('tag_merged_names')
    .values({ owner_id: ownerId, name_norm: merged.nameNorm, tag_id: intoId, merged_at: at })
    .onConflict((oc) => oc.columns(['owner_id', 'name_norm']).doUpdateSet({ tag_id: intoId, merged_at: at }))
    .execute();
}

/**
 * The live tag each folded name means: the live tag of that name, else the one a merged-away tag of that name was
 * merged into (ADR 22). Names that mean no live tag are left out.
 */
export async function tagsNamed(
  db: Kysely<Database>,
  ownerId: string,
  norms: string[],
): Promise<Map<string, { id: string; name: string }>> {
  const out = new Map<string, { id: string; name: string }>();
  for (const t of await findLiveTagsByNorm(db, ownerId, norms))
    out.set(t.name_norm, { id: t.id, name: t.name });
  const rest = norms.filter((n) => !out.has(n));
  for (const t of await liveTagsByMergedNorm(db, ownerId, rest))
    out.set(t.name_norm, { id: t.id, name: t.name });
  return out;
}

/** For folded names of merged-away tags: the live tag each now leads to (none when that one is in the trash). */
export async function liveTagsByMergedNorm(
  db: Kysely<Database>,
  ownerId: string,
  norms: string[],
): Promise<{ name_norm: string; id: string; name: string }[]> {
  if (norms.length === 0) return [];
  return db
    .selectFrom('tag_merged_names as m')
    .innerJoin('tags as t', (j) => j.onRef('t.id', '=', 'm.tag_id').onRef('t.owner_id', '=', 'm.owner_id'))
    .select(['m.name_norm', 't.id', 't.name'])
    .where('m.owner_id', '=', ownerId)
    .where('m.name_norm', 'in', norms)
    .where('t.deleted_at', 'is', null)
    .execute();
}

export async function deleteTag(db: Kysely<Database>, ownerId: string, id: string): Promise<void> {
  await db.deleteFrom('tags').where('owner_id', '=', ownerId).where('id', '=', id).execute();
}

/** Hard-deletes tags trashed before `before`; returns how many. */
export async function purgeTrashedTags(db: Kysely<Database>, before: string): Promise<number> {
  const r = await db.deleteFrom('tags').where('deleted_at', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Live tag names per contact, alphabetical. */
export async function tagNamesByContact(
  db: Kysely<Database>,
  ownerId: string,
  contactIds: string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (contactIds.length === 0) return out;
  const rows = await db
    .selectFrom('contact_tags')
    .innerJoin('tags', 'tags.id', 'contact_tags.tag_id')
    .select(['contact_tags.contact_id', 'tags.name'])
    .where('contact_tags.owner_id', '=', ownerId)
    .where('contact_tags.contact_id', 'in', contactIds)
    .where('tags.deleted_at', 'is', null)
    .orderBy('tags.name_norm')
    .execute();
  for (const r of rows) out.set(r.contact_id, [...(out.get(r.contact_id) ?? []), r.name]);
  return out;
}

/** Replaces the contact's links to live tags with exactly `tagIds`; links to trashed tags wait for their restore. */
export async function setContactTags(
  db: Kysely<Database>,
  ownerId: string,
  contactId: string,
  tagIds: string[],
) {
  await db
    .deleteFrom('contact_tags')
    .where('owner_id', '=', ownerId)
    .where('contact_id', '=', contactId)
    .where('tag_id', 'in', (eb) =>
      eb.selectFrom('tags').select('id').where('owner_id', '=', ownerId).where('deleted_at', 'is', null),
    )
    .execute();
  if (tagIds.length === 0) return;
  await db
    .insertInto('contact_tags')
    .values(tagIds.map((tag_id) => ({ owner_id: ownerId, contact_id: contactId, tag_id })))
    .execute();
}

/**
 * Those of the contacts `filter` matches that a retag changes (they lack one of `addIds` or carry one of
 * `removeIds`), in id order, locked until the transaction ends (see `forUpdate`): an edit of one waits.
 */
export async function lockContactsToRetag(
  db: Kysely<Database>,
  filter: ContactFilter,
  addIds: string[],
  removeIds: string[],
): Promise<string[]> {
  const query = contactsMatching(db, filter)
    .select('contacts.id')
    .where((eb) => {
      const carrying = (tagIds: string[]) =>
        eb.exists(
          eb
            .selectFrom('contact_tags')
            .select('contact_tags.tag_id')
            .whereRef('contact_tags.contact_id', '=', 'contacts.id')
            .where('contact_tags.tag_id', 'in', tagIds),
        );
      return eb.or([
        ...addIds.map((id) => eb.not(carrying([id]))),
        ...(removeIds.length > 0 ? [carrying(removeIds)] : []),
      ]);
    })
    .orderBy('contacts.id');
  return (await forUpdate(db, query).execute()).map((r) => r.id);
}

/** Whether one of these tags has a keep-in-touch interval (tag cadence). */
export async function anyTagWithCadence(
  db: Kysely<Database>,
  ownerId: string,
  ids: string[],
): Promise<boolean> {
  if (ids.length === 0) return false;
  const row = await db
    .selectFrom('tags')
    .select('id')
    .where('owner_id', '=', ownerId)
    .where('id', 'in', ids)
    .where('cadence_days', 'is not', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** Gives each of these contacts each of these tags, in one statement; links already there stay as they are. */
export async function linkTags(
  db: Kysely<Database>,
  ownerId: string,
  contactIds: string[],
  tagIds: string[],
) {
  if (contactIds.length === 0 || tagIds.length === 0) return;
  await db
    .insertInto('contact_tags')
    .columns(['owner_id', 'contact_id', 'tag_id'])
    .expression((eb) =>
      eb
        .selectFrom(['contacts', 'tags'])
        .select(['contacts.owner_id', 'contacts.id as contact_id', 'tags.id as tag_id'])
        .where(ownerOfIdList(db, 'contacts.owner_id', ownerId))
        .where('contacts.id', 'in', contactIds)
        .where('tags.owner_id', '=', ownerId)
        .where('tags.id', 'in', tagIds),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Takes these tags off these contacts, in one statement. */
export async function unlinkTags(
  db: Kysely<Database>,
  ownerId: string,
  contactIds: string[],
  tagIds: string[],
) {
  if (contactIds.length === 0 || tagIds.length === 0) return;
  await db
    .deleteFrom('contact_tags')
    .where('owner_id', '=', ownerId)
    .where('contact_id', 'in', contactIds)
    .where('tag_id', 'in', tagIds)
    .execute();
}

/** Deletes tags no contact carries any more (undoing an import that created them). */
export async function deleteUnusedTags(db: Kysely<Database>, ownerId: string, ids: string[]) {
  if (ids.length === 0) return;
  await db
    .deleteFrom('tags')
    .where('owner_id', '=', ownerId)
    .where('id', 'in', ids)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('contact_tags').select('tag_id').whereRef('contact_tags.tag_id', '=', 'tags.id'),
        ),
      ),
    )
    .execute();
}
