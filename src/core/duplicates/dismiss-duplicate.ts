import { findContact } from '../contacts/contact.queries';
import { type Ctx, nowIso, requireActor } from '../context';
import { writeKeeping } from '../db/cached-until-write';
import { notFound, validationError } from '../errors';
import { candidatesKey } from './duplicate-candidates';
import { insertDismissal } from './duplicates.queries';

/**
 * Marks two of the actor's contacts as "not the same person": the pair is no longer suggested. The suggestions
 * worked out before stay kept (they are filtered by dismissals when read), so the next page comes at once.
 */
export async function dismissDuplicate(ctx: Ctx, a: string, b: string): Promise<void> {
  const ownerId = requireActor(ctx);
  if (a === b) throw validationError('b', 'a contact is always the same person as itself');
  for (const id of [a, b]) if (!(await findContact(ctx.db, ownerId, id))) throw notFound('contact');
  const [x, y] = a < b ? [a, b] : [b, a];
  await writeKeeping(ctx.db, [candidatesKey(ownerId)], () =>
    insertDismissal(ctx.db, ownerId, x, y, nowIso(ctx)),
  );
}
