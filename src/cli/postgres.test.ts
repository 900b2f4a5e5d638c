import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Contact, ContactPage } from '../contracts/contacts';
import { type Cli, tempCli } from './testing';

describe('rapport CLI on PostgreSQL', () => {
  let cli: Cli;
  beforeAll(async () => {
    cli = await tempCli();
  });
  afterAll(async () => {
    await cli.cleanup();
  });

  it('adds, searches and shows a contact', { timeout: 120_000 }, async () => {
    // The run's database is shared with every other test: a unique account, always named explicitly.
    const email = `cli-${process.pid}-${Date.now()}@example.test`;
    const env = { DATABASE_URL: inject('pgUrl'), RAPPORT_ACCOUNT: email };
    expect(await cli.run(['db', 'migrate'], { env })).toMatchObject({
      code: 0,
      stdout: 'schema is up to date\n',
    });
    const created = await cli.run(
      ['account', 'create', '--email', email, '--name', 'PG', '--password-stdin'],
      {
        env,
        stdin: 'a long enough password',
      },
    );
    expect(created.code).toBe(0);

    const zoe = await cli.json<Contact>(
      ['add', 'Zoë Ñúñez', '--org', 'Café Ltd', '--email', 'zoe@cafe.example'],
      { env },
    );
    const [found, shown, byId] = await Promise.all([
      cli.json<ContactPage>(['search', 'nu', 'zo'], { env }),
      cli.run(['show', 'zoe nunez'], { env }),
      cli.json<Contact>(['show', zoe.id], { env }),
    ]);
    expect(found.items.map((c) => c.id)).toEqual([zoe.id]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/^Zoë Ñúñez$/m);
    expect(shown.stdout).toMatch(/^organisation\s+Café Ltd/m);
    expect(byId).toEqual(zoe);
    // DATABASE_URL wins over --data: nothing was written to the data directory.
    expect(await readdir(cli.dir)).toEqual([]);
  });
});
