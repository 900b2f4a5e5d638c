import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { connect, type DatabaseHandle, narrowModes } from './connect';

// SQLite keeps prepared statements by SQL text (connect.ts): kept ones must answer exactly like fresh ones.
let handle: DatabaseHandle | undefined;
afterEach(async () => {
  await handle?.close();
  handle = undefined;
});

async function numbers() {
  handle = connect({ engine: 'sqlite', file: ':memory:' });
  const db = handle.db;
  await sql`CREATE TABLE n (v integer)`.execute(db);
  await sql`INSERT INTO n (v) VALUES (1), (2), (3), (4), (5)`.execute(db);
  return db;
}
const below = (max: number) => sql<{ v: number }>`SELECT v FROM n WHERE v < ${max} ORDER BY v`;

it('runs the same statement again with other parameters, and sees writes made in between', async () => {
  const db = await numbers();
  expect((await below(3).execute(db)).rows.map((r) => r.v)).toEqual([1, 2]);
  expect((await below(5).execute(db)).rows.map((r) => r.v)).toEqual([1, 2, 3, 4]);
  await sql`DELETE FROM n WHERE v = 2`.execute(db);
  expect((await below(5).execute(db)).rows.map((r) => r.v)).toEqual([1, 3, 4]);
});

it('runs a statement again after a streamed query over it was left early', async () => {
  const db = await numbers();
  const query = db.selectFrom('n' as never).select(sql<number>`v`.as('v'));
  for await (const r of query.stream()) {
    expect(r).toEqual({ v: 1 });
    break;
  }
  expect((await query.execute()).length).toBe(5);
  const streamed: unknown[] = [];
  for await (const r of query.stream()) streamed.push(r);
  expect(streamed.length).toBe(5);
});

it('answers a kept statement after the table changed shape, and after many other statements', async () => {
  const db = await numbers();
  const all = sql<Record<string, unknown>>`SELECT * FROM n WHERE v = 1`;
  expect((await all.execute(db)).rows).toEqual([{ v: 1 }]);
  await sql`ALTER TABLE n ADD COLUMN w text DEFAULT 'x'`.execute(db);
  expect((await all.execute(db)).rows).toEqual([{ v: 1, w: 'x' }]);
  for (let k = 0; k < 1200; k++) await sql`SELECT ${sql.lit(k)} AS k FROM n WHERE v = ${k}`.execute(db);
  expect((await all.execute(db)).rows).toEqual([{ v: 1, w: 'x' }]);
  expect((await below(3).execute(db)).rows.map((r) => r.v)).toEqual([1, 2]);
});

it('gives a new database 16 KiB pages in WAL mode, and leaves an existing database its page size', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-connect-'));
  try {
    handle = connect({ engine: 'sqlite', file: join(dir, 'new.sqlite') });
    await sql`CREATE TABLE t (v integer)`.execute(handle.db);
    expect((await sql<{ page_size: number }>`PRAGMA page_size`.execute(handle.db)).rows).toEqual([
      { page_size: 16384 },
    ]);
    expect((await sql<{ journal_mode: string }>`PRAGMA journal_mode`.execute(handle.db)).rows).toEqual([
      { journal_mode: 'wal' },
    ]);
    await handle.close();

    const old = new SQLite(join(dir, 'old.sqlite'));
    old.pragma('page_size = 4096');
    old.pragma('journal_mode = WAL');
    old.exec('CREATE TABLE t (v integer); INSERT INTO t VALUES (7)');
    old.close();
    handle = connect({ engine: 'sqlite', file: join(dir, 'old.sqlite') });
    expect((await sql<{ page_size: number }>`PRAGMA page_size`.execute(handle.db)).rows).toEqual([
      { page_size: 4096 },
    ]);
    expect((await sql<{ v: number }>`SELECT v FROM t`.execute(handle.db)).rows).toEqual([{ v: 7 }]);
  } finally {
    await handle?.close();
    handle = undefined;
    rmSync(dir, { recursive: true, force: true });
  }
});

