import type { z } from 'zod';
import { organisationDismissInput } from '../../contracts/organisations';
import { type Ctx, nowIso, requireActor } from '../context';
import { writeKeeping } from '../db/cached-until-write';
import { notFound, validationError } from '../errors';
import { validate } from '../validate';
import { organisationCandidatesKey } from './find-organisation-duplicates';
import { findOrganisation, insertOrganisationDismissal } from './organisation.queries';

/**
 * Marks two of the actor's organisations as different companies: the pair is no longer suggested. The suggestions
 * worked out before stay kept (they are filtered by dismissals when read), so the next page comes at once.
 */
export async function dismissOrganisationDuplicate(
  ctx: Ctx,
  input: z.input<typeof organisationDismissInput>,
): Promise<void> {
  const ownerId = requireActor(ctx);
  const { a, b } = validate(organisationDismissInput, input);
  if (a === b) throw validationError('b', 'an organisation is always the same company as itself');
  for (const id of [a, b]) if (!(await findOrganisation(ctx.db, ownerId, id))) throw notFound('organisation');
  const [x, y] = a < b ? [a, b] : [b, a];
  await writeKeeping(ctx.db, [organisationCandidatesKey(ownerId)], () =>
    insertOrganisationDismissal(ctx.db, {
      owner_id: ownerId,
      organisation_a: x,
      organisation_b: y,
      created_at: nowIso(ctx),
    }),
  );
}
