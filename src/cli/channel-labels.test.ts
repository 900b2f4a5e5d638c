import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from '../contracts/contacts';
import { labelledValue } from './contact-flags';
import { type Cli, tempCli } from './testing';

// Each spawn is a real `node bin/rapport.js` (~0.5–1 s); the tests below share one contact and run in order.
const SLOW = 120_000;

const channels = (c: Contact) => ({
  emails: c.emails.map(({ value, label, source }) => ({ value, label, source })),
  phones: c.phones.map(({ value, label, source }) => ({ value, label, source })),
  urls: c.urls.map(({ value, label, source }) => ({ value, label, source })),
});

describe('a label after an email, phone or URL flag, in brackets as show prints it', () => {
  it('reads the last bracket after a space with a letter in it; brackets inside a value stay', () => {
    expect(labelledValue('+44 20 7946 0000 (mobile)')).toEqual({
      value: '+44 20 7946 0000',
      label: 'mobile',
    });
    expect(labelledValue('  ana@acme.example   ( work ) ')).toEqual({
      value: 'ana@acme.example',
      label: 'work',
    });
    expect(labelledValue('+44 (0)20 7946 0000 (Work Fax)')).toEqual({
      value: '+44 (0)20 7946 0000',
      label: 'Work Fax',
    });
    for (const whole of [
      '+44 (0)20 7946 0000',
      '+1 212 555 0100 (42)',
      '+1 212 555 0100 (ext. 42)',
      '+1 212 555 0100 (x42)',
      'en.wikipedia.org/wiki/Ada_(programming_language)',
      '(work)',
    ])
      expect(labelledValue(whole)).toEqual({ value: whole });
  });
});

describe('rapport add and edit: --phone/--email/--url and --add-… "value (label)"', () => {
  let cli: Cli;
  let ada: Contact;
  beforeAll(async () => {
    cli = await tempCli();
    await cli.createAccount('me@example.test', 'Me');
  }, SLOW);
  afterAll(async () => {
    await cli.cleanup();
  });

  it('add labels the values given with one', { timeout: SLOW }, async () => {
    ada = await cli.json<Contact>([
      'add',
      'Ada Lovelace',
      '--phone',
      '+44 20 7946 0958 (mobile)',
      '--phone',
      '+44 (0)20 7946 0000',
      '--email',
      'ada@work.example (work)',
      '--url',
      'en.wikipedia.org/wiki/Ada_(programming_language)',
    ]);
    expect(channels(ada)).toEqual({
      emails: [{ value: 'ada@work.example', label: 'work', source: 'cli' }],
      phones: [
        { value: '+44 20 7946 0958', label: 'mobile', source: 'cli' },
        { value: '+44 (0)20 7946 0000', label: null, source: 'cli' },
      ],
      urls: [
        { value: 'https://en.wikipedia.org/wiki/Ada_(programming_language)', label: null, source: 'cli' },
      ],
    });
  });

  it('edit --add-… adds with a label, relabels one already there, and removes one as show prints it', {
    timeout: SLOW,
  }, async () => {
    ada = await cli.json<Contact>([
      'edit',
      ada.id,
      '--add-phone',
      '+1 212 555 0100 (work)',
      '--add-phone',
      '+1 212 555 0199 (ext. 42)',
      '--add-email',
      'ada@home.example (home)',
      '--add-url',
      'linkedin.com/in/ada-l (LinkedIn)',
    ]);
    expect(channels(ada)).toEqual({
      emails: [
        { value: 'ada@work.example', label: 'work', source: 'cli' },
        { value: 'ada@home.example', label: 'home', source: 'cli' },
      ],
      phones: [
        { value: '+44 20 7946 0958', label: 'mobile', source: 'cli' },
        { value: '+44 (0)20 7946 0000', label: null, source: 'cli' },
        { value: '+1 212 555 0100', label: 'work', source: 'cli' },
        { value: '+1 212 555 0199 (ext. 42)', label: null, source: 'cli' },
      ],
      urls: [
        { value: 'https://en.wikipedia.org/wiki/Ada_(programming_language)', label: null, source: 'cli' },
        { value: 'https://www.linkedin.com/in/ada-l', label: 'LinkedIn', source: 'cli' },
      ],
    });
    const shown = (await cli.run(['show', ada.id])).stdout;
    expect(shown).toContain('+1 212 555 0100 (work)');

    // A number already there, written another way, takes the label given; one copied from show goes.
    ada = await cli.json<Contact>([
      'edit',
      ada.id,
      '--add-phone',
      '+442079460000 (office)',
      '--remove-phone',
      '+1 212 555 0100 (work)',
    ]);
    expect(channels(ada).phones).toEqual([
      { value: '+44 20 7946 0958', label: 'mobile', source: 'cli' },
      { value: '+44 (0)20 7946 0000', label: 'office', source: 'cli' },
      { value: '+1 212 555 0199 (ext. 42)', label: null, source: 'cli' },
    ]);
    // The same label again is no change: nothing written.
    const same = await cli.json<Contact>(['edit', ada.id, '--add-phone', '+44 20 7946 0000 (office)']);
    expect(same).toEqual(ada);
  });
});
