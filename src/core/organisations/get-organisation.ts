import type { OrganisationDetail } from '../../contracts/organisations';
import { type Ctx, requireActor } from '../context';
import { mergedAway, notFound } from '../errors';
import { survivorOf } from '../follow-merges';
import { toOrganisation } from './organisation';
import {
  countPastPeopleOfOrganisation,
  currentPeopleOfOrganisation,
  findOrganisation,
  mergesIntoOrganisation,
  organisationsByIds,
} from './organisation.queries';
import { pastPeoplePage, withStrength } from './organisation-people';

// The page lists this many now (the contact list shows the rest) and this many before (paged on).
const CURRENT_SHOWN = 500;
const PAST_PAGE = 100;

/**
 * One live organisation with the people there now and before (how well I know each: strength, tier, last contact), and the organisations merged into it. One the actor
 * merged away is `not_found` naming the live organisation it now lives in (`details.mergedInto`).
 */
export async function getOrganisation(ctx: Ctx, id: string): Promise<OrganisationDetail> {
  const ownerId = requireActor(ctx);
  const row = await findOrganisation(ctx.db, ownerId, id);
  if (!row) {
    const into = await survivorOf(id, (ids) => organisationsByIds(ctx.db, ownerId, ids));
    throw into ? mergedAway('organisation', into) : notFound('organisation');
  }
  const [current, past, pastTotal, merges] = await Promise.all([
    currentPeopleOfOrganisation(ctx.db, ownerId, id, CURRENT_SHOWN).then((rows) =>
      withStrength(ctx, ownerId, rows),
    ),
    pastPeoplePage(ctx, ownerId, id, { limit: PAST_PAGE }),
    countPastPeopleOfOrganisation(ctx.db, ownerId, id),
    mergesIntoOrganisation(ctx.db, ownerId, id),
  ]);
  return {
    ...toOrganisation(row),
    people: {
      current: current.map(({ row: _, ...p }) => p),
      past: past.items,
      pastTotal,
      pastNextCursor: past.nextCursor,
    },
    merges: merges.map((m) => ({
      id: m.id,
      organisationId: m.merged_id,
      name: m.name,
      mergedAt: m.created_at,
    })),
  };
}
