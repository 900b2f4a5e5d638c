import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { rateLimited } from '../core/errors';
import { retryAfterSeconds, toErrorResponse } from './errors';
import { NotJsonBody } from './json-body';

/** A Fastify-style error: a code, a status and a message. */
function fastifyError(code: string, statusCode: number, message: string) {
  return Object.assign(new Error(message), { code, statusCode });
}

describe('toErrorResponse', () => {
  it('keeps the status of a client error Fastify or a plugin raises that is not listed', () => {
    expect(
      toErrorResponse(
        fastifyError(
          'FST_ERR_CTP_INVALID_CONTENT_LENGTH',
          400,
          'Request body size did not match Content-Length',
        ),
      ),
    ).toEqual({
      status: 400,
      code: 'validation',
      message: 'Request body size did not match Content-Length',
      details: {},
    });
    expect(
      toErrorResponse(fastifyError('FST_SOME_PLUGIN_REFUSAL', 415, 'Unsupported Media Type')),
    ).toMatchObject({
      status: 415,
      code: 'validation',
    });
    expect(toErrorResponse(fastifyError('FST_SOME_PLUGIN_GONE', 404, 'gone'))).toMatchObject({
      status: 404,
      code: 'not_found',
    });
  });

  it('answers 415 to a body that is not JSON, naming what came when it is known', () => {
    expect(toErrorResponse(new NotJsonBody('text/csv'))).toEqual({
      status: 415,
      code: 'validation',
      message: 'body: send JSON with Content-Type: application/json, not text/csv',
      details: {
        issues: [{ path: 'body', message: 'send JSON with Content-Type: application/json, not text/csv' }],
        contentType: 'text/csv',
      },
    });
    expect(
      toErrorResponse(fastifyError('FST_ERR_CTP_INVALID_MEDIA_TYPE', 415, 'Unsupported Media Type')),
    ).toMatchObject({ status: 415, code: 'validation', details: { issues: [{ path: 'body' }] } });
  });

  it('answers 500 for our own faults, whatever status they claim', () => {
    expect(toErrorResponse(new Error('boom'))).toEqual({
      status: 500,
      code: 'internal',
      message: 'internal error',
      details: {},
    });
    expect(toErrorResponse(Object.assign(new Error('x'), { statusCode: 404 }))).toMatchObject({
      status: 500,
    });
    expect(toErrorResponse(fastifyError('FST_ERR_SOMETHING', 503, 'down'))).toMatchObject({ status: 500 });
  });
});

describe('retryAfterSeconds (the Retry-After of every 429)', () => {
  const now = new Date('2026-11-25T09:00:00.000Z');

  it('counts whole seconds, rounded up, until the limit frees up', () => {
    const spent = rateLimited('spent', new Date('2026-11-25T10:30:00.000Z'));
    expect(toErrorResponse(spent)).toMatchObject({
      status: 429,
      code: 'rate_limited',
      details: { retryAt: '2026-11-25T10:30:00.000Z' },
    });
    expect(retryAfterSeconds(spent.details, now)).toBe(5400);
    expect(retryAfterSeconds({ retryAt: '2026-11-25T09:00:00.001Z' }, now)).toBe(1);
    expect(retryAfterSeconds({ retryAt: '2026-11-25T09:00:10.200Z' }, now)).toBe(11);
  });

  it('is never below one second, even when the moment has passed', () => {
    expect(retryAfterSeconds({ retryAt: '2026-11-25T09:00:00.000Z' }, now)).toBe(1);
    expect(retryAfterSeconds({ retryAt: '2026-11-24T09:00:00.000Z' }, now)).toBe(1);
    expect(retryAfterSeconds({ retryAfterSeconds: 0 }, now)).toBe(1);
    expect(retryAfterSeconds({}, now, '0')).toBe(1);
  });

  it('takes a wait the refusal names first, then its moment, then the header a plugin set', () => {
    expect(retryAfterSeconds({ retryAfterSeconds: 42, retryAt: '2026-11-25T10:00:00.000Z' }, now, '7')).toBe(
      42,
    );
    expect(retryAfterSeconds({ retryAt: '2026-11-25T09:01:00.000Z' }, now, '7')).toBe(60);
    expect(retryAfterSeconds({}, now, '7')).toBe(7);
    expect(retryAfterSeconds({}, now, 7)).toBe(7);
  });

  it('says a minute when nothing named a wait', () => {
    expect(retryAfterSeconds({}, now)).toBe(60);
    expect(retryAfterSeconds({ retryAt: 'not a time' }, now)).toBe(60);
  });
});

/** What `fn` throws (it must throw). */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

const busy = {
  status: 503,
  code: 'unavailable',
  message: 'the database is busy; try again in a moment',
  details: {},
};

