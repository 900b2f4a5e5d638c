import type { Purpose, PurposeItem, Stage } from '../../contracts/purposes';
import { settingsOf } from '../agenda/agenda.queries';
import { localDay } from '../agenda/local-day';
import { toSettings } from '../agenda/settings';
import type { Ctx } from '../context';
import type { PurposeItemTable, PurposeTable } from '../db/schema';
import { AppError, notFound } from '../errors';
import { fold } from '../text/fold';
import { boardItems, findPurpose, lockPurpose, stagesReached } from './purpose.queries';
import { findStage, openStageIds, parseStages, roleIndex } from './stages';

const DAY = 86_400_000;

/** An item that has sat this long in an open stage with no move is stale. */
export const STALE_DAYS = 14;

/** Purpose names compare accent-, case- and space-insensitively. */
export function normalisePurposeName(name: string): string {
  return fold(name).trim().replace(/\s+/g, ' ');
}

export function purposeNameTaken(name: string): AppError {
  return new AppError('conflict', `name: a purpose called "${name}" already exists`, {
    issues: [{ path: 'name', message: 'a purpose with this name already exists' }],
  });
}

/**
 * The owner's live purpose, or `not_found` (also when it is someone else's). With `lock` (in a transaction that
 * changes its board or itself), concurrent requests doing the same wait for this one and then see what it did.
 */
export async function requirePurpose(
  ctx: Ctx,
  ownerId: string,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<PurposeTable> {
  if (opts.lock) await lockPurpose(ctx.db, ownerId, id);
  const row = await findPurpose(ctx.db, ownerId, id);
  if (!row) throw notFound('purpose');
  return row;
}

/** The stage with this id (or name), or a `validation` error on `field`. */
export function requireStage(stages: Stage[], ref: string, field: string): Stage {
  const stage = findStage(stages, ref);
  if (!stage)
    throw new AppError(
      'validation',
      `${field}: no stage "${ref}" (stages: ${stages.map((s) => s.name).join(', ')})`,
      {
        issues: [{ path: field, message: 'is not a stage of this purpose' }],
      },
    );
  return stage;
}

export interface Staleness {
  stale: boolean;
  reason: string | null;
}

const weeksOrDays = (days: number) =>
  days >= 14 ? `${Math.floor(days / 7)} weeks` : `${days} day${days === 1 ? '' : 's'}`;

/** Whether an item in an open stage needs attention: no move for STALE_DAYS, or its next-step date passed. */
export function staleness(
  item: Pick<PurposeItemTable, 'stage' | 'stage_since' | 'next_step_on'>,
  stages: Stage[],
  open: Set<string>,
  now: Date,
  today: string,
): Staleness & { days: number } {
  const days = daysSince(item.stage_since, now);
  if (!open.has(item.stage)) return { stale: false, reason: null, days };
  const name = stages.find((s) => s.id === item.stage)?.name ?? '?';
  if (item.next_step_on && item.next_step_on < today)
    return { stale: true, reason: `next step was due ${item.next_step_on}`, days };
  if (days >= STALE_DAYS) return { stale: true, reason: `${weeksOrDays(days)} in '${name}'`, days };
  return { stale: false, reason: null, days };
}

export function daysSince(iso: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(iso)) / DAY));
}

type ItemRow = PurposeItemTable & { display_name: string; title: string | null; organisation: string | null };

export function toItem(row: ItemRow, s: Staleness & { days: number }): PurposeItem {
  return {
    id: row.id,
    purposeId: row.purpose_id,
    contact: {
      id: row.contact_id,
      displayName: row.display_name,
      organisation: row.organisation,
      title: row.title,
    },
    stageId: row.stage,
    stageSince: row.stage_since,
    daysInStage: s.days,
    position: Number(row.position),
    nextStep: row.next_step,
    nextStepOn: row.next_step_on,
    note: row.note,
    stale: s.stale,
    staleReason: s.reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * Purposes with their progress, and their items (live contacts only) presented, from one read of the items:
 * counts per stage, how many reached the 'done' stage (now at or past it and not closed, or ever moved into it),
 * and how many are stale.
 */
export async function presentPurposes(
  ctx: Ctx,
  ownerId: string,
  rows: PurposeTable[],
  today: string,
): Promise<{ purpose: Purpose; items: PurposeItem[] }[]> {
  const ids = rows.map((r) => r.id);
  const [items, reached] = await Promise.all([
    boardItems(ctx.db, ownerId, ids),
    stagesReached(ctx.db, ownerId, ids),
  ]);
  const reachedSet = new Set(reached.map((r) => `${r.item_id}:${r.to_stage}`));
  const now = ctx.clock.now();
  return rows.map((row) => {
    const stages = parseStages(row.stages);
    const open = openStageIds(stages);
    const done = roleIndex(stages, 'done');
    const closed = roleIndex(stages, 'closed');
    const doneId = stages[done]?.id;
    const own = items.filter((i) => i.purpose_id === row.id);
    const presented = own.map((i) => toItem(i, staleness(i, stages, open, now, today)));
    let doneCount: number | null = null;
    if (doneId) {
      doneCount = own.filter((i) => {
        const at = stages.findIndex((s) => s.id === i.stage);
        return (at >= done && at !== closed) || reachedSet.has(`${i.id}:${doneId}`);
      }).length;
    }
    return {
      purpose: {
        id: row.id,
        name: row.name,
        description: row.description,
        targetCount: row.target_count,
        deadline: row.deadline,
        stages,
        cadenceDays: row.cadence_days,
        followUpDays: row.follow_up_days,
        archivedAt: row.archived_at,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        progress: {
          total: own.length,
          perStage: stages.map((s) => ({
            stageId: s.id,
            name: s.name,
            count: own.filter((i) => i.stage === s.id).length,
          })),
          done: doneCount,
          stale: presented.filter((i) => i.stale).length,
        },
      },
      items: presented,
    };
  });
}

/** The owner's own calendar day (their time zone), for next-step dates. */
export async function ownerToday(ctx: Ctx, ownerId: string): Promise<string> {
  return localDay(ctx.clock.now(), toSettings(await settingsOf(ctx.db, ownerId)).timeZone);
}

/** One purpose presented with its progress and its items. */
export async function presentPurpose(ctx: Ctx, ownerId: string, row: PurposeTable) {
  const [one] = await presentPurposes(ctx, ownerId, [row], await ownerToday(ctx, ownerId));
  if (!one) throw notFound('purpose');
  return one;
}
