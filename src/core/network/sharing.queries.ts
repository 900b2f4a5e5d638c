import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import { chunkIds } from '../db/chunk';
import { ownerOfIdList } from '../db/portable';
import type { Database } from '../db/schema';

/**
 * The sharing rule, as SQL over `contacts` (aliased `c`): a live contact is findable by its owner's connections when
 * it says so itself ('findable'), or says nothing (null) and carries a live tag marked findable. 'private' wins
 * over any tag. The one definition every network query uses, so search, paths and introductions cannot disagree.
 */
export function isFindable(eb: ExpressionBuilder<Database & { c: Database['contacts'] }, 'c'>) {
  return eb.and([
    eb('c.deleted_at', 'is', null),
    eb('c.merged_into', 'is', null),
    eb.or([
      eb('c.share', '=', 'findable'),
      eb.and([
        eb('c.share', 'is', null),
        eb.exists(
          eb
            .selectFrom('contact_tags as ct')
            .innerJoin('tags as t', 't.id', 'ct.tag_id')
            .select(sql.lit(1).as('one'))
            .whereRef('ct.contact_id', '=', 'c.id')
            .where('t.findable', '=', 1)
            .where('t.deleted_at', 'is', null),
        ),
      ]),
    ]),
  ]);
}

/** Which of `contactIds` (all owned by `ownerId`) are findable right now. */
export async function findableAmong(
  db: Kysely<Database>,
  ownerId: string,
  contactIds: string[],
): Promise<Set<string>> {
  if (contactIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('contacts as c')
    .select('c.id')
    .where(ownerOfIdList(db, 'c.owner_id', ownerId))
    .where('c.id', 'in', contactIds)
    .where(isFindable)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Each owner's account-wide sharing switches (tier, LinkedIn link); owners without settings share neither. */
export async function sharingSettingsOf(
  db: Kysely<Database>,
  ownerIds: string[],
): Promise<Map<string, { shareTier: boolean; shareLinkedin: boolean }>> {
  const out = new Map<string, { shareTier: boolean; shareLinkedin: boolean }>();
  for (const id of ownerIds) out.set(id, { shareTier: false, shareLinkedin: false });
  for (const ids of chunkIds([...new Set(ownerIds)])) {
    const rows = await db
      .selectFrom('account_settings')
      .select(['account_id', 'share_tier', 'share_linkedin'])
      .where('account_id', 'in', ids)
      .execute();
    for (const r of rows) {
      out.set(r.account_id, {
        shareTier: Number(r.share_tier) === 1,
        shareLinkedin: Number(r.share_linkedin) === 1,
      });
    }
  }
  return out;
}

const LINKEDIN_PREFIX = 'https://www.linkedin.com/in/';

/**
 * What the shared-contact presenter needs of the findable-right-now contacts among `byOwner` (owner id → that
 * owner's contact ids), for all owners at once: name, organisation, title, the owner's name, the first LinkedIn
 * profile URL and the relationship state for the tier. A row is returned only for a pair asked for: a contact id
 * listed under an owner that does not own it is absent, as are contacts that are not findable.
 */
export async function findableContactFacts(
  db: Kysely<Database>,
  byOwner: ReadonlyMap<string, readonly string[]>,
) {
  const ownerOf = new Map<string, Set<string>>();
  for (const [owner, ids] of byOwner) {
    for (const id of ids) {
      const owners = ownerOf.get(id);
      if (owners) owners.add(owner);
      else ownerOf.set(id, new Set([owner]));
    }
  }
  const out = [];
  for (const ids of chunkIds([...ownerOf.keys()])) {
    const owners = [...new Set(ids.flatMap((id) => [...(ownerOf.get(id) as Set<string>)]))];
    const rows = await db
      .selectFrom('contacts as c')
      .innerJoin('accounts as a', 'a.id', 'c.owner_id')
      .leftJoin('organisations as o', (j) =>
        j.onRef('o.id', '=', 'c.organisation_id').on('o.deleted_at', 'is', null),
      )
      .leftJoin('relationship_states as s', (j) =>
        j.onRef('s.contact_id', '=', 'c.id').onRef('s.owner_id', '=', 'c.owner_id'),
      )
      .select((eb) => [
        'c.id',
        'c.owner_id',
        'c.display_name',
        'c.given_name',
        'c.family_name',
        'c.title',
        'o.name as organisation_name',
        'a.name as owner_name',
        eb
          .selectFrom('contact_channels as ch')
          .select((e) => e.fn.min<string>('ch.value_norm').as('v'))
          // The owner too, so the lookup uses contact_channels_contact_idx instead of reading every channel.
          .whereRef('ch.owner_id', '=', 'c.owner_id')
          .whereRef('ch.contact_id', '=', 'c.id')
          .where('ch.kind', '=', 'url')
          .where('ch.value_norm', 'like', `${LINKEDIN_PREFIX}%`)
          .as('linkedin_url'),
        's.as_of_ms',
        's.face',
        's.voice',
        's.out_w',
        's.in_w',
        's.favours',
        's.first_at',
        's.last_at',
        's.closeness',
      ])
      .where('c.owner_id', 'in', owners)
      .where('c.id', 'in', ids)
      .where(isFindable)
      .execute();
    // Owner-scoped per pair: the IN lists alone would let an id asked under one owner match another listed owner.
    for (const r of rows) if (ownerOf.get(r.id)?.has(r.owner_id)) out.push(r);
  }
  return out;
}

/** Upserts the account's sharing switches, keeping its other settings (or their defaults). */
export async function saveSharingSwitches(
  db: Kysely<Database>,
  accountId: string,
  switches: { share_tier: number; share_linkedin: number },
  defaults: Omit<Database['account_settings'], 'account_id' | 'updated_at' | 'share_tier' | 'share_linkedin'>,
  now: string,
): Promise<void> {
  await db
    .insertInto('account_settings')
    .values({ account_id: accountId, ...defaults, ...switches, updated_at: now })
    .onConflict((oc) => oc.column('account_id').doUpdateSet({ ...switches, updated_at: now }))
    .execute();
}

/** The owner's live tags with whether each is findable and how many live contacts carry it, by name. */
export async function tagsWithSharing(db: Kysely<Database>, ownerId: string) {
  const rows = await db
    .selectFrom('tags as t')
    .select((eb) => [
      't.id',
      't.name',
      't.findable',
      eb
        .selectFrom('contact_tags as ct')
        .innerJoin('contacts as c', 'c.id', 'ct.contact_id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('ct.tag_id', '=', 't.id')
        .where('c.deleted_at', 'is', null)
        .where('c.merged_into', 'is', null)
        .as('contact_count'),
    ])
    .where('t.owner_id', '=', ownerId)
    .where('t.deleted_at', 'is', null)
    .orderBy('t.name_norm')
    .execute();
  return rows.map((r) => ({ ...r, contact_count: Number(r.contact_count ?? 0) }));
}

/** The owner's live contacts that decide for themselves (`share`), the first `limit` by name, and how many in all. */
export async function contactsSharing(
  db: Kysely<Database>,
  ownerId: string,
  share: 'findable' | 'private',
  limit: number,
) {
  const base = db
    .selectFrom('contacts')
    .where('owner_id', '=', ownerId)
    .where('share', '=', share)
    .where('deleted_at', 'is', null)
    .where('merged_into', 'is', null);
  const [items, total] = await Promise.all([
    base.select(['id', 'display_name']).orderBy('sort_key').orderBy('id').limit(limit).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** How many of the owner's contacts are findable right now. */
export async function countFindable(db: Kysely<Database>, ownerId: string): Promise<number> {
  const row = await db
    .selectFrom('contacts as c')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('c.owner_id', '=', ownerId)
    .where(isFindable)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Which of `tagIds` are the owner's live tags. */
export async function liveTagIds(
  db: Kysely<Database>,
  ownerId: string,
  tagIds: string[],
): Promise<Set<string>> {
  const out = new Set<string>();
  for (const ids of chunkIds([...new Set(tagIds)])) {
    const rows = await db
      .selectFrom('tags')
      .select('id')
      .where('owner_id', '=', ownerId)
      .where('id', 'in', ids)
      .where('deleted_at', 'is', null)
      .execute();
    for (const r of rows) out.add(r.id);
  }
  return out;
}

export async function setTagsFindable(
  db: Kysely<Database>,
  ownerId: string,
  tagIds: string[],
  findable: boolean,
) {
  for (const ids of chunkIds(tagIds)) {
    await db
      .updateTable('tags')
      .set({ findable: findable ? 1 : 0 })
      .where('owner_id', '=', ownerId)
      .where('id', 'in', ids)
      .execute();
  }
}

export async function setContactsShare(
  db: Kysely<Database>,
  ownerId: string,
  contactIds: string[],
  share: 'findable' | 'private' | null,
) {
  // Not an edit of the contact itself: updated_at (and address-book sync) stay as they are.
  for (const ids of chunkIds(contactIds)) {
    await db
      .updateTable('contacts')
      .set({ share })
      .where(ownerOfIdList(db, 'owner_id', ownerId))
      .where('id', 'in', ids)
      .execute();
  }
}

/** For each of the owner's live contacts among `contactIds`: its own choice, the findable tags it carries, and the rule's verdict. */
export async function sharingOfContacts(db: Kysely<Database>, ownerId: string, contactIds: string[]) {
  const out = new Map<string, { share: 'findable' | 'private' | null; tags: string[]; findable: boolean }>();
  for (const ids of chunkIds([...new Set(contactIds)])) {
    const rows = await db
      .selectFrom('contacts as c')
      .select((eb) => ['c.id', 'c.share', isFindable(eb).as('findable')])
      .where(ownerOfIdList(db, 'c.owner_id', ownerId))
      .where('c.id', 'in', ids)
      .where('c.deleted_at', 'is', null)
      .where('c.merged_into', 'is', null)
      .execute();
    for (const r of rows) out.set(r.id, { share: r.share, tags: [], findable: Boolean(Number(r.findable)) });
    const tags = await db
      .selectFrom('contact_tags as ct')
      .innerJoin('tags as t', 't.id', 'ct.tag_id')
      .select(['ct.contact_id', 't.name'])
      .where('ct.owner_id', '=', ownerId)
      .where('ct.contact_id', 'in', ids)
      .where('t.findable', '=', 1)
      .where('t.deleted_at', 'is', null)
      .orderBy('t.name_norm')
      .execute();
    for (const t of tags) out.get(t.contact_id)?.tags.push(t.name);
  }
  return out;
}
