import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cli, tempCli } from './testing';

// Each spawn is a real `node bin/rapport.js` (~0.5–1 s).
const SLOW = 120_000;

describe('rapport token create --read-only', () => {
  let cli: Cli;
  beforeAll(async () => {
    cli = await tempCli();
    await cli.createAccount('ana@example.test', 'Ana');
  });
  afterAll(async () => {
    await cli.cleanup();
  });

  it('makes a read-only token, says so, and the list shows each token’s scope', {
    timeout: SLOW,
  }, async () => {
    const read = await cli.json<{ name: string; scope: string; token: string }>([
      'token',
      'create',
      '--name',
      'dashboard',
      '--read-only',
    ]);
    expect(read).toMatchObject({ name: 'dashboard', scope: 'read', token: expect.stringMatching(/^rpt_/) });
    const human = await cli.run(['token', 'create', '--name', 'backup']);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^scope\s+full$/m);
    const listed = await cli.run(['token', 'list']);
    expect(listed.stdout).toMatch(/\bSCOPE\b/);
    expect(listed.stdout).toMatch(/dashboard\s+rpt_\S+\s+read\b/);
    expect(listed.stdout).toMatch(/backup\s+rpt_\S+\s+full\b/);
    expect(
      (await cli.json<{ name: string; scope: string }[]>(['token', 'list']))
        .map((t) => [t.name, t.scope])
        .sort(),
    ).toEqual([
      ['backup', 'full'],
      ['dashboard', 'read'],
    ]);
  });
});
