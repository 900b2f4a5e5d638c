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

const DAY = 86_400_000;

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
  /** The shortest cadence among the active purposes the contact is on (outside a closed stage). */
  purposeDays?: number | null;
}

type CadenceSource = 'contact' | 'tag' | 'tier' | 'purpose' | 'stopped' | 'none';

/**
 * The interval that applies: the contact's own, else its tags', else its tier's — shortened by an active purpose
 * the contact is on, which keeps in touch at least that often (docs/adr/0011-purposes.md); none when stopped.
 */
export function effectiveCadence(
  row: Pick<RelationshipStateTable, 'cadence_days' | 'cadence_stopped'> | undefined,
  input: Omit<CadenceInput, 'base'> | undefined,
  tier: Tier,
): { days: number | null; source: CadenceSource } {
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
): { days: number | null; source: CadenceSource } {
  if (row?.cadence_days) return { days: row.cadence_days, source: 'contact' };
  if (input?.tagDays) return { days: input.tagDays, source: 'tag' };
  const days = TIER_CADENCE_DAYS[tier];
  return days === null ? { days: null, source: 'none' } : { days, source: 'tier' };
}

/** Next due = last contact (or the base) + interval, as a date. */
export function dueDate(lastAt: number | null, base: string, days: number | null): string | null {
  if (days === null) return null;
  const from = lastAt ?? Date.parse(base);
  return new Date(from + days * DAY).toISOString().slice(0, 10);
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
    next_due: input ? dueDate(state.lastAt, input.base, cadence.days) : null,
    updated_at: now.toISOString(),
    last_kind: state.lastKind ?? null,
    last_direction: state.lastDirection ?? null,
  };
}

export const DEFAULT_SETTINGS = { closeness: 0, cadence_days: null, cadence_stopped: 0 } as const;

export function favourSize(n: number): FavourSize {
  return (n >= 3 ? 3 : n <= 1 ? 1 : 2) as FavourSize;
}
