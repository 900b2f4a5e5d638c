import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cli, tempCli } from './testing';

// Each spawn is a real `node bin/rapport.js`; the tests share one account.
const SLOW = 300_000;
type Page = { items: { id: string | null; what?: string; fileName?: string }[]; nextCursor: string | null };

describe('rapport CLI: favours, promises and imports page like the other lists', () => {
  let cli: Cli;
  beforeAll(async () => {
    cli = await tempCli();
    await cli.createAccount('me@example.test', 'Me');
    await writeFile(join(cli.dir, 'ann.vcf'), 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Smith\r\nEND:VCARD\r\n');
    await writeFile(join(cli.dir, 'cat.vcf'), 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cat Jones\r\nEND:VCARD\r\n');
    for (const args of [
      ['import', 'vcard', 'ann.vcf'],
      ['import', 'vcard', 'cat.vcf'],
      ['favour', 'Cat Jones', 'gave', 'Intro to Globex'],
      ['favour', 'Ann Smith', 'received', 'Advice on the offer'],
      ['favour', 'Cat Jones', 'received', 'Read my CV'],
      ['promise', 'Cat Jones', 'Send the deck', '--by', '2030-01-10'],
      ['promise', 'Ann Smith', 'Call back', '--by', '2030-01-10'],
      ['promise', 'Cat Jones', 'Share the notes', '--by', '2030-01-11'],
    ]) {
      const r = await cli.run(args);
      expect(r.code, r.stderr).toBe(0);
    }
  }, SLOW);
  afterAll(async () => {
    await cli.cleanup();
  });

  /** Every item of `args`, one page at a time by --cursor, and the same with --all. */
  async function walk(args: string[]) {
    const seen: string[] = [];
    let page = await cli.json<Page>([...args, '--limit', '1']);
    seen.push(...page.items.map((i) => String(i.id)));
    while (page.nextCursor) {
      page = await cli.json<Page>([...args, '--limit', '1', '--cursor', page.nextCursor]);
      seen.push(...page.items.map((i) => String(i.id)));
    }
    const all = await cli.json<Page>([...args, '--all']);
    return { seen, all: all.items.map((i) => String(i.id)) };
  }

  it('walks favours, promises and imports with --cursor, each once, as --all lists them', {
    timeout: SLOW,
  }, async () => {
    const [favours, cats, promises, imports] = await Promise.all([
      walk(['favours']),
      walk(['favours', 'Cat Jones']),
      walk(['promises', '--status', 'open']),
      walk(['imports']),
    ]);
    expect(favours.seen).toHaveLength(3);
    expect(new Set(favours.seen).size).toBe(3);
    expect(favours.seen).toEqual(favours.all);
    expect(cats.seen).toHaveLength(2);
    expect(cats.seen).toEqual(cats.all);
    expect(promises.seen).toHaveLength(3);
    expect(promises.seen).toEqual(promises.all);
    expect(imports.seen).toHaveLength(2);
    expect(imports.seen).toEqual(imports.all);
  });

  it('tells a person the next cursor on stderr, and refuses a cursor of another filter or a made-up one', {
    timeout: SLOW,
  }, async () => {
    const [human, first, older] = await Promise.all([
      cli.run(['promises', '--limit', '2']),
      cli.json<Page>(['promises', '--limit', '2']),
      cli.run(['imports', '--limit', '1']),
    ]);
    expect(human.code).toBe(0);
    expect(human.stderr).toBe(
      `(more promises: use --all or a larger --limit)\n(next page: --cursor ${first.nextCursor})\n`,
    );
    expect(human.stdout).not.toContain('--cursor');
    expect(older.stderr).toMatch(
      /^\(older imports: use --all or a larger --limit\)\n\(next page: --cursor \S+\)\n$/,
    );

    const [otherFilter, ...wrong] = await Promise.all([
      cli.run(['--json', 'promises', '--status', 'kept', '--cursor', first.nextCursor ?? '']),
      ...['favours', 'promises', 'imports'].map((l) => cli.run(['--json', l, '--cursor', 'not-a-cursor'])),
    ]);
    for (const r of [otherFilter, ...wrong]) {
      expect(r.code).toBe(2);
      expect(JSON.parse(r.stderr)).toMatchObject({ error: { code: 'validation' } });
    }
    expect(JSON.parse(otherFilter?.stderr ?? '').error.message).toMatch(
      /^cursor: was given for another filter/,
    );
    const both = await Promise.all(
      ['favours', 'promises', 'imports'].map((l) => cli.run([l, '--all', '--cursor', 'x'])),
    );
    expect(both.map((r) => r.code)).toEqual([2, 2, 2]);
  });
});
