import {
  type OrganisationPastPeoplePage,
  type OrganisationPastPeopleQuery,
  organisationPastPeopleQuery,
} from '../../contracts/organisations';
import { type Ctx, requireActor } from '../context';
import { mergedAway, notFound } from '../errors';
import { survivorOf } from '../follow-merges';
import { validate } from '../validate';
import { findOrganisation, organisationsByIds } from './organisation.queries';
import { pastPeoplePage } from './organisation-people';

/**
 * The people who were at one of my live organisations before, a page at a time (the organisation's page shows the
 * first). Another account's organisation is `not_found`; one merged away is `not_found` naming where it lives now.
 */
export async function listOrganisationPastPeople(
  ctx: Ctx,
  id: string,
  query: OrganisationPastPeopleQuery = {},
): Promise<OrganisationPastPeoplePage> {
  const ownerId = requireActor(ctx);
  const q = validate(organisationPastPeopleQuery, query);
  if (!(await findOrganisation(ctx.db, ownerId, id))) {
    const into = await survivorOf(id, (ids) => organisationsByIds(ctx.db, ownerId, ids));
    throw into ? mergedAway('organisation', into) : notFound('organisation');
  }
  return pastPeoplePage(ctx, ownerId, id, { limit: q.limit, cursor: q.cursor });
}
