import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testContext } from '../../test/engines';
import { authenticateApiToken, authenticateSession } from '../core/accounts/authenticate';
import { logIn } from '../core/accounts/log-in';
import { startSession } from '../core/accounts/start-session';
import { systemClock } from '../core/clock';
import { connect } from '../core/db/connect';
import { type Cli, tempCli } from './testing';

const SLOW = 120_000;

describe('rapport CLI: account set-password', () => {
  let cli: Cli;
  let anaId = '';
  /** Runs `fn` over the CLI's own database, with the real clock (the CLI stamps in real time). */
  async function inDatabase<T>(fn: (ctx: ReturnType<typeof testContext>) => Promise<T>): Promise<T> {
    const h = connect({ engine: 'sqlite', file: join(cli.dir, 'rapport.sqlite') });
    try {
      return await fn({ ...testContext(h.db, 'sqlite'), clock: systemClock } as ReturnType<
        typeof testContext
      >);
    } finally {
      await h.close();
    }
  }

  beforeAll(async () => {
    cli = await tempCli();
    anaId = await cli.createAccount('ana@example.test', 'Ana');
  }, SLOW);
  afterAll(async () => {
    await cli.cleanup();
  });

  it('sets a new password, ends browser sessions, keeps API tokens and says so', {
    timeout: SLOW,
  }, async () => {
    const token = await cli.json<{ token: string }>(['token', 'create', '--name', 'phone']);
    const session = await inDatabase((ctx) => startSession(ctx, anaId, 'laptop'));

    const r = await cli.run(['account', 'set-password', 'ANA@example.test', '--password-stdin'], {
      stdin: 'a new remembered password\n',
    });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(
      `set a new password for ana@example.test (${anaId}); signed out 1 browser session\n` +
        '1 API token still works: they can be revoked in Settings → API tokens (or `rapport token revoke` with --account)\n',
    );

    await inDatabase(async (ctx) => {
      expect(
        await logIn(ctx, { email: 'ana@example.test', password: 'a new remembered password' }),
      ).toMatchObject({
        id: anaId,
      });
      expect(await authenticateSession(ctx, session.token)).toBeNull();
      expect(await authenticateApiToken(ctx, token.token)).toEqual({ accountId: anaId, scope: 'full' });
    });
  });

  it('refuses a short password, a missing one and an unknown account', { timeout: SLOW }, async () => {
    const short = await cli.run(['account', 'set-password', 'ana@example.test', '--password-stdin'], {
      stdin: 'short',
    });
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('password: must be at least 8 characters');

    const none = await cli.run(['account', 'set-password', 'ana@example.test']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--password-stdin or RAPPORT_PASSWORD');

    const unknown = await cli.run(['account', 'set-password', 'zed@example.test'], {
      env: { RAPPORT_PASSWORD: 'long enough password' },
    });
    expect(unknown.code).toBe(5);
    expect(unknown.stderr).toContain('zed@example.test');

    await inDatabase(async (ctx) => {
      expect(
        await logIn(ctx, { email: 'ana@example.test', password: 'a new remembered password' }),
      ).toMatchObject({
        id: anaId,
      });
    });
  });
});
