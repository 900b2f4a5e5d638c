/**
 * "Who do my connections know at X" on a realistic server: 10,000 accounts, 200,000 connections (40 each on
 * average), 1,000,000 findable contacts (100 per account) with synthetic names, organisations and titles. The
 * network index's second-degree query (budget p99 ≤ 5 ms) against the plain SQL a user would write on the same
 * data in the same run: a join of my connections to their contacts with a word-prefix LIKE per query word (SQLite,
 * indexed by owner). Then the whole use case (`searchNetwork`: index, database re-check, presentation, access log)
 * on a real SQLite database of 50 accounts and 10,000 contacts, for the end-to-end cost.
 *
 *   npm run bench -- network-search
 */
import { rmSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { createAccount } from '../src/core/accounts/create-account';
import { actingAs } from '../src/core/context';
import { runImport } from '../src/core/imports/run-import';
import { buildUndirected } from '../src/core/network/index/csr';
import { networkChanged } from '../src/core/network/index/load-network-index';
import { assembleIndex, type IndexContact, secondDegree } from '../src/core/network/index/network-index';
import { searchNetwork } from '../src/core/network/search-network';
import { openRuntime } from '../src/core/runtime';
import { words } from '../src/core/text/fold';
import { emptyPerson } from '../src/formats/model';
import { seedConnection } from '../test/network';
import {
  fmt,
  latencies,
  percentile,
  ratio,
  rng,
  summary,
  syntheticGraph,
  syntheticTiers,
} from './network-synthetic';
import { syntheticPeople } from './synthetic';

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 10_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 200_000);
const PER_ACCOUNT = Number(process.env.BENCH_PER_ACCOUNT ?? 100);
const QUERIES = [
  'acme',
  'globex',
  'ho',
  'supply chain',
  'chen',
  'mul',
  'head of',
  'tanaka',
  'so',
  'wayne ent',
];
const SAMPLES = 1_000;

// ---- The data, once, for both.
let t = performance.now();
// One row per pair, as the connections table keeps them.
const raw = syntheticGraph(ACCOUNTS, CONNECTIONS, 3);
const seen = new Set<number>();
const a = new Int32Array(CONNECTIONS);
const b = new Int32Array(CONNECTIONS);
let edges = 0;
for (let i = 0; i < CONNECTIONS; i++) {
  const x = Math.min(raw.a[i] as number, raw.b[i] as number);
  const y = Math.max(raw.a[i] as number, raw.b[i] as number);
  if (seen.has(x * ACCOUNTS + y)) continue;
  seen.add(x * ACCOUNTS + y);
  a[edges] = x;
  b[edges] = y;
  edges++;
}
const graph = buildUndirected(ACCOUNTS, a, b, syntheticTiers(edges, 1), syntheticTiers(edges, 2), edges);
const ids = Array.from({ length: ACCOUNTS }, (_, i) => `acct-${i}`);
const people = syntheticPeople(ACCOUNTS * PER_ACCOUNT, 9);
const r = rng(17);
const contacts: IndexContact[] = people.map((p, i) => ({
  id: `c${i}`,
  ownerId: ids[Math.floor(i / PER_ACCOUNT)] as string,
  tier: Math.floor(r() * 5),
  // Some people are known by several accounts (same email): persons merge.
  keys: [`email:${r() < 0.2 ? `shared-${Math.floor(r() * 50_000)}` : p.email}`],
  words: [...words(p.displayName), ...words(p.organisation), ...words(p.title)],
}));
const index = assembleIndex(
  ids,
  Uint8Array.from({ length: ACCOUNTS }, (_, i) => i % 2),
  graph,
  contacts,
);
console.log(
  `index: ${ACCOUNTS.toLocaleString('en')} accounts, ${edges.toLocaleString('en')} connections, ${contacts.length.toLocaleString('en')} findable contacts (${index.personCount.toLocaleString('en')} persons, ${index.terms.length.toLocaleString('en')} words); built in ${((performance.now() - t) / 1000).toFixed(1)} s`,
);

t = performance.now();
const sqlite = new SQLite(':memory:');
sqlite.exec(`CREATE TABLE connections (a INTEGER NOT NULL, b INTEGER NOT NULL);
  CREATE TABLE contacts (id INTEGER PRIMARY KEY, owner INTEGER NOT NULL, search TEXT NOT NULL)`);
const insEdge = sqlite.prepare('INSERT INTO connections (a, b) VALUES (?, ?)');
const insContact = sqlite.prepare('INSERT INTO contacts (id, owner, search) VALUES (?, ?, ?)');
sqlite.transaction(() => {
  for (let i = 0; i < edges; i++) {
    insEdge.run(a[i], b[i]);
    insEdge.run(b[i], a[i]);
  }
  contacts.forEach((c, i) => {
    insContact.run(i, Math.floor(i / PER_ACCOUNT), ` ${c.words.join(' ')}`);
  });
})();
sqlite.exec(
  'CREATE INDEX connections_a ON connections (a, b); CREATE INDEX contacts_owner ON contacts (owner); ANALYZE',
);
console.log(`SQLite peer: same data loaded in ${((performance.now() - t) / 1000).toFixed(1)} s`);

