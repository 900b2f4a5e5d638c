/**
 * The duplicates view of a 30,000-connection LinkedIn import, plus 1 in 20 of the same people again from a phone's
 * CSV (namesakes without a profile, an office switchboard) and 1 in 100 typed in by hand with a connection's email
 * or a shared mobile, through the real use case (`findDuplicates`: a page of 200 with its count, presented as the
 * API returns it) on SQLite (or PostgreSQL with BENCH_ENGINE=postgres). Measured: a page worked out from scratch
 * (what any write costs the next read), a page from the pairs kept since, the next page, and the first page right
 * after a dismissal (which keeps them). Peer in the same run: a plain SQL self-join on normalised email over the
 * same rows, the least any duplicate finder does. Before this bench (2026-11-27) one page took 467–540 s here:
 * the similar-names query joined every contact with every other.
 */
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { sql } from 'kysely';
import { createAccount } from '../src/core/accounts/create-account';
import { createContact } from '../src/core/contacts/create-contact';
import { actingAs, type Ctx, inTransaction } from '../src/core/context';
import { dismissDuplicate } from '../src/core/duplicates/dismiss-duplicate';
import { findDuplicates } from '../src/core/duplicates/find-duplicates';
import { importLinkedin } from '../src/core/imports/import-linkedin';
import { runImport } from '../src/core/imports/run-import';
import { openRuntime } from '../src/core/runtime';
import { emptyPerson } from '../src/formats/model';
import { startPostgres } from './network-synthetic';
import { syntheticConnectionsCsv, syntheticPeople, timeAsync } from './synthetic';

const N = Number(process.env.BENCH_CONNECTIONS ?? 30_000);
const ROUNDS = 7;
const DATA_DIR = `/tmp/rapport-bench-duplicates-${process.pid}`;
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
const account = await createAccount(rt.ctx(), {
  email: `dup-${Date.now()}@example.test`,
  password: 'bench password',
  name: 'Bench',
});
const ctx = actingAs(rt.ctx(), account.id);

const [, seedMs] = await timeAsync(async () => {
  const bytes = new TextEncoder().encode(syntheticConnectionsCsv(N));
  await importLinkedin(ctx, { source: { name: 'Connections.csv', bytes }, dryRun: false });
  const people = syntheticPeople(N);
  await runImport(ctx, {
    kind: 'csv',
    fileName: 'phone.csv',
    issues: [],
    dryRun: false,
    people: Array.from({ length: N / 20 }, (_, k) => {
      const p = people[k * 20] as (typeof people)[number];
      const phone = k < 40 ? '+44 20 7946 0000' : k % 3 === 0 ? `+1 202 555 ${1000 + (k % 9000)}` : undefined;
      return {
        ...emptyPerson({ file: 'phone.csv', line: k + 2 }),
        givenName: p.givenName,
        familyName: p.familyName,
        organisation: p.organisation,
        emails: [{ value: `${k}@home.example` }],
        phones: phone ? [{ value: phone }] : [],
      };
    }),
  });
  await inTransaction(ctx, async (tx) => {
    // Every 4th connection has its email in the export: the same address, typed under a shorter name.
    for (let k = 0; k < N / 100; k++) {
      const p = people[k * 80 + 4] as (typeof people)[number];
      await createContact(
        tx,
        { displayName: `${p.givenName[0]}. ${p.familyName}`, emails: [{ value: p.email }] },
        'web',
      );
    }
    for (let k = 0; k < N / 100; k += 3) {
      const p = people[k * 60] as (typeof people)[number];
      const phones = [{ value: `+1 202 555 ${1000 + ((k * 3) % 9000)}` }];
      await createContact(tx, { givenName: p.givenName, familyName: p.familyName, phones }, 'web');
    }
  });
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
async function measure(run: () => Promise<unknown>): Promise<number> {
  await run(); // warm
  const ms: number[] = [];
  for (let r = 0; r < ROUNDS; r++) ms.push((await timeAsync(run))[1]);
  return median(ms);
}

// Inside a transaction nothing is kept: the cost of the first read after any write.
const fresh = (c: Ctx) => inTransaction(c, (tx) => findDuplicates(tx));
const first = await findDuplicates(ctx);
const missMs = await measure(() => fresh(ctx));
const hitMs = await measure(() => findDuplicates(ctx));
const nextMs = await measure(() => findDuplicates(ctx, { cursor: first.nextCursor ?? undefined }));
// A different pair each time, picked beforehand: the dismissal and the read after it are what is timed.
const toDismiss = [...first.items];
const dismissedMs = await measure(async () => {
  const pair = toDismiss.shift() as (typeof toDismiss)[number];
  await dismissDuplicate(ctx, pair.a.id, pair.b.id);
  return findDuplicates(ctx);
});
const peerMs = await measure(() =>
  sql`SELECT a.contact_id AS a, b.contact_id AS b FROM contact_channels a
      JOIN contact_channels b ON b.owner_id = a.owner_id AND b.kind = a.kind AND b.value_norm = a.value_norm
        AND a.contact_id < b.contact_id
      WHERE a.owner_id = ${account.id} AND a.kind = 'email'`.execute(rt.handle.db),
);

const added = N / 20 + N / 100 + Math.ceil(N / 300);
const strong = first.items.filter((p) => p.strength === 'strong').length;
console.log(
  `${rt.handle.engine}: ${N} connections and ${added} more people seeded in ${(seedMs / 1000).toFixed(1)} s; ` +
    `${first.total} pairs suggested (${strong} strong on the first page); load average ${loadavg()[0]?.toFixed(1)}`,
);
console.log(`peer: plain SQL self-join on normalised email              ${peerMs.toFixed(1).padStart(7)} ms`);
for (const [name, ms] of [
  ['first page, worked out from scratch (after any write)', missMs],
  ['first page, from the pairs kept since', hitMs],
  ['next page, from the pairs kept since', nextMs],
  ['a dismissal, then the first page', dismissedMs],
] as const)
  console.log(
    `${name.padEnd(58)} ${ms.toFixed(1).padStart(7)} ms  ${(ms / peerMs).toFixed(1).padStart(6)}x peer`,
  );
if (rt.handle.engine === 'postgres')
  console.log('(PostgreSQL keeps nothing: every read works the pairs out)');

await rt.close();
await postgres?.stop();
rmSync(DATA_DIR, { recursive: true, force: true });
