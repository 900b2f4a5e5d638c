import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
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
