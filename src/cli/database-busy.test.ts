import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cli, tempCli } from './testing';

// Each spawn is a real `node bin/rapport.js` (~0.5–1 s); the tests share one data directory and run in order.
const SLOW = 120_000;
// A short wait for the lock, so the refusal comes at once.
const ENV = { RAPPORT_SQLITE_BUSY_TIMEOUT_MS: '50' };

describe('rapport CLI: the database busy with another writer', () => {
  let cli: Cli;
  beforeAll(async () => {
    cli = await tempCli();
    await cli.createAccount('ana@example.test', 'Ana');
  }, SLOW);
  afterAll(async () => {
    await cli.cleanup();
  });

  it(
    'says so in one line and exits 75 (EX_TEMPFAIL) while another process holds the write lock, then works',
    async () => {
      const other = new SQLite(join(cli.dir, 'rapport.sqlite'));
      try {
        other.exec('BEGIN IMMEDIATE');
        const plain = await cli.run(['add', 'Ada Lovelace'], { env: ENV });
        expect(plain.code).toBe(75);
        expect(plain.stderr).toBe('error: the database is busy; try again in a moment\n');
        const json = await cli.run(['--json', 'add', 'Ada Lovelace'], { env: ENV });
        expect(json.code).toBe(75);
        expect(JSON.parse(json.stderr)).toEqual({
          error: { code: 'unavailable', message: 'the database is busy; try again in a moment', details: {} },
        });
        other.exec('ROLLBACK');
      } finally {
        other.close();
      }
      expect((await cli.run(['add', 'Ada Lovelace'], { env: ENV })).code).toBe(0);
    },
    SLOW,
  );

  it(
    'refuses a busy timeout that is not a whole number of milliseconds',
    async () => {
      const r = await cli.run(['list'], { env: { RAPPORT_SQLITE_BUSY_TIMEOUT_MS: 'soon' } });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('RAPPORT_SQLITE_BUSY_TIMEOUT_MS must be a whole number of milliseconds');
    },
    SLOW,
  );
});
