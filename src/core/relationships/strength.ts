/**
 * The relationship-strength model (docs/adr/0008-relationship-strength.md). Pure and O(1) per change: every
 * interaction adds `weight · 2^(-(now - t)/half-life)` to one of a few accumulators, so updates do not depend on
 * the order things are logged in and a full recompute is one pass.
 */

export type InteractionKind = 'meeting' | 'call' | 'video' | 'email' | 'message' | 'event' | 'note';
export type Direction = 'outbound' | 'inbound' | 'mutual';

export const HALF_LIFE_DAYS = 100;
export const DAY = 86_400_000;
const LN2_PER_MS = Math.LN2 / (HALF_LIFE_DAYS * DAY);

/** Decayed accumulators, all valued at `asOf` (ms since epoch). */
export interface StrengthState {
  asOf: number;
  /** In person: meetings and events. */
  face: number;
  /** Voice and video: answered calls, video calls. */
  voice: number;
  /** Written, one side at a time: what I sent, what they sent. */
  out: number;
  in: number;
  /** Favours exchanged, either way. */
  favours: number;
  /** First and last contact (ms), undecayed: duration and recency. */
  firstAt: number | null;
  lastAt: number | null;
  /** Kind and direction of the last contact. */
  lastKind?: InteractionKind | null;
  lastDirection?: Direction | null;
}

export const EMPTY_STATE: StrengthState = {
  asOf: 0,
  face: 0,
  voice: 0,
  out: 0,
  in: 0,
  favours: 0,
  firstAt: null,
  lastAt: null,
  lastKind: null,
  lastDirection: null,
};

/** Weight of one interaction by channel depth: face to face counts most, a written line least. */
export const WEIGHTS = {
  meeting: 10,
  event: 6,
  video: 6,
  call: 5,
  missedCall: 0.5,
  email: 2,
  message: 1.5,
  /**
   * An email or message with several people (a LinkedIn group conversation, a CC): weaker than one to one
   * (RELATIONSHIPS.md: "1:1 email > group email/CC"), so a thread with ten people is not ten relationships.
   */
  group: 0.5,
} as const;

/** One-way traffic counts a quarter, and never more than this much in total (so outreach alone stays low). */
const ONE_WAY_SHARE = 0.25;
const ONE_WAY_CAP = 8;
/** Effective weight at which the score is 63 (1 - 1/e of the way to 100). */
const K = 20;
const FAVOUR_WEIGHTS = { 1: 3, 2: 6, 3: 10 } as const;

export type FavourSize = keyof typeof FAVOUR_WEIGHTS;

function factorAt(from: number, to: number): number {
  return Math.exp(-(to - from) * LN2_PER_MS);
}

/** The same state valued at a later time (accumulators decay; nothing else changes). */
export function decayTo(s: StrengthState, t: number): StrengthState {
  if (t <= s.asOf) return s;
  return revalued(s, t, factorAt(s.asOf, t));
}

/** The state as of `t`, every accumulator multiplied by `f` (its decay from the state's time to `t`, or back). */
function revalued(s: StrengthState, t: number, f: number): StrengthState {
  return {
    ...s,
    asOf: t,
    face: s.face * f,
    voice: s.voice * f,
    out: s.out * f,
    in: s.in * f,
    favours: s.favours * f,
  };
}

/**
 * Which accumulator an interaction feeds, and how much (0 for notes: they are not contact with the person).
 * `group`: a written one with other contacts too (a meeting with several people is still time together).
 */
export function contribution(i: {
  kind: InteractionKind;
  direction: Direction;
  answered?: boolean | null;
  group?: boolean;
}): {
  face: number;
  voice: number;
  out: number;
  in: number;
} {
  const none = { face: 0, voice: 0, out: 0, in: 0 };
  switch (i.kind) {
    case 'meeting':
      return { ...none, face: WEIGHTS.meeting };
    case 'event':
      return { ...none, face: WEIGHTS.event };
    case 'video':
      return { ...none, voice: WEIGHTS.video };
    case 'call':
      if (i.answered === false)
        return i.direction === 'inbound'
          ? { ...none, in: WEIGHTS.missedCall }
          : { ...none, out: WEIGHTS.missedCall };
      return { ...none, voice: WEIGHTS.call };
    case 'email':
    case 'message': {
      const w = i.group ? WEIGHTS.group : WEIGHTS[i.kind];
      if (i.direction === 'mutual') return { ...none, out: w, in: w };
      return i.direction === 'outbound' ? { ...none, out: w } : { ...none, in: w };
    }
    case 'note':
      return none;
  }
}

/** True when the interaction counts as being in touch (resets the keep-in-touch clock). */
export function countsAsContact(kind: InteractionKind): boolean {
  return kind !== 'note';
}

/**
 * Adds (sign 1) or removes (sign -1) one interaction at time `at`, whatever order they come in. Removal cannot
 * know the remaining first and last contact: the caller sets `firstAt`/`lastAt` from what is left.
 */
