import { lockContacts } from '../contacts/contact.queries';
import type { Ctx } from '../context';
import type { InteractionDirection, InteractionKind } from '../db/schema';
import { cadenceInputs, saveStates, statesOf } from './relationship.queries';
import { DEFAULT_SETTINGS, favourContactAt, stateRow, toStrengthState } from './relationship-state';
import { applyFavour, applyInteraction, type FavourSize } from './strength';

/**
 * The hot path: adds one new interaction or favour to each contact's state in O(1) (no rescan), and moves the
 * keep-in-touch date on. Removals and edits go through `refreshRelationships` instead. Inside the caller's
 * transaction, with the contacts locked: two events at once each add to what the other left, neither is lost.
 */
export async function addToRelationships(
  ctx: Ctx,
  ownerId: string,
  contactIds: string[],
  event:
    | {
        type: 'interaction';
        kind: InteractionKind;
        direction: InteractionDirection;
        answered: boolean | null;
        /** With other contacts too: a written one counts as a group's (strength.ts `WEIGHTS.group`). */
        group?: boolean;
        at: number;
      }
    | { type: 'favour'; size: FavourSize; at: number; day: string; direction: 'given' | 'received' },
): Promise<void> {
  await lockContacts(ctx.db, ownerId, contactIds);
  const [existing, inputs] = await Promise.all([
    statesOf(ctx.db, ownerId, contactIds),
    cadenceInputs(ctx.db, ownerId, contactIds),
  ]);
  const now = ctx.clock.now();
  const rows = contactIds.map((id) => {
    const row = existing.get(id);
    const before = toStrengthState(row);
    const after =
      event.type === 'interaction'
        ? applyInteraction(before, event)
        : applyFavour(before, { ...event, contactAt: favourContactAt(event.day, inputs.get(id)?.timeZone) });
    return stateRow(ownerId, id, after, row ?? DEFAULT_SETTINGS, inputs.get(id), now);
  });
  await saveStates(ctx.db, rows);
}
