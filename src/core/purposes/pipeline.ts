import { settingsOf } from '../agenda/agenda.queries';
import { localDay, zonedInstant } from '../agenda/local-day';
import { toSettings } from '../agenda/settings';
import type { Ctx } from '../context';
import { nowIso } from '../context';
import type { PurposeItemTable, PurposeTable } from '../db/schema';
import { validationError } from '../errors';
import { rescheduleRelationships } from '../relationships/reschedule-relationships';
import { insertItems, insertMoves, lastPosition, updateItemRow } from './purpose.queries';

/** Fields an item can be placed with; `since` (checked by `pastMoment`) dates a placement made after the fact. */
export interface ItemFields {
  nextStep?: string | null;
  nextStepOn?: string | null;
  note?: string | null;
  since?: string;
}

// A clock a little ahead of the server's is not "the future".
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * A moment given after the fact (a move or placement recorded later), as stored: a day is midday there in the
 * owner's zone, or now when it is today. Throws `validation` on `field` when it is in the future.
 */
export async function pastMoment(ctx: Ctx, ownerId: string, value: string, field: string): Promise<string> {
  const now = ctx.clock.now();
  let at: Date;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const { timeZone } = toSettings(await settingsOf(ctx.db, ownerId));
    const today = localDay(now, timeZone);
    if (value > today) throw validationError(field, 'is in the future');
    at = value === today ? now : zonedInstant(`${value}T12:00:00`, timeZone);
  } else {
    at = new Date(Date.parse(value));
    if (at.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) throw validationError(field, 'is in the future');
  }
  return (at > now ? now : at).toISOString();
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
  const since = fields.since ?? now;
  const base = await lastPosition(tx.db, ownerId, purpose.id, stageId);
  const rows: PurposeItemTable[] = contactIds.map((contactId, i) => ({
    id: tx.ids.next(),
    owner_id: ownerId,
    purpose_id: purpose.id,
    contact_id: contactId,
    stage: stageId,
    stage_since: since,
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
      moved_at: since,
      source,
    })),
  );
  await cadenceChanged(tx, ownerId, purpose, contactIds);
  return rows;
}

/**
 * Moves an item to `stageId` at `position` (the bottom of the column when null). A change of stage restarts its
 * time in stage from `movedAt` (now when left out; the caller checked it) and is recorded; a move within the
 * column only reorders.
 */
export async function moveItemTo(
  tx: Ctx,
  ownerId: string,
  purpose: PurposeTable,
  item: PurposeItemTable,
  stageId: string,
  position: number | null,
  source: string,
  movedAt?: string,
): Promise<void> {
  const now = nowIso(tx);
  const at = movedAt ?? now;
  const changes = item.stage !== stageId;
  const pos =
    position ?? (changes ? (await lastPosition(tx.db, ownerId, purpose.id, stageId)) + 1 : item.position);
  await updateItemRow(tx.db, ownerId, item.id, {
    stage: stageId,
    position: pos,
    updated_at: now,
    ...(changes ? { stage_since: at } : {}),
  });
  if (!changes) return;
  await insertMoves(tx.db, [
    {
      id: tx.ids.next(),
      owner_id: ownerId,
      item_id: item.id,
      from_stage: item.stage,
      to_stage: stageId,
      moved_at: at,
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
