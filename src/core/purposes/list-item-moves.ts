import type { z } from 'zod';
import type { stageMove } from '../../contracts/purposes';
import { type Ctx, requireActor } from '../context';
import { notFound } from '../errors';
import { requirePurpose } from './purpose';
import { findItem, movesOfItem } from './purpose.queries';
import { parseStages } from './stages';

/** An item's stage history, oldest first; a stage since removed shows as "(removed stage)". */
export async function listItemMoves(
  ctx: Ctx,
  purposeId: string,
  itemId: string,
): Promise<{ items: z.infer<typeof stageMove>[] }> {
  const ownerId = requireActor(ctx);
  const purpose = await requirePurpose(ctx, ownerId, purposeId);
  if (!(await findItem(ctx.db, ownerId, purposeId, itemId))) throw notFound('item');
  const names = new Map(parseStages(purpose.stages).map((s) => [s.id, s.name]));
  const stage = (id: string) => ({ id, name: names.get(id) ?? '(removed stage)' });
  const moves = await movesOfItem(ctx.db, ownerId, itemId);
  return {
    items: moves.map((m) => ({
      id: m.id,
      fromStage: m.from_stage === null ? null : stage(m.from_stage),
      toStage: stage(m.to_stage),
      movedAt: m.moved_at,
      source: m.source,
    })),
  };
}