export function applyInteraction(
  s: StrengthState,
  i: { kind: InteractionKind; direction: Direction; answered?: boolean | null; group?: boolean; at: number },
  sign: 1 | -1 = 1,
): StrengthState {
  const base = i.at > s.asOf ? decayTo(s, i.at) : s;
  const f = sign * factorAt(i.at, base.asOf);
  const c = contribution(i);
  const next = {
    ...base,
    face: Math.max(0, base.face + c.face * f),
    voice: Math.max(0, base.voice + c.voice * f),
    out: Math.max(0, base.out + c.out * f),
    in: Math.max(0, base.in + c.in * f),
  };
  if (sign === 1 && countsAsContact(i.kind)) {
    next.firstAt = next.firstAt === null ? i.at : Math.min(next.firstAt, i.at);
    if (next.lastAt === null || i.at >= next.lastAt) {
      next.lastAt = i.at;
      next.lastKind = i.kind;
      next.lastDirection = i.direction;
    }
  }
  return next;
}

/**
 * Adds (sign 1) or removes (-1) a favour, given or received: both build the relationship, and a favour is contact
 * with the person (doing or taking one means talking), so it moves the keep-in-touch clock too (ADR 8, 2026-11-28).
 * `contactAt` is when it counts as contact: the start of its day in the account's zone, so anything logged that
 * day with a time is the later, more telling, last contact. A favour as the last contact has no kind, and the
 * direction it went: one they did me waits on my thanks as a message of theirs waits on my answer; one I did them
 * answers what came before.
 */
export function applyFavour(
  s: StrengthState,
  f: { size: FavourSize; at: number; contactAt: number; direction: 'given' | 'received' },
  sign: 1 | -1 = 1,
): StrengthState {
  const base = f.at > s.asOf ? decayTo(s, f.at) : s;
  const next = {
    ...base,
    favours: Math.max(0, base.favours + sign * FAVOUR_WEIGHTS[f.size] * factorAt(f.at, base.asOf)),
  };
  if (sign === 1) {
    next.firstAt = next.firstAt === null ? f.contactAt : Math.min(next.firstAt, f.contactAt);
    if (next.lastAt === null || f.contactAt > next.lastAt) {
      next.lastAt = f.contactAt;
      next.lastKind = null;
      next.lastDirection = f.direction === 'given' ? 'outbound' : 'inbound';
    }
  }
  return next;
}

export type Tier = 'inner' | 'close' | 'active' | 'dormant';

/** The owner's own closeness rating (0 none … 5 closest) as a floor that decay never goes under. */
export const CLOSENESS_FLOOR = [0, 15, 30, 50, 70, 90] as const;

export interface Factor {
  kind: 'face' | 'voice' | 'reciprocated' | 'one-way' | 'favours' | 'duration' | 'floor';
  points: number;
}

export interface Strength {
  score: number;
  tier: Tier;
  /** What the score is made of, largest first (points add up to the score before the floor). */
  factors: Factor[];
}

export function tierOf(score: number): Tier {
  if (score >= 70) return 'inner';
  if (score >= 45) return 'close';
  if (score >= 20) return 'active';
  return 'dormant';
}

