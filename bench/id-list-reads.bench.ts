/**
 * Reading contacts by lists of ids after a 30,000-connection LinkedIn import (bench/synthetic.ts through the real
 * `importLinkedin`, which refreshes the planner statistics as it ends) on SQLite: `findContacts` with 500 random
 * ids (what merges, snapshots and CardDAV read) and `readCards` with 500 card names (an addressbook-multiget REPORT
 * of 500 hrefs: contacts, channels, tags, sources, photos, stored cards, then vCard text). The same reads again
 * after the database is closed and opened anew (as a server restart runs `PRAGMA optimize` on open).
 * Peer in the same run, on the same database file: plain better-sqlite3 `SELECT * FROM contacts WHERE id IN (...)`
 * with the same 500 ids, by primary key (readCards does far more than that: its ratio shows what a multiget costs
 * beyond reading the rows). ROUNDS (BENCH_ROUNDS, default 40) lists each; median, total and CPU time printed.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { CompiledQuery, createQueryId, type KyselyPlugin, type RootOperationNode } from 'kysely';
import { createAccount } from '../src/core/accounts/create-account';
import { readCards } from '../src/core/carddav/read-cards';
import { findContacts } from '../src/core/contacts/contact.queries';
import { actingAs, type Ctx } from '../src/core/context';
import { importLinkedin } from '../src/core/imports/import-linkedin';
import { openRuntime } from '../src/core/runtime';
import { percentile, syntheticConnectionsCsv, timeAsync } from './synthetic';

const N = Number(process.env.BENCH_CONNECTIONS ?? 30_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const LIST = 500;
const dir = `/tmp/rapport-bench-id-lists-${process.pid}`;
rmSync(dir, { recursive: true, force: true });
const env = { RAPPORT_DATA_DIR: dir } as NodeJS.ProcessEnv;

let rt = await openRuntime(env, { settings: { scryptN: 1024 } });
const account = await createAccount(rt.ctx(), {
  email: 'bench@example.test',
  password: 'bench password',
  name: 'Bench',
});
const bytes = new TextEncoder().encode(syntheticConnectionsCsv(N));
const t = performance.now();
const imported = await importLinkedin(actingAs(rt.ctx(), account.id), {
  source: { name: 'Connections.csv', bytes },
  dryRun: false,
});
const importMs = performance.now() - t;

const file = join(dir, 'rapport.sqlite');
const peer = new SQLite(file, { readonly: true });
const ids = peer.prepare('SELECT id FROM contacts').pluck().all() as string[];
// Deterministic shuffles: the same lists for every reader.
let seed = 7;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
const lists = Array.from({ length: ROUNDS }, () =>
  Array.from({ length: LIST }, () => ids[Math.floor(random() * ids.length)] as string),
);
const peerRead = peer.prepare(`SELECT * FROM contacts WHERE id IN (${Array(LIST).fill('?').join(', ')})`);

interface Figure {
  p50: number;
  total: number;
  /** CPU time (user + system): on a loaded shared machine wall time also counts other processes' turns. */
  cpu: number;
  rows: number;
}
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function measure(read: (list: string[]) => Promise<number>): Promise<Figure> {
  await read(lists[0] as string[]); // warm: prepared statements, page cache
  const times: number[] = [];
  let rows = 0;
  const c = cpuMs();
  for (const list of lists) {
    const [n, ms] = await timeAsync(() => read(list));
    times.push(ms);
    rows += n;
  }
  times.sort((a, b) => a - b);
  const cpu = cpuMs() - c;
  return { p50: percentile(times, 50), total: times.reduce((a, b) => a + b, 0), cpu, rows };
}

const peerFigure = () => measure(async (list) => peerRead.all(...list).length);
const findFigure = (ctx: Ctx) =>
  measure(async (list) => (await findContacts(ctx.db, account.id, list)).length);
const cardsFigure = (ctx: Ctx) =>
  measure(async (list) =>
    readCards(
      ctx,
      list.map((id) => `${id}.vcf`),
    ).then((m) => m.size),
  );

/** How the open runtime's connection plans `findContacts` (its own statistics, as loaded). */
async function plan(ctx: Ctx): Promise<string> {
  let node: RootOperationNode | undefined;
  const capture: KyselyPlugin = {
    transformQuery: (args) => {
      node = args.node;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  await findContacts(ctx.db.withPlugin(capture), account.id, lists[0] as string[]);
  const query = ctx.db.getExecutor().compileQuery(node as RootOperationNode, createQueryId());
  const { rows } = await ctx.db.executeQuery<{ detail: string }>(
    CompiledQuery.raw(`EXPLAIN QUERY PLAN ${query.sql}`, [...query.parameters]),
  );
  return rows.map((s) => s.detail).join('; ');
}
const stat = (db: SQLite.Database) =>
  db.prepare("SELECT idx, stat FROM sqlite_stat1 WHERE tbl = 'contacts' ORDER BY idx").all() as {
    idx: string;
    stat: string;
  }[];

const line = (label: string, f: Figure, against?: Figure) =>
  console.log(
    `${label.padEnd(44)} p50 ${f.p50.toFixed(2).padStart(6)} ms  total ${f.total.toFixed(0).padStart(5)} ms  cpu ${f.cpu.toFixed(0).padStart(5)} ms  rows ${f.rows}${
      against
        ? `  ratio to peer ${(f.total / against.total).toFixed(2)}x wall, ${(f.cpu / against.cpu).toFixed(2)}x cpu`
        : ''
    }`,
  );

console.log(
  `${N} connections imported in ${importMs.toFixed(0)} ms (created ${imported.stats.created}); ${ROUNDS} lists of ${LIST} random ids`,
);
for (const [when, ctx] of [
  ['after the import', rt.ctx()],
  ['after reopening', null],
] as const) {
  let c = ctx;
  if (!c) {
    await rt.close();
    rt = await openRuntime(env, { settings: { scryptN: 1024 } });
    c = rt.ctx();
  }
  const acting = actingAs(c, account.id);
  const peerNow = await peerFigure();
  const ours = await findFigure(acting);
  const cards = await cardsFigure(acting);
  console.log(`-- ${when}`);
  console.log(
    `   contacts stats: ${
      stat(peer)
        .map((s) => `${s.idx} "${s.stat}"`)
        .join(', ') || 'none'
    }`,
  );
  console.log(`   plan of findContacts: ${await plan(acting)}`);
  line('   peer plain SELECT by primary key', peerNow);
  line('   rapport findContacts (500 ids)', ours, peerNow);
  line('   rapport readCards (multiget of 500 hrefs)', cards, peerNow);
}
peer.close();
await rt.close();
rmSync(dir, { recursive: true, force: true });
