import { describe, expect, it } from 'vitest';
import { isEmailAddress, isMailableEmailAddress, isPhoneNumber } from './channel-values';
import { contactCreateInput, emailInput, phoneInput } from './contacts';

// What QA found real address books holding, and losing on import and CardDAV PUT.
const PHONES = [
  '1-800-FLOWERS',
  '*86',
  '#31#',
  '*ASK',
  '+1 418 656 9254,,102',
  '+1 418 656 9254;ext=102',
  '+1-418-656-9254;ext=102',
  '+1 555 0100 p 12',
  '+1 555 0100 w 12',
  '+1 418 656 9254 x102',
  '+1 418 656 9254 ext. 102',
  '+44 (0)20 7946 0018',
  '112',
  '+49\u00a030\u00a012345',
  '0301234567',
];
const EMAILS = [
  'josé@exämple.de',
  '用户@例子.广告',
  'admin@localhost',
  '"john doe"@example.org',
  '"a@b"@example.org',
  '"quote\\"inside"@example.org',
  'taro..yamada.@docomo.ne.jp',
  "o'brien+tag@example.ie",
  'x@xn--bcher-kva.example',
];

describe('phone numbers', () => {
  it.each(PHONES)('takes %s as written', (value) => {
    expect(isPhoneNumber(value)).toBe(true);
    expect(phoneInput.parse({ value: ` ${value} ` })).toEqual({ value });
  });

  it.each([
    'call me',
    'n/a',
    'unknown',
    '',
    '#',
    '---',
    '+1 555 0100\n+1 555 0101',
    'Mobile: 555 0100',
    'x'.repeat(60) + '1'.repeat(5),
  ])('refuses %j', (value) => {
    expect(isPhoneNumber(value)).toBe(false);
    expect(phoneInput.safeParse({ value }).success).toBe(false);
  });
});

describe('e-mail addresses', () => {
  it.each(EMAILS)('takes %s as written', (value) => {
    expect(isEmailAddress(value)).toBe(true);
    expect(emailInput.parse({ value: ` ${value} ` })).toEqual({ value });
  });

  it('takes off a leading mailto:, in any case', () => {
    expect(emailInput.parse({ value: 'mailto:pref@example.org' })).toEqual({ value: 'pref@example.org' });
    expect(emailInput.parse({ value: ' MailTo:pref@example.org' })).toEqual({ value: 'pref@example.org' });
    // Not an address once the prefix is off, and not one with it on.
    expect(emailInput.safeParse({ value: 'mailto:' }).success).toBe(false);
    expect(isEmailAddress('mailto:pref@example.org')).toBe(false);
  });

  it.each([
    'nope',
    '@example.org',
    'ada@',
    'ada@@example.org',
    'a@b@example.org',
    'john doe@example.org',
    'ada@example.org, bob@example.org',
    'Ada <ada@example.org>',
    '<ada@example.org>',
    'ada@exa mple.org',
    'ada\t@example.org',
    'ada@example.org\n',
    'ada\u0000@example.org',
    'ada\u0085@example.org',
    'ada@\ud800example.org',
    '""@example.org',
    '"unclosed@example.org',
    `${'a'.repeat(310)}@example.org`,
  ])('refuses %j', (value) => {
    expect(isEmailAddress(value)).toBe(false);
  });

  it('mails only addresses without a quoted local part', () => {
    expect(isMailableEmailAddress('josé@exämple.de')).toBe(true);
    expect(isMailableEmailAddress('admin@localhost')).toBe(true);
    expect(isMailableEmailAddress('"john doe"@example.org')).toBe(false);
    expect(isMailableEmailAddress('nope')).toBe(false);
  });
});

describe('a contact', () => {
  it('takes every such phone and e-mail address, as the API and the web app send them', () => {
    const parsed = contactCreateInput.parse({
      displayName: 'Switchboard',
      phones: PHONES.slice(0, 20).map((value) => ({ value })),
      emails: [...EMAILS.slice(0, 4), 'mailto:pref@example.org'].map((value) => ({ value })),
    });
    expect(parsed.phones?.map((p) => p.value)).toEqual(PHONES.slice(0, 20));
    expect(parsed.emails?.map((e) => e.value)).toEqual([...EMAILS.slice(0, 4), 'pref@example.org']);
  });
});
