import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testContext } from '../../../test/engines';
import { appForTests, Client } from '../../../test/http';
import { connect, type DatabaseHandle } from '../../core/db/connect';
import { migrateToLatest } from '../../core/db/migrate';
import { runHousekeeping } from '../run-housekeeping';

// Another process (the CLI importing) holding SQLite's write lock past the busy timeout: a moment's wait, not a
// server fault (ADR 20). The server runs on a file both connections open; a short timeout keeps the test quick.
const dir = mkdtempSync(join(tmpdir(), 'rapport-busy-'));
const file = join(dir, 'rapport.sqlite');
const logs: string[] = [];
let handle: DatabaseHandle;
let app: FastifyInstance;
let base = '';

beforeAll(async () => {
  handle = connect({ engine: 'sqlite', file, busyTimeoutMs: 50 });
  await migrateToLatest(handle.db);
  app = await appForTests(handle, logs);
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  await app?.close();
  await handle?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('answers a write 503 unavailable with Retry-After while another process holds the write lock, then 201', async () => {
  const web = new Client(base);
  const signup = await web.post('/api/v1/auth/signup', {
    email: 'busy@example.test',
    password: 'a long enough password',
    name: 'Busy Bee',
  });
  expect(signup.status).toBe(201);

  const other = new SQLite(file);
  try {
    other.exec('BEGIN IMMEDIATE');
    const refused = await web.post('/api/v1/contacts', { displayName: 'Ada Lovelace' });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.body).toEqual({
      error: { code: 'unavailable', message: 'the database is busy; try again in a moment', details: {} },
    });
    // Reads go on beside the writer (WAL).
    expect((await web.get('/api/v1/contacts')).status).toBe(200);
    other.exec('ROLLBACK');
  } finally {
    other.close();
  }

  const retried = await web.post('/api/v1/contacts', { displayName: 'Ada Lovelace' });
  expect(retried.status).toBe(201);
  expect((await web.get('/api/v1/contacts')).body.items).toHaveLength(1);

  // Logged as contention (warn), never as a failure of ours (error).
  const lines = logs.map((l) => JSON.parse(l) as { level: number; msg: string });
  expect(lines.filter((l) => l.msg === 'database busy').map((l) => l.level)).toEqual([40]);
  expect(lines.filter((l) => l.level >= 50)).toEqual([]);
});

it('puts housekeeping off with a warning, not an error, while another process holds the write lock', async () => {
  const seen: [string, string | undefined][] = [];
  const log = (level: string) => (_obj: object, msg?: string) => void seen.push([level, msg]);
  const ctx = {
    ...testContext(handle.db, handle.engine),
    log: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
  };
  const other = new SQLite(file);
  try {
    other.exec('BEGIN IMMEDIATE');
    await runHousekeeping(ctx);
    other.exec('ROLLBACK');
  } finally {
    other.close();
  }
  await runHousekeeping(ctx);
  expect(seen).toEqual([
    ['warn', 'housekeeping put off: the database was busy; the next run does it'],
    ['info', 'housekeeping done'],
  ]);
});
