import {
  type ActivityKind,
  DAY,
  type Direction,
  type Factor,
  HALF_LIFE_DAYS,
  type InteractionKind,
} from './strength';

/** A contact's history in counts: interactions (no notes) by kind, direction and answer; favours. */
export interface ContactHistory {
  interactions: {
    kind: InteractionKind;
    direction: Direction;
    answered: boolean | null;
    count: number;
    /** ISO-8601, the latest of these. */
    lastAt: string;
  }[];
  favours: { count: number; lastOn: string | null };
}

interface Item {
  noun: string;
  side: string;
  count: number;
}

interface Group {
  kind: Factor['kind'];
  points: number;
  items: Item[];
  lastAt: number;
  oneWay?: { answerer: 'you' | 'they'; onlyWriting: boolean };
}

const SIDE: Record<Direction, string> = {
  outbound: ' from you',
  inbound: ' from them',
  mutual: ' both ways',
};
// Listed in this order whatever order the database returns them in.
const NOUNS = ['meeting', 'event', 'call', 'video call', 'email', 'message', 'unanswered call', 'favour'];
const SIDES = ['', ...Object.values(SIDE)];
const byNounAndSide = (a: Item, b: Item) =>
  NOUNS.indexOf(a.noun) - NOUNS.indexOf(b.noun) || SIDES.indexOf(a.side) - SIDES.indexOf(b.side);

/**
 * What is logged with a contact and why it adds almost nothing, one line per accumulator that has any history:
 * for when no factor reaches half a point, so that a score of 0 next to a list of interactions says why (one-way
 * writing counts a quarter; everything halves every HALF_LIFE_DAYS days). `shares` are the points each
 * accumulator adds now (`sharesAt`).
 */
export function describeHistory(
  history: ContactHistory,
  shares: Record<ActivityKind, number>,
  now: number,
): (Factor & { text: string })[] {
  const face: Item[] = [];
  const voice: Item[] = [];
  const written: Item[] = [];
  const last = { face: 0, voice: 0, written: 0 };
  let out = false;
  let inbound = false;
  let onlyWriting = true;
  for (const r of history.interactions) {
    const at = Date.parse(r.lastAt);
    const add = (list: Item[], group: keyof typeof last, noun: string, side = '') => {
      const same = list.find((i) => i.noun === noun && i.side === side);
      if (same) same.count += r.count;
      else list.push({ noun, side, count: r.count });
      last[group] = Math.max(last[group], at);
    };
    switch (r.kind) {
      case 'meeting':
      case 'event':
        add(face, 'face', r.kind);
        break;
      case 'video':
        add(voice, 'voice', 'video call');
        break;
      case 'call':
        if (r.answered !== false) {
          add(voice, 'voice', 'call');
          break;
        }
        // An unanswered call feeds one side, like a message (strength.ts `contribution`).
        onlyWriting = false;
        if (r.direction === 'inbound') inbound = true;
        else out = true;
        add(written, 'written', 'unanswered call', r.direction === 'mutual' ? '' : SIDE[r.direction]);
        break;
      case 'email':
      case 'message':
        if (r.direction !== 'inbound') out = true;
        if (r.direction !== 'outbound') inbound = true;
        add(written, 'written', r.kind, SIDE[r.direction]);
        break;
      case 'note':
        break;
    }
  }
  const groups: Group[] = [];
  if (face.length > 0) groups.push({ kind: 'face', points: shares.face, items: face, lastAt: last.face });
  if (voice.length > 0)
    groups.push({ kind: 'voice', points: shares.voice, items: voice, lastAt: last.voice });
  if (written.length > 0)
    groups.push({
      kind: out && inbound ? 'reciprocated' : 'one-way',
      points: shares.reciprocated + shares['one-way'],
      items: written,
      lastAt: last.written,
      oneWay: out && inbound ? undefined : { answerer: inbound ? 'you' : 'they', onlyWriting },
    });
  if (history.favours.count > 0 && history.favours.lastOn)
    groups.push({
      kind: 'favours',
      points: shares.favours,
      items: [{ noun: 'favour', side: '', count: history.favours.count }],
      lastAt: Date.parse(history.favours.lastOn),
    });
  return groups.map((g) => ({
    kind: g.kind,
    points: Math.round(g.points * 10) / 10,
    text: sentence(g, now),
  }));
}

function sentence(g: Group, now: number): string {
  const count = g.items.reduce((n, i) => n + i.count, 0);
  const what = [...g.items]
    .sort(byNounAndSide)
    .map((i) => `${i.count} ${i.noun}${i.count === 1 ? '' : 's'}${i.side}`);
  const listed = what.length === 1 ? what[0] : `${what.slice(0, -1).join(', ')} and ${what.at(-1)}`;
  const days = Math.max(0, Math.floor((now - g.lastAt) / DAY));
  const ago = days === 0 ? 'today' : `${days} day${days === 1 ? '' : 's'} ago`;
  const when = count === 1 ? ago : `the last ${ago}`;
  const adds = count === 1 ? 'what it adds' : 'what they add';
  const why = g.oneWay
    ? `${g.oneWay.onlyWriting ? 'one-way messages count' : 'one-way contact counts'} a quarter until ${g.oneWay.answerer} answer, and ${adds} halves every ${HALF_LIFE_DAYS} days`
    : `${adds} halves every ${HALF_LIFE_DAYS} days, so almost nothing is left of ${count === 1 ? 'it' : 'them'}`;
  return `${listed}, ${when}: ${why}`;
}
