import type { z } from 'zod';
import type { Stage, StageRole, stageInput } from '../../contracts/purposes';
import type { Ctx } from '../context';
import { validationError } from '../errors';

/** The pipeline a purpose starts with unless the owner gives one. */
export const DEFAULT_STAGES: { name: string; role: StageRole | null }[] = [
  { name: 'identified', role: null },
  { name: 'reached out', role: 'reached-out' },
  { name: 'responded', role: 'responded' },
  { name: 'met', role: null },
  { name: 'helped / committed', role: 'done' },
  { name: 'closed', role: 'closed' },
];

/** The stored `stages` column (JSON array of `{ id, name, role }`) as stages. */
export function parseStages(json: string): Stage[] {
  return (JSON.parse(json) as { id: string; name: string; role?: StageRole | null }[]).map((s) => ({
    id: s.id,
    name: s.name,
    role: s.role ?? null,
  }));
}

export function stagesJson(stages: Stage[]): string {
  return JSON.stringify(stages.map((s) => ({ id: s.id, name: s.name, role: s.role })));
}

/**
 * The owner's stage list made whole: new stages get ids, names and roles are unique, and an id must be one of the
 * purpose's own stages (`existing`). Throws `validation` naming the offending `stages.N.field`.
 */
export function buildStages(
  ctx: Ctx,
  input: z.output<typeof stageInput>[] | undefined,
  existing: Stage[] = [],
): Stage[] {
  if (!input) return DEFAULT_STAGES.map((s) => ({ id: ctx.ids.next(), ...s }));
  const known = new Set(existing.map((s) => s.id));
  const names = new Set<string>();
  const roles = new Set<StageRole>();
  const ids = new Set<string>();
  return input.map((s, i) => {
    const name = s.name.trim();
    const key = name.toLocaleLowerCase();
    if (names.has(key)) throw validationError(`stages.${i}.name`, `"${name}" is used twice`);
    names.add(key);
    const role = s.role ?? null;
    if (role) {
      if (roles.has(role)) throw validationError(`stages.${i}.role`, `only one stage can be '${role}'`);
      roles.add(role);
    }
    if (s.id !== undefined) {
      if (!known.has(s.id)) throw validationError(`stages.${i}.id`, 'is not a stage of this purpose');
      if (ids.has(s.id)) throw validationError(`stages.${i}.id`, 'is used twice');
      ids.add(s.id);
    }
    return { id: s.id ?? ctx.ids.next(), name, role };
  });
}

/**
 * A target counts people who reach the 'done' stage: without one it could never be met, and progress would read
 * "0 of 5" however far people got. Refused as a `validation` error on `targetCount`.
 */
export function requireDoneStageFor(targetCount: number | null, stages: Stage[]): void {
  if (targetCount === null || roleIndex(stages, 'done') >= 0) return;
  throw validationError(
    'targetCount',
    `counts people who reach the stage that means done, and no stage does: mark one as done (e.g. "${stages.at(-1)?.name ?? 'won'}:done") or leave the target out`,
  );
}

/** Index of the stage with this role, or -1. */
export function roleIndex(stages: Stage[], role: StageRole): number {
  return stages.findIndex((s) => s.role === role);
}

/**
 * Stages where an item is still in progress (can go stale): those before the first 'done' or 'closed' stage.
 * With neither, every stage is in progress.
 */
export function openStageIds(stages: Stage[]): Set<string> {
  const end = stages.findIndex((s) => s.role === 'done' || s.role === 'closed');
  return new Set(stages.slice(0, end < 0 ? stages.length : end).map((s) => s.id));
}

/** Finds a stage by id, or by name (case-insensitive) for the CLI. */
export function findStage(stages: Stage[], ref: string): Stage | undefined {
  const key = ref.trim().toLocaleLowerCase();
  return stages.find((s) => s.id === ref) ?? stages.find((s) => s.name.toLocaleLowerCase() === key);
}