it('makes a new database and its folder readable by their owner only (they hold password hashes)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-connect-'));
  try {
    const file = join(dir, 'data', 'rapport.sqlite');
    handle = connect({ engine: 'sqlite', file });
    await sql`CREATE TABLE t (v integer)`.execute(handle.db);
    await sql`INSERT INTO t VALUES (1)`.execute(handle.db);
    const mode = (path: string) => statSync(path).mode & 0o777;
    expect(mode(join(dir, 'data'))).toBe(0o700);
    expect(mode(file)).toBe(0o600);
    expect(mode(`${file}-wal`)).toBe(0o600);
  } finally {
    await handle?.close();
    handle = undefined;
    rmSync(dir, { recursive: true, force: true });
  }
});

it('narrows a database, its -wal and -shm left readable by others (an older install) to their owner, never its folder', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-modes-'));
  const said = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  let old: SQLite.Database | undefined;
  try {
    const data = join(dir, 'data');
    mkdirSync(data, { mode: 0o755 });
    chmodSync(data, 0o755); // whatever the umask
    const file = join(data, 'rapport.sqlite');
    // An older Rapport's database, still open elsewhere (a CLI command): its -wal and -shm exist, all 0644.
    old = new SQLite(file);
    old.pragma('journal_mode = WAL');
    old.exec('CREATE TABLE t (v integer); INSERT INTO t VALUES (1)');
    for (const f of [file, `${file}-wal`, `${file}-shm`]) chmodSync(f, 0o644);
    handle = connect({ engine: 'sqlite', file });
    expect((await sql<{ v: number }>`SELECT v FROM t`.execute(handle.db)).rows).toEqual([{ v: 1 }]);
    const mode = (path: string) => statSync(path).mode & 0o777;
    // The folder may be one others need (a home, a project): with the files narrowed it shows only their names.
    expect([mode(data), mode(file), mode(`${file}-wal`), mode(`${file}-shm`)]).toEqual([
      0o755, 0o600, 0o600, 0o600,
    ]);
    expect(said.mock.calls.map((c) => String(c[0]))).toEqual([
      `rapport: ${file} was readable by others (0644): narrowed to 0600\n`,
      `rapport: ${file}-wal was readable by others (0644): narrowed to 0600\n`,
      `rapport: ${file}-shm was readable by others (0644): narrowed to 0600\n`,
    ]);
    // Narrow already: nothing more to say the next time.
    await handle.close();
    said.mockClear();
    handle = connect({ engine: 'sqlite', file });
    expect(said).not.toHaveBeenCalled();
  } finally {
    said.mockRestore();
    old?.close();
    await handle?.close();
    handle = undefined;
    rmSync(dir, { recursive: true, force: true });
  }
});

