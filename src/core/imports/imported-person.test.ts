import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConnections } from '../../formats/linkedin';
import { emptyPerson, type ImportedPerson } from '../../formats/model';
import { cleanPerson, snapshotJson, snapshotOf } from './imported-person';

// The stored snapshot's text as first defined (stringify with a replacer dropping empty lists and objects at any
// depth): re-imports compare stored snapshots as text, so the faster serialiser must give exactly this.
const reference = (p: ImportedPerson) =>
  JSON.stringify(snapshotOf(p), (_key, value) =>
    (Array.isArray(value) && value.length === 0) ||
    (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0)
      ? undefined
      : value,
  );

describe('snapshotJson', () => {
  it('writes the same text as the replacer it replaces, for hand-made records with nested empties too', () => {
    const base = emptyPerson({ file: 'x.vcf', card: 1 });
    const people: ImportedPerson[] = [
      base,
      { ...base, givenName: 'Ada', displayName: 'Ada', raw: 'BEGIN:VCARD', sourceKey: 'k' },
      {
        ...base,
        addresses: [{}],
        extra: { Team: 'Blue' },
        photo: { kind: 'url', url: 'https://x.test/a.png' },
      },
      { ...base, addresses: [{ locality: 'Paris', street: '' }], tags: ['a', 'b'], dates: [] },
      { ...base, emails: [{ value: 'a@b.test', label: 'work' }], phones: [{ value: '+44 20 7946 0000' }] },
      {
        ...base,
        dates: [{ label: 'anniversary', value: '2020-01-02' }],
        connectedOn: '2024-02-07',
        notes: '',
      },
      { ...base, extra: { nested: {} as unknown as string } },
    ];
    for (const p of people) expect(snapshotJson(p)).toBe(reference(p));
  });

  it('writes the same text as the replacer for every person of the LinkedIn fixtures', () => {
    const dir = join(import.meta.dirname, '../../formats/linkedin/fixtures');
    let seen = 0;
    for (const file of readdirSync(dir).filter((f) => f.startsWith('connections-'))) {
      for (const record of parseConnections(readFileSync(join(dir, file))).records) {
        const person = cleanPerson(record).person;
        if (!person) continue;
        expect(snapshotJson(person)).toBe(reference(person));
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(10);
  });
});

describe('cleanPerson', () => {
  it('takes NUL characters out of every text (PostgreSQL cannot store them), with a warning', () => {
    const ref = { file: 'nul.vcf', card: 1 };
    const raw = 'BEGIN:VCARD\r\nFN:Nul\u0000Card\r\nEND:VCARD';
    const { person, issues } = cleanPerson({
      ...emptyPerson(ref),
      displayName: 'Nul\u0000Card',
      notes: 'a\u0000b',
      emails: [{ value: 'nul@example.test', label: 'w\u0000ork' }],
      extra: { 'Te\u0000am': 'Bl\u0000ue' },
      raw,
    });
    expect(person).toMatchObject({
      displayName: 'NulCard',
      notes: 'ab',
      emails: [{ value: 'nul@example.test', label: 'work' }],
      extra: { Team: 'Blue' },
      raw: 'BEGIN:VCARD\r\nFN:NulCard\r\nEND:VCARD',
    });
    expect(issues).toEqual([{ ref, message: 'NUL characters removed from its text', severity: 'warning' }]);
    expect(cleanPerson({ ...emptyPerson(ref), displayName: 'Ada' }).issues).toEqual([]);
  });

  it('never cuts or drops a value without a warning naming its field', () => {
    const ref = { file: 'long.csv', line: 7 };
    const { person, issues } = cleanPerson({
      ...emptyPerson(ref),
      displayName: 'Ada Lovelace',
      notes: `${'Meeting notes. '.repeat(2000)}`,
      title: 't'.repeat(428),
      organisation: 'o'.repeat(560),
      extra: { Long: 'v'.repeat(10_001) },
      tags: ['ok', 'x'.repeat(61), ...Array.from({ length: 55 }, (_, i) => `tag ${i}`)],
      addresses: [{ street: 's'.repeat(501) }, { locality: 'Paris' }],
      dates: [{ value: 'someday', label: 'Met' }],
    });
    expect(person).toMatchObject({
      notes: 'Meeting notes. '.repeat(2000).slice(0, 20_000),
      title: 't'.repeat(200),
      organisation: 'o'.repeat(200),
      extra: { Long: 'v'.repeat(10_000) },
      addresses: [{ locality: 'Paris' }],
      dates: [],
    });
    expect(person?.tags).toHaveLength(50);
    expect(issues.map((i) => [i.ref, i.field, i.severity])).toEqual(
      ['customFields.Long', 'organisation', 'title', 'notes', 'addresses.0', 'dates.0', 'tags', 'tags'].map(
        (field) => [ref, field, 'warning'],
      ),
    );
    expect(issues.find((i) => i.field === 'notes')?.message).toBe(
      'is 29,999 characters long; only the first 20,000 are kept',
    );
  });

  it('keeps the phone numbers and e-mail addresses address books really hold, as written; mailto: comes off', () => {
    const ref = { file: 'phone.vcf', card: 1 };
    const phones = [
      '1-800-FLOWERS',
      '*86',
      '+1 418 656 9254,,102',
      '+1 418 656 9254;ext=102',
      '+1-418-656-9254;ext=102',
      '+1 555 0100 p 12',
    ];
    const emails = ['josé@exämple.de', '用户@例子.广告', 'admin@localhost', '"john doe"@example.org'];
    const { person, issues } = cleanPerson({
      ...emptyPerson(ref),
      displayName: 'Switchboard',
      phones: [...phones, 'call me'].map((value) => ({ value })),
      emails: [...emails, 'MAILTO:pref@example.org', 'nope'].map((value) => ({ value, label: 'work' })),
    });
    expect(person?.phones).toEqual(phones.map((value) => ({ value })));
    expect(person?.emails).toEqual(
      [...emails, 'pref@example.org'].map((value) => ({ value, label: 'work' })),
    );
    expect(issues.map((i) => [i.field, i.message])).toEqual([
      ['emails.5', '"nope" is not a valid email; left out'],
      ['phones.6', '"call me" is not a valid phone; left out'],
    ]);
  });

  it('keeps one address per place, whatever its labels, with what each of them says', () => {
    const { person } = cleanPerson({
      ...emptyPerson({ file: 'two-apps.csv', line: 2 }),
      displayName: 'Wren Halloway',
      addresses: [
        { label: 'Work', street: '7 Test Lane', locality: 'Sampleton', postalCode: 'ZZ1 1ZZ' },
        { label: 'Flat', street: '7 Test Lane', extended: 'Flat 2', locality: 'Sampleton' },
        {
          label: 'Home',
          street: ' 7  test lane. ',
          locality: 'SAMPLETON',
          postalCode: 'zz11zz',
          country: '',
          formatted: '7 Test Lane\nSampleton',
        },
      ],
    });
    expect(person?.addresses).toEqual([
      {
        label: 'Work',
        street: '7 Test Lane',
        locality: 'Sampleton',
        postalCode: 'ZZ1 1ZZ',
        formatted: '7 Test Lane\nSampleton',
      },
      { label: 'Flat', street: '7 Test Lane', extended: 'Flat 2', locality: 'Sampleton' },
    ]);
  });
});
