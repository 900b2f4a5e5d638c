import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../test/free-port';
import { type Cli, tempCli } from './testing';

// Each spawn is a real `node bin/rapport.js serve` that must stop at once with one line naming the variable.
const SLOW = 120_000;

describe('rapport serve: a wrong setting stops it at once, naming the variable', () => {
  let cli: Cli;
  let port: number;
  beforeAll(async () => {
    cli = await tempCli();
    port = await freePort();
  }, SLOW);
  afterAll(async () => {
    await cli.cleanup();
  });

  it(
    'LOG_LEVEL that the logger does not know',
    async () => {
      const r = await cli.run(['serve'], { env: { PORT: String(port), LOG_LEVEL: 'verbose' } });
      expect(r.code).not.toBe(0);
      expect(r.stderr).toBe('error: LOG_LEVEL must be debug, info, warn or error (got "verbose")\n');
    },
    SLOW,
  );

  it(
    'BASE_URL without https:// (every mailed link was broken, and cookies never Secure)',
    async () => {
      const r = await cli.run(['serve'], { env: { PORT: String(port), BASE_URL: 'rapport.example.org' } });
      expect(r.code).not.toBe(0);
      expect(r.stderr).toBe(
        'error: BASE_URL must be the public address of this server, starting with https:// or http://, e.g. https://rapport.example.org (got "rapport.example.org")\n',
      );
    },
    SLOW,
  );

  it(
    'DATABASE_URL naming a server that is not there: where it looked, never the password',
    async () => {
      const closed = await freePort();
      const r = await cli.run(['serve'], {
        env: { PORT: String(port), DATABASE_URL: `postgres://rapport:s3cret@127.0.0.1:${closed}/rapport` },
      });
      expect(r.code).not.toBe(0);
      expect(r.stderr).toBe(
        `error: cannot open the PostgreSQL database in DATABASE_URL (127.0.0.1:${closed}/rapport): connect ECONNREFUSED 127.0.0.1:${closed}\n`,
      );
      // The CLI's other commands open the database the same way.
      const list = await cli.run(['db', 'migrate'], {
        env: { DATABASE_URL: `postgres://rapport:s3cret@127.0.0.1:${closed}/rapport` },
      });
      expect(list.stderr).toContain('cannot open the PostgreSQL database in DATABASE_URL');
      expect(list.stderr).not.toContain('s3cret');
    },
    SLOW,
  );
});