const sqlFor = new Map<number, SQLite.Statement>();
function sqlSearch(me: number, ws: string[]) {
  let stmt = sqlFor.get(ws.length);
  if (!stmt) {
    stmt = sqlite.prepare(
      `SELECT c.id, c.owner FROM connections k JOIN contacts c ON c.owner = k.b WHERE k.a = ? ${ws.map(() => 'AND c.search LIKE ?').join(' ')}`,
    );
    sqlFor.set(ws.length, stmt);
  }
  return stmt.all(me, ...ws.map((w) => `% ${w}%`)) as { id: number; owner: number }[];
}

const q = rng(23);
const inputs = Array.from({ length: SAMPLES }, (_, i) => ({
  me: Math.floor(q() * ACCOUNTS),
  ws: words(QUERIES[i % QUERIES.length] as string),
}));
// Same answers (contacts found) before timing anything.
let mismatches = 0;
for (const { me, ws } of inputs.slice(0, 200)) {
  const ours = secondDegree(index, me, ws, 1e9).hits.reduce((n, h) => n + h.contacts.length, 0);
  if (ours !== sqlSearch(me, ws).length) mismatches++;
}
console.log(`answers agree with SQL on ${200 - mismatches}/200 queries`);

const oursTimes = await latencies(inputs, ({ me, ws }) => secondDegree(index, me, ws, 50));
const sqlTimes = await latencies(inputs, ({ me, ws }) => sqlSearch(me, ws));
console.log(summary('index: who my connections know at X', oursTimes));
console.log(
  summary('SQLite join + LIKE per word', sqlTimes),
  ` ${ratio(sqlTimes, oursTimes)}, ${fmt(percentile(sqlTimes.wall, 50) / percentile(oursTimes.wall, 50))}x its p50`,
);
for (const query of QUERIES) {
  const ws = words(query);
  const mine = inputs.filter((x) => x.ws.join(' ') === ws.join(' '));
  const o = await latencies(mine, ({ me }) => secondDegree(index, me, ws, 50), 5);
  const s = await latencies(mine, ({ me }) => sqlSearch(me, ws), 5);
  console.log(
    `  "${query}"`.padEnd(16),
    `index p50 ${fmt(percentile(o.wall, 50))} / p99 ${fmt(percentile(o.wall, 99))} ms   SQL p50 ${fmt(percentile(s.wall, 50))} / p99 ${fmt(percentile(s.wall, 99))} ms`,
  );
}
const budgetP99 = percentile(oursTimes.wall, 99);
const budgetCpuP99 = percentile(oursTimes.cpu, 99);
sqlite.close();

// ---- End to end through the use case on a real SQLite database.
const dir = `/tmp/rapport-bench-network-${process.pid}`;
rmSync(dir, { recursive: true, force: true });
const rt = await openRuntime({ RAPPORT_DATA_DIR: dir } as NodeJS.ProcessEnv, {
  settings: { scryptN: 1024, networkSearchesPerDay: 1_000_000 },
});
t = performance.now();
const accounts: string[] = [];
const sample = syntheticPeople(50 * 200, 31);
for (let k = 0; k < 50; k++) {
  const acc = await createAccount(rt.ctx(), {
    email: `a${k}@bench.test`,
    password: 'bench password',
    name: `Account ${k}`,
  });
  accounts.push(acc.id);
  await runImport(actingAs(rt.ctx(), acc.id), {
    kind: 'csv',
    fileName: 'seed.csv',
    issues: [],
    dryRun: false,
    people: sample.slice(k * 200, k * 200 + 200).map((p, i) => ({
      ...emptyPerson({ file: 'seed.csv', line: i + 2 }),
      givenName: p.givenName,
      familyName: p.familyName,
      organisation: p.organisation,
      title: p.title,
      emails: [{ value: p.email }],
      tags: ['shared'],
    })),
  });
}
await rt.handle.db.updateTable('tags').set({ findable: 1 }).execute();
const me = accounts[0] as string;
for (const other of accounts.slice(1)) await seedConnection(rt.handle.db, me, other);
const ctx = actingAs(rt.ctx(), me);
await networkChanged(ctx);
console.log(
  `\nuse case: 50 accounts, 10,000 findable contacts, 49 connections; seeded in ${((performance.now() - t) / 1000).toFixed(1)} s`,
);
const e2eInputs = Array.from({ length: 300 }, (_, i) => QUERIES[i % QUERIES.length] as string);
const e2e = await latencies(e2eInputs, (query) => searchNetwork(ctx, { q: query }));
console.log(summary('searchNetwork (index + re-check + log)', e2e));
await rt.close();
rmSync(dir, { recursive: true, force: true });

console.log(
  `\nbudget: index p99 ≤ 5 ms: ${budgetP99 <= 5 ? 'met' : 'NOT met'} (${fmt(budgetP99)} ms wall, ${fmt(budgetCpuP99)} ms CPU)`,
);
