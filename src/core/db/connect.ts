import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresDialect,
  type SqliteDatabase,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from 'kysely';
import pg from 'pg';
import { trackWrites } from './cached-until-write';
import { STATISTICS_FROM_ROWS } from './portable';
import type { Database } from './schema';

export type Engine = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  engine: Engine;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | {
      engine: 'sqlite';
      file: string;
      /** How long a write waits for another process's write lock before SQLITE_BUSY (default 5000). */
      busyTimeoutMs?: number;
    }
  | { engine: 'postgres'; url: string; poolSize?: number };

// COUNT(*) and other int8 values arrive from pg as strings; every count we take fits a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number.parseInt(v, 10));

const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/** Opens SQLite (WAL, foreign keys on) or PostgreSQL. `file: ':memory:'` gives a private in-memory SQLite. */
export function connect(target: DatabaseTarget): DatabaseHandle {
  if (target.engine === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 });
    // PostgreSQL may end a connection (a restart, pg_terminate_backend, a proxy's idle timeout). Unheard, the
    // 'error' it raises (on the pool for an idle client, on the client while a query or transaction holds it) ended
    // the whole process. Heard, the pool drops that client and opens another when next needed; a transaction on it
    // fails on its own. The app's logger does not exist yet when the database is opened: a line on stderr.
    const told = new WeakSet<object>();
    const dropped = (client: object, err: Error & { code?: string }) => {
      if (told.has(client)) return; // the client reports it, and the pool again for an idle one: one line
      told.add(client);
      process.stderr.write(
        `rapport: PostgreSQL closed a database connection (${err.code ?? 'no code'}: ${err.message}); the next query opens a new one\n`,
      );
    };
    pool.on('connect', (client) => client.on('error', (err) => dropped(client, err)));
    pool.on('error', (err, client) => dropped(client, err));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', close: () => db.destroy() };
  }
  if (target.file !== ':memory:') {
    // Password and token hashes live in this file: on a shared host only its owner may read it. SQLite gives its
    // -wal and -shm files the database file's permissions; an existing file keeps the ones it has.
    mkdirSync(dirname(target.file), { recursive: true, mode: 0o700 });
    if (!existsSync(target.file)) closeSync(openSync(target.file, 'a', 0o600));
    for (const line of narrowModes(target.file)) process.stderr.write(`rapport: ${line}\n`);
  }
  const sqlite = new SQLite(target.file);
  // Set before anything is written, so only a new database takes it (an existing one keeps its page size): 16 KiB
  // pages store a 30k import's contacts, channels and sources ~19 % faster than 4 KiB (bench import-store-floor).
  sqlite.pragma('page_size = 16384');
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${target.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS}`);
  // Keeps planner statistics fresh (SQLite's recommended call on open); cheap when nothing changed.
  sqlite.pragma('optimize = 0x10002');
  forgetSmallTableStatistics(sqlite);
  const db = new Kysely<Database>({
    dialect: new ImmediateSqliteDialect({ database: keepingStatements(sqlite) }),
  });
  const changes = sqlite.prepare('SELECT total_changes()').pluck();
  const otherCommits = sqlite.prepare('PRAGMA data_version').pluck();
  trackWrites(db, () => [changes.get() as number, otherCommits.get() as number]);
  return { db, engine: 'sqlite', close: () => db.destroy() };
}

/**
 * A database made by an older Rapport (or copied in by hand) kept the mode it had, often 0644: anyone on the host
 * could read the password and token hashes. The file, its -wal and -shm are narrowed to their owner (0600) when
 * this process owns them; one it does not own is left as it is and named. The folder is never changed (it may be
 * a home or a project folder others need; with the files narrowed it shows only their names), but one anyone may
 * write in is named. Returns one line per change or warning (connect writes them on stderr: the app's logger does
 * not exist yet).
 */
export function narrowModes(file: string): string[] {
  const told: string[] = [];
  const uid = process.getuid?.();
  const narrow = (path: string, mode: number) => {
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(path);
    } catch {
      return; // no -wal or -shm right now: SQLite gives them the database file's mode when it makes them
    }
    const was = st.mode & 0o777;
    if ((was & 0o077) === 0) return;
    const octal = (m: number) => `0${m.toString(8)}`;
    if (uid !== undefined && st.uid !== uid) {
      told.push(
        `warning: ${path} is readable by others (${octal(was)}) and this user does not own it: run chmod ${octal(mode)} on it`,
      );
      return;
    }
    try {
      chmodSync(path, was & mode);
      told.push(`${path} was readable by others (${octal(was)}): narrowed to ${octal(was & mode)}`);
    } catch (err) {
      told.push(
        `warning: ${path} is readable by others (${octal(was)}) and could not be narrowed: ${(err as Error).message}`,
      );
    }
  };
  const folder = dirname(file);
  const folderMode = statSync(folder).mode;
  // A folder everyone may write in (/tmp): others can put files where SQLite will open its -wal and -shm.
  if ((folderMode & 0o002) !== 0)
    told.push(
      `warning: ${folder} is a shared folder (0${(folderMode & 0o7777).toString(8)}): keep the database in a folder of its own`,
    );
  for (const path of [file, `${file}-wal`, `${file}-shm`]) narrow(path, 0o600);
  return told;
}

/**
 * Transactions begin with BEGIN IMMEDIATE: they take the write lock at once, waiting (busy_timeout) while another
 * process (the CLI beside the server) finishes a transaction of its own. With a deferred BEGIN the lock was taken
 * at the first write, after the transaction had read; when the other process had committed in between, SQLite
 * refused at once (SQLITE_BUSY, no waiting), and most writes from the second process failed. In one process this
 * changes nothing: Kysely runs one transaction at a time on the one connection.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

// The most recently used statements kept prepared (distinct SQL texts: queries times IN-list lengths).
const KEPT_STATEMENTS = 500;

/**
 * Kysely's SQLite driver prepares every query anew, and on an API request preparing costs more than running: for
 * GET /api/v1/settings 13 % of the CPU went to prepare and 8 % to run. Statements are kept by SQL text instead.
 * Kysely holds the one connection for a whole streamed query, so a kept statement is never asked for while busy.
 */
function keepingStatements(sqlite: SQLite.Database): SqliteDatabase {
  const kept = new Map<string, SQLite.Statement>();
  return {
    prepare(sql) {
      const found = kept.get(sql);
      if (found) {
        kept.delete(sql); // moved to the end: Map order is recency
        kept.set(sql, found);
        return found;
      }
      const stmt = sqlite.prepare(sql);
      kept.set(sql, stmt);
      if (kept.size > KEPT_STATEMENTS) kept.delete(kept.keys().next().value as string);
      return stmt;
    },
    close: () => sqlite.close(),
  };
}

/** DATABASE_URL wins; otherwise a SQLite file in the data directory. */
export function targetFromEnv(env: NodeJS.ProcessEnv, dataDir: string): DatabaseTarget {
  const url = env.DATABASE_URL;
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url))
      throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
    return { engine: 'postgres', url };
  }
  const busy = env.RAPPORT_SQLITE_BUSY_TIMEOUT_MS?.trim();
  const busyTimeoutMs = busy ? Number(busy) : DEFAULT_BUSY_TIMEOUT_MS;
  if (!Number.isInteger(busyTimeoutMs) || busyTimeoutMs < 0) {
    throw new Error(`RAPPORT_SQLITE_BUSY_TIMEOUT_MS must be a whole number of milliseconds (got "${busy}")`);
  }
  return { engine: 'sqlite', file: `${dataDir}/rapport.sqlite`, busyTimeoutMs };
}

/**
 * Drops the planner statistics of tables measured while nearly empty. Taken from one contact ('1 1 1 1'), they
 * make every index look equally exact, and an import filling the table inside one transaction then ran per-row
 * look-ups on the owner's whole index: 10,000 connections into an account holding one contact took 10 s instead
 * of 1 s. Without statistics SQLite assumes large tables and picks the precise index; the next refresh after a
 * bulk load (`refreshPlannerStatistics`) measures the table again once it is worth measuring.
 */
export function forgetSmallTableStatistics(sqlite: SQLite.Database): void {
  const hasStats = sqlite.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_stat1'").get();
  if (!hasStats) return;
  // Read first: a DELETE takes the write lock even when it matches nothing, and every open (each CLI command)
  // would then wait behind a server's write.
  const small = sqlite
    .prepare('SELECT 1 FROM sqlite_stat1 WHERE CAST(stat AS INTEGER) < ? LIMIT 1')
    .get(STATISTICS_FROM_ROWS);
  if (!small) return;
  sqlite.prepare('DELETE FROM sqlite_stat1 WHERE CAST(stat AS INTEGER) < ?').run(STATISTICS_FROM_ROWS);
  sqlite.exec('ANALYZE sqlite_schema'); // reloads what is left into this connection
}
