import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testContext } from '../../test/engines';
import { connect } from '../core/db/connect';
import { renderAgendaFeed } from '../core/feeds/render-agenda-feed';
import { type Cli, tempCli } from './testing';

// Each spawn is a real `node bin/rapport.js` (~0.5–1 s); the tests share one data directory and run in order.
const SLOW = 120_000;
const BASE_URL = 'https://rapport.example.test';

interface CreatedFeed {
  id: string;
  name: string | null;
  createdAt: string;
  token: string;
  url: string;
  webcal: string;
}

describe('rapport CLI: calendar feeds', () => {
  let cli: Cli;
  const as = (who: string) => ['--account', `${who}@example.test`];
  /** What a calendar app fetching the address gets: the iCalendar text, or the error. */
  async function fetchFeed(token: string) {
    const h = connect({ engine: 'sqlite', file: join(cli.dir, 'rapport.sqlite') });
    try {
      return await renderAgendaFeed(testContext(h.db, 'sqlite'), token, new Date());
    } finally {
      await h.close();
    }
  }

  beforeAll(async () => {
    cli = await tempCli();
    await cli.createAccount('ana@example.test', 'Ana');
    await cli.createAccount('bob@example.test', 'Bob');
  }, SLOW);
  afterAll(async () => {
    await cli.cleanup();
  });

  it('creates a feed address once, with its webcal:// link, that a calendar app can read', {
    timeout: SLOW,
  }, async () => {
    const human = await cli.run([...as('ana'), 'feed', 'create'], { env: { BASE_URL } });
    expect(human.code).toBe(0);
    const token = /^url\s+https:\/\/rapport\.example\.test\/feeds\/([A-Za-z0-9_-]{43})\.ics$/m.exec(
      human.stdout,
    )?.[1] as string;
    expect(token).toBeDefined();
    expect(human.stdout).toMatch(
      new RegExp(`^subscribe\\s+webcal://rapport\\.example\\.test/feeds/${token}\\.ics$`, 'm'),
    );
    expect(human.stderr).toContain('it will not be shown again');
    expect(human.stderr).not.toContain('BASE_URL');
    expect(await fetchFeed(token)).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*X-WR-CALNAME:Rapport — Today/);

    // Without BASE_URL the link names the default address, and says so (Vitest's own BASE_URL=/ is cleared).
    const bare = await cli.run([...as('ana'), 'feed', 'create'], { env: { BASE_URL: '' } });
    expect(bare.stdout).toMatch(/^subscribe\s+webcal:\/\/localhost:3000\/feeds\/[A-Za-z0-9_-]{43}\.ics$/m);
    expect(bare.stderr).toContain('BASE_URL is not set, so the link assumes http://localhost:3000');

    const json = await cli.json<CreatedFeed>([...as('ana'), 'feed', 'create'], { env: { BASE_URL } });
    expect(json).toEqual({
      id: expect.any(String),
      name: null,
      createdAt: expect.any(String),
      token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      url: `${BASE_URL}/feeds/${json.token}.ics`,
      webcal: `webcal://rapport.example.test/feeds/${json.token}.ics`,
    });
  });

  it('lists feeds without their secrets, per account, and revokes one so its address stops working', {
    timeout: SLOW,
  }, async () => {
    const created = await cli.json<CreatedFeed>([...as('bob'), 'feed', 'create']);
    const listed = await cli.run(['--json', ...as('bob'), 'feed', 'list']);
    expect(JSON.parse(listed.stdout)).toEqual([{ id: created.id, name: null, createdAt: created.createdAt }]);
    expect(listed.stdout).not.toContain(created.token);
    expect((await cli.run([...as('bob'), 'feed', 'list'])).stdout).toMatch(
      new RegExp(`^${created.id}\\s+${created.createdAt}$`, 'm'),
    );
    expect(await cli.json<unknown[]>([...as('ana'), 'feed', 'list'])).toHaveLength(3);

    // Not Ana's to revoke: answered like a feed that does not exist.
    expect((await cli.run([...as('ana'), 'feed', 'revoke', created.id])).code).toBe(5);
    expect(await fetchFeed(created.token)).toContain('BEGIN:VCALENDAR');
    expect(await cli.run([...as('bob'), 'feed', 'revoke', created.id])).toMatchObject({
      code: 0,
      stdout: `revoked calendar feed ${created.id}\n`,
    });
    await expect(fetchFeed(created.token)).rejects.toMatchObject({ code: 'not_found' });
    expect((await cli.run([...as('bob'), 'feed', 'list'])).stdout).toBe('no calendar feeds\n');
    expect((await cli.run([...as('bob'), 'feed', 'revoke', created.id])).code).toBe(5);
  });

  it('names a feed with --name (trimmed, at most 100 characters) and shows the name in the list', {
    timeout: SLOW,
  }, async () => {
    await cli.createAccount('cy@example.test', 'Cy');
    const human = await cli.run([...as('cy'), 'feed', 'create', '--name', '  Phone calendar ']);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^name\s+Phone calendar$/m);
    const laptop = await cli.json<CreatedFeed>([...as('cy'), 'feed', 'create', '--name', 'Laptop']);
    expect(laptop.name).toBe('Laptop');
    const unnamed = await cli.json<CreatedFeed>([...as('cy'), 'feed', 'create']);

    const listed = await cli.json<{ id: string; name: string | null }[]>([...as('cy'), 'feed', 'list']);
    expect(listed.map((f) => f.name)).toEqual([null, 'Laptop', 'Phone calendar']);
    const table = (await cli.run([...as('cy'), 'feed', 'list'])).stdout;
    expect(table).toMatch(/^ID\s+NAME\s+CREATED$/m);
    expect(table).toMatch(new RegExp(`^${laptop.id}\\s+Laptop\\s+${laptop.createdAt}$`, 'm'));
    expect(table).toMatch(new RegExp(`^${unnamed.id}\\s+${unnamed.createdAt}$`, 'm'));

    // Refused like an API token's name: blank or too long is a validation error (exit 2), and nothing is made.
    for (const name of ['   ', 'x'.repeat(101)]) {
      const r = await cli.run(['--json', ...as('cy'), 'feed', 'create', '--name', name]);
      expect(r.code).toBe(2);
      expect(JSON.parse(r.stderr).error).toMatchObject({
        code: 'validation',
        details: { issues: [{ path: 'name' }] },
      });
    }
    expect(await cli.json<unknown[]>([...as('cy'), 'feed', 'list'])).toHaveLength(3);
  });
});
