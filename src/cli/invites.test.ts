import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testContext } from '../../test/engines';
import { signUp } from '../core/accounts/sign-up';
import { systemClock } from '../core/clock';
import { connect } from '../core/db/connect';
import { type Cli, tempCli } from './testing';

// Each spawn is a real `node bin/rapport.js` (~0.5–1 s); the tests share one data directory and run in order.
const SLOW = 120_000;
const ENV = { BASE_URL: 'https://rapport.example.test/', RAPPORT_SIGNUP: 'invite' };

interface CreatedInvite {
  id: string;
  code: string;
  expiresAt: string;
  email: string | null;
  url: string;
}

describe('rapport CLI: sign-up invites', () => {
  let cli: Cli;
  /** Signs up through the same use case as POST /auth/signup, on a server with RAPPORT_SIGNUP=invite. */
  async function signUpWith(email: string, inviteCode: string) {
    const h = connect({ engine: 'sqlite', file: join(cli.dir, 'rapport.sqlite') });
    try {
      // The real clock: the code was made (and expires) in real time.
      const ctx = { ...testContext(h.db, 'sqlite', { signup: 'invite' }), clock: systemClock };
      return await signUp(ctx, { email, name: email, password: 'a long enough password', inviteCode });
    } finally {
      await h.close();
    }
  }

  beforeAll(async () => {
    cli = await tempCli();
    await cli.createAccount('ana@example.test', 'Ana');
  }, SLOW);
  afterAll(async () => {
    await cli.cleanup();
  });

  it('prints a one-time code and the sign-up link with it; the code signs someone up once', {
    timeout: SLOW,
  }, async () => {
    const human = await cli.run(['invites', 'create'], { env: ENV });
    expect(human.code).toBe(0);
    const code = /^code\s+([A-Za-z0-9_-]{24})$/m.exec(human.stdout)?.[1] as string;
    expect(code).toBeDefined();
    expect(human.stdout).toContain(`sign up at  https://rapport.example.test/sign-up?invite=${code}\n`);
    expect(human.stdout).toMatch(/^for\s+anyone with the code$/m);
    expect(human.stderr).toContain('it works once');
    expect(human.stderr).not.toMatch(/BASE_URL|RAPPORT_SIGNUP/);

    expect(await signUpWith('grace@example.test', code)).toMatchObject({ email: 'grace@example.test' });
    await expect(signUpWith('alan@example.test', code)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('binds a code to one address and an expiry; says when this server does not ask for codes', {
    timeout: SLOW,
  }, async () => {
    const bound = await cli.json<CreatedInvite>(
      [
        '--account',
        'ana@example.test',
        'invites',
        'create',
        '--email',
        'Alan@Example.test',
        '--expires-days',
        '7',
      ],
      { env: ENV },
    );
    expect(bound).toEqual({
      id: expect.any(String),
      code: expect.stringMatching(/^[A-Za-z0-9_-]{24}$/),
      expiresAt: expect.any(String),
      email: 'Alan@Example.test',
      url: `https://rapport.example.test/sign-up?invite=${bound.code}`,
    });
    const days = (Date.parse(bound.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    await expect(signUpWith('eve@example.test', bound.code)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await signUpWith('alan@example.test', bound.code)).toMatchObject({ email: 'alan@example.test' });

    // No RAPPORT_SIGNUP (open) and no BASE_URL (Vitest's own BASE_URL=/ is cleared).
    const open = await cli.run(['--account', 'ana@example.test', 'invites', 'create'], {
      env: { BASE_URL: '' },
    });
    expect(open.code).toBe(0);
    expect(open.stdout).toMatch(/^sign up at\s+http:\/\/localhost:3000\/sign-up\?invite=[A-Za-z0-9_-]{24}$/m);
    expect(open.stderr).toContain('RAPPORT_SIGNUP is "open" here');
    expect(open.stderr).toContain('BASE_URL is not set');
    const ana = ['--account', 'ana@example.test', 'invites', 'create'];
    expect((await cli.run([...ana, '--expires-days', '91'], { env: ENV })).code).toBe(2);
    const badEmail = await cli.run([...ana, '--email', 'not-an-address'], { env: ENV });
    expect(badEmail).toMatchObject({ code: 2, stderr: expect.stringContaining('email') });
  });

  it('lists the unused invites and revokes one: its code then signs nobody up', {
    timeout: SLOW,
  }, async () => {
    const ana = ['--account', 'ana@example.test', 'invites'];
    const made = await cli.json<CreatedInvite>([...ana, 'create', '--email', 'kim@example.test'], {
      env: ENV,
    });
    const listed = await cli.json<{ id: string; email: string | null }[]>([...ana, 'list'], { env: ENV });
    expect(listed.map((i) => i.id)).toContain(made.id);
    expect(JSON.stringify(listed)).not.toContain(made.code);
    const human = await cli.run([...ana, 'list'], { env: ENV });
    expect(human.stdout).toMatch(new RegExp(`^${made.id}\\s+kim@example.test\\s`, 'm'));

    const revoked = await cli.run([...ana, 'revoke', made.id], { env: ENV });
    expect(revoked).toMatchObject({ code: 0, stdout: `revoked invite ${made.id}\n` });
    const after = await cli.json<{ id: string }[]>([...ana, 'list'], { env: ENV });
    expect(after.map((i) => i.id)).not.toContain(made.id);
    await expect(signUpWith('kim@example.test', made.code)).rejects.toMatchObject({ code: 'forbidden' });

    const again = await cli.run([...ana, 'revoke', made.id], { env: ENV });
    expect(again).toMatchObject({ code: 5, stderr: expect.stringContaining('invite not found') });
  });
});
