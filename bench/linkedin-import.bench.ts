/**
 * LinkedIn import end to end: a 30,000-row Connections.csv (every quirk, see bench/synthetic.ts) parsed and stored
 * on SQLite through the real use case (`importLinkedin`: parse, clean, match, write contacts, channels, sources,
 * organisations and the search index in one transaction). Budget (issue "portable rolodex"): under 0.5 s.
 * Peers in the same run: udsv parsing the same text into rows (the parse-only peer), and plain SQL inserting the
 * same people with one prepared statement (the least a store can do). Then the same file again (nothing changes).
 */
import { rmSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { inferSchema, initParser } from 'udsv';
import { createAccount } from '../src/core/accounts/create-account';
import { actingAs } from '../src/core/context';
import { importLinkedin } from '../src/core/imports/import-linkedin';
import { openRuntime } from '../src/core/runtime';
import { syntheticConnectionsCsv } from './synthetic';

const N = Number(process.env.BENCH_CONNECTIONS ?? 30_000);
// CPU time (user + system, GC threads included) next to wall time: on a loaded shared machine wall time also
// counts the time other processes held the cores.
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const dir = `/tmp/rapport-bench-import-${process.pid}`;
const text = syntheticConnectionsCsv(N);
const bytes = new TextEncoder().encode(text);

// Peer 1: udsv parses the rows (from the header on; it cannot read the preamble).
const body = text.slice(text.indexOf('First Name,'));
let t = performance.now();
let c = cpuMs();
const parser = initParser(inferSchema(body));
const rows = parser.stringArrs(body) as string[][];
const udsvMs = performance.now() - t;
const udsvCpu = cpuMs() - c;

// Peer 2: plain SQL, one prepared INSERT per person into a table with a primary key, no index, no FTS.
rmSync(dir, { recursive: true, force: true });
const plain = new SQLite(':memory:');
plain.exec(
  'CREATE TABLE p (id INTEGER PRIMARY KEY, first TEXT, last TEXT, url TEXT, email TEXT, company TEXT, position TEXT, connected TEXT)',
);
const insert = plain.prepare(
  'INSERT INTO p (first, last, url, email, company, position, connected) VALUES (?, ?, ?, ?, ?, ?, ?)',
);
t = performance.now();
c = cpuMs();
plain.transaction(() => {
  for (const r of rows) insert.run(r[0], r[1], r[2], r[3], r[4], r[5], r[6]);
})();
const sqlMs = performance.now() - t;
const sqlCpu = cpuMs() - c;

const rt = await openRuntime({ RAPPORT_DATA_DIR: dir } as NodeJS.ProcessEnv, { settings: { scryptN: 1024 } });
const account = await createAccount(rt.ctx(), {
  email: 'bench@example.test',
  password: 'bench password',
  name: 'Bench',
});
const ctx = actingAs(rt.ctx(), account.id);

t = performance.now();
c = cpuMs();
const first = await importLinkedin(ctx, { source: { name: 'Connections.csv', bytes }, dryRun: false });
const firstMs = performance.now() - t;
const firstCpu = cpuMs() - c;
t = performance.now();
c = cpuMs();
const again = await importLinkedin(ctx, { source: { name: 'Connections.csv', bytes }, dryRun: false });
const againMs = performance.now() - t;
const againCpu = cpuMs() - c;
await rt.close();
rmSync(dir, { recursive: true, force: true });

const rate = (ms: number) => `${Math.round((N / ms) * 1000).toLocaleString('en')} rows/s`;
const cpu = (ms: number) => `cpu ${ms.toFixed(0).padStart(5)} ms`;
console.log(`${N} connections, ${(bytes.length / 1e6).toFixed(1)} MB`);
console.log(
  `peer udsv parse only:                ${udsvMs.toFixed(0).padStart(6)} ms  ${cpu(udsvCpu)}  ${rate(udsvMs)}`,
);
console.log(
  `peer plain SQL insert (no indexes):  ${sqlMs.toFixed(0).padStart(6)} ms  ${cpu(sqlCpu)}  ${rate(sqlMs)}`,
);
console.log(
  `rapport import, new file:            ${firstMs.toFixed(0).padStart(6)} ms  ${cpu(firstCpu)}  ${rate(firstMs)}  created ${first.stats.created}`,
);
console.log(
  `rapport import, same file again:     ${againMs.toFixed(0).padStart(6)} ms  ${cpu(againCpu)}  ${rate(againMs)}  unchanged ${again.stats.unchanged}`,
);
console.log(
  `ratio import / (udsv + plain SQL):   ${(firstMs / (udsvMs + sqlMs)).toFixed(1)}x wall, ${(firstCpu / (udsvCpu + sqlCpu)).toFixed(1)}x cpu`,
);
console.log(`budget: new file under 500 ms on SQLite: ${firstMs < 500 ? 'met' : 'NOT met'}`);
