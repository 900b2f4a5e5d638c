import type { Purpose, PurposeInput } from '../../contracts/purposes';
import { purposeInput } from '../../contracts/purposes';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { validate } from '../validate';
import { normalisePurposeName, presentPurpose, purposeNameTaken } from './purpose';
import { findPurposeByNorm, insertPurposeIfAbsent } from './purpose.queries';
import { buildStages, requireDoneStageFor, stagesJson } from './stages';

/**
 * Creates a purpose with its pipeline (the default stages unless given). A live purpose with the same folded name
 * is a `conflict`.
 */
export async function createPurpose(ctx: Ctx, input: PurposeInput): Promise<Purpose> {
  const ownerId = requireActor(ctx);
  const data = validate(purposeInput, input);
  const stages = buildStages(ctx, data.stages);
  requireDoneStageFor(data.targetCount ?? null, stages);
  const norm = normalisePurposeName(data.name);
  return inTransaction(ctx, async (tx) => {
    if (await findPurposeByNorm(tx.db, ownerId, norm)) throw purposeNameTaken(data.name);
    const now = nowIso(tx);
    const row = {
      id: tx.ids.next(),
      owner_id: ownerId,
      name: data.name,
      name_norm: norm,
      description: data.description ?? null,
      target_count: data.targetCount ?? null,
      deadline: data.deadline ?? null,
      stages: stagesJson(stages),
      cadence_days: data.cadenceDays ?? null,
      follow_up_days: data.followUpDays ?? null,
      archived_at: null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    };
    // One of that name created meanwhile (the same request sent twice) is the same conflict.
    if (!(await insertPurposeIfAbsent(tx.db, row))) throw purposeNameTaken(data.name);
    return (await presentPurpose(tx, ownerId, row)).purpose;
  });
}
