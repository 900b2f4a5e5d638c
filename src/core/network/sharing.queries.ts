import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import { chunkIds } from '../db/chunk';
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
    .where('c.owner_id', '=', ownerId)
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
 * What the shared-contact presenter needs of those of `contactIds` (owned by `ownerId`) that are findable right now:
 * name, organisation, title, the owner's name, the first LinkedIn profile URL and the relationship state for the tier.
 * Contacts that are not findable are simply absent.
 */
export async function findableContactFacts(db: Kysely<Database>, ownerId: string, contactIds: string[]) {
  const out = [];
  for (const ids of chunkIds([...new Set(contactIds)])) {
    out.push(
      ...(await db
        .selectFrom('contacts as c')
        .innerJoin('accounts as a', 'a.id', 'c.owner_id')
        .leftJoin('organisations as o', (j) =>
          j.onRef('o.id', '=', 'c.organisation_id').on('o.deleted_at', 'is', null),
        )
        .leftJoin('relationship_states as s', (j) =>
          j.onRef('s.contact_id', '=', 'c.id').on('s.owner_id', '=', ownerId),
        )
        .select((eb) => [
          'c.id',
          'c.owner_id',
          'c.display_name',
          'c.title',
          'o.name as organisation_name',
          'a.name as owner_name',
          eb
            .selectFrom('contact_channels as ch')
            .select((e) => e.fn.min<string>('ch.value_norm').as('v'))
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
        .where('c.owner_id', '=', ownerId)
        .where('c.id', 'in', ids)
        .where(isFindable)
        .execute()),
    );
  }
  return out;
}
