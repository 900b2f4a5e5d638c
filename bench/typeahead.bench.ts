/**
 * Typeahead in a 30,000-contact rolodex (LinkedIn's cap), through the real use case (`listContacts` with `q`,
 * first page of 10, presented as the API returns it) on SQLite (or PostgreSQL with BENCH_ENGINE=postgres),
 * against MiniSearch on the same people in the same process. Budget (DESIGN.md): p99 ≤ 5 ms for any prefix, one
 * letter included. BENCH_OTHER_ACCOUNTS=k first fills the same database with k other accounts of the same size (the
 * same synthetic people), as on a server that many share: every full-text stage then meets their contacts too.
 */
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import MiniSearch from 'minisearch';
import { createAccount } from '../src/core/accounts/create-account';
import { createContact } from '../src/core/contacts/create-contact';
import { listContacts } from '../src/core/contacts/list-contacts';
import { actingAs, inTransaction } from '../src/core/context';
import { refreshPlannerStatistics } from '../src/core/db/portable';
import { runImport } from '../src/core/imports/run-import';
import { openRuntime } from '../src/core/runtime';
import { emptyPerson } from '../src/formats/model';
import { startPostgres } from './network-synthetic';
import { percentile, syntheticPeople, time, timeAsync } from './synthetic';

const N = Number(process.env.BENCH_CONTACTS ?? 30_000);
const OTHERS = Number(process.env.BENCH_OTHER_ACCOUNTS ?? 0);
const QUERIES = [
  ...'abcdefghijklmnoprstuvwyz'.split(''),
  ...['ad', 'el', 'ch', 'gr', 'mu', 'ok', 'pa', 'ze', 'so', 'ac'],
  ...['lovel', 'elodi', 'supply', 'acme', 'profes', 'hopper', 'garci', 'tanak'],
  ...['ada lov', 'chen wei', 'grace h', 'soc gen'],
];
const ROUNDS = 5;

const DATA_DIR = '/tmp/rapport-bench-typeahead';
// SQLite by default; BENCH_ENGINE=postgres starts a throw-away embedded PostgreSQL (or uses BENCH_DATABASE_URL).
const postgres =
  (process.env.BENCH_ENGINE ?? (process.env.BENCH_DATABASE_URL ? 'postgres' : 'sqlite')) === 'postgres'
    ? await startPostgres()
    : undefined;
// A fresh database each run: accounts left by earlier runs would add to every full-text stage's hits.
rmSync(DATA_DIR, { recursive: true, force: true });
const rt = await openRuntime(
  {
    DATABASE_URL: postgres?.url,
    RAPPORT_DATA_DIR: DATA_DIR,
  } as NodeJS.ProcessEnv,
  {
    settings: { scryptN: 1024 },
  },
);
const base = rt.ctx();
const people = syntheticPeople(N);
/** What the bench stores of each synthetic person, imported or created. */
const fieldsOf = (p: (typeof people)[number]) => ({
  givenName: p.givenName,
  familyName: p.familyName,
  organisation: p.organisation,
  title: p.title,
  emails: [{ value: p.email }],
  notes: p.notes || undefined,
});
if (OTHERS > 0) {
  const t = performance.now();
  for (let k = 0; k < OTHERS; k++) {
    const other = await createAccount(base, {
      email: `other-${k}-${Date.now()}@example.test`,
      password: 'bench password',
      name: `Other ${k}`,
    });
    await runImport(actingAs(base, other.id), {
      kind: 'csv',
      fileName: 'others.csv',
      issues: [],
      dryRun: false,
      people: people.map((p, i) => ({ ...emptyPerson({ file: 'others.csv', line: i + 2 }), ...fieldsOf(p) })),
    });
  }
  console.log(
    `seeded ${OTHERS} other accounts of ${N} contacts each in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
}
const account = await createAccount(base, {
  email: `bench-${Date.now()}@example.test`,
  password: 'bench password',
  name: 'Bench',
});
const ctx = actingAs(base, account.id);

const [, seedMs] = await timeAsync(() =>
  inTransaction(ctx, async (tx) => {
    for (const p of people) {
      await createContact(tx, fieldsOf(p), 'api');
    }
  }),
);
// As after an import (imports refresh the planner's statistics when they finish).
await refreshPlannerStatistics(rt.handle.db);
console.log(`seeded ${N} contacts on ${rt.handle.engine} in ${(seedMs / 1000).toFixed(1)} s`);

const mini = new MiniSearch({
  fields: ['displayName', 'organisation', 'title', 'email', 'notes'],
  storeFields: ['displayName'],
  processTerm: (t) =>
    t
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase(),
});
const [, indexMs] = time(() => mini.addAll(people.map((p, id) => ({ id, ...p }))));
console.log(`MiniSearch indexed the same people in ${indexMs.toFixed(0)} ms`);

async function measure(run: (q: string) => Promise<unknown> | unknown, worst: Map<string, number>) {
  const byLength: Record<string, number[]> = {
    '1 letter': [],
    '2 letters': [],
    '3+ letters': [],
    'two words': [],
  };
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of QUERIES) {
      const t = process.hrtime.bigint();
      await run(q);
      const ms = Number(process.hrtime.bigint() - t) / 1e6;
      worst.set(q, Math.max(worst.get(q) ?? 0, ms));
      const bucket = q.includes(' ')
        ? 'two words'
        : q.length === 1
          ? '1 letter'
          : q.length === 2
            ? '2 letters'
            : '3+ letters';
      byLength[bucket]?.push(ms);
    }
  }
  return Object.fromEntries(Object.entries(byLength).map(([k, v]) => [k, v.sort((a, b) => a - b)]));
}

// Warm both, then measure.
for (const q of QUERIES) {
  await listContacts(ctx, { q, limit: 10 });
  mini.search(q, { prefix: true, combineWith: 'AND' }).slice(0, 10);
}
const oursWorst = new Map<string, number>();
const ours = await measure((q) => listContacts(ctx, { q, limit: 10 }), oursWorst);
const peer = await measure(
  (q) => mini.search(q, { prefix: true, combineWith: 'AND' }).slice(0, 10),
  new Map(),
);

console.log(
  `\ntypeahead, first page of 10, ${N} contacts, ${ROUNDS} rounds of ${QUERIES.length} queries, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log(
  'query          rapport p50 / p99 (ms)   MiniSearch p50 / p99 (ms)   p99 ratio (rapport / peer)   budget p99 ≤ 5 ms',
);
for (const bucket of Object.keys(ours)) {
  const a = ours[bucket] as number[];
  const b = peer[bucket] as number[];
  const ratio = percentile(a, 99) / percentile(b, 99);
  console.log(
    `${bucket.padEnd(14)} ${percentile(a, 50).toFixed(2).padStart(8)} / ${percentile(a, 99).toFixed(2).padEnd(12)} ${percentile(b, 50).toFixed(2).padStart(10)} / ${percentile(b, 99).toFixed(2).padEnd(16)} ${ratio.toFixed(2).padStart(8)}x${' '.repeat(20)}${percentile(a, 99) <= 5 ? 'met' : 'NOT met'}`,
  );
}
const slowest = [...oursWorst].sort((a, b) => b[1] - a[1]).slice(0, 6);
console.log(
  `slowest queries (worst of ${ROUNDS}): ${slowest.map(([q, ms]) => `"${q}" ${ms.toFixed(1)} ms`).join(', ')}`,
);
await rt.close();
await postgres?.stop();
