import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyFavour,
  applyInteraction,
  DIRECTION_CODES,
  type Direction,
  decayTo,
  EMPTY_STATE,
  foldInteractions,
  type InteractionKind,
  KIND_CODES,
  type StrengthState,
  strengthAt,
  strengthWhenLastInTouch,
} from './strength';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 25);
const KINDS: InteractionKind[] = ['meeting', 'call', 'video', 'email', 'message', 'event', 'note'];
const DIRECTIONS: Direction[] = ['outbound', 'inbound', 'mutual'];

const interaction = fc.record({
  kind: fc.constantFrom(...KINDS),
  direction: fc.constantFrom(...DIRECTIONS),
  answered: fc.option(fc.boolean(), { nil: null }),
  at: fc.integer({ min: NOW - 2000 * DAY, max: NOW }),
});

function build(
  items: { kind: InteractionKind; direction: Direction; answered: boolean | null; at: number }[],
): StrengthState {
  return items.reduce((s, i) => applyInteraction(s, i), EMPTY_STATE);
}

describe('relationship strength', () => {
  it('a further interaction never lowers the score', () => {
    fc.assert(
      fc.property(
        fc.array(interaction, { maxLength: 40 }),
        interaction,
        fc.integer({ min: 0, max: 5 }),
        (history, extra, closeness) => {
          const before = strengthAt(build(history), NOW, closeness).score;
          const after = strengthAt(applyInteraction(build(history), extra), NOW, closeness).score;
          expect(after).toBeGreaterThanOrEqual(before);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('values the tie as it stood at the last contact, however long ago that was and whenever it is read', () => {
    fc.assert(
      fc.property(
        fc.array(interaction, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 5 }),
        (history, later, closeness) => {
          const s = build(history);
          if (s.lastAt === null) return;
          // What the score was on the day of the last contact, from the contacts up to then only.
          const upTo = build(history.filter((i) => i.at <= (s.lastAt as number)));
          const then = strengthAt(decayTo(upTo, s.lastAt), s.lastAt, closeness).score;
          const at = NOW + later * DAY;
          // Whether the stored state was valued at the last contact, or later (a recompute values it at its time).
          for (const stored of [s, decayTo(s, at)]) {
            const read = strengthWhenLastInTouch(stored, at, closeness).score;
            expect(Math.abs(read - then)).toBeLessThan(0.11);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order interactions are logged in', () => {
    fc.assert(
      fc.property(fc.array(interaction, { maxLength: 30 }), (history) => {
        const a = strengthAt(build(history), NOW).score;
        const b = strengthAt(build([...history].reverse()), NOW).score;
        expect(Math.abs(a - b)).toBeLessThan(0.11);
      }),
    );
  });

  it('face to face adds more than a message, and a call more than an email', () => {
    fc.assert(
      fc.property(
        fc.array(interaction, { maxLength: 30 }),
        fc.integer({ min: NOW - 400 * DAY, max: NOW }),
        fc.constantFrom(...DIRECTIONS),
        (history, at, direction) => {
          const base = build(history);
          const met = strengthAt(applyInteraction(base, { kind: 'meeting', direction, at }), NOW).score;
          const wrote = strengthAt(applyInteraction(base, { kind: 'message', direction, at }), NOW).score;
          const called = strengthAt(
            applyInteraction(base, { kind: 'call', direction, at, answered: true }),
            NOW,
          ).score;
          const emailed = strengthAt(applyInteraction(base, { kind: 'email', direction, at }), NOW).score;
          expect(met).toBeGreaterThanOrEqual(wrote);
          expect(called).toBeGreaterThanOrEqual(emailed);
        },
      ),
    );
    const once = (kind: InteractionKind) =>
      strengthAt(applyInteraction(EMPTY_STATE, { kind, direction: 'mutual', at: NOW }), NOW).score;
    expect(once('meeting')).toBeGreaterThan(once('call'));
    expect(once('call')).toBeGreaterThan(once('email'));
    expect(once('email')).toBeGreaterThan(once('message'));
  });

  it('with no activity decays toward the owner’s floor, never below it', () => {
    fc.assert(
      fc.property(
        fc.array(interaction, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 5 }),
        (history, closeness) => {
          const s = build(history);
          let previous = Number.POSITIVE_INFINITY;
          for (const years of [0, 0.5, 1, 2, 5, 20]) {
            const { score } = strengthAt(s, NOW + years * 365 * DAY, closeness);
            expect(score).toBeLessThanOrEqual(previous);
            expect(score).toBeGreaterThanOrEqual([0, 15, 30, 50, 70, 90][closeness] as number);
            previous = score;
          }
          expect(strengthAt(s, NOW + 30 * 365 * DAY, closeness).score).toBe(
            [0, 15, 30, 50, 70, 90][closeness],
          );
        },
      ),
    );
  });

  it('one-way outreach alone stays low, however much of it there is', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.constantFrom('email', 'message') as fc.Arbitrary<InteractionKind>,
        (n, kind) => {
          let s = EMPTY_STATE;
          for (let k = 0; k < n; k++)
            s = applyInteraction(s, { kind, direction: 'outbound', at: NOW - k * (DAY / 4) });
          expect(strengthAt(s, NOW).score).toBeLessThan(20);
          expect(strengthAt(s, NOW).tier).toBe('dormant');
        },
      ),
    );
  });

  it('removing an interaction undoes adding it', () => {
    fc.assert(
      fc.property(fc.array(interaction, { maxLength: 20 }), interaction, (history, extra) => {
        const s = build(history);
        const back = {
          ...applyInteraction(applyInteraction(s, extra), extra, -1),
          firstAt: s.firstAt,
          lastAt: s.lastAt,
        };
        expect(Math.abs(strengthAt(back, NOW).score - strengthAt(s, NOW).score)).toBeLessThan(0.11);
      }),
    );
  });

  it('the columnar fold for recomputes gives the same state as adding interactions one by one', () => {
    fc.assert(
      fc.property(fc.array(interaction, { maxLength: 60 }), (history) => {
        const one = build(history);
        const cols = {
          count: history.length,
          contact: new Uint32Array(history.length),
          kind: Uint8Array.from(history.map((i) => KIND_CODES[i.kind])),
          direction: Uint8Array.from(history.map((i) => DIRECTION_CODES[i.direction])),
          answered: Uint8Array.from(history.map((i) => (i.answered === null ? 2 : i.answered ? 1 : 0))),
          at: Float64Array.from(history.map((i) => i.at)),
        };
        const folded = foldInteractions(cols, 1, NOW);
        const at = decayTo(one, NOW);
        const close = (a: number, b: number) => Math.abs(a - b) < 1e-6 * Math.max(1, Math.abs(b));
        expect(close(folded[0] as number, at.face)).toBe(true);
        expect(close(folded[1] as number, at.voice)).toBe(true);
        expect(close(folded[2] as number, at.out)).toBe(true);
        expect(close(folded[3] as number, at.in)).toBe(true);
        expect(Number.isNaN(folded[4] as number) ? null : folded[4]).toBe(one.firstAt);
        expect(Number.isNaN(folded[5] as number) ? null : folded[5]).toBe(one.lastAt);
      }),
    );
  });

  it('explains itself: factors, largest first', () => {
    let s = EMPTY_STATE;
    s = applyInteraction(s, { kind: 'meeting', direction: 'mutual', at: NOW - 10 * DAY });
    s = applyInteraction(s, { kind: 'email', direction: 'outbound', at: NOW - 5 * DAY });
    s = applyInteraction(s, { kind: 'email', direction: 'inbound', at: NOW - 4 * DAY });
    s = applyInteraction(s, { kind: 'message', direction: 'mutual', at: NOW - 3 * 365 * DAY });
    s = applyFavour(s, { size: 2, at: NOW - 20 * DAY, contactAt: NOW - 20 * DAY, direction: 'received' });
    const st = strengthAt(s, NOW, 2);
    expect(st.factors.map((f) => f.kind)).toEqual(['face', 'favours', 'reciprocated', 'duration']);
    expect(st.tier).toBe('close');
    const floor = strengthAt(EMPTY_STATE, NOW, 4);
    expect(floor).toEqual({ score: 70, tier: 'inner', factors: [{ kind: 'floor', points: 70 }] });
  });
});
