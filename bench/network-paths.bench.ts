/**
 * Warm-intro paths (≤ 3 hops) on a synthetic network of 1M accounts and 20M connections, through the network
 * index's typed-array CSR (bidirectional BFS; and ranked warm paths to everyone "at Acme"). Budget: p99 ≤ 2 ms,
 * memory ≤ 12 bytes/edge. Peers in the same run, on a 100k-account / 2M-edge sample of the same generator (loading
 * the full size into them takes far longer than a benchmark should, and graphology would need ~9 GB): graphology
 * (bidirectional shortest path; memory), SQLite recursive CTE, PostgreSQL recursive CTE. The index is measured on
 * the sample too, so every ratio compares the same graph and the same pairs.
 *
 *   npm run bench -- network-paths     (BENCH_ACCOUNTS / BENCH_EDGES change the full size)
 */
import SQLite from 'better-sqlite3';
import Graph from 'graphology';
import { bidirectional } from 'graphology-shortest-path/unweighted';
import pg from 'pg';
import { buildUndirected, csrBytes } from '../src/core/network/index/csr';
import {
  assembleIndex,
  type IndexContact,
  matchingContacts,
  type NetworkIndex,
  shortestAccountPath,
  warmPaths,
} from '../src/core/network/index/network-index';
import {
  fmt,
  gc,
  latencies,
  percentile,
  ratio,
  rng,
  startPostgres,
  summary,
  syntheticGraph,
  syntheticTiers,
} from './network-synthetic';

const NODES = Number(process.env.BENCH_ACCOUNTS ?? 1_000_000);
const EDGES = Number(process.env.BENCH_EDGES ?? 20_000_000);
const SAMPLE_NODES = 100_000;
const SAMPLE_EDGES = 2_000_000;
const PAIRS = 2_000;
const SQL_PAIRS = 100;

function buildIndex(nodes: number, edges: number, contacts: number) {
  const t = performance.now();
  const { a, b } = syntheticGraph(nodes, edges);
  const graph = buildUndirected(nodes, a, b, syntheticTiers(edges, 11), syntheticTiers(edges, 13));
  const ids = Array.from({ length: nodes }, (_, i) => `acct-${i}`);
  // Findable contacts: one in five accounts shares a few; 1 % of them work at Acme.
  const r = rng(5);
  const people: IndexContact[] = [];
  for (let i = 0; i < contacts; i++) {
    const acme = r() < 0.01;
    people.push({
      id: `contact-${i}`,
      ownerId: ids[Math.floor(r() * nodes)] as string,
      tier: Math.floor(r() * 5),
      keys: [`k${Math.floor(r() * contacts * 0.8)}`],
      words: acme ? ['acme', 'logistics'] : ['globex', 'ops'],
    });
  }
  const index = assembleIndex(
    ids,
    Uint8Array.from({ length: nodes }, (_, i) => i % 2),
    graph,
    people,
  );
  return { index, a, b, ms: performance.now() - t, bytesPerEdge: csrBytes(graph) / edges };
}

/** Pairs at most three hops apart: the end of a random walk of 2 or 3 steps. */
function pairsWithin3(index: NetworkIndex, n: number, seed: number): [number, number][] {
  const r = rng(seed);
  const { offsets, targets } = index.graph;
  const out: [number, number][] = [];
  while (out.length < n) {
    const s = Math.floor(r() * (offsets.length - 1));
    let v = s;
    const steps = r() < 0.5 ? 2 : 3;
    for (let k = 0; k < steps; k++) {
      const deg = (offsets[v + 1] as number) - (offsets[v] as number);
      if (deg === 0) break;
      v = targets[(offsets[v] as number) + Math.floor(r() * deg)] as number;
    }
    if (v !== s) out.push([s, v]);
  }
  return out;
}

// ---- Full size: the index alone.
gc();
const full = buildIndex(NODES, EDGES, 200_000);
console.log(
  `index: ${NODES.toLocaleString('en')} accounts, ${EDGES.toLocaleString('en')} connections, 200,000 findable contacts; built in ${(full.ms / 1000).toFixed(1)} s`,
);
console.log(`memory: ${full.bytesPerEdge.toFixed(2)} bytes/edge in the account graph (budget ≤ 12)`);
const fullPairs = pairsWithin3(full.index, PAIRS, 1);
const fullShortest = await latencies(fullPairs, ([s, t]) => shortestAccountPath(full.index, s, t, 3));
console.log(summary(`index: shortest path ≤ 3 hops (${NODES / 1e6}M/${EDGES / 1e6}M)`, fullShortest));
const acme = matchingContacts(full.index, ['acme'], 1e6);
const fullWarm = await latencies(
  fullPairs.slice(0, 500).map(([s]) => s),
  (s) => warmPaths(full.index, s, acme, 10),
);
console.log(summary(`index: ranked warm paths to ${acme.length} at Acme`, fullWarm));
const fullP99 = percentile(fullShortest.wall, 99);
const fullCpuP99 = percentile(fullShortest.cpu, 99);

// ---- The sample, for the peers.
const sample = buildIndex(SAMPLE_NODES, SAMPLE_EDGES, 20_000);
const pairs = pairsWithin3(sample.index, PAIRS, 2);
const ours = await latencies(pairs, ([s, t]) => shortestAccountPath(sample.index, s, t, 3));
console.log(
  `\nsample: ${SAMPLE_NODES.toLocaleString('en')} accounts, ${SAMPLE_EDGES.toLocaleString('en')} connections (same generator)`,
);
console.log(summary('index: shortest path ≤ 3 hops', ours));

