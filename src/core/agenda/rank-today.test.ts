import fc from 'fast-check';
import { expect, it } from 'vitest';
import { type Candidate, GROUPS, keepInTouchUrgency, rankToday } from './rank-today';

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

// Keeping in touch (ADR 9): the tie as it stood when last in touch × (1 + days overdue ÷ interval), uncapped; a tie
// counts at least 1. The model states the rule on its own; ranking candidates built with keepInTouchUrgency must
// agree with it, and a contact at least as close and at least as far behind its own rhythm is never ranked later.
const lapsed = fc.record({
  tie: fc.double({ min: 0, max: 100, noNaN: true }),
  cadence: fc.integer({ min: 1, max: 400 }),
  overdue: fc.integer({ min: 0, max: 3000 }),
});

it('ranks lapsed contacts by how close the tie was and how far behind their own rhythm, with no cap', () => {
  fc.assert(
    fc.property(fc.array(lapsed, { minLength: 1, maxLength: 40 }), (ls) => {
      const candidates = ls.map(
        (l, i) =>
          ({
            group: 'keep-in-touch',
            urgency: keepInTouchUrgency(l.tie, l.overdue, l.cadence),
            key: `keep-in-touch:${String(i).padStart(3, '0')}`,
            kind: 'keep-in-touch',
            title: `#${i}`,
            reason: '',
            contact: null,
            action: { kind: 'log-interaction', label: 'Log a check-in' },
            dueOn: null,
          }) as Candidate,
      );
      const ranked = rankToday(candidates, ls.length).items.map((i) => Number(i.title.slice(1)));
      const rule = (l: (typeof ls)[number]) => Math.max(1, l.tie) * (1 + l.overdue / l.cadence);
      const model = ls
        .map((l, i) => ({ i, u: rule(l) }))
        .sort((a, b) => b.u - a.u || a.i - b.i)
        .map((x) => x.i);
      expect(ranked).toEqual(model);
      const at = new Map(ranked.map((i, pos) => [i, pos]));
      for (const [i, a] of ls.entries())
        for (const [j, b] of ls.entries()) {
          const closer = Math.max(1, a.tie) >= Math.max(1, b.tie);
          const further = a.overdue / a.cadence >= b.overdue / b.cadence;
          const strictly =
            Math.max(1, a.tie) > Math.max(1, b.tie) || a.overdue / a.cadence > b.overdue / b.cadence;
          if (closer && further && strictly) expect(at.get(i) as number).toBeLessThan(at.get(j) as number);
        }
    }),
    { numRuns: 300 },
  );
});

it('never lets a longer silence lower a contact: urgency grows with every day overdue, past any multiple', () => {
  fc.assert(
    fc.property(lapsed, fc.integer({ min: 1, max: 3000 }), (l, more) => {
      expect(keepInTouchUrgency(l.tie, l.overdue + more, l.cadence)).toBeGreaterThan(
        keepInTouchUrgency(l.tie, l.overdue, l.cadence),
      );
    }),
  );
});
