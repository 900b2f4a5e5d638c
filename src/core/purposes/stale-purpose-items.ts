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
 * next-step date has passed — the most neglected few, each with its reason and a link to the board.
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
    const s = staleness(r, stages, openStageIds(stages), now, today);
    if (!s.stale || !s.reason) continue;
    // The key changes when the item moves or gets a new next-step date, so "done" lasts until something changes.
    const key = `purpose-stale:${r.purpose_id}:${r.id}:${r.stage_since}:${r.next_step_on ?? ''}`;
    if (hidden.has(key)) continue;
    const overdue = r.next_step_on && r.next_step_on < today;
    out.push({
      key,
      kind: 'purpose-stale',
      group: 'purpose-stale',
      urgency: s.days,
      title: r.next_step && overdue ? `${r.next_step} — ${r.display_name}` : `Move ${r.display_name} along`,
      reason: `${s.reason} on ${r.purpose_name}`,
      contact: { id: r.contact_id, displayName: r.display_name },
      action: { kind: 'open-purpose', label: 'Open the purpose' },
      dueOn: overdue ? r.next_step_on : null,
    });
  }
  return out.sort((a, b) => b.urgency - a.urgency || (a.key < b.key ? -1 : 1)).slice(0, TODAY_STALE_LIMIT);
};

/** The purpose a Today key of this source points to. */
export function purposeIdOfTodayKey(key: string): string | null {
  return key.startsWith('purpose-stale:') ? (key.split(':')[1] ?? null) : null;
}
