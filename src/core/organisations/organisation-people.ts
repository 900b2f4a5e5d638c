import type { OrganisationPastPeoplePage, OrganisationPerson } from '../../contracts/organisations';
import type { Ctx } from '../context';
import { decodeScopedCursor, encodeScopedCursor } from '../cursor';
import { statesOf } from '../relationships/relationship.queries';
import { toStrengthState } from '../relationships/relationship-state';
import { strengthAt } from '../relationships/strength';
import { pastPeopleOfOrganisation } from './organisation.queries';

/**
 * These people with their relationship strength today, tier and last contact, as the contact's own page computes
 * them: whom I really know at the organisation. One read of the stored states, however many people.
 */
export async function withStrength<T extends { id: string; display_name: string; title: string | null }>(
  ctx: Ctx,
  ownerId: string,
  rows: T[],
): Promise<(OrganisationPerson & { row: T })[]> {
  const states = await statesOf(ctx.db, ownerId, [...new Set(rows.map((r) => r.id))]);
  const now = ctx.clock.now().getTime();
  return rows.map((r) => {
    const state = states.get(r.id);
    const strength = strengthAt(toStrengthState(state), now, state ? Number(state.closeness) : 0);
    return {
      id: r.id,
      displayName: r.display_name,
      title: r.title,
      score: strength.score,
      tier: strength.tier,
      lastContactAt: state?.last_at ?? null,
      row: r,
    };
  });
}

/**
 * One page of the people who were at the organisation before (one row per past position), most recently left first;
 * the cursor only works for this owner and organisation. The caller has checked the organisation is the actor's.
 */
export async function pastPeoplePage(
  ctx: Ctx,
  ownerId: string,
  orgId: string,
  opts: { limit: number; cursor?: string },
): Promise<OrganisationPastPeoplePage> {
  const after = opts.cursor ? decodeScopedCursor(opts.cursor, ['e', 'p'], ownerId, [orgId]) : undefined;
  const rows = await pastPeopleOfOrganisation(ctx.db, ownerId, orgId, {
    limit: opts.limit + 1,
    after: after ? { ended: String(after.e), positionId: String(after.p) } : undefined,
  });
  const more = rows.length > opts.limit;
  const shown = await withStrength(ctx, ownerId, rows.slice(0, opts.limit));
  const last = shown.at(-1)?.row;
  return {
    items: shown.map(({ row, ...p }) => ({ ...p, endedOn: row.ended_on })),
    nextCursor:
      more && last
        ? encodeScopedCursor(ownerId, [orgId], { e: last.ended_on ?? '', p: last.position_id })
        : null,
  };
}
