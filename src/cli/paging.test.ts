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
