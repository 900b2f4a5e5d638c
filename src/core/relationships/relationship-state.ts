import { localDay, shiftDay, zonedInstant } from '../agenda/local-day';
import type { RelationshipStateTable } from '../db/schema';
import {
  type Direction,
  EMPTY_STATE,
  type FavourSize,
  type InteractionKind,
  type StrengthState,
  strengthAt,
  type Tier,
} from './strength';

/** Keep-in-touch interval by tier when neither the contact nor a tag sets one (Dunbar-style layers). */
export const TIER_CADENCE_DAYS: Record<Tier, number | null> = {
  inner: 21,
  close: 60,
  active: 120,
  dormant: null,
};

export function toStrengthState(row: RelationshipStateTable | undefined): StrengthState {
  if (!row) return { ...EMPTY_STATE };
  return {
    asOf: Number(row.as_of_ms),
    face: Number(row.face),
    voice: Number(row.voice),
    out: Number(row.out_w),
    in: Number(row.in_w),
    favours: Number(row.favours),
    firstAt: row.first_at ? Date.parse(row.first_at) : null,
    lastAt: row.last_at ? Date.parse(row.last_at) : null,
    lastKind: (row.last_kind as InteractionKind | null) ?? null,
    lastDirection: (row.last_direction as Direction | null) ?? null,
  };
}

export interface CadenceInput {
  /** Where the clock starts when there has been no contact: connected-on date or when the contact was added. */
  base: string;
  /** The shortest cadence among the contact's tags. */
  tagDays: number | null;
  /** The tag that sets `tagDays` (what "from a tag" names). */
  tag?: { id: string; name: string } | null;
  /** The shortest cadence among the active purposes the contact is on (outside a closed stage). */
  purposeDays?: number | null;
  /** The account's time zone: the day of the last contact, and so the due day, is its local day (UTC if unset). */
  timeZone?: string;
}

type CadenceSource = 'contact' | 'tag' | 'tier' | 'purpose' | 'stopped' | 'none';

/** The interval that applies and where it comes from; `tag` names the tag when it comes from one. */
export interface Cadence {
  days: number | null;
  source: CadenceSource;
  tag?: { id: string; name: string };
}

/**
 * The interval that applies: the contact's own, else its tags', else its tier's — shortened by an active purpose
 * the contact is on, which keeps in touch at least that often (docs/adr/0011-purposes.md); none when stopped.
 */
export function effectiveCadence(
  row: Pick<RelationshipStateTable, 'cadence_days' | 'cadence_stopped'> | undefined,
  input: Omit<CadenceInput, 'base'> | undefined,
  tier: Tier,
): Cadence {
  if (row?.cadence_stopped) return { days: null, source: 'stopped' };
  const own = ownCadence(row, input, tier);
  const purposeDays = input?.purposeDays ?? null;
  if (purposeDays !== null && (own.days === null || purposeDays < own.days))
    return { days: purposeDays, source: 'purpose' };
  return own;
}

function ownCadence(
  row: Pick<RelationshipStateTable, 'cadence_days'> | undefined,
  input: Omit<CadenceInput, 'base'> | undefined,
  tier: Tier,
): Cadence {
  if (row?.cadence_days) return { days: row.cadence_days, source: 'contact' };
  if (input?.tagDays)
    return input.tag
      ? { days: input.tagDays, source: 'tag', tag: { id: input.tag.id, name: input.tag.name } }
      : { days: input.tagDays, source: 'tag' };
  const days = TIER_CADENCE_DAYS[tier];
  return days === null ? { days: null, source: 'none' } : { days, source: 'tier' };
}

/**
 * Next due = the local day of the last contact (or the base) + interval. Counted in the account's time zone: a
 * coffee at 8:00 in Auckland is still the previous day in UTC, and would fall due a day early.
 */
export function dueDate(
  lastAt: number | null,
  base: string,
  days: number | null,
  timeZone = 'UTC',
): string | null {
  if (days === null) return null;
  const from =
    lastAt !== null
      ? localDay(new Date(lastAt), timeZone)
      : /^\d{4}-\d{2}-\d{2}$/.test(base)
        ? base
        : localDay(new Date(base), timeZone);
  return shiftDay(from, days);
}

/** A state row for the given strength state and settings, with its next due date computed at `now`. */
export function stateRow(
  ownerId: string,
  contactId: string,
  state: StrengthState,
  settings: Pick<RelationshipStateTable, 'closeness' | 'cadence_days' | 'cadence_stopped'>,
  input: CadenceInput | undefined,
  now: Date,
): RelationshipStateTable {
  const tier = strengthAt(state, now.getTime(), settings.closeness).tier;
  const cadence = effectiveCadence(settings, input, tier);
  return {
    owner_id: ownerId,
    contact_id: contactId,
    as_of_ms: state.asOf,
    face: state.face,
    voice: state.voice,
    out_w: state.out,
    in_w: state.in,
    favours: state.favours,
    first_at: state.firstAt === null ? null : new Date(state.firstAt).toISOString(),
    last_at: state.lastAt === null ? null : new Date(state.lastAt).toISOString(),
    closeness: settings.closeness,
    cadence_days: settings.cadence_days,
    cadence_stopped: settings.cadence_stopped,
    next_due: input ? dueDate(state.lastAt, input.base, cadence.days, input.timeZone) : null,
    updated_at: now.toISOString(),
    last_kind: state.lastKind ?? null,
    last_direction: state.lastDirection ?? null,
  };
}

/**
 * When a favour of this day (`YYYY-MM-DD`) counts as contact: the start of that day in the account's zone (an hour
 * on where midnight falls in a DST gap), so the due day counts from the right local day.
 */
export function favourContactAt(day: string, timeZone = 'UTC'): number {
  const t = zonedInstant(`${day}T00:00:00`, timeZone).getTime();
  return localDay(new Date(t), timeZone) === day ? t : t + 3_600_000;
}

export const DEFAULT_SETTINGS = { closeness: 0, cadence_days: null, cadence_stopped: 0 } as const;

export function favourSize(n: number): FavourSize {
  return (n >= 3 ? 3 : n <= 1 ? 1 : 2) as FavourSize;
}
