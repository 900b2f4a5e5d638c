import { statSync } from 'node:fs';
import { chmod, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cli, tempCli } from './testing';

const SLOW = 120_000;
const A = 'ana@example.test';
const mode = (file: string) => statSync(file).mode & 0o777;

describe('rapport CLI: files holding an account’s data are readable by their owner only', () => {
  let cli: Cli;
  let umask: number;
  const as = (args: string[]) => ['--account', A, ...args];
  beforeAll(async () => {
    // The usual umask, which made these files 0644 (readable by every user on the host); the child inherits it.
    umask = process.umask(0o022);
    cli = await tempCli();
    await cli.createAccount(A, 'Ana');
    const r = await cli.run(as(['add', 'Ada Lovelace', '--email', 'ada@example.org']));
    if (r.code !== 0) throw new Error(r.stderr);
  }, SLOW);
  afterAll(async () => {
    process.umask(umask);
    await cli.cleanup();
  });

  it(
    'writes backups and exports 0600, and a file they replace becomes 0600 too',
    async () => {
      const runs: [string, string[]][] = [
        ['backup.json', ['backup', 'backup.json']],
        ['contacts.vcf', ['export', 'vcard', '--out', 'contacts.vcf']],
        ['contacts.csv', ['export', 'csv', '--out', 'contacts.csv']],
        ['everything.json', ['export', 'json', '--out', 'everything.json']],
      ];
      for (const [name, args] of runs) {
        const file = join(cli.dir, name);
        const r = await cli.run(as(args));
        expect([name, r.code, r.stderr]).toEqual([name, 0, '']);
        expect([name, mode(file)]).toEqual([name, 0o600]);
        // Replacing one an older version left 0644: the new file is private as well, its data written in full.
        await chmod(file, 0o644);
        const again = await cli.run(as(args));
        expect([name, again.code, again.stderr]).toEqual([name, 0, '']);
        expect([name, mode(file)]).toEqual([name, 0o600]);
      }
      // No partial file is left beside them.
      expect((await readdir(cli.dir)).filter((f) => f.includes('.partial-'))).toEqual([]);
    },
    SLOW,
  );
});
