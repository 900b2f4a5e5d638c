import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContactPage } from '../contracts/contacts';
import type { DuplicateList, DuplicatePair } from '../contracts/duplicates';
import { type Cli, tempCli } from './testing';

// Each spawn is a real `node bin/rapport.js` (~0.5–1 s); one account, steps in order.
const SLOW = 120_000;
const names = (page: ContactPage) => page.items.map((c) => c.displayName);

const VCARDS = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Ana López',
  'ORG:Acme',
  'EMAIL:ana@acme.example',
  'END:VCARD',
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Bob Stone',
  'END:VCARD',
  '',
].join('\r\n');

describe('rapport CLI: duplicates and merges', () => {
  let cli: Cli;
  beforeAll(async () => {
    cli = await tempCli();
    await writeFile(join(cli.dir, 'people.vcf'), VCARDS);
    const r = await cli.run(['account', 'create', '--email', 'me@example.test', '--name', 'Me'], {
      env: { RAPPORT_PASSWORD: 'a long enough password' },
    });
    if (r.code !== 0) throw new Error(r.stderr);
    // One import would take the second Ana for the first (same email): she arrives on her own.
    for (const args of [
      ['import', 'vcard', 'people.vcf'],
      ['add', 'Ana Lopez-Garcia', '--email', 'ana@acme.example', '--phone', '+44 20 7946 0002'],
    ]) {
      const done = await cli.run(args);
      if (done.code !== 0) throw new Error(done.stderr);
    }
  }, SLOW);
  afterAll(async () => {
    await cli.cleanup();
  });

  it('suggests the pair, merges it (by name and id), undoes the merge, and dismisses the pair', {
    timeout: SLOW,
  }, async () => {
    const [list, text] = await Promise.all([
      cli.json<DuplicateList>(['duplicates']),
      cli.run(['duplicates']),
    ]);
    expect(list).toMatchObject({
      items: [{ strength: 'strong', reasons: expect.arrayContaining(['same email: ana@acme.example']) }],
      total: 1,
      totalExact: true,
      nextCursor: null,
    });
    const pair = list.items[0] as DuplicatePair;
    const [ana, other] = pair.a.displayName === 'Ana López' ? [pair.a, pair.b] : [pair.b, pair.a];
    expect(other.displayName).toBe('Ana Lopez-Garcia');
    expect(text.stdout).toMatch(/^strong: .*same email: ana@acme\.example/m);
    expect(text.stdout).toContain(`  ${ana.id}  Ana López  (Acme · ana@acme.example)`);
    expect(text.stdout).toContain(`  ${other.id}  Ana Lopez-Garcia  (ana@acme.example)`);

    const merged = await cli.run(['merge', 'Ana López', other.id]);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toMatch(
      new RegExp(`^merged Ana Lopez-Garcia \\(${other.id}\\) into Ana López$`, 'm'),
    );
    expect(merged.stdout).toMatch(/^phones\s+\+44 20 7946 0002/m);
    const mergeId = /^undo with: rapport merge undo ([0-9a-f-]{36})$/m.exec(merged.stdout)?.[1] as string;
    expect(mergeId).toBeDefined();

    const [afterMerge, merges, noPairs, mergesText] = await Promise.all([
      cli.json<ContactPage>(['list']),
      cli.json<{ id: string; keptId: string; mergedId: string; undoneAt: string | null }[]>(['merges']),
      cli.json<DuplicateList>(['duplicates']),
      cli.run(['merges']),
    ]);
    expect(names(afterMerge)).toEqual(['Ana López', 'Bob Stone']);
    expect(merges).toMatchObject([{ id: mergeId, keptId: ana.id, mergedId: other.id, undoneAt: null }]);
    expect(noPairs.items).toEqual([]);
    expect(mergesText.stdout).toMatch(
      new RegExp(`^${mergeId}\\s+\\S+\\s+Ana López\\s+${ana.id}\\s+${other.id}$`, 'm'),
    );

    expect(
      await cli.json<{ kept: { id: string }; restored: { id: string } }>(['merge', 'undo', mergeId]),
    ).toMatchObject({ kept: { id: ana.id }, restored: { id: other.id } });
    const [afterUndo, twice, pairsBack, self] = await Promise.all([
      cli.json<ContactPage>(['list']),
      cli.run(['merge', 'undo', mergeId]),
      cli.json<DuplicateList>(['duplicates', '--all']),
      cli.run(['merge', ana.id, ana.id]),
    ]);
    expect(names(afterUndo)).toEqual(['Ana López', 'Ana Lopez-Garcia', 'Bob Stone']);
    expect(twice).toMatchObject({ code: 6, stderr: 'error: this merge has already been undone\n' });
    expect(pairsBack.items).toHaveLength(1);
    expect(self.code).toBe(2);

    expect(await cli.run(['duplicates', 'dismiss', other.id, 'Ana López'])).toMatchObject({
      code: 0,
      stdout: 'Ana Lopez-Garcia and Ana López are marked as different people\n',
    });
    expect(await cli.run(['duplicates'])).toMatchObject({ code: 0, stdout: 'no duplicates found\n' });

    // A kept contact merged on since is still named in the list of merges (it showed "—").
    const again = await cli.json<{ mergeId: string }>(['merge', ana.id, other.id]);
    const bob = (await cli.json<ContactPage>(['list'])).items.find((c) => c.displayName === 'Bob Stone');
    expect((await cli.run(['merge', bob?.id as string, ana.id])).code).toBe(0);
    expect((await cli.run(['merges'])).stdout).toMatch(
      // Ana, kept by that merge, has just been merged into Bob: its undo would be refused, and the list says so.
      new RegExp(
        `^${again.mergeId}\\s+\\S+\\s+Ana López\\s+${ana.id}\\s+${other.id}\\s+\\(kept one merged\\)$`,
        'm',
      ),
    );
  });
});
