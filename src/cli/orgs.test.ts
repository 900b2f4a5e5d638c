import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Organisation, OrganisationDuplicateList } from '../contracts/organisations';
import { type Cli, tempCli } from './testing';

// Each spawn is a real `node bin/rapport.js` (~0.5–1 s); one account, steps in order.
const SLOW = 120_000;
const counts = (page: { items: Organisation[] }) => page.items.map((o) => [o.name, o.contactCount]);

describe('rapport CLI: merging organisations', () => {
  let cli: Cli;
  beforeAll(async () => {
    cli = await tempCli();
    await cli.createAccount('me@example.test', 'Me');
    for (const args of [
      ['add', 'Peter Gibbons', '--org', 'Initech Software'],
      ['add', 'Bill Lumbergh', '--org', 'Initech'],
    ]) {
      const done = await cli.run(args);
      if (done.code !== 0) throw new Error(done.stderr);
    }
  }, SLOW);
  afterAll(async () => {
    await cli.cleanup();
  });

  it('merges by name, leads the old name to the kept one, and undoes the merge', {
    timeout: SLOW,
  }, async () => {
    const ambiguous = await cli.run(['orgs', 'merge', 'init', 'Initech']);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('ambiguous: "init" matches 2 organisations');

    const merged = await cli.run(['orgs', 'merge', 'Initech Software', 'initech']);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toMatch(/^merged Initech Software into Initech: 1 person moved, 2 there now$/m);
    const mergeId = /^undo with: rapport orgs merge undo ([0-9a-f-]{36})$/m.exec(
      merged.stdout,
    )?.[1] as string;
    expect(mergeId).toBeDefined();
    expect(counts(await cli.json<{ items: Organisation[] }>(['orgs']))).toEqual([['Initech', 2]]);
    // The merged spelling now finds the kept organisation.
    expect((await cli.run(['add', 'Samir', '--org', 'Initech Software'])).code).toBe(0);
    expect(counts(await cli.json<{ items: Organisation[] }>(['orgs']))).toEqual([['Initech', 3]]);

    const undone = await cli.json<Organisation>(['orgs', 'merge', 'undo', mergeId]);
    expect(undone).toMatchObject({ name: 'Initech Software', contactCount: 1 });
    expect(counts(await cli.json<{ items: Organisation[] }>(['orgs']))).toEqual([
      ['Initech', 2],
      ['Initech Software', 1],
    ]);
    expect(await cli.run(['orgs', 'merge', 'undo', mergeId])).toMatchObject({
      code: 6,
      stderr: 'error: this merge has already been undone\n',
    });
    expect((await cli.run(['orgs', 'merge', 'Initech', 'Initech'])).code).toBe(2);
  });

  it('suggests the two spellings as duplicates until they are marked as different companies', {
    timeout: SLOW,
  }, async () => {
    const listed = await cli.run(['orgs', 'duplicates']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^possible: “Initech Software” begins with “Initech”$/m);
    expect(listed.stdout).toMatch(/^ {2}[0-9a-f-]{36} {2}Initech {2}\(2 people\)$/m);
    expect(listed.stdout).toMatch(/^ {2}[0-9a-f-]{36} {2}Initech Software {2}\(1 person\)$/m);
    const pairs = await cli.json<OrganisationDuplicateList>(['orgs', 'duplicates']);
    expect(pairs.items.map((p) => [[p.a.name, p.b.name].sort(), p.strength])).toEqual([
      [['Initech', 'Initech Software'], 'possible'],
    ]);
    expect(pairs).toMatchObject({ total: 1, nextCursor: null });

    // A page at a time: how many there are in all, and the way to the rest.
    expect((await cli.run(['add', 'Milton', '--org', 'Initech Labs'])).code).toBe(0);
    const [one, all] = await Promise.all([
      cli.run(['orgs', 'duplicates', '--limit', '1']),
      cli.json<OrganisationDuplicateList>(['orgs', 'duplicates', '--all']),
    ]);
    expect(one.stdout.match(/^(strong|possible): /gm)).toHaveLength(1);
    expect(one.stderr).toMatch(
      /^\(1 of 2 pairs shown: use --all or a larger --limit\)\n\(next page: --cursor \S+\)\n$/,
    );
    expect(all).toMatchObject({ total: 2, nextCursor: null });
    expect(all.items).toHaveLength(2);
    expect((await cli.run(['orgs', 'duplicates', 'dismiss', 'Initech Labs', 'initech'])).code).toBe(0);

    const dismissed = await cli.run(['orgs', 'duplicates', 'dismiss', 'Initech Software', 'initech']);
    expect(dismissed).toMatchObject({
      code: 0,
      stdout: 'Initech Software and Initech are marked as different companies\n',
    });
    expect((await cli.run(['orgs', 'duplicates'])).stdout).toBe('no duplicate organisations found\n');
    expect((await cli.run(['orgs', 'duplicates', 'dismiss', 'Initech', 'Nowhere'])).code).toBe(5);
  });
});
