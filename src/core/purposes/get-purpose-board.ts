import type { PurposeBoard } from '../../contracts/purposes';
import { type Ctx, requireActor } from '../context';
import { presentPurpose, requirePurpose } from './purpose';

/** A purpose as a board: one column per stage, its items in order with time in stage, next step and staleness. */
export async function getPurposeBoard(ctx: Ctx, id: string): Promise<PurposeBoard> {
  const ownerId = requireActor(ctx);
  const { purpose, items } = await presentPurpose(ctx, ownerId, await requirePurpose(ctx, ownerId, id));
  return {
    purpose,
    columns: purpose.stages.map((stage) => ({ stage, items: items.filter((i) => i.stageId === stage.id) })),
  };
}