it('leaves a shared folder (sticky, anyone may write) as it is, and says so', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-shared-'));
  try {
    chmodSync(dir, 0o1777);
    const file = join(dir, 'rapport.sqlite');
    expect(narrowModes(file)).toEqual([
      `warning: ${dir} is a shared folder (01777): keep the database in a folder of its own`,
    ]);
    expect(statSync(dir).mode & 0o7777).toBe(0o1777);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('forgets planner statistics measured on a nearly empty table, and keeps those of a table worth measuring', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-stats-'));
  try {
    const file = join(dir, 'stats.sqlite');
    const raw = new SQLite(file);
    raw.exec(`CREATE TABLE tiny (id INTEGER PRIMARY KEY, owner TEXT, v TEXT);
      CREATE INDEX tiny_owner ON tiny (owner, v);
      CREATE TABLE big (id INTEGER PRIMARY KEY, owner TEXT, v TEXT);
      CREATE INDEX big_owner ON big (owner, v);
      INSERT INTO tiny (owner, v) VALUES ('a', 'x');`);
    const fill = raw.prepare('INSERT INTO big (owner, v) VALUES (?, ?)');
    // One transaction: 1,500 commits of their own took over 30 s on a busy disk.
    raw.transaction(() => {
      for (let i = 0; i < 1500; i++) fill.run(`o${i % 3}`, `v${i}`);
    })();
    // What `PRAGMA optimize` on open writes: one row makes every index look exact ('1 1 1').
    raw.exec('ANALYZE');
    expect(raw.prepare('SELECT tbl FROM sqlite_stat1 ORDER BY tbl').pluck().all()).toEqual(['big', 'tiny']);
    raw.close();

    handle = connect({ engine: 'sqlite', file });
    const stats = new SQLite(file, { readonly: true });
    expect(stats.prepare('SELECT tbl, stat FROM sqlite_stat1').all()).toEqual([
      { tbl: 'big', stat: '1500 500 1' },
    ]);
    stats.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('a PostgreSQL pool whose connection the server ends', () => {
  const backendPid = sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`;

  /** Ends a backend as a PostgreSQL restart, an operator or a proxy's idle timeout does. */
  async function terminate(pid: number | undefined): Promise<void> {
    expect(pid).toBeTypeOf('number');
    const admin = new pg.Client({ connectionString: inject('pgUrl') });
    await admin.connect();
    try {
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    } finally {
      await admin.end();
    }
  }

  /**
   * Runs `fn` while recording stderr and uncaught exceptions (what would end the process); `heard` waits until the
   * pool has heard of the end, whichever way.
   */
  async function watching(fn: (heard: () => Promise<void>) => Promise<void>) {
    const uncaught: string[] = [];
    const onUncaught = (err: unknown) => uncaught.push(err instanceof Error ? err.message : String(err));
    process.on('uncaughtException', onUncaught);
    const written: string[] = [];
    const write = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    try {
      await fn(() =>
        vi.waitFor(() => expect(written.length + uncaught.length).toBeGreaterThan(0), { timeout: 5000 }),
      );
    } finally {
      write.mockRestore();
      process.off('uncaughtException', onUncaught);
    }
    return { uncaught, written };
  }

  const oneLine = [
    expect.stringMatching(
      /^rapport: PostgreSQL closed a database connection \(57P01: [^)]+\); the next query opens a new one\n$/,
    ),
  ];

  it('an idle one: logs it, keeps the process running, and answers the next query on a new connection', async () => {
    handle = connect({ engine: 'postgres', url: inject('pgUrl'), poolSize: 1 });
    const db = handle.db;
    // One query checks the pool's only connection out and back in: it is now idle.
    const pid = (await backendPid.execute(db)).rows[0]?.pid;
    const seen = await watching(async (heard) => {
      await terminate(pid);
      await heard();
    });
    expect(seen.uncaught).toEqual([]);
    const next = (await backendPid.execute(db)).rows[0]?.pid;
    expect(next).toBeTypeOf('number');
    expect(next).not.toBe(pid);
    expect(seen.written).toEqual(oneLine);
  });

  it('one a transaction holds: that transaction fails, the process keeps running, the next query works', async () => {
    handle = connect({ engine: 'postgres', url: inject('pgUrl'), poolSize: 1 });
    const db = handle.db;
    let pid: number | undefined;
    let failed: unknown;
    const seen = await watching(async (heard) => {
      failed = await db
        .transaction()
        .execute(async (trx) => {
          pid = (await backendPid.execute(trx)).rows[0]?.pid;
          await terminate(pid);
          await heard();
          await sql`SELECT 1`.execute(trx);
        })
        .then(
          () => null,
          (err: unknown) => err,
        );
    });
    expect(seen.uncaught).toEqual([]);
    expect(failed).toBeInstanceOf(Error);
    const next = (await backendPid.execute(db)).rows[0]?.pid;
    expect(next).toBeTypeOf('number');
    expect(next).not.toBe(pid);
    expect(seen.written).toEqual(oneLine);
  });
});
