import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../contracts/auth';
import type { Contact, ContactPage } from '../contracts/contacts';
import { type Cli, tempCli } from './testing';

// Each spawn is a real `node bin/rapport.js` (~0.5–1 s); the tests below share one data directory and run in order.
const SLOW = 120_000;
const PASSWORD = 'a long enough password';

describe('rapport CLI: database, accounts, tokens and the acting account', () => {
  let cli: Cli;
  beforeAll(async () => {
    cli = await tempCli();
  });
  afterAll(async () => {
    await cli.cleanup();
  });

  it('migrates a fresh database, then reports it up to date', { timeout: SLOW }, async () => {
    const first = await cli.run(['db', 'migrate']);
    expect(first.code).toBe(0);
    const applied = first.stdout.trim().split('\n');
    expect(applied[0]).toBe('applied 0001-foundation');
    expect(applied.every((l) => /^applied \d{4}-[a-z-]+$/.test(l))).toBe(true);
    const again = await cli.run(['db', 'migrate']);
    expect(again).toMatchObject({ code: 0, stdout: 'schema is up to date\n' });
    expect(await cli.json(['db', 'migrate'])).toEqual({ applied: [] });
    const broken = await cli.run(['db', 'migrate'], { env: { DATABASE_URL: 'mysql://db/rapport' } });
    expect(broken).toMatchObject({
      code: 1,
      stderr: 'error: DATABASE_URL must start with postgres:// or postgresql://\n',
    });
  });

  it('says how to start when there is no account yet', { timeout: SLOW }, async () => {
    const r = await cli.run(['list']);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe('error: no account yet: run `rapport account create`\n');
  });

  it('creates accounts from a piped or environment password; a taken email is a conflict', {
    timeout: SLOW,
  }, async () => {
    const ana = await cli.json<Account>(
      ['account', 'create', '--email', 'ana@example.test', '--name', 'Ana', '--password-stdin'],
      { stdin: `${PASSWORD}\n` },
    );
    expect(ana).toMatchObject({ email: 'ana@example.test', name: 'Ana', id: expect.any(String) });

    const bob = await cli.run(['account', 'create', '--email', 'bob@example.test', '--name', 'Bob'], {
      env: { RAPPORT_PASSWORD: PASSWORD },
    });
    expect(bob.code).toBe(0);
    expect(bob.stdout).toMatch(/^created account bob@example\.test \([0-9a-f-]{36}\)\n$/);

    const taken = await cli.run(
      ['account', 'create', '--email', 'ANA@example.test', '--name', 'Ana 2', '--password-stdin'],
      {
        stdin: PASSWORD,
      },
    );
    expect(taken.code).toBe(6);
    expect(taken.stderr).toContain('error: --email: an account with this email already exists');

    const bad = await cli.run(
      ['account', 'create', '--email', 'not-an-email', '--name', 'X', '--password-stdin'],
      {
        stdin: 'short',
      },
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('  --email: must be an email address\n');
    expect(bad.stderr).toContain('  password: must be at least 8 characters\n');

    // No password source and no terminal: refuse instead of hanging on a prompt.
    const none = await cli.run(['account', 'create', '--email', 'cy@example.test', '--name', 'Cy']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--password-stdin or RAPPORT_PASSWORD');

    const accounts = await cli.json<{ email: string }[]>(['account', 'list']);
    expect(accounts.map((a) => a.email)).toEqual(['ana@example.test', 'bob@example.test']);
  });

  it('needs --account once there are several accounts, and acts only as the one chosen', {
    timeout: SLOW,
  }, async () => {
    const unsure = await cli.run(['list']);
    expect(unsure.code).toBe(2);
    expect(unsure.stderr).toContain('--account EMAIL');
    expect(unsure.stderr).toContain('ana@example.test, bob@example.test');

    const unknown = await cli.run(['--account', 'zed@example.test', 'list']);
    expect(unknown.code).toBe(5);
    expect(unknown.stderr).toContain('no account with email zed@example.test');

    const secret = await cli.json<Contact>([
      '--account',
      'ana@example.test',
      'add',
      'Zoë Secret',
      '--email',
      'zoe@example.test',
    ]);
    const asBob = { env: { RAPPORT_ACCOUNT: 'bob@example.test' } };
    const bobsList = await cli.json<ContactPage>(['list'], asBob);
    const bobsSearch = await cli.json<ContactPage>(['search', 'zoe'], asBob);
    expect([bobsList.items, bobsSearch.items]).toEqual([[], []]);
    for (const args of [
      ['show', secret.id],
      ['edit', secret.id, '--title', 'x'],
      ['rm', secret.id],
      ['restore', secret.id],
    ]) {
      const r = await cli.run(args, asBob);
      expect([args[0], r.code]).toEqual([args[0], 5]);
    }
    // The global option also works after the command, and RAPPORT_ACCOUNT loses to it.
    const anas = await cli.json<Contact>(['show', 'zoe', '--account', 'ana@example.test'], asBob);
    expect(anas).toMatchObject({ id: secret.id, displayName: 'Zoë Secret', title: null });
  });

  it('creates API tokens, shows each secret once, lists and revokes them per account', {
    timeout: SLOW,
  }, async () => {
    const asAna = { env: { RAPPORT_ACCOUNT: 'ana@example.test' } };
    const human = await cli.run(['token', 'create', '--name', 'backup'], asAna);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^token\s+rpt_[\w-]{40,}$/m);
    expect(human.stderr).toContain('it will not be shown again');

    const ci = await cli.json<{ id: string; token: string; expiresAt: string }>(
      ['token', 'create', '--name', 'ci', '--expires-days', '7'],
      asAna,
    );
    expect(ci.token).toMatch(/^rpt_/);
    expect(Date.parse(ci.expiresAt) - Date.now()).toBeGreaterThan(6 * 86_400_000);

    const listed = await cli.run(['--json', 'token', 'list'], asAna);
    expect(JSON.parse(listed.stdout).map((t: { name: string }) => t.name)).toEqual(['ci', 'backup']);
    expect(listed.stdout).not.toContain(ci.token);

    const asBob = { env: { RAPPORT_ACCOUNT: 'bob@example.test' } };
    expect(await cli.json(['token', 'list'], asBob)).toEqual([]);
    expect((await cli.run(['token', 'revoke', ci.id], asBob)).code).toBe(5);

    expect(await cli.run(['token', 'revoke', ci.id], asAna)).toMatchObject({
      code: 0,
      stdout: `revoked token ${ci.id}\n`,
    });
    expect((await cli.json<{ name: string }[]>(['token', 'list'], asAna)).map((t) => t.name)).toEqual([
      'backup',
    ]);
    expect((await cli.run(['token', 'revoke', ci.id], asAna)).code).toBe(5);
    expect((await cli.run(['token', 'create', '--name', 'x', '--expires-days', '0'], asAna)).code).toBe(2);
  });

  it('deletes an account only with --yes, after saying what would go', { timeout: SLOW }, async () => {
    await cli.run(['account', 'create', '--email', 'dee@example.test', '--name', 'Dee', '--password-stdin'], {
      stdin: PASSWORD,
    });
    const asDee = { env: { RAPPORT_ACCOUNT: 'dee@example.test' } };
    await cli.json<Contact>(['add', 'Erin Example'], asDee);

    const refused = await cli.run(['account', 'delete', 'dee@example.test']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('error: refusing to delete dee@example.test without --yes');
    expect(refused.stderr).toContain('everything it owns: 1 contact, 0 interactions');
    expect((await cli.json<ContactPage>(['list'], asDee)).items).toHaveLength(1);

    const gone = await cli.run(['account', 'delete', 'DEE@example.test', '--yes']);
    expect(gone).toMatchObject({ code: 0, stderr: '' });
    expect(gone.stdout).toMatch(
      /^deleted account dee@example\.test \([0-9a-f-]{36}\) and everything it owned\n$/,
    );
    const accounts = await cli.json<{ email: string }[]>(['account', 'list']);
    expect(accounts.map((a) => a.email)).toEqual(['ana@example.test', 'bob@example.test']);
    expect((await cli.run(['account', 'delete', 'dee@example.test', '--yes'])).code).toBe(5);
  });
});
