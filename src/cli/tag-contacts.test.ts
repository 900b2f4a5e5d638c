import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from '../contracts/contacts';
import type { ContactTagsResult } from '../contracts/tags';
import { type Cli, tempCli } from './testing';

// Each spawn is a real `node bin/rapport.js` (~0.5–1 s); the tests below share one account and run in order.
const SLOW = 120_000;

describe('rapport CLI: adding and removing a tag without replacing the others', () => {
  let cli: Cli;
  let ada: Contact;
  beforeAll(async () => {
    cli = await tempCli();
    await cli.createAccount('me@example.test', 'Me');
    ada = await cli.json<Contact>(['add', 'Ada Lovelace', '--org', 'Engines', '--tag', 'speakers']);
    await cli.json(['add', 'Adam Smith', '--org', 'Nations']);
    await cli.json(['add', 'Grace Hopper', '--org', 'Engines']);
  }, SLOW);
  afterAll(async () => {
    await cli.cleanup();
  });

  it('tags everyone a search or an organisation finds, and says how many changed', {
    timeout: SLOW,
  }, async () => {
    const bySearch = await cli.run(['tag', 'add', 'conference-2026', '--search', 'ada']);
    expect(bySearch).toMatchObject({ code: 0, stdout: 'added "conference-2026" to 2 contacts\n' });
    expect(
      await cli.json<ContactTagsResult>(['tag', 'add', 'conference-2026', '--org', 'engines']),
    ).toMatchObject({
      matched: 2,
      changed: 1,
      changedIds: [expect.any(String)],
    });
    const removed = await cli.run(['tag', 'remove', 'speakers', '--all']);
    expect(removed.stdout).toBe('removed "speakers" from 1 of 3 contacts (the others did not have it)\n');
    const listed = await cli.json<{ items: Contact[] }>(['list', '--tag', 'conference-2026']);
    expect(listed.items.map((c) => [c.displayName, c.tags])).toEqual([
      ['Ada Lovelace', ['conference-2026']],
      ['Adam Smith', ['conference-2026']],
      ['Grace Hopper', ['conference-2026']],
    ]);
    // No selection is not "everyone".
    const none = await cli.run(['tag', 'add', 'x']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('which contacts?');
  });

  it('edit --add-tag keeps the other tags; --remove-tag takes one off; both with a field, or neither', {
    timeout: SLOW,
  }, async () => {
    const edited = await cli.json<Contact>(['edit', ada.id, '--add-tag', 'mentor', '--title', 'Countess']);
    expect(edited).toMatchObject({ title: 'Countess', tags: ['conference-2026', 'mentor'] });
    const removed = await cli.json<Contact>(['edit', ada.id, '--remove-tag', 'Conference-2026']);
    expect(removed.tags).toEqual(['mentor']);
    const refused = await cli.run(['edit', ada.id, '--title', 'Lady', '--remove-tag', 'no such tag']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('there is no tag "no such tag"');
    expect(await cli.json<Contact>(['show', ada.id])).toMatchObject({ title: 'Countess', tags: ['mentor'] });
    expect((await cli.run(['edit', ada.id, '--tag', 'a', '--add-tag', 'b'])).code).toBe(2);
  });

  it("shows tag intervals, keeps the shorter one on a merge, and exports one tag's people", {
    timeout: SLOW,
  }, async () => {
    await cli.json(['tag', 'add', 'LP', 'Grace Hopper']);
    await cli.json(['tag', 'add', 'limited partners', 'Adam Smith']);
    await cli.run(['tag', 'cadence', 'limited partners', '60']);
    expect((await cli.run(['tags'])).stdout).toMatch(/^\S+\s+limited partners\s+1\s+every 60 days$/m);
    expect((await cli.run(['tag', 'merge', 'limited partners', 'LP'])).stdout).toBe(
      'merged limited partners into LP (2 contacts); keep in touch every 60 days\n',
    );
    const vcf = await cli.run(['export', 'vcard', '--tag', 'Limited Partners']);
    expect(vcf.stdout.match(/^FN:.*$/gm)).toEqual(['FN:Adam Smith', 'FN:Grace Hopper']);
    expect(vcf.stdout).toMatch(/^CATEGORIES:.*LP/m);
    expect((await cli.run(['export', 'csv', '--tag', 'nobody'])).code).toBe(5);
  });
});
