/**
 * Tagging a 30,000-contact rolodex (LinkedIn's cap) at once, and counting what a search finds, through the real use
 * cases (`tagContacts`, `countContacts`) on SQLite (or PostgreSQL with BENCH_ENGINE=postgres), after a real
 * `importLinkedin` of `syntheticConnectionsCsv(30000)`. Peers in the same run: the same links written by one plain
 * `INSERT … SELECT` with nothing kept in step (search, `updated_at`, CardDAV), and the count through the list's first
 * page (`listContacts` with `q`, 50 rows), which typeahead pays on every keystroke.
 */
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { sql } from 'kysely';
import { createAccount } from '../src/core/accounts/create-account';
import { countContacts } from '../src/core/contacts/count-contacts';
import { listContacts } from '../src/core/contacts/list-contacts';
import { actingAs } from '../src/core/context';
import { importLinkedin } from '../src/core/imports/import-linkedin';
import { openRuntime } from '../src/core/runtime';
import { tagContacts } from '../src/core/tags/tag-contacts';
import { startPostgres } from './network-synthetic';
import { percentile, syntheticConnectionsCsv, timeAsync } from './synthetic';

const N = Number(process.env.BENCH_CONNECTIONS ?? 30_000);
const QUERIES = ['a', 'e', 's', 'ad', 'ch', 'acme', 'supply', 'lovel', 'ada lov', 'soc gen'];
const ROUNDS = 7;
const DATA_DIR = '/tmp/rapport-bench-bulk-tags';

const postgres =
  (process.env.BENCH_ENGINE ?? (process.env.BENCH_DATABASE_URL ? 'postgres' : 'sqlite')) === 'postgres'
    ? await startPostgres()
    : undefined;
rmSync(DATA_DIR, { recursive: true, force: true });
const rt = await openRuntime(
  { DATABASE_URL: postgres?.url, RAPPORT_DATA_DIR: DATA_DIR } as NodeJS.ProcessEnv,
  {
    settings: { scryptN: 1024 },
  },
);
const base = rt.ctx();
const account = await createAccount(base, {
  email: 'bulk@example.test',
  password: 'bench password',
  name: 'B',
});
const ctx = actingAs(base, account.id);
await importLinkedin(ctx, {
  source: { name: 'Connections.csv', bytes: new TextEncoder().encode(syntheticConnectionsCsv(N)) },
  dryRun: false,
});
console.log(
  `${postgres ? 'PostgreSQL' : 'SQLite'}, ${N} connections imported; load average ${loadavg()[0]?.toFixed(1)}`,
);

console.log('\ncount (ms, median / worst of 7)  vs  the first page of the same search (typeahead)');
for (const q of QUERIES) {
  const counts: number[] = [];
  const pages: number[] = [];
  let total = 0;
  for (let i = 0; i < ROUNDS; i++) {
    const [r, ms] = await timeAsync(() => countContacts(ctx, { q }));
    total = r.total;
    counts.push(ms);
    pages.push((await timeAsync(() => listContacts(ctx, { q, limit: 50 })))[1]);
  }
  counts.sort((a, b) => a - b);
  pages.sort((a, b) => a - b);
  const med = (xs: number[]) => percentile(xs, 50).toFixed(1);
  const worst = (xs: number[]) => (xs[xs.length - 1] as number).toFixed(1);
  console.log(
    `  ${q.padEnd(8)} ${String(total).padStart(6)} found  count ${med(counts)} / ${worst(counts)}  page ${med(pages)} / ${worst(pages)}`,
  );
}

const run = async (label: string, fn: () => Promise<unknown>) => {
  const [r, ms] = await timeAsync(fn);
  console.log(`  ${label.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms  ${JSON.stringify(r)}`);
  return ms;
};
console.log('\ntagContacts');
const all = await run('add a tag to everyone (filter {})', () =>
  tagContacts(ctx, { filter: {}, add: ['conference-2026'] }),
);
await run('the same again (nothing changes)', () =>
  tagContacts(ctx, { filter: {}, add: ['conference-2026'] }),
);
await run('add a tag to a search ("acme")', () => tagContacts(ctx, { filter: { q: 'acme' }, add: ['acme'] }));
await run('remove it from everyone', () => tagContacts(ctx, { filter: {}, remove: ['conference-2026'] }));

console.log('\npeer: the same links by one INSERT … SELECT, nothing else kept in step');
const peer = await run('plain SQL, everyone', async () => {
  const tag = (
    await sql<{ id: string }>`SELECT id FROM tags WHERE owner_id = ${account.id} AND name = 'acme'`.execute(
      ctx.db,
    )
  ).rows[0]?.id;
  await sql`INSERT INTO contact_tags (owner_id, contact_id, tag_id)
    SELECT owner_id, id, ${tag} FROM contacts WHERE owner_id = ${account.id} AND deleted_at IS NULL
    ON CONFLICT DO NOTHING`.execute(ctx.db);
});
console.log(`\ntagging everyone: ${(all / peer).toFixed(1)}× the plain insert`);
await rt.close();
await postgres?.stop();
