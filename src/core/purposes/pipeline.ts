import type { Ctx } from '../context';
import { nowIso } from '../context';
import type { PurposeItemTable, PurposeTable } from '../db/schema';
import { rescheduleRelationships } from '../relationships/reschedule-relationships';
import { insertItems, insertMoves, lastPosition, updateItemRow } from './purpose.queries';

/** Fields an item can be placed with. */
export interface ItemFields {
  nextStep?: string | null;
  nextStepOn?: string | null;
  note?: string | null;
}

/**
 * Puts contacts (the caller checked they are live and not yet there) on a purpose in `stageId`, at the bottom of
 * its column, recording the placement as the first move. Runs inside the caller's transaction.
 */
export async function placeItems(
  tx: Ctx,
  ownerId: string,
  purpose: PurposeTable,
  contactIds: string[],
  stageId: string,
  fields: ItemFields,
  source: string,
): Promise<PurposeItemTable[]> {
  if (contactIds.length === 0) return [];
  const now = nowIso(tx);
  const base = await lastPosition(tx.db, ownerId, purpose.id, stageId);
  const rows: PurposeItemTable[] = contactIds.map((contactId, i) => ({
    id: tx.ids.next(),
    owner_id: ownerId,
    purpose_id: purpose.id,
    contact_id: contactId,
    stage: stageId,
    stage_since: now,
    position: base + i + 1,
    next_step: fields.nextStep ?? null,
    next_step_on: fields.nextStepOn ?? null,
    note: fields.note ?? null,
    created_at: now,
    updated_at: now,
  }));
  await insertItems(tx.db, rows);
  await insertMoves(
    tx.db,
    rows.map((r) => ({
      id: tx.ids.next(),
      owner_id: ownerId,
      item_id: r.id,
      from_stage: null,
      to_stage: stageId,
      moved_at: now,
      source,
    })),
  );
  await cadenceChanged(tx, ownerId, purpose, contactIds);
  return rows;
}

/**
 * Moves an item to `stageId` at `position` (the bottom of the column when null). A change of stage restarts its
 * time in stage and is recorded; a move within the column only reorders.
 */
export async function moveItemTo(
  tx: Ctx,
  ownerId: string,
  purpose: PurposeTable,
  item: PurposeItemTable,
  stageId: string,
  position: number | null,
  source: string,
): Promise<void> {
  const now = nowIso(tx);
  const changes = item.stage !== stageId;
  const pos =
    position ?? (changes ? (await lastPosition(tx.db, ownerId, purpose.id, stageId)) + 1 : item.position);
  await updateItemRow(tx.db, ownerId, item.id, {
    stage: stageId,
    position: pos,
    updated_at: now,
    ...(changes ? { stage_since: now } : {}),
  });
  if (!changes) return;
  await insertMoves(tx.db, [
    {
      id: tx.ids.next(),
      owner_id: ownerId,
      item_id: item.id,
      from_stage: item.stage,
      to_stage: stageId,
      moved_at: now,
      source,
    },
  ]);
  await cadenceChanged(tx, ownerId, purpose, [item.contact_id]);
}

/**
 * A purpose with a keep-in-touch cadence changed for these contacts (placed, moved in or out of a closed stage,
 * removed, or the purpose's cadence or status changed): their next due dates are recomputed.
 */
export async function cadenceChanged(
  tx: Ctx,
  ownerId: string,
  purpose: Pick<PurposeTable, 'cadence_days'>,
  contactIds: string[],
): Promise<void> {
  if (purpose.cadence_days === null || contactIds.length === 0) return;
  // An empty change makes a state row for contacts never in touch, so the purpose's cadence can make them due.
  await rescheduleRelationships(tx, ownerId, contactIds, {});
}
