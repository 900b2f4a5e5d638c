import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ImportedPerson, LabelledValue, PostalAddress } from '../model';
import { parseContactCsv } from './parse-contact-csv';
import { serializeContactCsv } from './serialize-contact-csv';

const withoutRef = ({ ref: _ref, raw: _raw, ...rest }: ImportedPerson) => rest;
const person = (over: Partial<ImportedPerson>): ImportedPerson => ({
  ref: { file: 'x' },
  emails: [],
  phones: [],
  urls: [],
  addresses: [],
  tags: [],
  extra: {},
  ...over,
});

describe('serializeContactCsv', () => {
  it("writes Google's 2024 header, groups up to the most used, then Connected On and custom field pairs", () => {
    const csv = serializeContactCsv([
      person({
        givenName: 'Ada',
        familyName: 'Quill, PhD',
        emails: [{ value: 'ada@quill.example', label: 'Work' }, { value: 'ada@home.example' }],
        birthday: '--12-25',
        connectedOn: '2024-02-01',
        notes: 'Line one\nLine "two"',
        extra: { 'Met at': 'Lyon', Notes: 'clashes with a standard column' },
      }),
      person({ givenName: 'Bo', phones: [{ value: '+1 555 0100', label: 'Mobile' }] }),
    ]);
    const [header, first, second, end] = csv.split('\r\n');
    expect(header).toBe(
      'First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,Phonetic Last Name,Name Prefix,' +
        'Name Suffix,Nickname,File As,Organization Name,Organization Title,Organization Department,Birthday,Notes,' +
        'Photo,Labels,E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,' +
        'Phone 1 - Value,Connected On,Custom Field 1 - Label,Custom Field 1 - Value,Custom Field 2 - Label,' +
        'Custom Field 2 - Value',
    );
    expect(first).toBe(
      'Ada,,"Quill, PhD",,,,,,,,,,," --12-25","Line one\nLine ""two""",,,Work,ada@quill.example,,ada@home.example,,,' +
        '2024-02-01,Met at,Lyon,Notes,clashes with a standard column',
    );
    expect(second).toBe('Bo,,,,,,,,,,,,,,,,,,,,,Mobile,+1 555 0100,,,,,');
    expect(end).toBe('');
  });

  it("writes custom fields as Google's label/value pairs, and reads them back as they were", () => {
    const people = [
      person({
        givenName: 'Ada',
        extra: {
          Spouse: 'Conor Brennan',
          'Shoe size': '38',
          'Relation 1 - Label': 'a key an older import made',
          'Phonetic First Name': 'Ay-da',
          'Rapport ID': '0193b6c2-0000-7000-8000-000000000001',
        },
      }),
    ];
    const csv = serializeContactCsv(people);
    const [header, row] = csv.split('\r\n');
    expect(header).toMatch(
      /,Custom Field 1 - Label,Custom Field 1 - Value,Custom Field 2 - Label,Custom Field 2 - Value,Custom Field 3 - Label,Custom Field 3 - Value,Rapport ID$/,
    );
    expect(row).toMatch(
      /,Spouse,Conor Brennan,Shoe size,38,Relation 1 - Label,a key an older import made,0193b6c2-0000-7000-8000-000000000001$/,
    );
    expect(parseContactCsv(csv).records.map(withoutRef)).toEqual(people.map(withoutRef));
  });

  it('round-trips a tag named like a Google system label (Android makes "My Contacts" from CATEGORIES)', () => {
    const csv = serializeContactCsv([person({ givenName: 'Ada', tags: ['My Contacts', 'starred', 'VIP'] })]);
    expect(csv).toContain(',My Contacts ::: starred ::: VIP\r\n');
    expect(parseContactCsv(csv).records[0]?.tags).toEqual(['My Contacts', 'starred', 'VIP']);
  });

  it('adds a BOM on request', () => {
    expect(
      serializeContactCsv([person({ givenName: 'A' })], { bom: true }).startsWith('\ufeffFirst Name,'),
    ).toBe(true);
    expect(serializeContactCsv([person({ givenName: 'A' })], { lineEnding: '\n' })).not.toContain('\r');
  });

  it('round-trips: parseContactCsv(serializeContactCsv(people)) gives the same people back', () => {
    // Trimmed, non-empty text with the characters CSV must survive: delimiters, quotes, line ends, accents.
    const text = fc
      .string({ unit: fc.constantFrom(...[...'aZé ßø,;"\'\n\r\t-–…漢😀*:.']), minLength: 1, maxLength: 12 })
      .map((s) => s.trim())
      .filter((s) => s.length > 0 && !s.includes(':::'));
    const label = text.filter((s) => !s.startsWith('*'));
    const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
    const email = fc
      .tuple(
        fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,8}$/),
        fc.stringMatching(/^[a-z0-9-]{1,8}\.[a-z]{2,4}$/),
      )
      .map(([local, domain]) => `${local}@${domain}`);
    const labelled = (value: fc.Arbitrary<string>) =>
      fc
        .record({ value, label: maybe(label) })
        .map(({ value: v, label: l }): LabelledValue => (l ? { value: v, label: l } : { value: v }));
    const day = fc.date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2099-12-31T00:00:00Z'),
      noInvalidDate: true,
    });
    const isoDay = day.map((d) => d.toISOString().slice(0, 10));
    const birthday = fc.oneof(
      isoDay,
      isoDay.map((d) => `--${d.slice(5)}`),
    );
    const address = fc
      .record(
        {
          label: label,
          street: text,
          locality: text,
          region: text,
          postalCode: text,
          country: text,
          poBox: text,
          extended: text,
          formatted: text,
        },
        { requiredKeys: [] },
      )
      .filter((a) => Object.keys(a).some((k) => k !== 'label'))
      .map((a) => a as PostalAddress);
    // Names Google gives its system labels are user tags when written plain, as our export writes every tag.
    const tag = fc.oneof(label, fc.constantFrom('My Contacts', 'myContacts', 'Starred', 'starred'));
    // Extra keys: any custom field name, but for Google's phonetic names, which have columns of their own.
    const extraKey = label.filter((k) => !/^phonetic /i.test(k));
    const people = fc.array(
      fc
        .record(
          {
            givenName: text,
            familyName: maybe(text),
            additionalNames: maybe(text),
            displayName: maybe(text),
            prefix: maybe(text),
            suffix: maybe(text),
            nickname: maybe(text),
            organisation: maybe(text),
            department: maybe(text),
            title: maybe(text),
            notes: maybe(text),
            birthday: maybe(birthday),
            connectedOn: maybe(isoDay),
            photoUrl: maybe(fc.webUrl({ withQueryParameters: true })),
            emails: fc.array(labelled(email), { maxLength: 3 }),
            phones: fc.array(labelled(fc.stringMatching(/^\+?[0-9][0-9 ()-]{2,14}[0-9]$/)), { maxLength: 3 }),
            urls: fc.array(labelled(fc.webUrl()), { maxLength: 2 }),
            addresses: fc.array(address, { maxLength: 2 }),
            dates: fc.array(labelled(birthday), { maxLength: 2 }),
            tags: fc.uniqueArray(tag, { maxLength: 3 }),
            extra: fc.dictionary(extraKey, text, { maxKeys: 3 }),
          },
          { requiredKeys: ['givenName', 'emails', 'phones', 'urls', 'addresses', 'dates', 'tags', 'extra'] },
        )
        .map(({ photoUrl, dates, ...rest }): ImportedPerson => {
          const p: ImportedPerson = { ref: { file: 'generated' }, ...rest };
          for (const key of Object.keys(p) as (keyof ImportedPerson)[])
            if (p[key] === undefined) delete p[key];
          if (photoUrl) p.photo = { kind: 'url', url: photoUrl };
          if (dates.length > 0) p.dates = dates;
          return p;
        }),
      { minLength: 1, maxLength: 4 },
    );
    fc.assert(
      fc.property(people, fc.boolean(), (input, bom) => {
        const csv = serializeContactCsv(input, { bom });
        const { records, issues, format } = parseContactCsv(new TextEncoder().encode(csv));
        expect(issues).toEqual([]);
        expect(format).toBe('google');
        expect(records.map(withoutRef)).toEqual(input.map(withoutRef));
      }),
      { numRuns: 300 },
    );
  });
});
