import type { Stage } from '../../contracts/purposes';
import type { Candidate } from '../agenda/rank-today';
import type { TodaySource } from '../agenda/today-sources';
import { STALE_DAYS, staleness } from './purpose';
import { listPurposeRows, staleCandidates } from './purpose.queries';
import { openStageIds, parseStages } from './stages';

/** At most this many stale purpose items on Today: a nudge, not a second board. */
export const TODAY_STALE_LIMIT = 3;
const SCAN = 100;

/**
 * Today source: items on active purposes that have sat in an open stage for STALE_DAYS with no move, or whose
 * next-step date has passed — the most neglected few (days waiting, weighed up to twice for a later stage), each
 * with its reason and a link to the board.
 */
export const stalePurposeItems: TodaySource = async (ctx, ownerId, today, hidden) => {
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - STALE_DAYS * 86_400_000).toISOString();
  const open = (await listPurposeRows(ctx.db, ownerId, 'active')).flatMap((p) => [
    ...openStageIds(parseStages(p.stages)),
  ]);
  const rows = await staleCandidates(ctx.db, ownerId, open, since, today, SCAN);
  const out: Candidate[] = [];
  for (const r of rows) {
    const stages = parseStages(r.stages);
    const open = openStageIds(stages);
    const s = staleness(r, stages, open, now, today);
    if (!s.stale || !s.reason) continue;
    // The key changes when the item moves or gets a new next-step date, so "done" lasts until something changes.
    const key = `purpose-stale:${r.purpose_id}:${r.id}:${r.stage_since}:${r.next_step_on ?? ''}`;
    if (hidden.has(key)) continue;
    const overdue = r.next_step_on && r.next_step_on < today;
    out.push({
      key,
      kind: 'purpose-stale',
      group: 'purpose-stale',
      urgency: s.days * laterStageWeight(r.stage, stages, open),
      title: r.next_step && overdue ? `${r.next_step} — ${r.display_name}` : `Move ${r.display_name} along`,
      reason: `${s.reason} on ${r.purpose_name}`,
      contact: { id: r.contact_id, displayName: r.display_name },
      action: { kind: 'open-purpose', label: 'Open the purpose' },
      dueOn: overdue ? r.next_step_on : null,
    });
  }
  return out.sort((a, b) => b.urgency - a.urgency || (a.key < b.key ? -1 : 1)).slice(0, TODAY_STALE_LIMIT);
};

/**
 * 1 in the first open stage, rising to 2 in the last: a person stalled at "met" or "interviewing" is nearer the
 * purpose than one never reached out to, so five weeks there outrank seven in "identified" (a job-seeker's morning).
 */
function laterStageWeight(stage: string, stages: Stage[], open: Set<string>): number {
  const openInOrder = stages.filter((st) => open.has(st.id));
  const position = openInOrder.findIndex((st) => st.id === stage);
  return openInOrder.length < 2 || position < 0 ? 1 : 1 + position / (openInOrder.length - 1);
}

/** The purpose a Today key of this source points to. */
export function purposeIdOfTodayKey(key: string): string | null {
  return key.startsWith('purpose-stale:') ? (key.split(':')[1] ?? null) : null;
}
