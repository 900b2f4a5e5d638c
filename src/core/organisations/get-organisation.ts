import type { OrganisationDetail } from '../../contracts/organisations';
import { type Ctx, requireActor } from '../context';
import { notFound } from '../errors';
import { toOrganisation } from './organisation';
import { findOrganisation, peopleOfOrganisation } from './organisation.queries';

/** One live organisation with the people there now and before. */
export async function getOrganisation(ctx: Ctx, id: string): Promise<OrganisationDetail> {
  const ownerId = requireActor(ctx);
  const row = await findOrganisation(ctx.db, ownerId, id);
  if (!row) throw notFound('organisation');
  const people = await peopleOfOrganisation(ctx.db, ownerId, id);
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
  };
}
