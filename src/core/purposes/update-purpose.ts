import type { Purpose, PurposeUpdateInput } from '../../contracts/purposes';
import { purposeUpdateInput } from '../../contracts/purposes';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { isUniqueViolation } from '../db/portable';
import type { PurposeTable } from '../db/schema';
import { AppError, validationError } from '../errors';
import { rescheduleRelationships } from '../relationships/reschedule-relationships';
import { validate } from '../validate';
import { normalisePurposeName, presentPurpose, purposeNameTaken, requirePurpose } from './purpose';
import {
  contactIdsOnPurpose,
  findPurposeByNorm,
  insertMoves,
  itemCountsByStage,
  moveStageItems,
  updatePurposeRow,
} from './purpose.queries';
import { buildStages, parseStages, requireDoneStageFor, stagesJson } from './stages';

/**
 * Edits a purpose: name, description, target, deadline, keep-in-touch cadence, follow-up delay and its stages
 * (rename, reorder, add, remove). Items never get lost: removing a stage that holds items needs `moveItems`
 * naming the stage they go to, else the edit is refused. Keep-in-touch dates follow a change of cadence.
 */
export async function updatePurpose(ctx: Ctx, id: string, input: PurposeUpdateInput): Promise<Purpose> {
  const ownerId = requireActor(ctx);
  const data = validate(purposeUpdateInput, input);
  return inTransaction(ctx, async (tx) => {
    const row = await requirePurpose(tx, ownerId, id, { lock: true });
    const now = nowIso(tx);
    const patch: Partial<PurposeTable> = { updated_at: now };
    if (data.name !== undefined) {
      const norm = normalisePurposeName(data.name);
      const other = await findPurposeByNorm(tx.db, ownerId, norm);
      if (other && other.id !== id) throw purposeNameTaken(data.name);
      patch.name = data.name;
      patch.name_norm = norm;
    }
    if (data.description !== undefined) patch.description = data.description;
    if (data.targetCount !== undefined) patch.target_count = data.targetCount;
    if (data.deadline !== undefined) patch.deadline = data.deadline;
    if (data.cadenceDays !== undefined) patch.cadence_days = data.cadenceDays;
    if (data.followUpDays !== undefined) patch.follow_up_days = data.followUpDays;

    const before = parseStages(row.stages);
    let stagesChanged = false;
    if (data.stages) {
      const after = buildStages(tx, data.stages, before);
      const kept = new Set(after.map((s) => s.id));
      const removed = before.filter((s) => !kept.has(s.id));
      const moveItems = data.moveItems ?? {};
      for (const key of Object.keys(moveItems)) {
        if (!removed.some((s) => s.id === key))
          throw validationError(`moveItems.${key}`, 'is not a stage this edit removes');
        if (!kept.has(moveItems[key] as string))
          throw validationError(`moveItems.${key}`, 'must name a stage the purpose keeps');
      }
      const counts = await itemCountsByStage(tx.db, ownerId, id);
      for (const stage of removed) {
        const n = counts.get(stage.id) ?? 0;
        const target = moveItems[stage.id];
        if (n > 0 && !target)
          throw new AppError(
            'validation',
            `stages: '${stage.name}' holds ${n} item${n === 1 ? '' : 's'}; say which stage they move to (moveItems) or move them first`,
            { issues: [{ path: `moveItems.${stage.id}`, message: `'${stage.name}' holds ${n} items` }] },
          );
        if (!target || n === 0) continue;
        const moved = await moveStageItems(tx.db, ownerId, id, stage.id, target, now);
        await insertMoves(
          tx.db,
          moved.map((itemId) => ({
            id: tx.ids.next(),
            owner_id: ownerId,
            item_id: itemId,
            from_stage: stage.id,
            to_stage: target,
            moved_at: now,
            source: 'stage-removed',
          })),
        );
      }
      patch.stages = stagesJson(after);
      stagesChanged = true;
    }
    // Only an edit of the target or the stages is checked, so a purpose made before the rule can still be renamed.
    if (data.targetCount !== undefined || data.stages)
      requireDoneStageFor(
        patch.target_count === undefined ? row.target_count : patch.target_count,
        patch.stages ? parseStages(patch.stages) : before,
      );
    try {
      await updatePurposeRow(tx.db, ownerId, id, patch);
    } catch (e) {
      // Another purpose took the name while this request was checking (two renames at once).
      if (patch.name && isUniqueViolation(e)) throw purposeNameTaken(patch.name);
      throw e;
    }

    const cadenceBefore = row.cadence_days;
    const cadenceAfter = patch.cadence_days === undefined ? cadenceBefore : patch.cadence_days;
    const cadenceMatters = cadenceBefore !== null || cadenceAfter !== null;
    // A new cadence, or stages that moved items in or out of a closed stage, change who the purpose keeps in touch.
    if (cadenceMatters && (cadenceBefore !== cadenceAfter || stagesChanged))
      await rescheduleRelationships(tx, ownerId, await contactIdsOnPurpose(tx.db, ownerId, id), {});
    return (await presentPurpose(tx, ownerId, await requirePurpose(tx, ownerId, id))).purpose;
  });
}
