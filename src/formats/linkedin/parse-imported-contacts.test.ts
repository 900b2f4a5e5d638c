import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseImportedContacts } from './parse-imported-contacts';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const HEADER_2025 =
  'FirstName,MiddleName,LastName,MaidenName,NickName,NamePrefix,NameSuffix,Title,Emails,PhoneNumbers,CreatedAt,UpdatedAt,CountryCode,RegionCode,ThirdPartyVerified,Location';

describe('parseImportedContacts', () => {
  it('reads the 2025 ImportedContacts.csv: every name part, several emails and phones, no dates, no connection', () => {
    const file = 'imported-contacts-2025.csv';
    const { records, issues } = parseImportedContacts(fixture(file), { file });
    expect(issues).toEqual([]);
    expect(records[0]).toEqual({
      ref: { file, line: 2 },
      givenName: 'Rosa',
      additionalNames: 'María',
      familyName: 'Quintero',
      nickname: 'Rosita',
      prefix: 'Dr.',
      suffix: 'PhD',
      title: 'Data Engineer',
      location: 'San Francisco, CA',
      emails: [{ value: 'rosa@quintero.example' }, { value: 'rq@work.example' }],
      phones: [{ value: '+1 415 555 0100' }, { value: '+44 20 7946 0000' }],
      urls: [],
      addresses: [],
      tags: [],
      extra: { MaidenName: 'Vidal' },
    });
    // No connected-on, no source key: an address-book entry is not a LinkedIn connection.
    expect(records.every((r) => r.connectedOn === undefined && r.sourceKey === undefined)).toBe(true);
    // A number written the national way is put in international form from the row's country code.
    expect(records[1]).toMatchObject({ givenName: 'Hana', phones: [{ value: '+49 30 1234567' }] });
    // Someone known only by a nickname is called by it.
    expect(records[2]).toMatchObject({ displayName: 'Bo', emails: [{ value: 'bo@bo.example' }] });
  });

  it('splits multi-valued cells on commas, semicolons and line breaks, with labels, brackets and display names', () => {
    const file = 'imported-contacts-multi-value.csv';
    const { records, issues } = parseImportedContacts(fixture(file), { file });
    expect(issues).toEqual([]);
    expect(records.map((r) => [r.givenName, r.ref.line, r.emails, r.phones])).toEqual([
      [
        'Leo',
        2,
        [{ value: 'leo@marsh.example' }, { value: 'leo.m@work.example' }],
        [{ value: '+1 212 555 0101' }, { value: '+1 212 555 0102' }],
      ],
      [
        'Tomás',
        3,
        [
          { value: 'tomas@ferreira.example', label: 'Work' },
          { value: 't.ferreira@home.example', label: 'Home' },
        ],
        [
          { value: '+351 912 345 678', label: 'Mobile' },
          { value: '+351 213 456 789', label: 'Work' },
        ],
      ],
      ['Ines', 4, [{ value: 'ines@okafor.example' }], []],
      [
        'Yan',
        5,
        [{ value: 'yan@park.example' }, { value: 'yan.park@second.example' }],
        [{ value: '+82 2 312 3456' }, { value: '+82 10 1234 5678' }],
      ],
    ]);
  });

  it('reads the older Contacts.csv: companies, sites, full name, birthday, and a source key only from a profile URL', () => {
    const file = 'contacts-2019-old-header.csv';
    const { records, issues } = parseImportedContacts(fixture(file), { file });
    expect(issues).toEqual([]);
    expect(records[0]).toEqual({
      ref: { file, line: 2 },
      givenName: 'Chen',
      familyName: 'Wu',
      organisation: 'Quill & Sons, Ltd',
      title: 'Head of Design',
      location: 'New York, NY',
      birthday: '1985-06-30',
      emails: [{ value: 'chen@quill.example' }],
      phones: [{ value: '+1 646 555 0123' }],
      urls: [
        { value: 'https://www.linkedin.com/in/Chen-Wu-42/', label: 'LinkedIn' },
        { value: 'https://chen.example', label: 'Personal' },
        { value: 'https://blog.chen.example', label: 'Blog' },
      ],
      addresses: [{ formatted: '12 Harbour Road, Springfield' }],
      tags: [],
      extra: { InstantMessageHandles: 'skype:chenwu' },
      sourceKey: 'https://www.linkedin.com/in/chen-wu-42',
    });
    expect(records[1]).toMatchObject({ displayName: 'Dr. Amara Diallo', givenName: 'Amara' });
    expect(records[1]?.sourceKey).toBeUndefined();
    expect(records[2]).toMatchObject({
      displayName: 'Sol Reyes',
      birthday: '--07-04',
      phones: [{ value: '+1 303 555 0199' }],
    });
  });

  it('takes a BOM, CRLF line ends and no final newline', () => {
    const file = 'imported-contacts-bom-crlf.csv';
    const { records, issues } = parseImportedContacts(fixture(file), { file });
    expect(issues).toEqual([]);
    expect(records.map((r) => [r.givenName, r.familyName, r.location, r.ref.line])).toEqual([
      ['Nia', 'Brandt', 'Berlin', 2],
      ['Ole', 'Hansen', 'Oslo, Norway', 3],
    ]);
  });

  it('reports each bad row with its line and keeps every good one', () => {
    const file = 'imported-contacts-bad-rows.csv';
    const { records, issues } = parseImportedContacts(fixture(file), { file });
    expect(records.map((r) => [r.givenName, r.ref.line, r.emails.length, r.phones.length])).toEqual([
      ['Pia', 3, 0, 0],
      ['Kai', 5, 1, 0],
      ['Vera', 7, 1, 0],
    ]);
    expect(issues).toEqual([
      {
        ref: { file, line: 2 },
        message: 'row has no name, e-mail address, phone number or profile; not imported',
        severity: 'error',
      },
      {
        ref: { file, line: 3 },
        field: 'Emails',
        message: '"not-an-email" is not an e-mail address; the row is kept without it',
        severity: 'warning',
      },
      {
        ref: { file, line: 3 },
        field: 'PhoneNumbers',
        message: '"n/a" is not a phone number; the row is kept without it',
        severity: 'warning',
      },
      {
        ref: { file, line: 5 },
        message: 'row has 17 cells but the header has 16; the cells past the last column are ignored',
        severity: 'warning',
      },
    ]);
  });

  it('gives nothing, without complaint, for a file with only its header', () => {
    expect(parseImportedContacts(fixture('imported-contacts-header-only.csv'))).toEqual({
      records: [],
      issues: [],
    });
  });

  it('says what it expected of an empty file or one that is not an address book', () => {
    for (const input of ['', new Uint8Array(), 'First Name,Last Name,Connected On\nAda,L,01 Jan 2024\n']) {
      const { records, issues } = parseImportedContacts(input, { file: 'Contacts.csv' });
      expect(records).toEqual([]);
      expect(issues).toEqual([
        {
          ref: { file: 'Contacts.csv', line: 1 },
          message:
            'no header row found: expected a row with "FirstName" and "Emails" (is this ImportedContacts.csv or Contacts.csv?)',
          severity: 'error',
        },
      ]);
    }
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.boolean(), (body, withHeader) => {
        const { records, issues } = parseImportedContacts(withHeader ? `${HEADER_2025}\n${body}` : body);
        expect(Array.isArray(records) && Array.isArray(issues)).toBe(true);
      }),
      { numRuns: 500 },
    );
    // Cells built from the separators and prefixes the splitters look at.
    const cell = fc.stringMatching(/^[a-z@.,; <>[\]:+\d\n"-]{0,40}$/);
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 18 }), (cells) => {
        const row = cells.map((c) => `"${c.replaceAll('"', '""')}"`).join(',');
        const { records } = parseImportedContacts(`${HEADER_2025}\n${row}\n`);
        for (const r of records) expect(r.connectedOn).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });
});
