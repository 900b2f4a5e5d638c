import { type Ctx, requireActor } from '../context';
import { refreshRelationships } from './refresh-relationships';
import { contactsWithHistory } from './relationship.queries';

/** Rebuilds every relationship state of the actor from the full history (the model changed, or to check). */
export async function recomputeRelationships(ctx: Ctx): Promise<{ contacts: number }> {
  const ownerId = requireActor(ctx);
  const ids = await contactsWithHistory(ctx.db, ownerId);
  await refreshRelationships(ctx, ownerId, ids);
  return { contacts: ids.length };
}
