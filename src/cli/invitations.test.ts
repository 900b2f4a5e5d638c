import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvitationPage } from '../contracts/invitations';
import { type Cli, tempCli } from './testing';

// Each spawn is a real `node bin/rapport.js` (~0.5–1 s); the tests share one account and run in order.
const SLOW = 120_000;
const fixture = (name: string) =>
  fileURLToPath(new URL(`../formats/linkedin/fixtures/${name}`, import.meta.url));

describe('rapport CLI: LinkedIn invitations', () => {
  let cli: Cli;
  beforeAll(async () => {
    cli = await tempCli();
    await cli.createAccount('me@example.test', 'Me');
  }, SLOW);
  afterAll(async () => {
    await cli.cleanup();
  });

  it('says where invitations come from while there are none', { timeout: SLOW }, async () => {
    expect(await cli.run(['invitations'])).toMatchObject({
      code: 0,
      stdout:
        'no LinkedIn invitations (they come with a LinkedIn export: rapport import linkedin <export.zip>)\n',
    });
  });

  it('prints the imported invitations as a table, one direction with --direction, everything with --json', {
    timeout: SLOW,
  }, async () => {
    for (const [name, file] of [
      ['2025', 'invitations-2025-urls.csv'],
      ['2022', 'invitations-2022-no-urls.csv'],
    ] as const) {
      await mkdir(join(cli.dir, name));
      await copyFile(fixture(file), join(cli.dir, name, 'Invitations.csv'));
      expect((await cli.run(['import', 'linkedin', `${name}/Invitations.csv`])).code).toBe(0);
    }
    const [all, outgoing, json, bad] = await Promise.all([
      cli.run(['invitations']),
      cli.run(['invitations', '--direction', 'outgoing']),
      cli.json<InvitationPage>(['invitations']),
      cli.run(['invitations', '--direction', 'sideways']),
    ]);
    expect(all).toMatchObject({ code: 0 });
    expect(all.stdout.split('\n').map((l) => l.replace(/ {2,}/g, ' | '))).toEqual([
      'SENT ON | DIRECTION | STATUS | NAME | CONTACT | NOTE',
      '2025-10-02 | received | pending | Leo Marsh | —',
      '2025-09-27 | sent | pending | Rosa Quintero | — | Hi Rosa, great talk at the meetup!',
      '2022-03-14 | received | pending | Hana Novak | —',
      '2021-12-01 | sent | pending | Tomás Ferreira | — | Olá Tomás',
      '',
    ]);
    // How to act on one: the hint goes to stderr, so the table stays clean for pipes.
    expect(all.stderr).toBe(
      '(to add someone as a contact: rapport add "Leo Marsh" --url https://www.linkedin.com/in/leo-marsh)\n',
    );
    expect(outgoing.stdout).toContain('Rosa Quintero');
    expect(outgoing.stdout).toContain('Tomás Ferreira');
    expect(outgoing.stdout).not.toContain('Leo Marsh');
    expect(json.nextCursor).toBeNull();
    expect(json.items.map((i) => [i.direction, i.name, i.message])).toEqual([
      ['incoming', 'Leo Marsh', null],
      ['outgoing', 'Rosa Quintero', 'Hi Rosa, great talk at the meetup!'],
      ['incoming', 'Hana Novak', null],
      ['outgoing', 'Tomás Ferreira', 'Olá Tomás'],
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/sideways/);
  });

  it('shows the contact once the person is added, and --limit keeps the newest', {
    timeout: SLOW,
  }, async () => {
    expect((await cli.run(['add', 'Leo Marsh', '--url', 'https://www.linkedin.com/in/leo-marsh'])).code).toBe(
      0,
    );
    const [limited, json] = await Promise.all([
      cli.run(['invitations', '--limit', '1']),
      cli.json<InvitationPage>(['invitations', '--direction', 'incoming']),
    ]);
    expect(limited.stdout.split('\n').map((l) => l.replace(/ {2,}/g, ' | '))).toEqual([
      'SENT ON | DIRECTION | STATUS | NAME | CONTACT | NOTE',
      '2025-10-02 | received | pending | Leo Marsh | Leo Marsh',
      '',
    ]);
    expect(limited.stderr).toContain('(more invitations: leave out --limit to see them all)\n');
    expect(json.items.map((i) => i.contact?.displayName ?? null)).toEqual(['Leo Marsh', null]);
  });
});
