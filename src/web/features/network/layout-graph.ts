import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from 'd3-force';
import type { GraphLink, GraphNode } from '../../../contracts/network';

export interface PlacedNode extends GraphNode {
  x: number;
  y: number;
  r: number;
}

type SimNode = GraphNode & SimulationNodeDatum & { r: number };

// How far from me each tier sits: the stronger the relationship, the nearer the centre.
const DISTANCE = { inner: 70, close: 110, active: 160, dormant: 230 } as const;
const TICKS = 300;

/** Radius of a node: me largest, organisations small hubs, people by the strength of the relationship. */
export function radiusOf(n: GraphNode): number {
  if (n.kind === 'me') return 16;
  if (n.kind === 'organisation') return 7;
  if (n.kind === 'account') return 8;
  return 4 + Math.round((n.score ?? 0) / 12);
}

/** A small seeded generator: the same graph always lands in the same place (d3 jiggles coincident nodes). */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Places the graph with a force simulation run to rest before anything is drawn (no animation: the picture is
 * stable, and a re-render never moves it). Me at the origin; links pull people to me by tier and to their
 * organisation; every node pushes the others away and never overlaps them.
 */
export function layoutGraph(nodes: GraphNode[], links: GraphLink[]): PlacedNode[] {
  const sim: SimNode[] = nodes.map((n) =>
    n.kind === 'me' ? { ...n, r: radiusOf(n), fx: 0, fy: 0 } : { ...n, r: radiusOf(n) },
  );
  const byId = new Map(sim.map((n) => [n.id, n]));
  const simLinks: (SimulationLinkDatum<SimNode> & { kind: GraphLink['kind'] })[] = links.flatMap((l) =>
    byId.has(l.source) && byId.has(l.target) ? [{ source: l.source, target: l.target, kind: l.kind }] : [],
  );
  const distance = (l: (typeof simLinks)[number]) => {
    if (l.kind === 'works-at') return 28;
    if (l.kind === 'connected') return DISTANCE.close;
    const target = l.target as SimNode;
    return DISTANCE[target.tier ?? 'dormant'];
  };
  const simulation = forceSimulation(sim)
    .randomSource(seeded(42))
    .force(
      'link',
      forceLink<SimNode, (typeof simLinks)[number]>(simLinks)
        .id((n) => n.id)
        .distance(distance)
        .strength((l) => (l.kind === 'works-at' ? 0.6 : 0.15)),
    )
    .force('charge', forceManyBody<SimNode>().strength(-45))
    .force(
      'collide',
      forceCollide<SimNode>((n) => n.r + 3),
    )
    .force('x', forceX<SimNode>(0).strength(0.02))
    .force('y', forceY<SimNode>(0).strength(0.02))
    .stop();
  simulation.tick(TICKS);
  return sim.map(({ index: _i, vx: _vx, vy: _vy, fx: _fx, fy: _fy, ...n }) => ({
    ...n,
    x: Math.round((n.x ?? 0) * 10) / 10,
    y: Math.round((n.y ?? 0) * 10) / 10,
  }));
}

/** The box around every node (with room for labels), as an SVG viewBox. */
export function boundsOf(
  nodes: PlacedNode[],
  pad = 60,
): { x: number; y: number; width: number; height: number } {
  if (nodes.length === 0) return { x: -100, y: -100, width: 200, height: 200 };
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const n of nodes) {
    minX = Math.min(minX, n.x - n.r);
    minY = Math.min(minY, n.y - n.r);
    maxX = Math.max(maxX, n.x + n.r);
    maxY = Math.max(maxY, n.y + n.r);
  }
  return { x: minX - pad, y: minY - pad, width: maxX - minX + 2 * pad, height: maxY - minY + 2 * pad };
}
