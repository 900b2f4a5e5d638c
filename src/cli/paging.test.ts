import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContactPage } from '../contracts/contacts';
import type { Organisation } from '../contracts/organisations';
import { type Cli, tempCli } from './testing';

// Each spawn is a real `node bin/rapport.js`; the tests share one account.
const SLOW = 120_000;
const names = (page: ContactPage) => page.items.map((c) => c.displayName);
type OrgPage = { items: Organisation[]; nextCursor: string | null };

describe('rapport CLI: a script pages through contacts', () => {
  let cli: Cli;
  beforeAll(async () => {
    cli = await tempCli();
    await cli.createAccount('me@example.test', 'Me');
    const csv = [
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
      ...['Eve', 'Bob', 'Dan', 'Ann', 'Cat'].map((n) => `${n},Smith,,,Initech,Analyst,01 Nov 2026`),
      'Zed,Jones,,,Globex,Analyst,01 Nov 2026',
    ].join('\n');
    await writeFile(join(cli.dir, 'Connections.csv'), csv);
    const imported = await cli.run(['import', 'linkedin', 'Connections.csv']);
    expect(imported.code, imported.stderr).toBe(0);
  }, SLOW);
  afterAll(async () => {
    await cli.cleanup();
  });

  it('continues a list with --cursor, as the page before said', { timeout: SLOW }, async () => {
    const seen: string[] = [];
    let page = await cli.json<ContactPage>(['list', '--limit', '2']);
    expect(page.total).toBe(6);
    seen.push(...names(page));
    while (page.nextCursor) {
      page = await cli.json<ContactPage>(['list', '--limit', '2', '--cursor', page.nextCursor]);
      seen.push(...names(page));
    }
    expect(seen).toEqual(['Ann Smith', 'Bob Smith', 'Cat Smith', 'Dan Smith', 'Eve Smith', 'Zed Jones']);

    // People read the cursor off stderr; stdout stays the table alone.
    const [human, first, both, wrong] = await Promise.all([
      cli.run(['list', '--limit', '2']),
      cli.json<ContactPage>(['list', '--limit', '2']),
      cli.run(['list', '--all', '--cursor', 'x']),
      cli.run(['--json', 'list', '--cursor', 'not-a-cursor']),
    ]);
    expect(human.stderr).toContain(`(next page: --cursor ${first.nextCursor})`);
    expect(human.stdout).not.toContain('--cursor');
    expect(both.code).toBe(2);
    expect(wrong.code).toBe(2);
    expect(JSON.parse(wrong.stderr)).toMatchObject({ error: { code: 'validation' } });
  });

  it('walks every match of a search in the order --sort names, with the total', {
    timeout: SLOW,
  }, async () => {
    const seen: string[] = [];
    let page = await cli.json<ContactPage>(['search', 'initech', '--sort', '-name', '--limit', '2']);
    expect(page.total).toBe(5);
    seen.push(...names(page));
    while (page.nextCursor) {
      page = await cli.json<ContactPage>([
        'search',
        'initech',
        '--sort',
        '-name',
        '--limit',
        '2',
        '--cursor',
        page.nextCursor,
      ]);
      seen.push(...names(page));
    }
    expect(seen).toEqual(['Eve Smith', 'Dan Smith', 'Cat Smith', 'Bob Smith', 'Ann Smith']);
    // --all is every match by name (ranked pages stop about 2,200 deep), counted.
    const all = await cli.json<ContactPage>(['search', 'initech', '--all']);
    expect(all).toMatchObject({ nextCursor: null, total: 5 });
    expect(names(all)).toEqual(['Ann Smith', 'Bob Smith', 'Cat Smith', 'Dan Smith', 'Eve Smith']);
  });

  it('continues the organisations with --cursor', { timeout: SLOW }, async () => {
    const first = await cli.json<OrgPage>(['orgs', '--limit', '1']);
    expect(first.items.map((o) => o.name)).toEqual(['Globex']);
    const next = await cli.json<OrgPage>(['orgs', '--limit', '1', '--cursor', first.nextCursor ?? '']);
    expect(next.items.map((o) => o.name)).toEqual(['Initech']);
    expect(next.nextCursor).toBeNull();
  });
});

type AnyPage = {
  items: { id?: string; a?: { id: string }; b?: { id: string } }[];
  nextCursor: string | null;
};
const key = (i: AnyPage['items'][number]) => i.id ?? `${i.a?.id}+${i.b?.id}`;