/** The accumulators that make up the score (everything but duration and the floor). */
export const ACTIVITY_KINDS = ['face', 'voice', 'reciprocated', 'one-way', 'favours'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

function activityOf(s: StrengthState) {
  const parts: Record<ActivityKind, number> = {
    face: s.face,
    voice: s.voice,
    reciprocated: 2 * Math.min(s.out, s.in),
    'one-way': ONE_WAY_SHARE * Math.min(Math.abs(s.out - s.in), ONE_WAY_CAP),
    favours: s.favours,
  };
  const e = parts.face + parts.voice + parts.reciprocated + parts['one-way'] + parts.favours;
  return { parts, e, active: 1 - Math.exp(-e / K) };
}

// Each part's share of the active score, in points.
function sharesOf(parts: Record<ActivityKind, number>, e: number, active: number) {
  const out = {} as Record<ActivityKind, number>;
  for (const [kind, v] of Object.entries(parts) as [ActivityKind, number][])
    out[kind] = e > 0 ? (100 * active * 0.92 * v) / e : 0;
  return out;
}

/**
 * The points each accumulator adds now, unrounded and including those too small to be a factor (under half a
 * point): what explains a score of about 0 when there is history.
 */
export function sharesAt(state: StrengthState, now: number): Record<ActivityKind, number> {
  const { parts, e, active } = activityOf(decayTo(state, now));
  return sharesOf(parts, e, active);
}

/**
 * Score 0–100 now, with its tier and the factors behind it. Effective weight E = face + voice + 2·min(out, in)
 * + ¼·min(|out − in|, cap) + favours; score = 100·(1 − e^(−E/K)) plus up to 8 points for a long relationship
 * (scaled by how active it is), floored by the owner's closeness rating.
 */
export function strengthAt(state: StrengthState, now: number, closeness = 0): Strength {
  const s = decayTo(state, now);
  const { parts, e, active } = activityOf(s);
  const years = s.firstAt === null ? 0 : Math.max(0, now - s.firstAt) / (365.25 * DAY);
  const duration = 8 * Math.min(1, years / 4) * active;
  const raw = Math.min(100, 100 * active * (92 / 100) + duration);
  const floor = CLOSENESS_FLOOR[Math.max(0, Math.min(5, Math.round(closeness)))] ?? 0;
  const score = Math.round(Math.max(raw, floor) * 10) / 10;
  const shares = sharesOf(parts, e, active);
  const factors: Factor[] = (Object.entries(shares) as [Factor['kind'], number][])
    .map(([kind, v]) => ({ kind, points: Math.round(v * 10) / 10 }))
    .filter((f) => f.points >= 0.5);
  if (duration >= 0.05) factors.push({ kind: 'duration', points: Math.round(duration * 10) / 10 });
  if (floor > raw) factors.push({ kind: 'floor', points: floor });
  factors.sort((a, b) => b.points - a.points);
  return { score, tier: tierOf(score), factors };
}

/**
 * The score as it stood at the last contact (or now, with none): how close the tie was before the lapse. Every
 * contribution is dated at or before the last contact, so valuing the accumulators back to it is exact. Today ranks
 * lapsed contacts by this, not by today's score, which the lapse itself keeps lowering (docs/adr/0009).
 */
export function strengthWhenLastInTouch(state: StrengthState, now: number, closeness = 0): Strength {
  const t = state.lastAt;
  if (t === null || t > now) return strengthAt(state, now, closeness);
  // Stored as of the last contact or earlier: decay forward to it, as for any later time.
  if (t >= state.asOf) return strengthAt(state, t, closeness);
  // Stored as of a later time: undo the decay since the last contact.
  return strengthAt(revalued(state, t, 1 / factorAt(t, state.asOf)), t, closeness);
}

/** Interaction kinds and directions as small integers, for the columnar fold. */
export const KIND_CODES: Record<InteractionKind, number> = {
  meeting: 0,
  event: 1,
  video: 2,
  call: 3,
  email: 4,
  message: 5,
  note: 6,
};
export const DIRECTION_CODES: Record<Direction, number> = { outbound: 0, inbound: 1, mutual: 2 };

/** Interactions of many contacts as columns (index `i` across the arrays is one interaction). */
export interface InteractionColumns {
  count: number;
  /** Which contact (0 … contacts − 1). */
  contact: Uint32Array;
  kind: Uint8Array;
  direction: Uint8Array;
  /** 1 answered, 0 not answered, 2 unknown. */
  answered: Uint8Array;
  /** ms since epoch. */
  at: Float64Array;
  /** 1: an email or message with other contacts too (`group` weight); absent: none is. */
  group?: Uint8Array;
}

/** Per contact: face, voice, out, in, first, last (first/last NaN when none). */
export const STATE_WIDTH = 6;

/**
 * Every contact's accumulators valued at `asOf`, from all their interactions at once: one exp and a few branches
 * per interaction and no allocation, for full recomputes. The same contributions as `applyInteraction`.
 */
export function foldInteractions(
  cols: InteractionColumns,
  contacts: number,
  asOf: number,
  /** Filled with the index of each contact's last contact (−1 when none), when given. */
  lastIndex?: Int32Array,
): Float64Array {
  lastIndex?.fill(-1);
  const out = new Float64Array(contacts * STATE_WIDTH);
  for (let c = 0; c < contacts; c++) {
    out[c * STATE_WIDTH + 4] = Number.NaN;
    out[c * STATE_WIDTH + 5] = Number.NaN;
  }
  const { contact, kind, direction, answered, at, group } = cols;
  for (let i = 0; i < cols.count; i++) {
    const k = kind[i] as number;
    if (k === 6) continue; // a note is not contact with the person
    const t = at[i] as number;
    const base = (contact[i] as number) * STATE_WIDTH;
    const f = Math.exp((t - asOf) * LN2_PER_MS);
    const d = direction[i] as number;
    switch (k) {
      case 0:
        out[base] = (out[base] as number) + WEIGHTS.meeting * f;
        break;
      case 1:
        out[base] = (out[base] as number) + WEIGHTS.event * f;
        break;
      case 2:
        out[base + 1] = (out[base + 1] as number) + WEIGHTS.video * f;
        break;
      case 3:
        if (answered[i] === 0) {
          const slot = d === 1 ? base + 3 : base + 2;
          out[slot] = (out[slot] as number) + WEIGHTS.missedCall * f;
        } else out[base + 1] = (out[base + 1] as number) + WEIGHTS.call * f;
        break;
      default: {
        const w = group?.[i] === 1 ? WEIGHTS.group : k === 4 ? WEIGHTS.email : WEIGHTS.message;
        if (d !== 1) out[base + 2] = (out[base + 2] as number) + w * f;
        if (d !== 0) out[base + 3] = (out[base + 3] as number) + w * f;
      }
    }
    const first = out[base + 4] as number;
    if (!(first <= t)) out[base + 4] = t;
    const last = out[base + 5] as number;
    if (!(last > t)) {
      out[base + 5] = t;
      if (lastIndex) lastIndex[contact[i] as number] = i;
    }
  }
  return out;
}
