import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact, ContactPage } from '../contracts/contacts';
import type { TrashListing } from '../contracts/trash';
import { type Cli, tempCli } from './testing';

// Each spawn is a real `node bin/rapport.js` (~0.5–1 s); the tests below share one account and run in order.
const SLOW = 120_000;
const MISSING = '01a00000-0000-7000-8000-000000000000';

describe('rapport CLI: the trash, a page at a time, and restoring many', () => {
  let cli: Cli;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    cli = await tempCli();
    await cli.createAccount('me@example.test', 'Me');
    for (const [name, org] of [
      ['Ada Lovelace', 'Analytical Engines'],
      ['Grace Hopper', 'US Navy'],
      ['Alan Turing', 'Bletchley Park'],
    ]) {
      ids[name as string] = (await cli.json<Contact>(['add', name as string, '--org', org as string])).id;
      expect((await cli.run(['rm', ids[name as string] as string])).code).toBe(0);
    }
  }, SLOW);
  afterAll(async () => {
    await cli.cleanup();
  });

  it('says how many contacts are in the trash, pages through them and searches them', {
    timeout: SLOW,
  }, async () => {
    const [all, firstPage, search, none] = await Promise.all([
      cli.run(['trash']),
      cli.run(['trash', '--limit', '2']),
      cli.run(['trash', '--search', 'navy']),
      cli.run(['trash', '--search', 'nobody']),
    ]);
    expect(all.stdout).toContain('contacts:\nID');
    expect(all.stdout).toContain('\n3 deleted contacts\n');
    expect(firstPage.stdout).toContain('3 deleted contacts (2 shown)');
    expect(firstPage.stdout).toContain(ids['Alan Turing']);
    expect(firstPage.stdout).not.toContain(ids['Ada Lovelace']);
    const cursor = /--cursor (\S+)/.exec(firstPage.stderr)?.[1];
    expect(cursor).toBeDefined();
    expect(search.stdout).toContain('1 deleted contact matches “navy”');
    expect(search.stdout).toContain(ids['Grace Hopper']);
    expect(none.stdout).toBe('0 deleted contacts match “nobody”\n');

    const next = await cli.json<TrashListing>(['trash', '--limit', '2', '--cursor', cursor as string]);
    expect(next.contacts.map((c) => c.id)).toEqual([ids['Ada Lovelace']]);
    expect(next).toMatchObject({ contactsTotal: 3, contactsNextCursor: null });
    const everything = await cli.json<TrashListing>(['trash', '--all']);
    expect(everything.contacts.map((c) => c.displayName).sort()).toEqual([
      'Ada Lovelace',
      'Alan Turing',
      'Grace Hopper',
    ]);
  });

  it('restores by ids (none when one is not in the trash, naming it) or everything matching', {
    timeout: SLOW,
  }, async () => {
    const refused = await cli.run(['trash', 'restore', ids['Ada Lovelace'] as string, MISSING]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`error: not in your trash, so none was restored: ${MISSING}`);
    const [both, neither, searchAlone] = await Promise.all([
      cli.run(['trash', 'restore', MISSING, '--all']),
      cli.run(['trash', 'restore']),
      cli.run(['trash', 'restore', MISSING, '--search', 'ada']),
    ]);
    expect([both.code, neither.code, searchAlone.code]).toEqual([2, 2, 2]);
    expect((await cli.json<TrashListing>(['trash'])).contactsTotal).toBe(3);

    const byId = await cli.run(['trash', 'restore', ids['Ada Lovelace'] as string]);
    expect(byId).toMatchObject({ code: 0, stdout: 'restored 1 contact\n' });
    expect(await cli.json(['trash', 'restore', '--all', '--search', 'navy'])).toEqual({ restored: 1 });
    expect((await cli.run(['trash', 'restore', '--all'])).stdout).toBe('restored 1 contact\n');
    const list = await cli.json<ContactPage>(['list']);
    expect(list.items.map((c) => c.displayName)).toEqual(['Ada Lovelace', 'Alan Turing', 'Grace Hopper']);
    expect((await cli.run(['trash'])).stdout).toBe('the trash is empty\n');
  });
});
