import { describe, expect, it } from 'vitest';
import type { GraphLink, GraphNode } from '../../../contracts/network';
import { boundsOf, layoutGraph, radiusOf } from './layout-graph';

const person = (id: string, tier: GraphNode['tier'], score: number): GraphNode => ({
  id,
  kind: 'contact',
  label: id,
  score,
  tier,
  title: null,
  organisation: null,
  accountId: null,
});
const ME: GraphNode = { ...person('me', null, 0), kind: 'me', score: null };
const ORG: GraphNode = { ...person('org:acme', null, 0), kind: 'organisation', score: null };

function graph(): { nodes: GraphNode[]; links: GraphLink[] } {
  const people = [
    person('inner', 'inner', 80),
    person('close', 'close', 50),
    ...Array.from({ length: 30 }, (_, i) => person(`dormant-${i}`, 'dormant', 0)),
    person('acme-1', 'active', 30),
    person('acme-2', 'dormant', 5),
  ];
  return {
    nodes: [ME, ...people, ORG],
    links: [
      ...people.map((p) => ({ source: 'me', target: p.id, kind: 'knows' as const })),
      { source: 'acme-1', target: 'org:acme', kind: 'works-at' },
      { source: 'acme-2', target: 'org:acme', kind: 'works-at' },
    ],
  };
}

const dist = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

describe('laying out the network graph', () => {
  it('keeps me at the centre and strong relationships nearer than dormant ones', () => {
    const { nodes, links } = graph();
    const placed = layoutGraph(nodes, links);
    const at = (id: string) => placed.find((n) => n.id === id) as (typeof placed)[number];
    expect(at('me')).toMatchObject({ x: 0, y: 0 });
    const dormant = placed.filter((n) => n.tier === 'dormant' && n.id.startsWith('dormant'));
    const meanDormant = dormant.reduce((s, n) => s + dist(n, at('me')), 0) / dormant.length;
    expect(dist(at('inner'), at('me'))).toBeLessThan(meanDormant);
    expect(dist(at('close'), at('me'))).toBeLessThan(meanDormant);
    // Colleagues sit close to their organisation.
    expect(dist(at('acme-1'), at('org:acme'))).toBeLessThan(60);
  });

  it('never overlaps two nodes and is the same picture every time', () => {
    const { nodes, links } = graph();
    const placed = layoutGraph(nodes, links);
    for (let i = 0; i < placed.length; i++)
      for (let j = i + 1; j < placed.length; j++) {
        const a = placed[i] as (typeof placed)[number];
        const b = placed[j] as (typeof placed)[number];
        expect(dist(a, b)).toBeGreaterThan(Math.max(a.r, b.r));
      }
    expect(layoutGraph(nodes, links)).toEqual(placed);
  });

  it('ignores links to nodes it was not given, sizes people by strength, and frames everything', () => {
    const placed = layoutGraph(
      [ME, person('a', 'close', 48)],
      [
        { source: 'me', target: 'a', kind: 'knows' },
        { source: 'me', target: 'gone', kind: 'knows' },
      ],
    );
    expect(placed).toHaveLength(2);
    expect(radiusOf(person('x', 'inner', 96))).toBeGreaterThan(radiusOf(person('y', 'dormant', 0)));
    const box = boundsOf(placed, 10);
    for (const n of placed) {
      expect(n.x - n.r).toBeGreaterThanOrEqual(box.x);
      expect(n.y + n.r).toBeLessThanOrEqual(box.y + box.height);
    }
  });
});
