/**
 * Today through the HTTP API for an account with 30,000 contacts and 500,000 interactions on SQLite (budget:
 * p99 ≤ 20 ms), and API throughput. Peer in the same run: a bare node:http server answering a JSON body of the
 * same size (the floor any Node API pays per request). Seeding goes through core's bulk paths (import, bulk
 * interaction inserts, full recompute) so the relationship state is the one the product would have.
 */
import { rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createAccount } from '../src/core/accounts/create-account';
import { createApiToken } from '../src/core/accounts/create-api-token';
import { listContacts } from '../src/core/contacts/list-contacts';
import { actingAs } from '../src/core/context';
import { insertInteractionLinks, insertInteractionRows } from '../src/core/imports/import.queries';
import { runImport } from '../src/core/imports/run-import';
import { createPromise } from '../src/core/promises/create-promise';
import { recomputeRelationships } from '../src/core/relationships/recompute-relationships';
import { setTagCadence } from '../src/core/relationships/set-tag-cadence';
import { listTags } from '../src/core/tags/list-tags';
import { openRuntime } from '../src/core/runtime';
import { emptyPerson } from '../src/formats/model';
import { buildApp } from '../src/server/app';
import { percentile, syntheticPeople } from './synthetic';

const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 30_000);
const INTERACTIONS = Number(process.env.BENCH_INTERACTIONS ?? 500_000);
const REQUESTS = 400;
const dir = `/tmp/rapport-bench-today-${process.pid}`;
rmSync(dir, { recursive: true, force: true });

const rt = await openRuntime({ RAPPORT_DATA_DIR: dir } as NodeJS.ProcessEnv, { settings: { scryptN: 1024 } });
const account = await createAccount(rt.ctx(), { email: 'bench@example.test', password: 'bench password', name: 'Bench' });
const ctx = actingAs(rt.ctx(), account.id);
let t = performance.now();
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
      id, owner_id: account.id, kind: kinds[k % 6] as (typeof kinds)[number], occurred_at: at, direction: dirs[seed % 3] as (typeof dirs)[number], answered: 1,
      summary: null, source: 'bench', external_key: null, conversation_key: null, import_id: null, created_at: at, updated_at: at, deleted_at: null,
    });
    links.push({ owner_id: account.id, interaction_id: id, contact_id: ids[Math.floor((seed / 4294967296) ** 2 * ids.length)] as string });
  }
  await insertInteractionRows(tx, rows);
  await insertInteractionLinks(tx, links);
});
await setTagCadence(ctx, (await listTags(ctx))[0]?.id as string, { cadenceDays: 180 });
const { contacts } = await recomputeRelationships(ctx);
for (let k = 0; k < 40; k++) {
  await createPromise(ctx, { contactId: ids[k * 7] as string, direction: k % 3 ? 'mine' : 'theirs', what: `Promise ${k}`, dueOn: new Date(now + (k - 20) * 86_400_000).toISOString().slice(0, 10) });
}
console.log(`seeded ${ids.length.toLocaleString('en')} contacts, ${INTERACTIONS.toLocaleString('en')} interactions, ${contacts.toLocaleString('en')} relationships in ${((performance.now() - t) / 1000).toFixed(1)} s`);

const token = (await createApiToken(ctx, { name: 'bench' })).token;
const app = await buildApp({ handle: rt.handle, settings: rt.settings, webRoot: null, logLevel: 'warn' });
const base = await app.listen({ port: 0, host: '127.0.0.1' });
const sample = await (await fetch(`${base}/api/v1/today`, { headers: { authorization: `Bearer ${token}` } })).text();
const body = JSON.parse(sample) as { items: { kind: string }[]; more: number };
console.log(`Today: ${body.items.map((i) => i.kind).join(', ')} (+${body.more} more)`);

const peer = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(sample);
});
await new Promise<void>((r) => peer.listen(0, '127.0.0.1', r));
const peerBase = `http://127.0.0.1:${(peer.address() as { port: number }).port}`;

async function latencies(url: string, headers: Record<string, string>): Promise<number[]> {
  for (let k = 0; k < 30; k++) await (await fetch(url, { headers })).text();
  const out: number[] = [];
  for (let k = 0; k < REQUESTS; k++) {
    const start = performance.now();
    await (await fetch(url, { headers })).text();
    out.push(performance.now() - start);
  }
  return out.sort((a, b) => a - b);
}
async function throughput(url: string, headers: Record<string, string>, seconds = 3, concurrency = 8): Promise<number> {
  let done = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        await (await fetch(url, { headers })).text();
        done++;
      }
    }),
  );
  return done / seconds;
}
const auth = { authorization: `Bearer ${token}` };
const ours = await latencies(`${base}/api/v1/today`, auth);
const bare = await latencies(peerBase, {});
const oursRps = await throughput(`${base}/api/v1/today`, auth);
const bareRps = await throughput(peerBase, {});
const searchRps = await throughput(`${base}/api/v1/contacts?q=ad&limit=10`, auth);
console.log(`GET /api/v1/today       p50 ${percentile(ours, 50).toFixed(1)} ms  p99 ${percentile(ours, 99).toFixed(1)} ms  ${oursRps.toFixed(0)} req/s   budget p99 ≤ 20 ms: ${percentile(ours, 99) <= 20 ? 'met' : 'NOT met'}`);
console.log(`peer bare node:http     p50 ${percentile(bare, 50).toFixed(1)} ms  p99 ${percentile(bare, 99).toFixed(1)} ms  ${bareRps.toFixed(0)} req/s   ratio (req/s) ${(bareRps / oursRps).toFixed(1)}x`);
console.log(`GET /api/v1/contacts?q=ad ${searchRps.toFixed(0)} req/s (search through the API)`);
await app.close();
peer.close();
await rt.close();
rmSync(dir, { recursive: true, force: true });
