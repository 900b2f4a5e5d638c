import type { OrganisationDetail } from '../../contracts/organisations';
import { type Ctx, requireActor } from '../context';
import { mergedAway, notFound } from '../errors';
import { survivorOf } from '../follow-merges';
import { toOrganisation } from './organisation';
import {
  findOrganisation,
  mergesIntoOrganisation,
  organisationsByIds,
  peopleOfOrganisation,
} from './organisation.queries';

/**
 * One live organisation with the people there now and before, and the organisations merged into it. One the actor
 * merged away is `not_found` naming the live organisation it now lives in (`details.mergedInto`).
 */
export async function getOrganisation(ctx: Ctx, id: string): Promise<OrganisationDetail> {
  const ownerId = requireActor(ctx);
  const row = await findOrganisation(ctx.db, ownerId, id);
  if (!row) {
    const into = await survivorOf(id, (ids) => organisationsByIds(ctx.db, ownerId, ids));
    throw into ? mergedAway('organisation', into) : notFound('organisation');
  }
  const [people, merges] = await Promise.all([
    peopleOfOrganisation(ctx.db, ownerId, id),
    mergesIntoOrganisation(ctx.db, ownerId, id),
  ]);
  return {
    ...toOrganisation(row),
    people: {
      current: people.current.map((p) => ({ id: p.id, displayName: p.display_name, title: p.title })),
      past: people.past.map((p) => ({
        id: p.id,
        displayName: p.display_name,
        title: p.title,
        endedOn: p.ended_on,
      })),
    },
    merges: merges.map((m) => ({
      id: m.id,
      organisationId: m.merged_id,
      name: m.name,
      mergedAt: m.created_at,
    })),
  };
}
