import { describe, expect, it } from 'vitest';
import {
  deriveDisplayName,
  normaliseLinkedinUrl,
  normalisePhone,
  normaliseWebUrl,
  searchDoc,
} from './contact';

describe('normaliseLinkedinUrl', () => {
  it.each([
    ['https://www.linkedin.com/in/ada-lovelace', 'https://www.linkedin.com/in/ada-lovelace'],
    ['https://www.linkedin.com/in/Ada-Lovelace/', 'https://www.linkedin.com/in/ada-lovelace'],
    ['http://uk.linkedin.com/in/ada-lovelace?trk=profile', 'https://www.linkedin.com/in/ada-lovelace'],
    ['www.linkedin.com/in/ada-lovelace/en', 'https://www.linkedin.com/in/ada-lovelace'],
    ['linkedin.com/in/%C3%A9lodie-m', 'https://www.linkedin.com/in/%C3%A9lodie-m'],
    ['https://www.linkedin.com/in/ÉLODIE-M', 'https://www.linkedin.com/in/%C3%A9lodie-m'],
    // Canonical-looking URLs take a shortcut past the URL parser; dot segments must still resolve as it does.
    ['https://www.linkedin.com/in/ada.lovelace_1/', 'https://www.linkedin.com/in/ada.lovelace_1'],
    ['https://www.linkedin.com/in/./ada-lovelace', 'https://www.linkedin.com/in/ada-lovelace'],
  ])('%s → %s', (raw, expected) => {
    expect(normaliseLinkedinUrl(raw)).toBe(expected);
  });
  it.each([
    ['https://www.linkedin.com/company/acme'],
    ['https://example.com/in/ada'],
    ['not a url at all'],
    ['https://www.linkedin.com/in/..'],
    ['https://www.linkedin.com/in/.'],
  ])('rejects %s', (raw) => {
    expect(normaliseLinkedinUrl(raw)).toBeNull();
  });
});

describe('normaliseWebUrl', () => {
  it('ignores scheme, www, case of host and trailing slash', () => {
    expect(normaliseWebUrl('https://WWW.Example.com/Path/')).toBe('example.com/Path');
  });
});

describe('normalisePhone', () => {
  it('gives E.164 for international numbers', () => {
    expect(normalisePhone('+44 20 7946 0018', null)).toBe('+442079460018');
    // An international number stays itself whatever the account's country.
    expect(normalisePhone('+44 20 7946 0018', 'FR')).toBe('+442079460018');
  });
  it("reads national numbers in the account's country, and only there", () => {
    expect(normalisePhone('020 7946 0018', null)).toBeNull();
    expect(normalisePhone('020 7946 0018', 'GB')).toBe('+442079460018');
    expect(normalisePhone('01 42 68 53 00', 'FR')).toBe('+33142685300');
    // The international call prefix of the country is understood too.
    expect(normalisePhone('00 44 20 7946 0018', 'FR')).toBe('+442079460018');
    expect(normalisePhone('12', 'GB')).toBeNull();
  });
});

describe('deriveDisplayName', () => {
  it('prefers what the owner typed, then the full name, then organisation, then email', () => {
    expect(deriveDisplayName({ displayName: 'Ada', givenName: 'Augusta' })).toBe('Ada');
    expect(deriveDisplayName({ givenName: 'Ada', familyName: 'Lovelace' })).toBe('Ada Lovelace');
    expect(deriveDisplayName({ organisation: 'Acme' })).toBe('Acme');
    expect(deriveDisplayName({ email: 'a@b.io' })).toBe('a@b.io');
    expect(deriveDisplayName({})).toBeNull();
  });
});

describe('searchDoc', () => {
  it('folds names apart from the other fields', () => {
    const doc = searchDoc({
      displayName: 'Élodie Müller',
      givenName: 'Élodie',
      familyName: 'Müller',
      organisation: 'Société Générale',
      title: 'CFO',
      location: null,
      howWeMet: null,
      notes: 'Met at Strasbourg',
      emails: ['elodie@sg.fr'],
      phones: [],
      tags: ['finance'],
    });
    expect(doc).toEqual({
      sort_key: 'elodie muller',
      // Müller is found as Mueller too (ADR 0027); the sort stays on the plain words.
      search_name: 'elodie muller mueller',
      search_text: 'societe generale cfo elodie sg fr finance met at strasbourg',
    });
  });
});
