import { lockContacts } from '../contacts/contact.queries';
import { type Ctx, inTransaction } from '../context';
import { chunkIds } from '../db/chunk';
import type { InteractionDirection } from '../db/schema';
import {
  cadenceInputs,
  favoursOfContacts,
  interactionsOfContacts,
  saveStates,
  statesOf,
} from './relationship.queries';
import {
  DEFAULT_SETTINGS,
  favourContactAt,
  favourSize,
  stateRow,
  toStrengthState,
} from './relationship-state';
import {
  applyFavour,
  DIRECTION_CODES,
  foldInteractions,
  type InteractionKind,
  KIND_CODES,
  STATE_WIDTH,
  type StrengthState,
} from './strength';

/**
 * Recomputes the relationship state of these contacts from all their interactions and favours (one pass each),
 * keeping the owner's settings. For changes that are not a simple addition: deletions, merges, undone imports, a
 * tag's new cadence, and the full recompute command. `onBatch` hears how many contacts are done after each batch.
 */
export async function refreshRelationships(
  ctx: Ctx,
  ownerId: string,
  contactIds: string[],
  onBatch?: (done: number) => void,
): Promise<void> {
  const now = ctx.clock.now();
  let done = 0;
  for (const ids of chunkIds([...new Set(contactIds)], 500)) {
    await inTransaction(ctx, (tx) => refreshBatch(tx, ownerId, ids, now));
    done += ids.length;
    onBatch?.(done);
  }
}

/** One batch, in one transaction (the caller's, if any) with its contacts locked: an event added meanwhile waits. */
async function refreshBatch(ctx: Ctx, ownerId: string, ids: string[], now: Date): Promise<void> {
  await lockContacts(ctx.db, ownerId, ids);
  const [existing, inputs, interactions, favours] = await Promise.all([
    statesOf(ctx.db, ownerId, ids),
    cadenceInputs(ctx.db, ownerId, ids),
    interactionsOfContacts(ctx.db, ownerId, ids),
    favoursOfContacts(ctx.db, ownerId, ids),
  ]);
  // One columnar pass over every interaction of the batch (foldInteractions), then favours on top.
  const index = new Map(ids.map((id, i) => [id, i]));
  const n = interactions.length;
  const cols = {
    count: n,
    contact: new Uint32Array(n),
    kind: new Uint8Array(n),
    direction: new Uint8Array(n),
    answered: new Uint8Array(n),
    at: new Float64Array(n),
    group: new Uint8Array(n),
  };
  interactions.forEach((r, i) => {
    cols.contact[i] = index.get(r.contact_id) ?? 0;
    cols.kind[i] = KIND_CODES[r.kind as InteractionKind] ?? KIND_CODES.note;
    cols.direction[i] = DIRECTION_CODES[r.direction as InteractionDirection] ?? DIRECTION_CODES.mutual;
    cols.answered[i] = r.answered === null ? 2 : r.answered ? 1 : 0;
    cols.at[i] = Date.parse(r.occurred_at);
    cols.group[i] = Number(r.people) > 1 ? 1 : 0;
  });
  const lastIndex = new Int32Array(ids.length);
  const folded = foldInteractions(cols, ids.length, now.getTime(), lastIndex);
  const states = new Map<string, StrengthState>(
    ids.map((id, i) => {
      const o = i * STATE_WIDTH;
      const first = folded[o + 4] as number;
      const last = folded[o + 5] as number;
      return [
        id,
        {
          asOf: now.getTime(),
          face: folded[o] as number,
          voice: folded[o + 1] as number,
          out: folded[o + 2] as number,
          in: folded[o + 3] as number,
          favours: 0,
          firstAt: Number.isNaN(first) ? null : first,
          lastAt: Number.isNaN(last) ? null : last,
          lastKind:
            (lastIndex[i] as number) >= 0
              ? (interactions[lastIndex[i] as number]?.kind as InteractionKind)
              : null,
          lastDirection:
            (lastIndex[i] as number) >= 0
              ? (interactions[lastIndex[i] as number]?.direction as InteractionDirection)
              : null,
        },
      ];
    }),
  );
  for (const f of favours) {
    const s = states.get(f.contact_id);
    if (s)
      states.set(
        f.contact_id,
        applyFavour(s, {
          size: favourSize(f.size),
          at: Date.parse(f.occurred_on),
          contactAt: favourContactAt(f.occurred_on, inputs.get(f.contact_id)?.timeZone),
          direction: f.direction,
        }),
      );
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
