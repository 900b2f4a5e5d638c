import type { z } from 'zod';
import { moveItemInput, type PurposeItem } from '../../contracts/purposes';
import { type Ctx, inTransaction, requireActor } from '../context';
import { notFound, validationError } from '../errors';
import { validate } from '../validate';
import { moveItemTo, pastMoment } from './pipeline';
import { presentPurpose, requirePurpose, requireStage } from './purpose';
import { columnOrder, findItem, updateItemRow } from './purpose.queries';
import { parseStages } from './stages';

// Below this gap between neighbours the column is renumbered before inserting between them.
const MIN_GAP = 1e-6;
/**
 * Moves an item to a stage (by id, or by name for the CLI), optionally at `index` in that column (0 = top).
 * A change of stage is recorded with when it happened (`movedAt` for one recorded after the fact, else now); a move
 * within the column only reorders.
 */
export async function moveItem(
  ctx: Ctx,
  purposeId: string,
  itemId: string,
  input: z.input<typeof moveItemInput>,
  source = 'manual',
): Promise<PurposeItem> {
  const ownerId = requireActor(ctx);
  const data = validate(moveItemInput, input);
  return inTransaction(ctx, async (tx) => {
    const purpose = await requirePurpose(tx, ownerId, purposeId, { lock: true });
    const item = await findItem(tx.db, ownerId, purposeId, itemId);
    if (!item) throw notFound('item');
    const stage = requireStage(parseStages(purpose.stages), data.stageId, 'stageId');
    let position: number | null = null;
    if (data.index !== undefined) {
      let order = await columnOrder(tx.db, ownerId, purposeId, stage.id, item.id);
      const gap = (i: number) => Number(order[i]?.position) - Number(order[i - 1]?.position);
      if (data.index > 0 && data.index < order.length && gap(data.index) < MIN_GAP) {
        for (const [i, r] of order.entries()) await updateItemRow(tx.db, ownerId, r.id, { position: i + 1 });
        order = order.map((r, i) => ({ ...r, position: i + 1 }));
      }
      const prev = order[data.index - 1];
      const next = order[data.index];
      position =
        prev && next
          ? (Number(prev.position) + Number(next.position)) / 2
          : prev
            ? Number(prev.position) + 1
            : next
              ? Number(next.position) - 1
              : 1;
    }
    let movedAt: string | undefined;
    if (data.movedAt !== undefined && stage.id !== item.stage) {
      movedAt = await pastMoment(tx, ownerId, data.movedAt, 'movedAt');
      // Not before they came into the stage they leave: the history stays in order.
      if (Date.parse(movedAt) < Date.parse(item.stage_since)) {
        const from = parseStages(purpose.stages).find((s) => s.id === item.stage)?.name ?? '?';
        throw validationError(
          'movedAt',
          `is before they came into '${from}' (${item.stage_since.slice(0, 10)}): give a later day`,
        );
      }
    }
    await moveItemTo(tx, ownerId, purpose, item, stage.id, position, source, movedAt);
    const { items } = await presentPurpose(tx, ownerId, purpose);
    const moved = items.find((i) => i.id === itemId);
    if (!moved) throw notFound('item');
    return moved;
  });
}
