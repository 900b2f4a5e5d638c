import { lockContacts } from '../contacts/contact.queries';
import type { Ctx } from '../context';
import { saveStates, statesOf } from './relationship.queries';

/**
 * When two contacts merge, the kept one takes the closer rating and, if it had none, the merged one's cadence;
 * "not this person" holds only if both said so. Strength is recomputed from the combined history afterwards.
 */
export async function mergeRelationshipSettings(
  ctx: Ctx,
  ownerId: string,
  keepId: string,
  mergeId: string,
): Promise<void> {
  await lockContacts(ctx.db, ownerId, [keepId, mergeId]);
  const states = await statesOf(ctx.db, ownerId, [keepId, mergeId]);
  const kept = states.get(keepId);
  const merged = states.get(mergeId);
  if (!merged) return;
  const now = ctx.clock.now().toISOString();
  await saveStates(ctx.db, [
    {
      ...(kept ?? { ...merged, contact_id: keepId, cadence_stopped: merged.cadence_stopped }),
      owner_id: ownerId,
      contact_id: keepId,
      closeness: Math.max(kept?.closeness ?? 0, merged.closeness),
      cadence_days: kept?.cadence_days ?? merged.cadence_days,
      cadence_stopped: kept
        ? kept.cadence_stopped && merged.cadence_stopped
          ? 1
          : 0
        : merged.cadence_stopped,
      updated_at: now,
    },
  ]);
}
