import type { z } from 'zod';
import {
  type GraphLink,
  type GraphNode,
  type NetworkGraph,
  networkGraphQuery,
} from '../../contracts/network';
import { countLiveContacts, liveStates } from '../charts/charts.queries';
import { type Ctx, requireActor } from '../context';
import { toStrengthState } from '../relationships/relationship-state';
import { strengthAt } from '../relationships/strength';
import { validate } from '../validate';
import { listConnections } from './list-connections';
import { graphContacts, recentlyConnected } from './network-graph.queries';

// An organisation becomes a node of its own when at least this many drawn contacts work there.
const ORG_MIN = 2;
const CONNECTIONS_DRAWN = 200;

/**
 * My side of the network as a graph to explore: me; my strongest relationships (then the most recently connected,
 * so a fresh import is not an empty picture); the organisations several of them share; the Rapport accounts I am
 * connected to, drawn on their contact when I have one. Only my own data: what connections share is for search.
 */
export async function getNetworkGraph(
  ctx: Ctx,
  query: z.input<typeof networkGraphQuery>,
): Promise<NetworkGraph> {
  const me = requireActor(ctx);
  const { limit } = validate(networkGraphQuery, query);
  const now = ctx.clock.now().getTime();
  const [states, totalContacts, connections] = await Promise.all([
    liveStates(ctx.db, me),
    countLiveContacts(ctx.db, me),
    listConnections(ctx, { state: 'accepted', limit: CONNECTIONS_DRAWN }),
  ]);

  const strength = new Map<string, ReturnType<typeof strengthAt>>();
  for (const s of states) strength.set(s.contact_id, strengthAt(toStrengthState(s), now, s.closeness));
  // The contacts that stand for my connected accounts are drawn first.
  const accountOf = new Map(
    connections.items.flatMap((c) => (c.contactId ? [[c.contactId, c.account.id] as const] : [])),
  );
  const linked = [...accountOf.keys()].slice(0, limit);
  const strongest = [...strength.entries()]
    .filter(([id, s]) => s.score > 0 && !accountOf.has(id))
    .sort(([a, x], [b, y]) => y.score - x.score || (a < b ? -1 : 1))
    .slice(0, limit - linked.length)
    .map(([id]) => id);
  const chosen = [...linked, ...strongest];
  if (chosen.length < limit)
    chosen.push(...(await recentlyConnected(ctx.db, me, limit - chosen.length, chosen)));
  const rank = new Map(chosen.map((id, i) => [id, i]));
  const rows = (await graphContacts(ctx.db, me, chosen)).sort(
    (a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0),
  );

  const drawn = new Set(rows.map((r) => r.id));
  const nodes: GraphNode[] = [
    {
      id: 'me',
      kind: 'me',
      label: 'You',
      score: null,
      tier: null,
      title: null,
      organisation: null,
      accountId: me,
    },
  ];
  const links: GraphLink[] = [];
  const perOrg = new Map<string, { name: string; members: string[] }>();
  for (const r of rows) {
    const s = strength.get(r.id);
    nodes.push({
      id: r.id,
      kind: 'contact',
      label: r.display_name,
      score: s ? Math.round(s.score * 10) / 10 : 0,
      tier: s?.tier ?? 'dormant',
      title: r.title,
      organisation: r.organisation_name,
      accountId: accountOf.get(r.id) ?? null,
    });
    links.push({ source: 'me', target: r.id, kind: 'knows' });
    if (r.organisation_id && r.organisation_name) {
      const org = perOrg.get(r.organisation_id) ?? { name: r.organisation_name, members: [] };
      org.members.push(r.id);
      perOrg.set(r.organisation_id, org);
    }
  }
  for (const [id, org] of perOrg) {
    if (org.members.length < ORG_MIN) continue;
    nodes.push({
      id: `org:${id}`,
      kind: 'organisation',
      label: org.name,
      score: null,
      tier: null,
      title: null,
      organisation: null,
      accountId: null,
    });
    for (const m of org.members) links.push({ source: m, target: `org:${id}`, kind: 'works-at' });
  }
  for (const c of connections.items) {
    if (c.contactId && drawn.has(c.contactId)) continue;
    nodes.push({
      id: `account:${c.account.id}`,
      kind: 'account',
      label: c.account.name,
      score: null,
      tier: null,
      title: c.headline,
      organisation: c.organisation,
      accountId: c.account.id,
    });
    links.push({ source: 'me', target: `account:${c.account.id}`, kind: 'connected' });
  }
  return { nodes, links, totalContacts, shown: rows.length };
}
