import { describe, expect, it } from 'vitest';
import {
  channelUnavailable,
  draftCheck,
  linkedinCounter,
  mailtoLink,
  SOURCE_WORDS,
  startFromTemplate,
  startingChannel,
  writtenOutsideWords,
} from './outreach-words';

describe('outreach composer helpers', () => {
  const values = {
    firstName: 'Ada',
    name: 'Ada Lovelace',
    organisation: 'Analytical Engines',
    myName: 'Bram',
  };
  const template = 'Hi {firstName},\n\nThanks for connecting!\n\n{myName}';

  it('renders merge fields and judges the personal line as the server does', () => {
    const bare = draftCheck(template, 'Hello {firstName}', template, values);
    expect(bare.body).toBe('Hi Ada,\n\nThanks for connecting!\n\nBram');
    expect(bare.subject).toBe('Hello Ada');
    expect(bare.personal).toMatchObject({ ok: false, words: 0 });
    expect(bare.personal.reason).toContain('this is the template alone');

    const own = draftCheck(
      `${template}\n\nYour talk at Analytical Engines on looms was wonderful.`,
      '',
      template,
      values,
    );
    expect(own.personal).toMatchObject({ ok: true, line: 'your talk at on looms was wonderful' });
    expect(draftCheck('Hi {first_name}', '{x}', null, values).unknown).toEqual(['first_name', 'x']);
  });

  it('without a template, leaves the pre-filled greeting and sign-off out of the personal line, as the server does', () => {
    const draft = (line: string) => `Hi {firstName},\n\n${line}\n\nBest,\n{myFirstName}`;
    const me = { ...values, myFirstName: 'Bram' };
    const three = draftCheck(draft('Enjoyed your presentation'), '', null, me);
    expect(three.personal).toMatchObject({ ok: false, words: 3, line: 'enjoyed your presentation' });
    expect(three.personal.reason).toContain('beyond the greeting and sign-off and their details');
    const five = draftCheck(draft('Enjoyed your presentation on compilers'), '', null, me);
    expect(five.personal).toMatchObject({ ok: true, words: 5 });
  });

  it('counts against LinkedIn’s limits', () => {
    expect(linkedinCounter(180)).toMatchObject({ note: { over: false }, premium: { over: false } });
    expect(linkedinCounter(250)).toMatchObject({ note: { over: true }, premium: { over: false } });
    expect(linkedinCounter(9000).message.over).toBe(true);
  });

  it('builds a mailto: link with CRLF line breaks', () => {
    expect(mailtoLink('ada@example.test', 'Hi & welcome', 'Line 1\nLine 2')).toBe(
      'mailto:ada@example.test?subject=Hi%20%26%20welcome&body=Line%201%0D%0ALine%202',
    );
    expect(mailtoLink(null, '', '')).toBe('mailto:');
  });
});

describe('where a contact came from', () => {
  it('reads after "connected 25 Nov 2026, " for every source ("added by hand", never "via added by hand")', () => {
    expect(SOURCE_WORDS.web).toBe('added by hand');
    expect(SOURCE_WORDS.linkedin).toBe('via LinkedIn');
    for (const words of Object.values(SOURCE_WORDS)) expect(words).toMatch(/^(via|added|from|through) /);
  });
});

describe('a message started from a template', () => {
  it('leaves room to write on: words typed straight after it start a new sentence', () => {
    const body = startFromTemplate('Thanks for connecting. I saw you work at {organisation}.');
    expect(`${body}Your talk was great.`).toBe(
      'Thanks for connecting. I saw you work at {organisation}. Your talk was great.',
    );
    expect(startFromTemplate('Hi {firstName},\n\n')).toBe('Hi {firstName},\n\n');
    expect(startFromTemplate('')).toBe('');
  });

  it('says how someone was written to outside outreach', () => {
    const at = '2026-11-20T10:00:00.000Z';
    const words = (kind: string, source: string) =>
      writtenOutsideWords({ interactionId: 'i', at, kind, source }, 'Cole Tran');
    expect(words('message', 'rapport')).toMatch(/^You wrote to Cole Tran on .+ \(a message on Rapport\)\.$/);
    expect(words('email', 'cli')).toContain('(an email you logged)');
    expect(words('message', 'linkedin')).toContain('(a message on LinkedIn, from your import)');
  });

  it('offers email sent by Rapport only for someone with an address, and says why not', () => {
    const none = { emails: [], linkedinUrl: null };
    expect(channelUnavailable('email', none, 'Cole')).toBe(
      'Cole has no email address: add one on their page to send from here.',
    );
    expect(channelUnavailable('email', { emails: ['cole@example.test'] }, 'Cole')).toBeNull();
    for (const c of ['linkedin', 'mailto', 'other', 'rapport'] as const)
      expect(channelUnavailable(c, none, 'Cole')).toBeNull();
    // A template's email channel does not start the composer on a choice it cannot take.
    expect(startingChannel('email', none)).toBe('other');
    expect(startingChannel('email', { emails: [], linkedinUrl: 'https://linkedin.com/in/cole' })).toBe(
      'linkedin',
    );
    expect(startingChannel('email', { emails: ['cole@example.test'], linkedinUrl: null })).toBe('email');
  });
});
