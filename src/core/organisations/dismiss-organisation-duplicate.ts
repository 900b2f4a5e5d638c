import type { z } from 'zod';
import { organisationDismissInput } from '../../contracts/organisations';
import { type Ctx, nowIso, requireActor } from '../context';
import { notFound, validationError } from '../errors';
import { validate } from '../validate';
import { findOrganisation, insertOrganisationDismissal } from './organisation.queries';

/** Marks two of the actor's organisations as different companies: the pair is no longer suggested. */
export async function dismissOrganisationDuplicate(
  ctx: Ctx,
  input: z.input<typeof organisationDismissInput>,
): Promise<void> {
  const ownerId = requireActor(ctx);
  const { a, b } = validate(organisationDismissInput, input);
  if (a === b) throw validationError('b', 'an organisation is always the same company as itself');
  for (const id of [a, b]) if (!(await findOrganisation(ctx.db, ownerId, id))) throw notFound('organisation');
  const [x, y] = a < b ? [a, b] : [b, a];
  await insertOrganisationDismissal(ctx.db, {
    owner_id: ownerId,
    organisation_a: x,
    organisation_b: y,
    created_at: nowIso(ctx),
  });
}
