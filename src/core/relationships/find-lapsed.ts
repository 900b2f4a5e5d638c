import { daysBetween } from '../agenda/local-day';
import { keepInTouchUrgency } from '../agenda/rank-today';
import type { Ctx } from '../context';
import { purposeCadences } from '../purposes/purpose-cadence';
import { dueStates, tagsWithCadence } from './relationship.queries';
import { type Cadence, effectiveCadence, toStrengthState } from './relationship-state';
import { type InteractionKind, strengthAt, strengthWhenLastInTouch, type Tier } from './strength';

export interface Lapsed {
  contactId: string;
  displayName: string;
  score: number;
  tier: Tier;
  lastContactAt: string | null;
  nextDue: string;
  cadenceDays: number;
  /** Where the interval comes from, and the tag when it is a tag's (Today's reason names it). */
  cadenceSource: Cadence['source'];
  tag?: Cadence['tag'];
  daysOverdue: number;
  /** Kind of the last contact (null when none, or when it was a favour). */
  lastKind: InteractionKind | null;
  /** The score when last in touch: what the ranking weighs (today's score is lowered by the lapse itself). */
  tie: number;
  /** Stronger relationships first, and the longer overdue (relative to the cadence) the more urgent. */
  urgency: number;
}

/**
 * Contacts past their keep-in-touch date on `today` (the owner's local day), most urgent first: urgency = strength
 * when last in touch × (1 + days overdue ÷ interval) (keepInTouchUrgency, docs/adr/0009). Reads at most `scan` due
 * rows by index.
 */
export async function findLapsed(ctx: Ctx, ownerId: string, today: string, scan: number): Promise<Lapsed[]> {
  const now = ctx.clock.now().getTime();
  const due = await dueStates(ctx.db, ownerId, today, scan);
  const [purposeDays, tags] = await Promise.all([
    purposeCadences(
      ctx.db,
      ownerId,
      due.map((d) => d.contact_id),
    ),
    tagsWithCadence(ctx.db, ownerId),
  ]);
  const out: Lapsed[] = [];
  for (const s of due) {
    const state = toStrengthState(s);
    const strength = strengthAt(state, now, s.closeness);
    // The stored date assumed the tier at the last change; decay may since have dropped the default cadence.
    const tag = s.tag_id ? tags.get(s.tag_id) : undefined;
    const cadence = effectiveCadence(
      s,
      { tagDays: tag?.days ?? null, tag, purposeDays: purposeDays.get(s.contact_id) ?? null },
      strength.tier,
    );
    if (cadence.days === null || !s.next_due) continue;
    const daysOverdue = daysBetween(s.next_due, today);
    const tie = strengthWhenLastInTouch(state, now, s.closeness).score;
    out.push({
      contactId: s.contact_id,
      displayName: s.display_name,
      score: strength.score,
      tier: strength.tier,
      lastContactAt: s.last_at,
      nextDue: s.next_due,
      cadenceDays: cadence.days,
      cadenceSource: cadence.source,
      ...(cadence.tag ? { tag: cadence.tag } : {}),
      daysOverdue,
      lastKind: state.lastKind ?? null,
      tie,
      urgency: keepInTouchUrgency(tie, daysOverdue, cadence.days),
    });
  }
  // Equal urgency (a freshly imported rolodex is all one score): the longest overdue first, then by name, so the
  // order means something and stays put from one day to the next.
  return out.sort(
    (a, b) =>
      b.urgency - a.urgency ||
      b.daysOverdue - a.daysOverdue ||
      a.displayName.localeCompare(b.displayName) ||
      (a.contactId < b.contactId ? -1 : 1),
  );
}
