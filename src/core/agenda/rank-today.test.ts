import fc from 'fast-check';
import { expect, it } from 'vitest';
import { type Candidate, GROUPS, rankToday } from './rank-today';

// What rankToday promises: the order of a stable sort by group, then urgency (higher first), then key.
function bySorting(candidates: Candidate[], limit: number) {
  const sorted = [...candidates].sort(
    (a, b) =>
      GROUPS.indexOf(a.group) - GROUPS.indexOf(b.group) ||
      b.urgency - a.urgency ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  return {
    items: sorted.slice(0, limit).map(({ group: _g, urgency: _u, ...item }, i) => ({ ...item, rank: i + 1 })),
    more: Math.max(0, sorted.length - limit),
  };
}

const candidate = fc
  .record({
    group: fc.constantFrom(...GROUPS),
    urgency: fc.integer({ min: -3, max: 3 }),
    key: fc.constantFrom('a', 'b', 'c', 'd'),
  })
  .map(
    (c): Omit<Candidate, 'title'> => ({
      ...c,
      kind: 'keep-in-touch',
      reason: '',
      contact: null,
      action: { kind: 'log-interaction', label: 'Log' },
      dueOn: null,
    }),
  );

it('keeps the first items of a stable sort, ties and equal keys included, and counts the rest', () => {
  fc.assert(
    fc.property(fc.array(candidate, { maxLength: 120 }), fc.integer({ min: 1, max: 50 }), (cs, limit) => {
      // Titles tell equal candidates apart, so a tie taken in the wrong order shows.
      const candidates = cs.map((c, i) => ({ ...c, title: `#${i}` }) as Candidate);
      expect(rankToday(candidates, limit)).toEqual(bySorting(candidates, limit));
    }),
    { numRuns: 500 },
  );
});