// graphology
gc();
const heapBefore = process.memoryUsage().heapUsed;
let t = performance.now();
const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
for (let i = 0; i < SAMPLE_NODES; i++) graph.addNode(String(i));
for (let i = 0; i < SAMPLE_EDGES; i++) graph.mergeEdge(String(sample.a[i]), String(sample.b[i]));
const graphologyBuild = performance.now() - t;
gc();
const graphologyBytes = (process.memoryUsage().heapUsed - heapBefore) / SAMPLE_EDGES;
const theirs = await latencies(pairs, ([s, t2]) => bidirectional(graph, String(s), String(t2)));
let disagree = 0;
for (const [s, t2] of pairs.slice(0, 500)) {
  const x = shortestAccountPath(sample.index, s, t2, 3);
  const y = bidirectional(graph, String(s), String(t2));
  if ((x?.length ?? -1) !== (y?.length ?? -1)) disagree++;
}
console.log(
  summary('graphology bidirectional', theirs),
  ` ${ratio(theirs, ours)}; built in ${(graphologyBuild / 1000).toFixed(1)} s; ${graphologyBytes.toFixed(0)} bytes/edge (index ${sample.bytesPerEdge.toFixed(2)}); path lengths disagree on ${disagree}/500`,
);

// SQLite recursive CTE
const cte = `WITH RECURSIVE reach(node, depth) AS (
    SELECT ?, 0
    UNION
    SELECT e.b, r.depth + 1 FROM reach r JOIN edges e ON e.a = r.node WHERE r.depth < 3
  ) SELECT min(depth) AS d FROM reach WHERE node = ?`;
t = performance.now();
const sqlite = new SQLite(':memory:');
sqlite.exec('CREATE TABLE edges (a INTEGER NOT NULL, b INTEGER NOT NULL)');
const insert = sqlite.prepare('INSERT INTO edges (a, b) VALUES (?, ?)');
sqlite.transaction(() => {
  for (let i = 0; i < SAMPLE_EDGES; i++) {
    insert.run(sample.a[i], sample.b[i]);
    insert.run(sample.b[i], sample.a[i]);
  }
})();
sqlite.exec('CREATE INDEX edges_ab ON edges (a, b); ANALYZE');
console.log(
  `\nSQLite: loaded ${(2 * SAMPLE_EDGES).toLocaleString('en')} directed rows in ${((performance.now() - t) / 1000).toFixed(1)} s`,
);
const sqliteQuery = sqlite.prepare(cte);
const sqlitePairs = pairs.slice(0, SQL_PAIRS);
const sqliteTimes = await latencies(sqlitePairs, ([s, t2]) => sqliteQuery.get(s, t2), 3);
console.log(summary('SQLite recursive CTE (distance ≤ 3)', sqliteTimes), ` ${ratio(sqliteTimes, ours)}`);
sqlite.close();

// PostgreSQL recursive CTE
const server = await startPostgres();
const client = new pg.Client({ connectionString: server.url });
await client.connect();
t = performance.now();
await client.query('DROP TABLE IF EXISTS bench_edges');
await client.query('CREATE TABLE bench_edges (a integer NOT NULL, b integer NOT NULL)');
const CHUNK = 200_000;
for (let i = 0; i < SAMPLE_EDGES; i += CHUNK) {
  const xs = Array.from(sample.a.subarray(i, i + CHUNK));
  const ys = Array.from(sample.b.subarray(i, i + CHUNK));
  await client.query('INSERT INTO bench_edges (a, b) SELECT * FROM unnest($1::int[], $2::int[])', [xs, ys]);
  await client.query('INSERT INTO bench_edges (a, b) SELECT * FROM unnest($1::int[], $2::int[])', [ys, xs]);
}
await client.query('CREATE INDEX bench_edges_ab ON bench_edges (a, b)');
await client.query('ANALYZE bench_edges');
console.log(
  `PostgreSQL: loaded ${(2 * SAMPLE_EDGES).toLocaleString('en')} directed rows in ${((performance.now() - t) / 1000).toFixed(1)} s`,
);
const pgCte = cte
  .replace('SELECT ?, 0', 'SELECT $1::int, 0')
  .replace('node = ?', 'node = $2')
  .replaceAll('edges e', 'bench_edges e');
const pgTimes = await latencies(sqlitePairs, ([s, t2]) => client.query(pgCte, [s, t2]), 3);
console.log(summary('PostgreSQL recursive CTE (distance ≤ 3)', pgTimes), ` ${ratio(pgTimes, ours)}`);
await client.query('DROP TABLE bench_edges');
await client.end();
await server.stop();

console.log(
  `\nbudget: p99 ≤ 2 ms at ${NODES / 1e6}M/${EDGES / 1e6}M: ${fullP99 <= 2 ? 'met' : 'NOT met'} (${fmt(fullP99)} ms wall, ${fmt(fullCpuP99)} ms CPU); memory ≤ 12 bytes/edge: ${full.bytesPerEdge <= 12 ? 'met' : 'NOT met'} (${full.bytesPerEdge.toFixed(2)})`,
);
