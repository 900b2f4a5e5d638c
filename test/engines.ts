import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { createAccount } from '../src/core/accounts/create-account';
import { fixedClock } from '../src/core/clock';
import { actingAs, type Ctx, defaultSettings, type Settings, silentLog } from '../src/core/context';
import { connect, type DatabaseHandle, type Engine } from '../src/core/db/connect';
import { migrateToLatest } from '../src/core/db/migrate';
import { uuidIds } from '../src/core/ids';

export const ENGINES: Engine[] = ['sqlite', 'postgres'];

/** Fast scrypt for tests only: production keeps the OWASP cost. */
export const testSettings: Settings = { ...defaultSettings, scryptN: 1024 };

let seq = 0;

export interface Harness {
  engine: Engine;
  /** An unauthenticated context on this engine with a clock tests may move. */
  ctx(): Ctx & { clock: ReturnType<typeof fixedClock> };
  /** A fresh account and a context acting as it (tests isolate by account, never by truncating). */
  account(
    name?: string,
  ): Promise<{ ctx: Ctx & { clock: ReturnType<typeof fixedClock> }; id: string; email: string }>;
  handle(): DatabaseHandle;
}

/** Opens a migrated database on `engine`: a private in-memory SQLite, or the run's shared PostgreSQL. */
export async function openTestDatabase(engine: Engine): Promise<DatabaseHandle> {
  if (engine === 'sqlite') {
    const h = connect({ engine: 'sqlite', file: ':memory:' });
    await migrateToLatest(h.db);
    return h;
  }
  return connect({ engine: 'postgres', url: inject('pgUrl'), poolSize: 4 });
}

/**
 * A migrated database of a test's own, for a test that rewrites whole tables (a migration run again) and must not
 * race other files' tests: a private in-memory SQLite, or a new PostgreSQL database dropped by `drop`. With
 * `{ empty: true }` it is not migrated (a test of the migrator itself).
 */
export async function openOwnDatabase(
  engine: Engine,
  label: string,
  opts: { empty?: boolean } = {},
): Promise<DatabaseHandle & { drop(): Promise<void> }> {
  if (engine === 'sqlite') {
    const handle = opts.empty
      ? connect({ engine: 'sqlite', file: ':memory:' })
      : await openTestDatabase('sqlite');
    return { ...handle, drop: () => handle.close() };
  }
  const name = `rapport_${label}_${process.pid}_${Date.now()}`;
  const admin = async (query: string) => {
    const client = new pg.Client({ connectionString: inject('pgUrl') });
    await client.connect();
    try {
      await client.query(query);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(inject('pgUrl'));
  url.pathname = `/${name}`;
  const handle = connect({ engine: 'postgres', url: url.toString(), poolSize: 2 });
  if (!opts.empty) await migrateToLatest(handle.db);
  return {
    ...handle,
    drop: async () => {
      await handle.close();
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** An unauthenticated context over `db` with a clock tests may move (the harness's, and for a database of one's own). */
export function testContext(
  db: DatabaseHandle['db'],
  engine: Engine,
  settings: Partial<Settings> = {},
): Ctx & { clock: ReturnType<typeof fixedClock> } {
  return {
    db,
    engine,
    actor: null,
    clock: fixedClock('2026-11-25T09:00:00.000Z'),
    ids: uuidIds,
    log: silentLog,
    settings: { ...testSettings, ...settings },
    mailer: null,
  };
}

/**
 * Runs the same suite on every engine (or on those named): same tests, same assertions. With `ownDatabase` (a
 * label) the suite gets a database of its own instead of the shared one.
 */
export function describeEngines(
  name: string,
  fn: (h: Harness) => void,
  opts: { settings?: Partial<Settings>; engines?: Engine[]; ownDatabase?: string } = {},
) {
  describe.each(opts.engines ?? ENGINES)(`${name} [%s]`, (engine) => {
    let handle: (DatabaseHandle & { drop?(): Promise<void> }) | undefined;
    beforeAll(async () => {
      // `ownDatabase`: a database of the suite's own (openOwnDatabase), for work that reads every account's rows.
      handle = opts.ownDatabase
        ? await openOwnDatabase(engine, opts.ownDatabase)
        : await openTestDatabase(engine);
    });
    afterAll(async () => {
      await (handle?.drop ? handle.drop() : handle?.close());
    });
    const h: Harness = {
      engine,
      handle: () => {
        if (!handle) throw new Error('database not open yet (use it inside a test or hook)');
        return handle;
      },
      ctx: () => testContext(h.handle().db, engine, opts.settings),
      account: async (name = 'Test User') => {
        const base = h.ctx();
        const email = `user${++seq}-${process.pid}-${Date.now()}@example.test`;
        const account = await createAccount(base, { email, password: 'a long password', name });
        return { ctx: { ...actingAs(base, account.id), clock: base.clock }, id: account.id, email };
      },
    };
    fn(h);
  });
}
