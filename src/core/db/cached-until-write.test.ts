import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/engines';
import { cachedUntilWrite, writeKeeping } from './cached-until-write';
import { connect, type DatabaseHandle } from './connect';

let handle: DatabaseHandle | undefined;
let dir: string | undefined;
afterEach(async () => {
  await handle?.close();
  handle = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

async function sqlite(file = ':memory:') {
  handle = connect({ engine: 'sqlite', file });
  await sql`CREATE TABLE IF NOT EXISTS n (v integer)`.execute(handle.db);
  await sql`CREATE TABLE IF NOT EXISTS other (v integer)`.execute(handle.db);
  return handle.db;
}

/** A computation that counts how often it ran and reads the table, as Today reads the rolodex. */
function counted(db: Awaited<ReturnType<typeof sqlite>>) {
  let runs = 0;
  return {
    runs: () => runs,
    get: () =>
      cachedUntilWrite(db, 'sum', async () => {
        runs++;
        return (await sql<{ s: number | null }>`SELECT sum(v) AS s FROM n`.execute(db)).rows[0]?.s ?? 0;
      }),
  };
}

describe('cachedUntilWrite on SQLite', () => {
  it('answers from the cache until anything is written, to any table', async () => {
    const db = await sqlite();
    const sum = counted(db);
    expect(await sum.get()).toBe(0);
    expect(await sum.get()).toBe(0);
    expect(sum.runs()).toBe(1);

    await sql`INSERT INTO n (v) VALUES (5)`.execute(db);
    expect(await sum.get()).toBe(5);
    expect(sum.runs()).toBe(2);

    // A write elsewhere drops it too: no use case has to know what a cached result read.
    await sql`INSERT INTO other (v) VALUES (1)`.execute(db);
    expect(await sum.get()).toBe(5);
    expect(sum.runs()).toBe(3);
    await sql`UPDATE n SET v = 7`.execute(db);
    expect(await sum.get()).toBe(7);
    await sql`DELETE FROM n`.execute(db);
    expect(await sum.get()).toBe(0);
    expect(sum.runs()).toBe(5);
  });

  it('sees what another process committed to the same file', async () => {
    dir = mkdtempSync(join(tmpdir(), 'rapport-cache-'));
    const file = join(dir, 'db.sqlite');
    const db = await sqlite(file);
    const sum = counted(db);
    expect(await sum.get()).toBe(0);
    const cli = new SQLite(file);
    cli.prepare('INSERT INTO n (v) VALUES (3)').run();
    cli.close();
    expect(await sum.get()).toBe(3);
    expect(sum.runs()).toBe(2);
  });

  it('never caches inside a transaction, and a rolled-back write leaves the answer right', async () => {
    const db = await sqlite();
    const sum = counted(db);
    expect(await sum.get()).toBe(0);
    await db
      .transaction()
      .execute(async (trx) => {
        await sql`INSERT INTO n (v) VALUES (9)`.execute(trx);
        const inside = await cachedUntilWrite(trx, 'sum', async () => 'computed inside');
        expect(inside).toBe('computed inside');
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(await sum.get()).toBe(0);
    expect(await sum.get()).toBe(0);
  });

  it('does not keep a result computed while something was written', async () => {
    const db = await sqlite();
    let runs = 0;
    const get = () =>
      cachedUntilWrite(db, 'racy', async () => {
        runs++;
        await sql`INSERT INTO other (v) VALUES (1)`.execute(db); // e.g. another request between two queries
        return runs;
      });
    expect(await get()).toBe(1);
    expect(await get()).toBe(2);
  });

  it('keeps the named entries across a write that says it cannot change them, and only that write', async () => {
    const db = await sqlite();
    const sum = counted(db);
    let otherRuns = 0;
    const otherGet = () => cachedUntilWrite(db, 'other', async () => ++otherRuns);
    await sum.get();
    await otherGet();
    const insert =
      (v: number, on = db) =>
      async () =>
        Number((await sql`INSERT INTO other (v) VALUES (${v})`.execute(on)).numAffectedRows);
    await writeKeeping(db, ['sum'], insert(1));
    await sum.get();
    expect(sum.runs()).toBe(1);
    await otherGet(); // not named: dropped as by any write
    expect(otherRuns).toBe(2);

    // Another write between (here inside the same call) is not the one vouched for: nothing is kept.
    await writeKeeping(db, ['sum'], async () => {
      await sql`INSERT INTO n (v) VALUES (4)`.execute(db);
      return insert(2)();
    });
    expect(await sum.get()).toBe(4);
    expect(sum.runs()).toBe(2);
    // Nor inside a transaction.
    await db.transaction().execute((trx) => writeKeeping(trx, ['sum'], insert(3, trx)));
    await sum.get();
    expect(sum.runs()).toBe(3);
  });

  it('keeps a result past the rows its own computation wrote and said so, and only those', async () => {
    const db = await sqlite();
    let runs = 0;
    const get = (extra = 0) =>
      cachedUntilWrite(db, 'recording', async (own) => {
        runs++;
        const r = await sql`INSERT INTO other (v) VALUES (1)`.execute(db); // e.g. the changes a listing found
        own.wrote(Number(r.numAffectedRows));
        if (extra) await sql`INSERT INTO n (v) VALUES (${extra})`.execute(db); // another write it did not vouch for
        return runs;
      });
    expect(await get(1)).toBe(1);
    expect(await get()).toBe(2);
    expect(await cachedUntilWrite(db, 'recording', async () => 'not cached')).toBe(2);
    await sql`INSERT INTO n (v) VALUES (2)`.execute(db);
    expect(await cachedUntilWrite(db, 'recording', async () => 'computed')).toBe('computed');
  });

  it('keeps entries apart by key', async () => {
    const db = await sqlite();
    const a = await cachedUntilWrite(db, 'a', async () => ({ who: 'a' }));
    const b = await cachedUntilWrite(db, 'b', async () => ({ who: 'b' }));
    expect(await cachedUntilWrite(db, 'a', async () => ({ who: 'not cached' }))).toBe(a);
    expect(await cachedUntilWrite(db, 'b', async () => ({ who: 'not cached' }))).toBe(b);
  });
});

describe('cachedUntilWrite on PostgreSQL', () => {
  it('always computes: several server processes may share the database', async () => {
    handle = await openTestDatabase('postgres');
    let runs = 0;
    for (let k = 0; k < 3; k++) await cachedUntilWrite(handle.db, 'x', async () => ++runs);
    expect(runs).toBe(3);
  });
});
