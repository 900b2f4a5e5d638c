import fc from 'fast-check';
import { expect, it } from 'vitest';
import { type Candidate, GROUPS, rankToday } from './rank-today';

// What rankToday promises: the order of a stable sort by group, then urgency (higher first), then key; keeping in
// touch past half the list waits while later groups can fill it.
function bySorting(candidates: Candidate[], limit: number) {
  const sorted = [...candidates].sort(
    (a, b) =>
      GROUPS.indexOf(a.group) - GROUPS.indexOf(b.group) ||
      b.urgency - a.urgency ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  const cap = Math.ceil(limit / 2);
  const picked: Candidate[] = [];
  const waiting: Candidate[] = [];
  let lapsed = 0;
  for (const c of sorted) {
    if (picked.length === limit) break;
    if (c.group === 'keep-in-touch' && ++lapsed > cap) waiting.push(c);
    else picked.push(c);
  }
  const shown = new Set([...picked, ...waiting.slice(0, limit - picked.length)]);
  return {
    items: sorted
      .filter((c) => shown.has(c))
      .map(({ group: _g, urgency: _u, ...item }, i) => ({ ...item, rank: i + 1 })),
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

it('gives keeping in touch at most half the list while later groups have items, and the rest when they have none', () => {
  const make = (group: Candidate['group'], n: number) =>
    Array.from(
      { length: n },
      (_, i) =>
        ({
          group,
          urgency: 100 - i,
          key: `${group}:${i}`,
          kind: 'keep-in-touch',
          title: `${group} ${i}`,
          reason: '',
          contact: null,
          action: { kind: 'log-interaction', label: 'Log' },
          dueOn: null,
        }) as Candidate,
    );
  const backlog = make('keep-in-touch', 40);
  const groups = (r: ReturnType<typeof rankToday>) => r.items.map((i) => i.title.split(' ')[0]);
  expect(groups(rankToday([...backlog, ...make('new-connection', 5), ...make('ask', 1)], 7))).toEqual([
    'keep-in-touch',
    'keep-in-touch',
    'keep-in-touch',
    'keep-in-touch',
    'new-connection',
    'new-connection',
    'new-connection',
  ]);
  // What comes before keeping in touch is never held back, and the backlog fills what nothing else wants.
  expect(groups(rankToday([...make('waiting', 2), ...backlog, ...make('ask', 1)], 7))).toEqual([
    'waiting',
    'waiting',
    'keep-in-touch',
    'keep-in-touch',
    'keep-in-touch',
    'keep-in-touch',
    'ask',
  ]);
  expect(rankToday(backlog, 7).items).toHaveLength(7);
  expect(rankToday([...backlog, ...make('ask', 1)], 7).more).toBe(34);
});
