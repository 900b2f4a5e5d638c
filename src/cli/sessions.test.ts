import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testContext } from '../../test/engines';
import { authenticateSession } from '../core/accounts/authenticate';
import { findSessionEndReason } from '../core/accounts/find-session-end-reason';
import { startSession } from '../core/accounts/start-session';
import { systemClock } from '../core/clock';
import { connect } from '../core/db/connect';
import { type Cli, tempCli } from './testing';

const SLOW = 120_000;

describe('rapport CLI: session list, end, end-all', () => {
  let cli: Cli;
  let anaId = '';
  let bobId = '';
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
    bobId = await cli.createAccount('bob@example.test', 'Bob');
  }, SLOW);
  afterAll(async () => {
    await cli.cleanup();
  });

  it("lists the account's browsers and signs them out, one or all, telling each why", {
    timeout: SLOW,
  }, async () => {
    const asAna = { env: { RAPPORT_ACCOUNT: 'ana@example.test' } };
    const asBob = { env: { RAPPORT_ACCOUNT: 'bob@example.test' } };
    const [laptop, phone, bobs] = await inDatabase(async (ctx) => [
      await startSession(
        ctx,
        anaId,
        'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
      ),
      await startSession(ctx, anaId, 'curl/8.5.0'),
      await startSession(ctx, bobId, 'bob'),
    ]);

    const listed = await cli.json<{ id: string; device: string; current: boolean }[]>(
      ['session', 'list'],
      asAna,
    );
    expect(listed.map((s) => s.device).sort()).toEqual(['Firefox on Linux', 'curl/8.5.0']);
    const human = await cli.run(['session', 'list'], asAna);
    expect(human.stdout).toMatch(/^ID\s+DEVICE\s+SIGNED IN\s+LAST SEEN\s+EXPIRES$/m);
    expect(human.stdout).not.toContain(laptop?.token);

    const firefox = listed.find((s) => s.device === 'Firefox on Linux')?.id as string;
    expect((await cli.run(['session', 'end', firefox], asBob)).code).toBe(5);
    expect(await cli.run(['session', 'end', firefox], asAna)).toMatchObject({
      code: 0,
      stdout: `signed out session ${firefox}\n`,
    });
    expect((await cli.run(['session', 'end', firefox], asAna)).code).toBe(5);

    expect(await cli.run(['session', 'end-all'], asAna)).toMatchObject({
      code: 0,
      stdout: 'signed out 1 browser session\n',
    });
    expect(await cli.json(['session', 'list'], asAna)).toEqual([]);
    await inDatabase(async (ctx) => {
      for (const s of [laptop, phone]) {
        expect(await authenticateSession(ctx, s?.token as string)).toBeNull();
        expect(await findSessionEndReason(ctx, s?.token as string)).toBe('signed_out_elsewhere');
      }
      expect(await authenticateSession(ctx, bobs?.token as string)).toMatchObject({ accountId: bobId });
    });
  });
});
