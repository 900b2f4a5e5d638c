import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact, ContactPage } from '../contracts/contacts';
import type { Organisation } from '../contracts/organisations';
import type { Tag } from '../contracts/tags';
import { type Cli, tempCli } from './testing';

// Each spawn is a real `node bin/rapport.js` (~0.5–1 s); the tests below share one account and run in order.
const SLOW = 120_000;
const names = (page: ContactPage) => page.items.map((c) => c.displayName);

describe('rapport CLI: contacts, tags and organisations', () => {
  let cli: Cli;
  let jose: Contact;
  let beaId: string;
  beforeAll(async () => {
    cli = await tempCli();
    await cli.createAccount('me@example.test', 'Me');
  }, SLOW);
  afterAll(async () => {
    await cli.cleanup();
  });

  it('adds contacts with every flag and lists them', { timeout: SLOW }, async () => {
    jose = await cli.json<Contact>([
      'add',
      'José López',
      '--org',
      'Acme',
      '--title',
      'CTO',
      '--location',
      'Madrid',
      '--how-we-met',
      'PyCon sprint',
      '--notes',
      'Likes climbing',
      '--email',
      'jose@acme.example',
      '--email',
      'pepe@home.example',
      '--phone',
      '+44 20 7946 0000',
      '--url',
      'linkedin.com/in/Jose-Lopez',
      '--tag',
      'Mentor',
      '--field',
      'twitter=@jose',
      '--field',
      'pronouns=he/him',
      '--connected',
      '2024-05-01',
    ]);
    expect(jose).toMatchObject({
      displayName: 'José López',
      givenName: 'José',
      familyName: 'López',
      organisation: { name: 'Acme' },
      title: 'CTO',
      location: 'Madrid',
      howWeMet: 'PyCon sprint',
      notes: 'Likes climbing',
      emails: [{ value: 'jose@acme.example' }, { value: 'pepe@home.example' }],
      phones: [{ value: '+44 20 7946 0000', e164: '+442079460000' }],
      linkedinUrl: 'https://www.linkedin.com/in/jose-lopez',
      tags: ['Mentor'],
      customFields: { twitter: '@jose', pronouns: 'he/him' },
      connectedOn: '2024-05-01',
      source: 'cli',
    });

    const bea = await cli.run([
      'add',
      '--given',
      'Bea',
      '--family',
      'Ortiz',
      '--org',
      'Globex',
      '--tag',
      'mentor',
    ]);
    expect(bea.code).toBe(0);
    beaId = /^added Bea Ortiz \(([0-9a-f-]{36})\)$/.exec(bea.stdout.trim())?.[1] ?? '';
    expect(beaId).not.toBe('');

    const [table, byTag, byNameDesc, first, all, byOrgName, unknownOrg] = await Promise.all([
      cli.run(['list']),
      cli.json<ContactPage>(['list', '--tag', 'MENTOR']),
      cli.json<ContactPage>(['list', '--sort', '-name']),
      cli.run(['list', '--limit', '1']),
      cli.json<ContactPage>(['list', '--limit', '1', '--all']),
      cli.json<ContactPage>(['list', '--org', 'globex']),
      cli.run(['list', '--org', 'Initech']),
    ]);
    // An organisation by name, as `add --org` takes it; one that is not there is an error, not "no contacts".
    expect(names(byOrgName)).toEqual(['Bea Ortiz']);
    expect(unknownOrg.code).toBe(5);
    expect(unknownOrg.stderr).toContain('no organisation matches "Initech"');
    expect(table.code).toBe(0);
    const rows = table.stdout.trim().split('\n');
    expect(rows[0]).toMatch(/^ID\s+NAME\s+ORGANISATION\s+TITLE\s+EMAIL\s+TAGS$/);
    expect(rows[1]).toMatch(new RegExp(`^${beaId}\\s+Bea Ortiz\\s+Globex\\s+Mentor$`));
    expect(rows[2]).toMatch(
      new RegExp(`^${jose.id}\\s+José López\\s+Acme\\s+CTO\\s+jose@acme.example\\s+Mentor$`),
    );
    expect(names(byTag)).toEqual(['Bea Ortiz', 'José López']);
    expect(names(byNameDesc)).toEqual(['José López', 'Bea Ortiz']);
    expect(first.stdout.trim().split('\n')).toHaveLength(2);
    expect(first.stderr).toContain('(1 of 2 contacts: use --all or a larger --limit)');
    expect(all).toEqual({ items: byTag.items, nextCursor: null, total: 2 });
  });

  it('finds by two letters ignoring accents, and shows by name or id', { timeout: SLOW }, async () => {
    const [lo, jo, none, byName, byId] = await Promise.all([
      cli.json<ContactPage>(['search', 'lo']),
      cli.json<ContactPage>(['search', 'JO', 'ac']),
      cli.run(['search', 'zz']),
      cli.run(['show', 'lopez']),
      cli.json<Contact>(['show', jose.id]),
    ]);
    expect(names(lo)).toEqual(['José López']);
    expect(names(jo)).toEqual(['José López']);
    expect(none).toMatchObject({ code: 0, stdout: 'no matches\n' });
    expect(byId).toEqual(jose);
    expect(byName.code).toBe(0);
    for (const line of [
      /^José López$/m,
      new RegExp(`^id\\s+${jose.id}$`, 'm'),
      /^organisation\s+Acme {2}\(/m,
      /^title\s+CTO$/m,
      /^location\s+Madrid$/m,
      /^how we met\s+PyCon sprint$/m,
      /^notes\s+Likes climbing$/m,
      /^emails\s+jose@acme\.example {2}\[cli\]\n\s+pepe@home\.example {2}\[cli\]$/m,
      /^phones\s+\+44 20 7946 0000 {2}\[cli\] {2}\+442079460000$/m,
      /^urls\s+https:\/\/www\.linkedin\.com\/in\/jose-lopez {2}\[cli\] {2}linkedin$/m,
      /^tags\s+Mentor$/m,
      /^custom fields\s+twitter: @jose\n\s+pronouns: he\/him$/m,
      /^connected on\s+2024-05-01$/m,
      /^past positions\s+—$/m,
      /^source\s+cli$/m,
      new RegExp(`^created\\s+${jose.createdAt}$`, 'm'),
      /^updated\s+\d{4}-/m,
    ]) {
      expect(byName.stdout).toMatch(line);
    }
  });

  it('edits only the given fields; lists replace, "" clears; the old job becomes a past position', {
    timeout: SLOW,
  }, async () => {
    const edited = await cli.json<Contact>([
      'edit',
      'josé',
      '--org',
      'Initech',
      '--title',
      'VP',
      '--notes',
      '',
      '--email',
      'jose@initech.example',
    ]);
    expect(edited).toMatchObject({
      id: jose.id,
      organisation: { name: 'Initech' },
      title: 'VP',
      notes: null,
      emails: [{ value: 'jose@initech.example' }],
      phones: jose.phones,
      tags: ['Mentor'],
      howWeMet: 'PyCon sprint',
      customFields: jose.customFields,
      pastPositions: [{ organisation: { name: 'Acme' }, title: 'CTO' }],
    });
    const cleared = await cli.json<Contact>([
      'edit',
      jose.id,
      '--field',
      '',
      '--phone',
      '',
      '--connected',
      '',
    ]);
    expect(cleared).toMatchObject({ customFields: {}, phones: [], connectedOn: null, title: 'VP' });
  });

  it('moves a contact to the trash and restores it', { timeout: SLOW }, async () => {
    const rm = await cli.run(['rm', 'Bea']);
    expect(rm.code).toBe(0);
    expect(rm.stdout).toMatch(/^moved Bea Ortiz to the trash; purged after \d{4}-\d\d-\d\dT/);
    expect(rm.stdout).toContain(`rapport restore ${beaId}`);

    const [list, trash, trashText] = await Promise.all([
      cli.json<ContactPage>(['list']),
      cli.json<{ contacts: { id: string; purgeAfter: string }[] }>(['trash']),
      cli.run(['trash']),
    ]);
    expect(names(list)).toEqual(['José López']);
    expect(trash.contacts.map((c) => c.id)).toEqual([beaId]);
    expect(trashText.stdout).toContain(`contacts:\nID`);
    expect(trashText.stdout).toContain(beaId);

    expect(await cli.run(['restore', beaId])).toMatchObject({
      code: 0,
      stdout: `restored Bea Ortiz (${beaId})\n`,
    });
    expect(names(await cli.json<ContactPage>(['list']))).toEqual(['Bea Ortiz', 'José López']);
  });

  it('reports bad input, unknown ids and ambiguous names with their exit codes', {
    timeout: SLOW,
  }, async () => {
    const unknownId = '01a00000-0000-7000-8000-000000000000';
    const [
      badEmail,
      badEmailJson,
      unknown,
      unknownJson,
      restoreUnknown,
      ambiguous,
      noWords,
      noChange,
      badField,
      badSort,
      badCommand,
    ] = await Promise.all([
      cli.run(['add', 'X', '--email', 'not-an-email']),
      cli.run(['--json', 'add', 'X', '--email', 'ok@example.test', '--email', 'nope']),
      cli.run(['show', unknownId]),
      cli.run(['show', unknownId, '--json']),
      cli.run(['restore', unknownId]),
      cli.run(['show', 'mentor']),
      cli.run(['rm', '?!']),
      cli.run(['edit', jose.id]),
      cli.run(['add', 'X', '--field', 'no-equals-sign']),
      cli.run(['list', '--sort', 'sideways']),
      cli.run(['frobnicate']),
    ]);
    expect(badEmail).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'error: --email: must be an email address\n',
    });
    expect(badEmailJson).toMatchObject({ code: 2, stdout: '' });
    expect(JSON.parse(badEmailJson.stderr)).toEqual({
      error: {
        code: 'validation',
        message: 'emails.1.value: must be an email address',
        details: { issues: [{ path: 'emails.1.value', message: 'must be an email address' }] },
      },
    });
    expect(unknown).toMatchObject({ code: 5, stderr: `error: no contact matches "${unknownId}"\n` });
    expect(unknownJson.code).toBe(5);
    expect(JSON.parse(unknownJson.stderr).error.code).toBe('not_found');
    expect(restoreUnknown.code).toBe(5);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('ambiguous');
    expect(ambiguous.stderr).toContain(`${beaId}  Bea Ortiz · Globex`);
    expect(ambiguous.stderr).toContain(`${jose.id}  José López · Initech`);
    // Text with no word to search for must not fall back to "every contact" and pick one.
    expect(noWords).toMatchObject({ code: 5, stderr: 'error: no contact matches "?!"\n' });
    expect(noChange).toMatchObject({ code: 2, stderr: 'error: nothing to change: give at least one flag\n' });
    expect(badField.code).toBe(2);
    expect(badField.stderr).toContain('must be key=value');
    expect(badSort.code).toBe(2);
    expect(badCommand.code).toBe(2);
    expect(badCommand.stderr).toContain("unknown command 'frobnicate'");
    const joseBefore = await cli.json<Contact>(['show', jose.id]);
    const [addFuture, editFuture, editFutureJson] = await Promise.all([
      cli.run(['add', 'Not Yet', '--connected', '2099-01-01']),
      cli.run(['edit', jose.id, '--title', 'Seer', '--connected', '2099-01-01']),
      cli.run(['--json', 'edit', jose.id, '--connected', '2099-01-01']),
    ]);
    for (const r of [addFuture, editFuture]) {
      expect(r).toMatchObject({ code: 2, stdout: '', stderr: 'error: --connected: is in the future\n' });
    }
    expect(editFutureJson).toMatchObject({ code: 2, stdout: '' });
    expect(JSON.parse(editFutureJson.stderr).error).toEqual({
      code: 'validation',
      message: 'connectedOn: is in the future',
      details: { issues: [{ path: 'connectedOn', message: 'is in the future' }] },
    });
    expect(await cli.json<Contact>(['show', jose.id])).toEqual(joseBefore);
    // Nothing half-written by the failures.
    expect(names(await cli.json<ContactPage>(['list']))).toEqual(['Bea Ortiz', 'José López']);
  });

  it('lists, renames and merges tags; lists organisations and filters contacts by one', {
    timeout: SLOW,
  }, async () => {
    expect((await cli.json<Tag[]>(['tags'])).map((t) => [t.name, t.contactCount])).toEqual([['Mentor', 2]]);
    expect(await cli.run(['tag', 'rename', 'mentor', 'Mentors'])).toMatchObject({
      code: 0,
      stdout: 'renamed mentor to Mentors (2 contacts)\n',
    });
    await cli.json(['add', 'Carl', '--tag', 'friends']);
    const merged = await cli.json<Tag>(['tag', 'merge', 'Friends', 'mentors']);
    expect(merged).toMatchObject({ name: 'Mentors', contactCount: 3 });
    const [tags, missing, orgs, glo] = await Promise.all([
      cli.json<Tag[]>(['tags']),
      cli.run(['tag', 'rename', 'nope', 'x']),
      cli.json<{ items: Organisation[] }>(['orgs']),
      cli.run(['orgs', '--search', 'glo']),
    ]);
    expect(tags.map((t) => t.name)).toEqual(['Mentors']);
    expect(missing.code).toBe(5);
    expect(orgs.items.map((o) => [o.name, o.contactCount])).toEqual([
      ['Acme', 0],
      ['Globex', 1],
      ['Initech', 1],
    ]);
    expect(glo.stdout).toMatch(/^ID\s+NAME\s+CONTACTS\s+WEBSITE\n\S+\s+Globex\s+1\n$/);
    const globex = orgs.items.find((o) => o.name === 'Globex');
    expect(names(await cli.json<ContactPage>(['list', '--org', globex?.id ?? '']))).toEqual(['Bea Ortiz']);
  });

  it('shows every field a card brought, and the values a newer card replaced', {
    timeout: SLOW,
  }, async () => {
    const card = (title: string) =>
      [
        'BEGIN:VCARD',
        'VERSION:3.0',
        'FN:Dr. Grace Brewster Hopper PhD',
        'N:Hopper;Grace;Brewster;Dr.;PhD',
        'NICKNAME:Amazing Grace',
        'ORG:US Navy;Computing',
        `TITLE:${title}`,
        'BDAY:1906-12-09',
        'item1.X-ABDATE:1943-12-01',
        'item1.X-ABLABEL:Joined',
        'ADR;TYPE=WORK:;;1 Navy Way;Arlington;VA;22201;USA',
        'PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRg==',
        'EMAIL:grace@navy.example',
        'END:VCARD',
        '',
      ].join('\r\n');
    await writeFile(join(cli.dir, 'grace.vcf'), card('Rear Admiral'));
    await cli.json(['import', 'vcard', 'grace.vcf']);
    await writeFile(join(cli.dir, 'grace.vcf'), card('Commodore'));
    await cli.json(['import', 'vcard', 'grace.vcf']);
    const shown = await cli.run(['show', 'brewster']);
    expect(shown.code).toBe(0);
    for (const line of [
      /^middle names\s+Brewster$/m,
      /^prefix\s+Dr\.$/m,
      /^suffix\s+PhD$/m,
      /^nickname\s+Amazing Grace$/m,
      /^department\s+Computing$/m,
      /^birthday\s+1906-12-09$/m,
      /^dates\s+1943-12-01 \(Joined\)$/m,
      /^addresses\s+1 Navy Way, Arlington, VA, 22201, USA \(work\)$/m,
      /^photo\s+\/api\/v1\/contacts\/\S+\/photo {2}\(image\/jpeg\)$/m,
      /^history\s+title: Rear Admiral → Commodore {2}\[vcard, \d{4}-\d\d-\d\d\]$/m,
    ]) {
      expect(shown.stdout).toMatch(line);
    }
  });
});
