import { statSync } from 'node:fs';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cli, tempCli } from './testing';

const SLOW = 120_000;

describe('rapport db backup: a whole-server copy of the SQLite database', () => {
  let cli: Cli;
  let out: string;
  beforeAll(async () => {
    cli = await tempCli();
    out = await mkdtemp(join(tmpdir(), 'rapport-db-backup-'));
    await cli.createAccount('ana@example.test', 'Ana');
    await cli.createAccount('bob@example.test', 'Bob');
  }, SLOW);
  afterAll(async () => {
    await cli.cleanup();
    await rm(out, { recursive: true, force: true });
  });

  it(
    'copies every account into a new file that opens as a data directory, and never overwrites one',
    async () => {
      expect((await cli.run(['--account', 'ana@example.test', 'add', 'Ada Lovelace'])).code).toBe(0);
      expect((await cli.run(['--account', 'bob@example.test', 'add', 'Grace Hopper'])).code).toBe(0);
      const file = join(out, 'copy.sqlite');
      const r = await cli.run(['db', 'backup', file]);
      expect([r.code, r.stdout, r.stderr]).toEqual([0, `copied the database to ${file}\n`, '']);
      // It holds every password hash: readable by its owner only, whatever the umask.
      expect(statSync(file).mode & 0o777).toBe(0o600);

      const again = await cli.run(['db', 'backup', file]);
      expect([again.code, again.stderr]).toEqual([6, `error: ${file} already exists: name a new file\n`]);

      // Restoring is putting the copy in place of rapport.sqlite: both accounts and their contacts are there.
      const restored = join(out, 'restored');
      await cli.run(['--data', restored, 'db', 'migrate']);
      await copyFile(file, join(restored, 'rapport.sqlite'));
      await rm(join(restored, 'rapport.sqlite-wal'), { force: true });
      await rm(join(restored, 'rapport.sqlite-shm'), { force: true });
      const accounts = await cli.run(['--data', restored, 'account', 'list']);
      expect(accounts.stdout).toContain('ana@example.test');
      expect(accounts.stdout).toContain('bob@example.test');
      const list = await cli.run(['--data', restored, '--account', 'bob@example.test', 'list']);
      expect(list.stdout).toContain('Grace Hopper');
    },
    SLOW,
  );
});