describe('rapport CLI: the other paged lists take --cursor too', () => {
  let cli: Cli;
  beforeAll(async () => {
    cli = await tempCli();
    await cli.createAccount('me@example.test', 'Me');
    const csv = [
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
      'Ann,Smith,,ann@example.test,Initech,Analyst,01 Nov 2026',
      'Bob,Smith,,bob@example.test,Initech,Analyst,02 Nov 2026',
      'Cat,Jones,,,Globex,Analyst,03 Nov 2026',
    ].join('\n');
    await writeFile(join(cli.dir, 'Connections.csv'), csv);
    const imported = await cli.run(['import', 'linkedin', 'Connections.csv']);
    expect(imported.code, imported.stderr).toBe(0);
    // Two more pairs that share an email with someone imported; three interactions with Cat.
    for (const args of [
      ['add', 'Anne Smith', '--email', 'ann@example.test'],
      ['add', 'Robert Smith', '--email', 'bob@example.test'],
      ['log', 'Cat Jones', 'met'],
      ['log', 'Cat Jones', 'called'],
      ['log', 'Cat Jones', 'emailed'],
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
    let page = await cli.json<AnyPage>([...args, '--limit', '1']);
    seen.push(...page.items.map(key));
    while (page.nextCursor) {
      page = await cli.json<AnyPage>([...args, '--limit', '1', '--cursor', page.nextCursor]);
      seen.push(...page.items.map(key));
    }
    const all = await cli.json<AnyPage>([...args, '--all']);
    return { seen, all: all.items.map(key) };
  }

  it('walks interactions, the outreach queue and duplicate pairs page by page', {
    timeout: SLOW,
  }, async () => {
    const [interactions, queue, duplicates] = await Promise.all([
      walk(['interactions']),
      walk(['outreach', 'queue']),
      walk(['duplicates']),
    ]);
    expect(interactions.seen).toHaveLength(3);
    expect(interactions.seen).toEqual(interactions.all);
    expect(queue.seen).toHaveLength(3);
    expect(queue.seen).toEqual(queue.all);
    expect(duplicates.seen).toHaveLength(2);
    expect(duplicates.seen).toEqual(duplicates.all);
  });

  it('tells a person the next cursor on stderr, after the hint it gave before', {
    timeout: SLOW,
  }, async () => {
    const [human, first] = await Promise.all([
      cli.run(['interactions', '--limit', '2']),
      cli.json<AnyPage>(['interactions', '--limit', '2']),
    ]);
    expect(human.code).toBe(0);
    expect(human.stderr).toBe(
      `(more interactions: use --all or a larger --limit)\n(next page: --cursor ${first.nextCursor})\n`,
    );
    expect(human.stdout).not.toContain('--cursor');
    const last = await cli.run(['interactions', '--limit', '2', '--cursor', first.nextCursor ?? '']);
    expect(last.stderr).toBe('');
  });

  it('refuses a made-up cursor, and --cursor with --all, on every list that pages', {
    timeout: SLOW,
  }, async () => {
    const lists = [
      ['interactions'],
      ['outreach', 'queue'],
      ['duplicates'],
      ['orgs', 'duplicates'],
      ['ask', 'list'],
      ['intro', 'list'],
      ['invitations'],
      ['access-log'],
    ];
    const wrong = await Promise.all(lists.map((l) => cli.run(['--json', ...l, '--cursor', 'not-a-cursor'])));
    expect(wrong.map((r) => r.code)).toEqual(lists.map(() => 2));
    // Refused by the use case reading the cursor, not by the parser as an option the command does not have.
    for (const r of wrong) {
      expect(JSON.parse(r.stderr)).toMatchObject({ error: { code: 'validation' } });
      expect(JSON.parse(r.stderr).error.message).not.toMatch(/unknown option/);
    }
    const both = await Promise.all(
      lists
        .filter((l) => !['invitations', 'access-log'].includes(l[0] ?? ''))
        .map((l) => cli.run([...l, '--all', '--cursor', 'x'])),
    );
    expect(both.map((r) => r.code)).toEqual(both.map(() => 2));
    // The list of conversations does not page: a cursor there says what it is for, instead of being ignored.
    const threads = await cli.run(['messages', '--cursor', 'x']);
    expect([threads.code, threads.stderr]).toEqual([
      2,
      'error: --cursor pages one conversation: name the connection, e.g. rapport messages "Ada" --cursor …\n' +
        '  --cursor: pages one conversation: name the connection\n',
    ]);
  });
});