describe('toErrorResponse on a momentarily contended database', () => {
  it('answers 503 unavailable for SQLITE_BUSY and SQLITE_BUSY_SNAPSHOT; other SQLite errors stay 500', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-busy-'));
    const holder = new SQLite(join(dir, 'db.sqlite'));
    const writer = new SQLite(join(dir, 'db.sqlite'));
    try {
      holder.pragma('journal_mode = WAL');
      holder.exec('CREATE TABLE t (v integer PRIMARY KEY); INSERT INTO t VALUES (1)');
      writer.pragma('busy_timeout = 0');

      // Another process (the CLI importing) holds the write lock.
      holder.exec('BEGIN IMMEDIATE');
      const locked = thrown(() => writer.exec('INSERT INTO t VALUES (2)'));
      expect(locked).toBeInstanceOf(SQLite.SqliteError);
      expect((locked as { code: string }).code).toBe('SQLITE_BUSY');
      expect(toErrorResponse(locked)).toEqual(busy);
      // The migrator wraps what the driver threw, keeping it as the cause.
      expect(toErrorResponse(new Error('migration failed', { cause: locked }))).toEqual(busy);
      holder.exec('ROLLBACK');

      // A deferred transaction read, another connection committed, then it tried to write.
      writer.exec('BEGIN');
      writer.prepare('SELECT count(*) FROM t').get();
      holder.exec('INSERT INTO t VALUES (3)');
      const stale = thrown(() => writer.exec('INSERT INTO t VALUES (4)'));
      expect((stale as { code: string }).code).toBe('SQLITE_BUSY_SNAPSHOT');
      expect(toErrorResponse(stale)).toEqual(busy);
      writer.exec('ROLLBACK');

      expect(toErrorResponse(thrown(() => writer.exec('INSERT INTO t VALUES (1)')))).toMatchObject({
        status: 500,
        code: 'internal',
      });
      expect(toErrorResponse(thrown(() => writer.exec('INSERT INTO nowhere VALUES (1)')))).toMatchObject({
        status: 500,
      });
    } finally {
      holder.close();
      writer.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('on PostgreSQL', () => {
    const table = `contention_probe_${process.pid}_${Date.now()}`;
    /** Two sessions on a two-row table of the test's own, dropped afterwards. */
    async function twoSessions(fn: (a: pg.Client, b: pg.Client) => Promise<void>) {
      const [a, b] = [0, 1].map(() => new pg.Client({ connectionString: inject('pgUrl') })) as [
        pg.Client,
        pg.Client,
      ];
      await a.connect();
      await b.connect();
      try {
        await a.query(`CREATE TABLE ${table} (id integer PRIMARY KEY, v integer NOT NULL DEFAULT 0)`);
        await a.query(`INSERT INTO ${table} (id) VALUES (1), (2)`);
        await fn(a, b);
      } finally {
        await a.query('ROLLBACK').catch(() => {});
        await b.query('ROLLBACK').catch(() => {});
        await a.query(`DROP TABLE IF EXISTS ${table}`);
        await a.end();
        await b.end();
      }
    }
    const lock = (c: pg.Client, id: number, nowait = '') =>
      c.query(`SELECT id FROM ${table} WHERE id = $1 FOR UPDATE ${nowait}`, [id]);

    it('answers 503 unavailable for the side PostgreSQL aborts in a deadlock (40P01)', async () => {
      await twoSessions(async (a, b) => {
        await a.query('BEGIN');
        await b.query('BEGIN');
        await lock(a, 1);
        await lock(b, 2);
        // Each now waits for the row the other holds: PostgreSQL aborts one of them.
        const settled = await Promise.allSettled([lock(a, 2), lock(b, 1)]);
        const failed = settled.filter((s) => s.status === 'rejected');
        expect(failed).toHaveLength(1);
        const e = (failed[0] as PromiseRejectedResult).reason;
        expect(e).toBeInstanceOf(pg.DatabaseError);
        expect(e.code).toBe('40P01');
        expect(toErrorResponse(e)).toEqual(busy);
      });
    });

    it('answers 503 for a serialization failure (40001) and a lock not available (55P03); a unique violation stays 500', async () => {
      await twoSessions(async (a, b) => {
        await a.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
        await a.query(`SELECT v FROM ${table} WHERE id = 1`);
        await b.query(`UPDATE ${table} SET v = 1 WHERE id = 1`);
        const serialization = await a.query(`UPDATE ${table} SET v = 2 WHERE id = 1`).catch((e) => e);
        expect(serialization.code).toBe('40001');
        expect(toErrorResponse(serialization)).toEqual(busy);
        await a.query('ROLLBACK');

        await a.query('BEGIN');
        await lock(a, 2);
        const nowait = await lock(b, 2, 'NOWAIT').catch((e) => e);
        expect(nowait.code).toBe('55P03');
        expect(toErrorResponse(nowait)).toEqual(busy);
        await a.query('ROLLBACK');

        const duplicate = await b.query(`INSERT INTO ${table} (id) VALUES (1)`).catch((e) => e);
        expect(duplicate.code).toBe('23505');
        expect(toErrorResponse(duplicate)).toMatchObject({ status: 500, code: 'internal' });
      });
    });
  });
});
