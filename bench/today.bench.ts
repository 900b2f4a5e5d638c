/**
 * The API through HTTP for an account with 30,000 contacts and 500,000 interactions on SQLite (budget: ≥ 5k req/s
 * per core, p99 < 20 ms): GET /api/v1/today, GET /api/v1/contacts?q=ad, and GET /api/v1/settings as the floor of an
 * authenticated route. Three processes besides this one, so the load generator never shares the server's event
 * loop: the Rapport server (one process = one core of JavaScript), the peer (bare node:http answering each
 * endpoint's own JSON body, the floor any Node API pays per request), and autocannon. Each endpoint is measured with
 * one connection (latency) and with ten (throughput), peer right after. Seeding goes through core's bulk paths
 * (import, bulk interaction inserts, full recompute) so the relationship state is the one the product would have.
 * Today is kept until the next write or the next minute (ADR 17), so the HTTP figures are the cached path; the
 * bench also works Today out in-process, a minute later each time, to show what a miss costs.
 * BENCH_PROFILE=<dir> writes a --cpu-prof of the server there.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { authenticateApiToken } from '../src/core/accounts/authenticate';
import { createAccount } from '../src/core/accounts/create-account';
import { createApiToken } from '../src/core/accounts/create-api-token';
import { getToday } from '../src/core/agenda/get-today';
import { listContacts } from '../src/core/contacts/list-contacts';
import { actingAs } from '../src/core/context';
import { insertInteractionLinks, insertInteractionRows } from '../src/core/imports/import.queries';
import { runImport } from '../src/core/imports/run-import';
import { createPromise } from '../src/core/promises/create-promise';
import { recomputeRelationships } from '../src/core/relationships/recompute-relationships';
import { setTagCadence } from '../src/core/relationships/set-tag-cadence';
import { openRuntime } from '../src/core/runtime';
import { listTags } from '../src/core/tags/list-tags';
import { emptyPerson } from '../src/formats/model';
import type { LoadRequest, LoadResult } from './http-load';
import { syntheticPeople } from './synthetic';

const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 30_000);
const INTERACTIONS = Number(process.env.BENCH_INTERACTIONS ?? 500_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const PROFILE = process.env.BENCH_PROFILE;
// BENCH_DATA=<dir> keeps the seeded folder and reuses it on later runs (profiling the request path without reseeding).
const dir = process.env.BENCH_DATA ?? `/tmp/rapport-bench-today-${process.pid}`;
const token = existsSync(`${dir}/bench-token`) ? readFileSync(`${dir}/bench-token`, 'utf8') : await seed();

async function seed(): Promise<string> {
  rmSync(dir, { recursive: true, force: true });
  const rt = await openRuntime({ RAPPORT_DATA_DIR: dir } as NodeJS.ProcessEnv, {
    settings: { scryptN: 1024 },
  });
  const account = await createAccount(rt.ctx(), {
    email: 'bench@example.test',
    password: 'bench password',
    name: 'Bench',
  });
  const ctx = actingAs(rt.ctx(), account.id);
  const t = performance.now();
  await runImport(ctx, {
    kind: 'csv',
    fileName: 'seed.csv',
    issues: [],
    dryRun: false,
    people: syntheticPeople(CONTACTS).map((p, i) => ({
      ...emptyPerson({ file: 'seed.csv', line: i + 2 }),
      givenName: p.givenName,
      familyName: p.familyName,
      organisation: p.organisation,
      title: p.title,
      emails: [{ value: p.email }],
      tags: i % 10 === 0 ? ['former students'] : [],
      birthday: i % 365 === 0 ? '--11-25' : undefined,
    })),
  });
  const ids: string[] = [];
  for (let cursor: string | undefined; ; ) {
    const page = await listContacts(ctx, { limit: 200, cursor });
    ids.push(...page.items.map((c) => c.id));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  const now = Date.now();
  const kinds = ['meeting', 'call', 'video', 'email', 'message', 'event'] as const;
  const dirs = ['outbound', 'inbound', 'mutual'] as const;
  await rt.handle.db.transaction().execute(async (tx) => {
    const rows = [];
    const links = [];
    let seed = 11;
    for (let k = 0; k < INTERACTIONS; k++) {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      const id = `0190${String(k).padStart(8, '0')}-0000-7000-8000-${String(seed).padStart(12, '0').slice(-12)}`;
      const at = new Date(now - (seed % (3 * 365)) * 86_400_000).toISOString();
      rows.push({
        id,
        owner_id: account.id,
        kind: kinds[k % 6] as (typeof kinds)[number],
        occurred_at: at,
        direction: dirs[seed % 3] as (typeof dirs)[number],
        answered: 1,
        summary: null,
        source: 'bench',
        external_key: null,
        conversation_key: null,
        date_only: 0,
        import_id: null,
        created_at: at,
        updated_at: at,
        deleted_at: null,
      });
      links.push({
        owner_id: account.id,
        interaction_id: id,
        contact_id: ids[Math.floor((seed / 4294967296) ** 2 * ids.length)] as string,
      });
    }
    await insertInteractionRows(tx, rows);
    await insertInteractionLinks(tx, links);
  });
  await setTagCadence(ctx, (await listTags(ctx))[0]?.id as string, { cadenceDays: 180 });
  const { contacts } = await recomputeRelationships(ctx);
  for (let k = 0; k < 40; k++) {
    await createPromise(ctx, {
      contactId: ids[k * 7] as string,
      direction: k % 3 ? 'mine' : 'theirs',
      what: `Promise ${k}`,
      dueOn: new Date(now + (k - 20) * 86_400_000).toISOString().slice(0, 10),
    });
  }
  console.log(
    `seeded ${ids.length.toLocaleString('en')} contacts, ${INTERACTIONS.toLocaleString('en')} interactions, ${contacts.toLocaleString('en')} relationships in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );

  const token = (await createApiToken(ctx, { name: 'bench' })).token;
  await rt.close();
  writeFileSync(`${dir}/bench-token`, token);
  return token;
}

/** Starts a bench process (through tsx) and waits for its first message. */
async function start<T>(
  file: string,
  opts: { env?: NodeJS.ProcessEnv; execArgv?: string[]; send?: unknown } = {},
) {
  const child = fork(new URL(file, import.meta.url), {
    execArgv: ['--import', 'tsx', ...(opts.execArgv ?? [])],
    env: { ...process.env, ...opts.env },
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const first = new Promise<T>((resolve, reject) => {
    child.once('message', (m) => resolve(m as T));
    child.once('exit', (code) => reject(new Error(`${file} exited (${code}) before answering`)));
  });
  if (opts.send !== undefined) child.send(opts.send as string);
  return { child, exited, first: await first };
}
async function cpuMs(server: ChildProcess): Promise<number> {
  const answer = new Promise<NodeJS.CpuUsage>((r) => server.once('message', (m) => r(m as NodeJS.CpuUsage)));
  server.send('cpu');
  const c = await answer;
  return (c.user + c.system) / 1000;
}
/** Runs autocannon in its own process; adds the server's CPU time per request over the run. */
async function load(server: ChildProcess, req: LoadRequest): Promise<LoadResult & { cpu: number }> {
  const before = await cpuMs(server);
  const { exited, first } = await start<LoadResult>('./http-load.ts', { send: req });
  await exited;
  return { ...first, cpu: ((await cpuMs(server)) - before) / first.requests };
}

const server = await start<string>('./api-server.ts', {
  env: { RAPPORT_DATA_DIR: dir },
  execArgv: PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE}`] : [],
});
const base = server.first;
const auth = { authorization: `Bearer ${token}` };
const endpoints = [
  { name: 'GET /api/v1/today (kept until a write or the next minute)', path: '/api/v1/today', query: '' },
  { name: 'GET /api/v1/contacts?q=ad', path: '/api/v1/contacts', query: '?q=ad&limit=10' },
  // The floor under every API route: token check, hooks, one small query, serialisation.
  { name: 'GET /api/v1/settings', path: '/api/v1/settings', query: '' },
];
const bodies: Record<string, string> = {};
for (const e of endpoints) {
  const res = await fetch(`${base}${e.path}${e.query}`, { headers: auth });
  if (res.status !== 200) throw new Error(`${e.name}: ${res.status} ${await res.text()}`);
  bodies[e.path] = await res.text();
}
const today = JSON.parse(bodies['/api/v1/today'] as string) as { items: { kind: string }[]; more: number };
console.log(`Today: ${today.items.map((i) => i.kind).join(', ')} (+${today.more} more)`);
const peer = await start<string>('./bare-server.ts', { send: bodies });

type Measured = LoadResult & { cpu: number };
const fmt = (r: Measured) =>
  `p50 ${r.p50.toFixed(2).padStart(6)} ms  p99 ${r.p99.toFixed(2).padStart(6)} ms  ${r.rps.toFixed(0).padStart(6)} req/s  CPU ${r.cpu.toFixed(3)} ms/req`;
for (const e of endpoints) {
  const url = `${base}${e.path}${e.query}`;
  const peerUrl = `${peer.first}${e.path}${e.query}`;
  // Warm up the JIT and SQLite's page cache before anything counts.
  await load(server.child, { url, headers: auth, connections: 4, seconds: 2 });
  await load(peer.child, { url: peerUrl, headers: {}, connections: 4, seconds: 2 });
  const one = await load(server.child, { url, headers: auth, connections: 1, seconds: SECONDS });
  const oneBare = await load(peer.child, { url: peerUrl, headers: {}, connections: 1, seconds: SECONDS });
  const ten = await load(server.child, { url, headers: auth, connections: 10, seconds: SECONDS });
  const tenBare = await load(peer.child, { url: peerUrl, headers: {}, connections: 10, seconds: SECONDS });
  for (const r of [one, oneBare, ten, tenBare])
    if (r.errors || r.non2xx) throw new Error(`${e.name}: ${r.errors} errors, ${r.non2xx} non-2xx`);
  // The server is one JavaScript thread: its CPU time per request says how many requests one core serves.
  const perCore = 1000 / ten.cpu;
  console.log(`\n${e.name} (${bodies[e.path]?.length.toLocaleString('en')} bytes)`);
  console.log(`  1 connection    Rapport ${fmt(one)}\n                  peer    ${fmt(oneBare)}`);
  console.log(`  10 connections  Rapport ${fmt(ten)}\n                  peer    ${fmt(tenBare)}`);
  console.log(
    `  ratio peer/Rapport: ${(tenBare.rps / ten.rps).toFixed(1)}x req/s, ${(ten.cpu / tenBare.cpu).toFixed(1)}x CPU per request; ` +
      `Rapport ${perCore.toFixed(0)} req/s per core (budget ≥ 5,000: ${perCore >= 5000 ? 'met' : 'NOT met'}), ` +
      `p99 ${one.p99.toFixed(1)} / ${ten.p99.toFixed(1)} ms (budget < 20 ms: ${one.p99 < 20 && ten.p99 < 20 ? 'met' : 'NOT met'})`,
  );
}

for (const c of [server, peer]) c.child.kill('SIGTERM');
await Promise.all([server.exited, peer.exited]);

// A miss: Today worked out again, as after any write or at the next minute (the clock moves a minute each time).
{
  const rt = await openRuntime({ RAPPORT_DATA_DIR: dir } as NodeJS.ProcessEnv);
  const who = await authenticateApiToken(rt.ctx(), token);
  if (!who) throw new Error('bench token not found');
  let minute = Date.now();
  const ctx = { ...actingAs(rt.ctx(), who.accountId), clock: { now: () => new Date(minute) } };
  const times: number[] = [];
  const cpu = process.cpuUsage();
  for (let k = 0; k < 300; k++) {
    minute += 60_000;
    const t = performance.now();
    await getToday(ctx);
    if (k >= 50) times.push(performance.now() - t); // the first 50 warm the JIT
  }
  const used = process.cpuUsage(cpu);
  times.sort((a, b) => a - b);
  const at = (p: number) => (times[Math.floor((times.length - 1) * p)] as number).toFixed(2);
  console.log(
    `\nToday worked out (a cache miss: after a write, or a new minute), in-process, 250 times: p50 ${at(0.5)} ms, ` +
      `p99 ${at(0.99)} ms, CPU ${((used.user + used.system) / 1000 / 300).toFixed(2)} ms each`,
  );
  await rt.close();
}
if (!process.env.BENCH_DATA) rmSync(dir, { recursive: true, force: true });
