import type { Ctx } from '../context';
import { chunkIds } from '../db/chunk';
import type { InteractionDirection, InteractionKind } from '../db/schema';
import {
  cadenceInputs,
  favoursOfContacts,
  interactionsOfContacts,
  saveStates,
  statesOf,
} from './relationship.queries';
import { DEFAULT_SETTINGS, favourSize, stateRow, toStrengthState } from './relationship-state';
import { applyFavour, applyInteraction, EMPTY_STATE, type StrengthState } from './strength';

/**
 * Recomputes the relationship state of these contacts from all their interactions and favours (one pass each),
 * keeping the owner's settings. For changes that are not a simple addition: deletions, merges, undone imports, a
 * tag's new cadence, and the full recompute command.
 */
export async function refreshRelationships(ctx: Ctx, ownerId: string, contactIds: string[]): Promise<void> {
  const now = ctx.clock.now();
  for (const ids of chunkIds([...new Set(contactIds)], 500)) {
    const [existing, inputs, interactions, favours] = await Promise.all([
      statesOf(ctx.db, ownerId, ids),
      cadenceInputs(ctx.db, ownerId, ids),
      interactionsOfContacts(ctx.db, ownerId, ids),
      favoursOfContacts(ctx.db, ownerId, ids),
    ]);
    const states = new Map<string, StrengthState>(
      ids.map((id) => [id, { ...EMPTY_STATE, asOf: now.getTime() }]),
    );
    for (const i of interactions) {
      const s = states.get(i.contact_id);
      if (!s) continue;
      states.set(
        i.contact_id,
        applyInteraction(s, {
          kind: i.kind as InteractionKind,
          direction: i.direction as InteractionDirection,
          answered: i.answered === null ? null : Boolean(i.answered),
          at: Date.parse(i.occurred_at),
        }),
      );
    }
    for (const f of favours) {
      const s = states.get(f.contact_id);
      if (s)
        states.set(f.contact_id, applyFavour(s, { size: favourSize(f.size), at: Date.parse(f.occurred_on) }));
    }
    const rows = ids
      .filter((id) => inputs.has(id))
      .map((id) =>
        stateRow(
          ownerId,
          id,
          states.get(id) ?? toStrengthState(undefined),
          existing.get(id) ?? DEFAULT_SETTINGS,
          inputs.get(id),
          now,
        ),
      );
    await saveStates(ctx.db, rows);
  }
}
