import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from '../contracts/contacts';
import { type Cli, tempCli } from './testing';

// Each spawn is a real `node bin/rapport.js` (~0.5–1 s); the tests below share one contact and run in order.
const SLOW = 120_000;

// Imported from a vCard, so its channels carry labels and a source ('vcard') other than the CLI's.
const CARD = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Ada Lovelace',
  'N:Lovelace;Ada;;;',
  'EMAIL;TYPE=WORK:ada@work.example',
  'EMAIL;TYPE=HOME:ada@home.example',
  'TEL;TYPE=CELL:+44 20 7946 0958',
  'URL:https://ada.example/about',
  'END:VCARD',
  '',
].join('\r\n');

const channels = (c: Contact) => ({
  emails: c.emails.map(({ value, label, source }) => ({ value, label, source })),
  phones: c.phones.map(({ value, label, source }) => ({ value, label, source })),
  urls: c.urls.map(({ value, label, source }) => ({ value, label, source })),
});

describe('rapport edit --add-/--remove-email, -phone, -url', () => {
  let cli: Cli;
  let ada: Contact;
  beforeAll(async () => {
    cli = await tempCli();
    await cli.createAccount('me@example.test', 'Me');
    await writeFile(join(cli.dir, 'ada.vcf'), CARD);
    expect((await cli.run(['import', 'vcard', 'ada.vcf'])).code).toBe(0);
    ada = await cli.json<Contact>(['show', 'Ada Lovelace']);
    expect(channels(ada)).toEqual({
      emails: [
        { value: 'ada@work.example', label: 'work', source: 'vcard' },
        { value: 'ada@home.example', label: 'home', source: 'vcard' },
      ],
      phones: [{ value: '+44 20 7946 0958', label: 'cell', source: 'vcard' }],
      urls: [{ value: 'https://ada.example/about', label: null, source: 'vcard' }],
    });
  }, SLOW);
  afterAll(async () => {
    await cli.cleanup();
  });

  it('adds one of each, keeping the others with their labels and sources', { timeout: SLOW }, async () => {
    ada = await cli.json<Contact>([
      'edit',
      ada.id,
      '--add-email',
      'ada@new.example',
      '--add-phone',
      '+1 212 555 0100',
      '--add-url',
      'linkedin.com/in/Ada-L',
      '--title',
      'Countess',
    ]);
    expect(ada.title).toBe('Countess');
    expect(channels(ada)).toEqual({
      emails: [
        { value: 'ada@work.example', label: 'work', source: 'vcard' },
        { value: 'ada@home.example', label: 'home', source: 'vcard' },
        { value: 'ada@new.example', label: null, source: 'cli' },
      ],
      phones: [
        { value: '+44 20 7946 0958', label: 'cell', source: 'vcard' },
        { value: '+1 212 555 0100', label: null, source: 'cli' },
      ],
      urls: [
        { value: 'https://ada.example/about', label: null, source: 'vcard' },
        { value: 'https://www.linkedin.com/in/ada-l', label: null, source: 'cli' },
      ],
    });
  });

  it('adding a value already there, as the matching key reads it, writes nothing', {
    timeout: SLOW,
  }, async () => {
    // A national number matches only once the account's country says how to read it.
    expect((await cli.run(['settings', '--phone-country', 'GB'])).code).toBe(0);
    const same = await cli.json<Contact>([
      'edit',
      ada.id,
      '--add-email',
      'ADA@Work.Example',
      '--add-phone',
      '020 7946 0958',
      '--add-phone',
      '+12125550100',
      '--add-url',
      'https://www.linkedin.com/in/ADA-L/',
      '--add-url',
      'ada.example/about/',
    ]);
    expect(same).toEqual(ada);
    expect(await cli.json<Contact>(['show', ada.id])).toEqual(ada);
  });

  it('removes one, by its matching key, keeping the others', { timeout: SLOW }, async () => {
    ada = await cli.json<Contact>([
      'edit',
      ada.id,
      '--remove-email',
      'ADA@HOME.EXAMPLE',
      '--remove-phone',
      '+1 (212) 555-0100',
      '--remove-url',
      'http://ada.example/about',
      '--add-email',
      'ada@new.example',
    ]);
    expect(channels(ada)).toEqual({
      emails: [
        { value: 'ada@work.example', label: 'work', source: 'vcard' },
        { value: 'ada@new.example', label: null, source: 'cli' },
      ],
      phones: [{ value: '+44 20 7946 0958', label: 'cell', source: 'vcard' }],
      urls: [{ value: 'https://www.linkedin.com/in/ada-l', label: null, source: 'cli' }],
    });
  });

  it('a value to remove that is not there is exit 2 naming it and what the contact has; nothing changes', {
    timeout: SLOW,
  }, async () => {
    const [missing, missingJson, badAdd, replaceAndAdd, replaceAndRemove, addAndRemove] = await Promise.all([
      cli.run([
        'edit',
        ada.id,
        '--title',
        'Lady',
        '--add-email',
        'x@new.example',
        '--remove-email',
        'nobody@x.example',
      ]),
      cli.run([
        '--json',
        'edit',
        ada.id,
        '--remove-phone',
        '+44 20 7946 0000',
        '--remove-url',
        'example.org',
      ]),
      cli.run(['edit', ada.id, '--add-email', 'not-an-email']),
      cli.run(['edit', ada.id, '--email', 'a@b.example', '--add-email', 'c@d.example']),
      cli.run(['edit', ada.id, '--phone', '+44 20 7946 0001', '--remove-phone', '+44 20 7946 0958']),
      cli.run([
        'edit',
        ada.id,
        '--add-url',
        'linkedin.com/in/ada-l',
        '--remove-url',
        ada.urls[0]?.value ?? '',
      ]),
    ]);
    expect(missing).toMatchObject({
      code: 2,
      stdout: '',
      stderr:
        'error: --remove-email: Ada Lovelace has no email address nobody@x.example; ' +
        'theirs: ada@work.example, ada@new.example\n',
    });
    expect(missingJson).toMatchObject({ code: 2, stdout: '' });
    expect(JSON.parse(missingJson.stderr).error).toEqual({
      code: 'validation',
      message:
        '--remove-phone: Ada Lovelace has no phone number +44 20 7946 0000; theirs: +44 20 7946 0958 (and 1 more)',
      details: {
        issues: [
          {
            path: '--remove-phone',
            message: 'Ada Lovelace has no phone number +44 20 7946 0000; theirs: +44 20 7946 0958',
          },
          {
            path: '--remove-url',
            message: 'Ada Lovelace has no URL example.org; theirs: https://www.linkedin.com/in/ada-l',
          },
        ],
      },
    });
    expect(badAdd).toMatchObject({
      code: 2,
      stderr: 'error: --add-email: not-an-email: must be an email address\n',
    });
    expect(replaceAndAdd).toMatchObject({
      code: 2,
      stderr: 'error: --email replaces every email: give it alone, or --add-email/--remove-email\n',
    });
    expect(replaceAndRemove).toMatchObject({
      code: 2,
      stderr: 'error: --phone replaces every phone: give it alone, or --add-phone/--remove-phone\n',
    });
    expect(addAndRemove.code).toBe(2);
    expect(addAndRemove.stderr).toContain('is also given to --remove-url');
    expect(await cli.json<Contact>(['show', ada.id])).toEqual(ada);
  });
});
