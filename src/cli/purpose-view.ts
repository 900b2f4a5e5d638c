import type { Purpose, PurposeBoard, PurposeItem, PurposePace, StageRole } from '../contracts/purposes';
import { STAGE_ROLES } from '../contracts/purposes';
import type { Ctx } from '../core/context';
import { AppError, validationError } from '../core/errors';
import { getPurposeBoard } from '../core/purposes/get-purpose-board';
import { listPurposes } from '../core/purposes/list-purposes';
import { normalisePurposeName } from '../core/purposes/purpose';
import { fold } from '../core/text/fold';
import { relativeDay } from './dates';
import { table } from './output';
import { resolveContact } from './resolve';

/**
 * The actor's purpose named by `ref`: its id, its name (accent- and case-insensitive), or the one purpose whose
 * name contains it. Archived purposes count too. None is `not_found`; several is `validation` with candidates.
 */
export async function resolvePurpose(ctx: Ctx, ref: string): Promise<Purpose> {
  const all = (await listPurposes(ctx, { status: 'all' })).items;
  const norm = normalisePurposeName(ref);
  const exact =
    all.find((p) => p.id === ref.trim()) ?? all.find((p) => normalisePurposeName(p.name) === norm);
  if (exact) return exact;
  const hits = all.filter((p) => normalisePurposeName(p.name).includes(norm));
  if (hits.length === 1 && hits[0]) return hits[0];
  if (hits.length === 0) throw new AppError('not_found', `no purpose matches "${ref}"`);
  throw new AppError(
    'validation',
    `ambiguous: "${ref}" matches ${hits.length} purposes; use one of these ids`,
    {
      candidates: hits.map((p) => ({ id: p.id, displayName: p.name, organisation: null })),
    },
  );
}

/**
 * The item on this board for `ref`: a contact whose name on the board is (or uniquely contains) the text, else the
 * contact `ref` finds anywhere, which must be on the purpose.
 */
export async function resolveItem(ctx: Ctx, board: PurposeBoard, ref: string): Promise<PurposeItem> {
  const items = board.columns.flatMap((c) => c.items);
  const key = fold(ref).trim();
  const byId = items.find((i) => i.id === ref.trim() || i.contact.id === ref.trim());
  if (byId) return byId;
  const exact = items.filter((i) => fold(i.contact.displayName).trim() === key);
  const partial = items.filter((i) => fold(i.contact.displayName).includes(key));
  const found = exact.length === 1 ? exact[0] : partial.length === 1 ? partial[0] : undefined;
  if (found) return found;
  const contact = await resolveContact(ctx, ref);
  const item = items.find((i) => i.contact.id === contact.id);
  if (!item) throw new AppError('not_found', `${contact.displayName} is not on "${board.purpose.name}"`);
  return item;
}

/** The board of the purpose `ref` names. */
export async function boardOf(ctx: Ctx, ref: string): Promise<PurposeBoard> {
  return getPurposeBoard(ctx, (await resolvePurpose(ctx, ref)).id);
}

/**
 * Stages typed as "identified, reached out:reached-out, met" — a role after a colon. Names matching a current
 * stage (case-insensitive) keep it, with its items.
 */
export function parseStagesArg(
  value: string,
  current: Purpose['stages'] = [],
): { id?: string; name: string; role: StageRole | null }[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part, i) => {
      const at = part.lastIndexOf(':');
      const name = (at >= 0 ? part.slice(0, at) : part).trim();
      const role = at >= 0 ? part.slice(at + 1).trim() : null;
      if (role !== null && !(STAGE_ROLES as readonly string[]).includes(role))
        throw validationError(`stages.${i}.role`, `"${role}" is not a role (${STAGE_ROLES.join(', ')})`);
      const same = current.find((s) => s.name.toLocaleLowerCase() === name.toLocaleLowerCase());
      return {
        ...(same ? { id: same.id } : {}),
        name,
        role: (role as StageRole | null) ?? (same ? same.role : null),
      };
    });
}

function doneText(p: Purpose): string {
  if (p.progress.done === null) return p.targetCount ? `target ${p.targetCount}` : '—';
  return p.targetCount ? `${p.progress.done} of ${p.targetCount}` : String(p.progress.done);
}

/** Whether an active purpose is on pace for its target by its deadline; blank without a target (or archived). */
function paceText(p: PurposePace | undefined): string {
  if (!p) return '';
  switch (p.state) {
    case 'done':
      return 'target reached';
    case 'behind':
      return `behind: ${p.expectedByToday} expected by today`;
    case 'on-pace':
      return p.expectedByToday === null ? 'no deadline' : `on pace: ${p.expectedByToday} expected by today`;
    case 'no-target':
      return '';
  }
}

/**
 * The overview: one row per purpose with its counts per stage, done vs target, deadline, pace (of the active ones,
 * from `paces`) and stale items.
 */
export function purposeTable(items: Purpose[], paces: PurposePace[] = []): string {
  if (items.length === 0) return 'no purposes yet: rapport purpose create "<name>"';
  const paceOf = new Map(paces.map((p) => [p.id, p]));
  return table(
    ['NAME', 'PEOPLE', 'BY STAGE', 'DONE', 'DEADLINE', 'PACE', 'STALE'],
    items.map((p) => [
      p.archivedAt ? `${p.name} (archived)` : p.name,
      p.progress.total,
      p.progress.perStage.map((s) => s.count).join('·'),
      doneText(p),
      p.deadline,
      paceText(paceOf.get(p.id)),
      p.progress.stale || '',
    ]),
  );
}

function itemLine(i: PurposeItem, today: string): string {
  const who = [i.contact.displayName, [i.contact.title, i.contact.organisation].filter(Boolean).join(', ')]
    .filter(Boolean)
    .join(' — ');
  const parts = [`${i.daysInStage} d`];
  if (i.nextStep || i.nextStepOn)
    parts.push(`next: ${i.nextStep ?? '…'}${i.nextStepOn ? ` (${relativeDay(i.nextStepOn, today)})` : ''}`);
  if (i.stale) parts.push(`STALE: ${i.staleReason}`);
  return `  ${who} · ${parts.join(' · ')}${i.note ? `\n    note: ${i.note}` : ''}`;
}

/** The board as text: the purpose's header, then each stage with its people in order. */
export function boardView(b: PurposeBoard, today: string): string {
  const p = b.purpose;
  const head = [
    p.archivedAt ? `${p.name} (archived)` : p.name,
    ...(p.description ? [p.description] : []),
    [
      `${p.progress.total} people`,
      p.progress.done === null ? null : `done ${doneText(p)}`,
      p.deadline ? `deadline ${p.deadline} (${relativeDay(p.deadline, today)})` : null,
      p.cadenceDays ? `keep in touch every ${p.cadenceDays} days` : null,
      p.progress.stale ? `${p.progress.stale} stale` : null,
    ]
      .filter(Boolean)
      .join(' · '),
  ];
  const columns = b.columns.map((c) => {
    const role = c.stage.role ? ` [${c.stage.role}]` : '';
    return [`${c.stage.name}${role} (${c.items.length})`, ...c.items.map((i) => itemLine(i, today))].join(
      '\n',
    );
  });
  return [...head, '', ...columns].join('\n');
}
