import { type Ctx, requireActor } from '../context';
import type { ProgressOptions } from '../progress';
import { refreshRelationships } from './refresh-relationships';
import { contactsWithHistory } from './relationship.queries';

/**
 * Rebuilds every relationship state of the actor from the full history (the model changed, or to check). With
 * `onProgress`, reports contacts scored ('scoring') per batch, from 0 to all of them.
 */
export async function recomputeRelationships(
  ctx: Ctx,
  opts: ProgressOptions = {},
): Promise<{ contacts: number }> {
  const ownerId = requireActor(ctx);
  const { onProgress } = opts;
  const ids = await contactsWithHistory(ctx.db, ownerId);
  onProgress?.({ phase: 'scoring', done: 0, total: ids.length });
  await refreshRelationships(
    ctx,
    ownerId,
    ids,
    onProgress && ((done) => onProgress({ phase: 'scoring', done, total: ids.length })),
  );
  return { contacts: ids.length };
}
