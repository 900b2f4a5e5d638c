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
  ])('%s → %s', (raw, expected) => {
    expect(normaliseLinkedinUrl(raw)).toBe(expected);
  });
  it.each([['https://www.linkedin.com/company/acme'], ['https://example.com/in/ada'], ['not a url at all']])(
    'rejects %s',
    (raw) => {
      expect(normaliseLinkedinUrl(raw)).toBeNull();
    },
  );
});

describe('normaliseWebUrl', () => {
  it('ignores scheme, www, case of host and trailing slash', () => {
    expect(normaliseWebUrl('https://WWW.Example.com/Path/')).toBe('example.com/Path');
  });
});

describe('normalisePhone', () => {
  it('gives E.164 for international numbers', () => {
    expect(normalisePhone('+44 20 7946 0018')).toBe('+442079460018');
  });
  it('needs a country for national numbers', () => {
    expect(normalisePhone('020 7946 0018')).toBeNull();
    expect(normalisePhone('020 7946 0018', 'GB')).toBe('+442079460018');
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
      tags: ['finance'],
    });
    expect(doc).toEqual({
      sort_key: 'elodie muller',
      search_name: 'elodie muller',
      search_text: 'societe generale cfo elodie sg fr finance met at strasbourg',
    });
  });
});
