import type {
  CadenceSource,
  InteractionDirection,
  InteractionKind,
  PromiseStatus,
  Tier,
} from '../../api/types';

export const KIND_OPTIONS: { value: InteractionKind; label: string }[] = [
  { value: 'meeting', label: 'Met in person' },
  { value: 'call', label: 'Phone call' },
  { value: 'video', label: 'Video call' },
  { value: 'email', label: 'Email' },
  { value: 'message', label: 'Message' },
  { value: 'event', label: 'Event' },
  { value: 'note', label: 'Note (no contact)' },
];

const KIND_WORDS: Record<InteractionKind, string> = {
  meeting: 'Met in person',
  call: 'Phone call',
  video: 'Video call',
  email: 'Email',
  message: 'Message',
  event: 'Event',
  note: 'Note',
};

export function kindLabel(kind: InteractionKind): string {
  return KIND_WORDS[kind] ?? kind;
}

// One set of words for who reached out: the form's choices and the timeline read the same ("mutual" was jargon).
const DIRECTION_WORDS: Record<InteractionDirection, string> = {
  outbound: 'I reached out',
  inbound: 'They reached out',
  mutual: 'Both of us / it just happened',
};

export function directionLabel(direction: InteractionDirection): string {
  return DIRECTION_WORDS[direction] ?? direction;
}

export const DIRECTION_OPTIONS: { value: InteractionDirection; label: string }[] = (
  ['outbound', 'inbound', 'mutual'] as const
).map((value) => ({ value, label: directionLabel(value) }));

/**
 * Who reached out, until the person picks it themselves: an unanswered call is one I made (nobody logs a call
 * they missed as "both of us"), otherwise the form's default.
 */
export function suggestedDirection(
  kind: InteractionKind,
  answered: boolean,
  fallback: InteractionDirection,
): InteractionDirection {
  return kind === 'call' && !answered ? 'outbound' : fallback;
}

/**
 * What is wrong with a log form's "When" (a `datetime-local` value), or null. Empty is an error, not "now": the
 * field starts at now, so clearing it says nothing about when it happened.
 */
export function whenError(value: string): string | null {
  if (!value.trim()) return 'Choose when it happened.';
  return Number.isNaN(new Date(value).getTime()) ? 'Enter a date and time.' : null;
}

const TIER_WORDS: Record<Tier, string> = {
  inner: 'Inner circle',
  close: 'Close',
  active: 'Active',
  dormant: 'Dormant',
};

export function tierLabel(tier: Tier): string {
  return TIER_WORDS[tier] ?? tier;
}

/**
 * Nothing logged with the person yet (and no closeness rating lifting the score): the relationship has not started,
 * so the API's tier ("dormant", a score of 0) would read as a judgement of it. Favours alone do not count as contact.
 */
export function notStarted(r: { lastContactAt: string | null; tier: Tier }): boolean {
  return r.lastContactAt === null && r.tier === 'dormant';
}

/** What the strength panel (and the lapsed list) shows instead of the tier while `notStarted`. */
export const NOT_STARTED = 'No interactions yet';

/**
 * The Next due line of someone overdue and never in touch: the clock ran from when they connected (a 2018 LinkedIn
 * connection put on a 60-day rhythm was "due Jul 24, 2018 (overdue, due 8 years ago)"); it is simply due now.
 */
export function dueSinceConnecting(
  r: { nextDue: string | null; lastContactAt: string | null },
  today: string,
) {
  return r.nextDue !== null && r.nextDue < today && r.lastContactAt === null;
}

export const DUE_NOW_NEVER_IN_TOUCH = 'Now (no contact logged since you connected or added them)';

/**
 * Where a keep-in-touch interval comes from, in words, naming the tag when a tag's interval applies (the shortest
 * of the person's tags wins, so "from a tag" alone left the owner to guess which). `started: false` (nothing logged
 * yet, see `notStarted`): the default of no reminders is not a verdict on the relationship, it says how to get one.
 */
export function cadenceText(
  days: number | null,
  source: CadenceSource,
  tier: Tier,
  started = true,
  tag?: { name: string },
): string {
  switch (source) {
    case 'stopped':
      return 'No reminders: “not this person”';
    case 'none':
      return started
        ? `No reminders (the default for ${tierLabel(tier).toLowerCase()} relationships)`
        : 'No reminders yet: log a first interaction, or choose how often to keep in touch below';
    case 'contact':
      return `Every ${days} days (set for this person)`;
    case 'tag':
      return tag ? `Every ${days} days (from tag “${tag.name}”)` : `Every ${days} days (from a tag)`;
    case 'purpose':
      return `Every ${days} days (from a purpose)`;
    case 'tier':
      return `Every ${days} days (the default for ${tierLabel(tier).toLowerCase()} relationships)`;
    default:
      return days ? `Every ${days} days` : 'No reminders';
  }
}

/**
 * The strength panel's words when the server names no factor. The server lists interactions that add almost
 * nothing (one-way, or long ago) as factors with their reason, so with contact logged this only says what holds.
 */
export function noFactorsText(lastContactAt: string | null): string {
  return lastContactAt
    ? 'What is logged is too little or too long ago to add to the score.'
    : 'Nothing logged yet: meet, call or write, then log it here.';
}

export const CLOSENESS_OPTIONS = [
  { value: 0, label: '0 — not rated' },
  { value: 1, label: '1 — acquaintance' },
  { value: 2, label: '2 — friendly' },
  { value: 3, label: '3 — good contact' },
  { value: 4, label: '4 — close' },
  { value: 5, label: '5 — closest' },
];

export const SIZE_OPTIONS: { value: 1 | 2 | 3; label: string }[] = [
  { value: 1, label: 'Small' },
  { value: 2, label: 'Medium' },
  { value: 3, label: 'Large' },
];

export function sizeLabel(size: number): string {
  return SIZE_OPTIONS.find((o) => o.value === size)?.label ?? String(size);
}

const STATUS_WORDS: Record<PromiseStatus, string> = {
  open: 'Open',
  kept: 'Kept',
  broken: 'Broken',
  released: 'Released',
};

export function statusLabel(status: PromiseStatus): string {
  return STATUS_WORDS[status] ?? status;
}

/** "62%" from 0.62, or "—" when nothing fell due. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}
