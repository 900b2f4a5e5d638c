import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseContactCsv } from './parse-contact-csv';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const parse = (name: string, options = {}) => parseContactCsv(fixture(name), { file: name, ...options });

describe('parseContactCsv: Google', () => {
  it('reads the 2024 format: ::: multi-values, * primary marker, labels minus system groups, --MM-DD, photo URL', () => {
    const { records, format, encoding, delimiter } = parse('google-2024.csv');
    expect([format, encoding, delimiter]).toEqual(['google', 'utf-8', ',']);
    expect(records[0]).toEqual({
      ref: { file: 'google-2024.csv', line: 2 },
      givenName: 'Renée',
      familyName: 'Fontaine',
      suffix: 'PhD',
      nickname: 'Ren',
      organisation: 'Atelier Fontaine, SARL',
      title: 'Directrice',
      birthday: '--12-25',
      notes: 'Met at the "Lyon" fair.\nLikes trains.',
      photo: { kind: 'url', url: 'https://lh3.googleusercontent.com/contacts/AbC123' },
      tags: ['Friends', 'Lyon'],
      emails: [
        { value: 'renee@fontaine.example', label: 'Work' },
        { value: 'r.fontaine@fontaine.example', label: 'Work' },
        { value: 'renee.home@example.org', label: 'Home' },
      ],
      phones: [
        { value: '+33 6 12 34 56 78', label: 'Mobile' },
        { value: '+33 4 72 00 00 00', label: 'Mobile' },
      ],
      addresses: [
        {
          label: 'Work',
          formatted: '12 rue des Canuts\n69004 Lyon\nFrance',
          street: '12 rue des Canuts',
          locality: 'Lyon',
          postalCode: '69004',
          country: 'France',
        },
      ],
      urls: [{ value: 'https://www.linkedin.com/in/renee-fontaine', label: 'Profile' }],
      dates: [{ value: '2015-06-20', label: 'Anniversary' }],
      // Relation and custom field pairs: one field each, named by the label.
      extra: { Spouse: 'Marc', 'Met via': 'Lyon fair' },
    });
  });

  it('reads Relation and Custom Field label/value pairs as one field named by the label', () => {
    const csv = [
      'First Name,Relation 1 - Label,Relation 1 - Value,Relation 2 - Label,Relation 2 - Value,' +
        'Custom Field 1 - Label,Custom Field 1 - Value,Custom Field 2 - Label,Custom Field 2 - Value,' +
        'Custom Field 3 - Label,Custom Field 3 - Value',
      'Ada,Spouse,Conor Brennan,,Bo Brennan,Shoe size,38,Shoe size,39,Left empty,',
    ].join('\n');
    const { records, issues } = parseContactCsv(csv);
    expect(issues).toEqual([]);
    // A value without a label keeps the pair's name; a label without a value is nothing to keep.
    expect(records[0]?.extra).toEqual({
      Spouse: 'Conor Brennan',
      'Relation 2': 'Bo Brennan',
      'Shoe size': '38',
      'Shoe size (2)': '39',
    });
    // The format before 2024 names the label column Type.
    const legacy =
      'Name,Given Name,Relation 1 - Type,Relation 1 - Value\nAda Brennan,Ada,Spouse,Conor Brennan\n';
    expect(parseContactCsv(legacy).records[0]?.extra).toEqual({ Spouse: 'Conor Brennan' });
  });

  it('reports a bad e-mail with file, line and column, keeps that contact, and skips a row with no one in it', () => {
    const { records, issues } = parse('google-2024.csv');
    // The first record spans lines 2–5 (newlines in Notes and the formatted address).
    expect(records[1]).toMatchObject({
      ref: { line: 6 },
      displayName: 'Mensah, Kwame',
      birthday: '1984-03-09',
      emails: [],
      phones: [{ value: '020 7946 0000' }],
      tags: [],
    });
    expect(issues).toEqual([
      {
        ref: { file: 'google-2024.csv', line: 6 },
        field: 'E-mail 1 - Value',
        message: '"kwame at example" is not an e-mail address; the contact is kept without it',
        severity: 'warning',
      },
      {
        ref: { file: 'google-2024.csv', line: 7 },
        message: 'row has no name, organisation, e-mail address, phone or web address; not imported',
        severity: 'error',
      },
    ]);
  });

  it('reads the format before 2024 in UTF-16LE with a BOM: Type columns, Group Membership, Organization 1', () => {
    const { records, issues, format, encoding } = parse('google-legacy-utf16le.csv');
    expect([format, encoding, issues]).toEqual(['google-legacy', 'utf-16le', []]);
    expect(records).toEqual([
      {
        ref: { file: 'google-legacy-utf16le.csv', line: 2 },
        displayName: 'Jürgen Weiß',
        givenName: 'Jürgen',
        familyName: 'Weiß',
        birthday: '1979-11-02',
        organisation: 'Landesvermessung',
        title: 'Kartograf',
        tags: ['Wanderfreunde'],
        emails: [{ value: 'juergen@weiss.example', label: 'Home' }],
        phones: [
          { value: '+49 171 0000000', label: 'Mobile' },
          { value: '+49 30 0000001', label: 'Work Fax' },
        ],
        addresses: [
          {
            label: 'Home',
            street: 'Lindenstraße 5',
            locality: 'Görlitz',
            postalCode: '02826',
            country: 'Deutschland',
          },
        ],
        urls: [{ value: 'https://weiss.example/blog', label: 'Blog' }],
        extra: { Occupation: 'Cartographer', 'Organization 1 - Type': 'Other' },
      },
    ]);
  });

  it("drops only Google's marked system labels: a plain My Contacts is a label someone chose", () => {
    const tags = (header: string, row: string) => {
      const { records, format } = parseContactCsv(`${header}\n${row}\n`, { file: 'l.csv' });
      return [format, records[0]?.tags];
    };
    // 2024 exports: `* myContacts`, `* starred`; before 2024: `* My Contacts`, `* Starred`, `System Group: …`.
    expect(
      tags(
        'First Name,Last Name,Labels,E-mail 1 - Label,E-mail 1 - Value',
        'Ada,L,* myContacts ::: * starred ::: My Contacts ::: starred ::: Friends,,',
      ),
    ).toEqual(['google', ['My Contacts', 'starred', 'Friends']]);
    expect(
      tags(
        'Name,Given Name,Family Name,Group Membership,E-mail 1 - Type,E-mail 1 - Value',
        'Ada L,Ada,L,* My Contacts ::: * Starred ::: System Group: My Contacts ::: My Contacts,,',
      ),
    ).toEqual(['google-legacy', ['My Contacts']]);
    // Google's Outlook CSV writes the ids bare in Categories; a category named as people would is kept.
    const outlook = new TextDecoder()
      .decode(fixture('google-outlook.csv'))
      .replace('myContacts;starred;Arquitectura', 'myContacts;starred;My Contacts;Arquitectura');
    expect(parseContactCsv(outlook, { file: 'o.csv' }).records[0]?.tags).toEqual([
      'My Contacts',
      'Arquitectura',
    ]);
  });

  it('keeps every e-mail address an address book holds (Unicode, dotless, quoted), and one after mailto:', () => {
    const csv = [
      'First Name,E-mail 1 - Label,E-mail 1 - Value',
      'Ada,Work,josé@exämple.de ::: 用户@例子.广告 ::: admin@localhost',
      'Bo,Home,"""john doe""@example.org ::: mailto:pref@example.org ::: not an address"',
      '',
    ].join('\n');
    const { records, issues } = parseContactCsv(csv, { file: 'e.csv' });
    expect(records.map((r) => r.emails.map((e) => e.value))).toEqual([
      ['josé@exämple.de', '用户@例子.广告', 'admin@localhost'],
      // The import takes mailto: off (cleanPerson, by the contract's rule).
      ['"john doe"@example.org', 'mailto:pref@example.org'],
    ]);
    expect(issues.map((i) => i.message)).toEqual([
      '"not an address" is not an e-mail address; the contact is kept without it',
    ]);
  });
});

describe('parseContactCsv: Outlook', () => {
  it('reads the desktop export: windows-1252, all quoted, 92 fields, EX address skipped, Categories, filler dropped', () => {
    const { records, issues, format, encoding } = parse('outlook-desktop-1252.csv');
    expect([format, encoding]).toEqual(['outlook', 'windows-1252']);
    expect(records).toEqual([
      {
        ref: { file: 'outlook-desktop-1252.csv', line: 2 },
        prefix: 'Ms.',
        givenName: 'Zoë',
        familyName: 'Ñúñez',
        organisation: 'Café Ñandú, S.L.',
        title: 'Gerente',
        birthday: '1980-05-13',
        notes: 'Prefers “café con leche” – €2.50',
        tags: ['Clients', 'VIP'],
        emails: [{ value: 'zoe@cafe-nandu.example' }],
        phones: [
          { value: '+34 910 000 000', label: 'Work' },
          { value: '+34 910 000 009', label: 'Home Fax' },
          { value: '+34 600 000 000', label: 'Mobile' },
        ],
        addresses: [
          {
            label: 'Work',
            street: 'Calle Mayor 1\nPlanta 2',
            locality: 'Madrid',
            postalCode: '28013',
            country: 'España',
          },
        ],
        urls: [{ value: 'https://cafe-nandu.example' }],
        extra: { Hobby: 'Tango' },
      },
    ]);
    expect(issues).toEqual([
      {
        ref: { file: 'outlook-desktop-1252.csv', line: 2 },
        field: 'E-mail 2 Address',
        message: 'an Exchange (X.500) address, not an e-mail address; skipped',
        severity: 'warning',
      },
    ]);
  });

  it('reads a Polish export saved as windows-1250: Ł, ą, ż come back, not £, ¹, ¿', () => {
    const { records, issues, format, encoding } = parse('outlook-desktop-1250.csv');
    expect([format, encoding, issues]).toEqual(['outlook', 'windows-1250', []]);
    expect(records.map((r) => [r.givenName, r.familyName, r.organisation, r.title])).toEqual([
      ['Łukasz', 'Żółć', 'Spółka Łódź', 'Kierownik działu'],
      ['Zofia', 'Wąsowicz', 'Urząd Gminy', 'Księgowa'],
    ]);
  });

  it('reads a German export: localised headers, ";" delimiter, windows-1252, day-first dates', () => {
    const { records, issues, format, delimiter } = parse('outlook-desktop-de.csv');
    expect([format, delimiter]).toEqual(['outlook', ';']);
    expect(records[0]).toMatchObject({
      prefix: 'Herr',
      givenName: 'Günther',
      familyName: 'Müller-Lüdenscheidt',
      organisation: 'Müller & Söhne; Bäckerei',
      title: 'Bäckermeister',
      birthday: '1971-05-13',
      dates: [{ value: '1999-06-01', label: 'Anniversary' }],
      tags: ['Lieferanten', 'Köln'],
      emails: [{ value: 'guenther@mueller-soehne.example' }],
      addresses: [
        {
          label: 'Work',
          street: 'Hauptstraße 7',
          locality: 'Köln',
          postalCode: '50667',
          country: 'Deutschland',
        },
      ],
      extra: {},
    });
    expect(issues.map((i) => [i.field, i.message])).toEqual([
      ['E-Mail 2: Adresse', 'an Exchange (X.500) address, not an e-mail address; skipped'],
    ]);
  });

  it('reads a French export (localised headers, day-first dates)', () => {
    const header = [
      'Titre',
      'Prénom',
      'Nom',
      'Société',
      'Fonction',
      'Adresse de messagerie',
      'Type de messagerie',
      'Anniversaire',
      'Catégories',
      'Tél. mobile',
    ];
    const row = [
      'M.',
      'Étienne',
      'Lefèvre',
      'Boulangerie Lefèvre',
      'Gérant',
      'etienne@lefevre.example',
      'SMTP',
      '03/02/1975',
      'Fournisseurs',
      '+33 6 00 00 00 00',
    ];
    const text = `${header.map((h) => `"${h}"`).join(';')}\r\n${row.map((c) => `"${c}"`).join(';')}\r\n`;
    const { records, format } = parseContactCsv(new Uint8Array(iconv.encode(text, 'windows-1252')));
    expect(format).toBe('outlook');
    expect(records[0]).toMatchObject({
      prefix: 'M.',
      givenName: 'Étienne',
      familyName: 'Lefèvre',
      organisation: 'Boulangerie Lefèvre',
      title: 'Gérant',
      emails: [{ value: 'etienne@lefevre.example' }],
      birthday: '1975-02-03',
      tags: ['Fournisseurs'],
      phones: [{ value: '+33 6 00 00 00 00', label: 'Mobile' }],
    });
  });

  it('says why a birthday could not be read: a day the calendar lacks, or a date either way round', () => {
    const text =
      'First Name,Last Name,Birthday,E-mail 1 - Value,Labels\n' +
      'Ada,Leap,1990-02-29,ada@leap.example,* myContacts\n' +
      'Bo,Either,3/4/1990,bo@either.example,* myContacts\n' +
      'Cy,Word,soon,cy@word.example,* myContacts\n';
    const { records, issues } = parseContactCsv(new TextEncoder().encode(text), { file: 'google.csv' });
    expect(records.map((r) => r.birthday)).toEqual([undefined, undefined, undefined]);
    expect(issues.map((i) => [i.ref.line, i.message])).toEqual([
      [2, '"1990-02-29" is not a day of the calendar; the contact is kept without a birthday'],
      [
        3,
        '"3/4/1990" could be 4 March or 3 April: choose the country your numbers and dates are written in ' +
          '(Settings, phone numbers) and import again; the contact is kept without a birthday',
      ],
      [4, '"soon" is not a date we can read; the contact is kept without a birthday'],
    ]);
  });

  it('reads the Outlook.com export', () => {
    const { records, issues, format } = parse('outlook-com.csv');
    expect([format, issues]).toEqual(['outlook-com', []]);
    expect(records[0]).toMatchObject({
      givenName: 'Aiko',
      familyName: 'Tanaka',
      organisation: 'Tanaka Films',
      title: 'Producer',
      birthday: '1990-07-04',
      emails: [{ value: 'aiko@tanaka.example' }, { value: 'aiko.t@example.jp' }],
      phones: [{ value: '+81 90 0000 0000', label: 'Mobile' }],
      urls: [{ value: 'https://aiko.example', label: 'Personal' }],
      extra: { IMAddress: 'aiko@im.example', Spouse: 'Ren' },
    });
  });

  it("reads Google's Outlook CSV: Categories without Google's system groups", () => {
    const { records, format } = parse('google-outlook.csv');
    expect(format).toBe('google-outlook');
    expect(records[0]).toMatchObject({
      givenName: 'Lucía',
      tags: ['Arquitectura'],
      addresses: [{ label: 'Home', locality: 'Ciudad de México', country: 'México' }],
    });
  });
});

describe('parseContactCsv: Thunderbird', () => {
  it('reads the trailing comma and Birth Year/Month/Day; an impossible date is a warning', () => {
    const { records, issues, format } = parse('thunderbird.csv');
    expect(format).toBe('thunderbird');
    expect(records.map((r) => [r.ref.line, r.displayName, r.emails.length, r.birthday, r.extra])).toEqual([
      [2, 'Søren K.', 2, '--05-05', { 'Custom 1': 'Tea, not coffee' }],
      [3, undefined, 1, undefined, {}],
    ]);
    expect(records[0]?.addresses).toEqual([
      { label: 'Work', street: 'Nytorv 2', locality: 'København', postalCode: '1450', country: 'Danmark' },
    ]);
    expect(issues).toEqual([
      {
        ref: { file: 'thunderbird.csv', line: 3 },
        field: 'Birth Year/Month/Day',
        message: '1990-2-30 is not a date; the contact is kept without a birthday',
        severity: 'warning',
      },
    ]);
  });
});

describe('parseContactCsv: generic files and mappings', () => {
  it('without a mapping: no records, an issue that says so, and a preview to build one', () => {
    const { records, issues, format, preview } = parse('generic.csv');
    expect(format).toBe('generic');
    expect(records).toEqual([]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ ref: { file: 'generic.csv', line: 1 }, severity: 'error' });
    expect(issues[0]?.message).toContain('column mapping');
    expect(preview).toEqual({
      headers: ['Vorname', 'Surname', 'Mail', 'Handy', 'Firma', 'Kennt uns seit', 'Lieblingsfarbe'],
      rows: [
        ['Pia', 'Schulz', 'pia@schulz.example', '+49 151 0000000', 'Schulz GmbH', '2019-04-01', 'grün'],
        ['Ole', 'Hansen', 'ole@hansen.example; o.hansen@example.org', '', 'Hansen ApS', '01.02.2020', 'blau'],
        ['Eva', 'Kraus', 'not-an-email', '', '', '', ''],
      ],
      suggestedMapping: {
        Vorname: 'givenName',
        Surname: 'familyName',
        Mail: 'email',
        Handy: 'phone',
        Firma: 'organisation',
      },
    });
  });

  it('with a mapping: mapped columns land in their fields, the rest in extra, bad values are issues', () => {
    const { records, issues } = parse('generic.csv', {
      mapping: {
        vorname: 'givenName',
        Surname: 'familyName',
        Mail: { target: 'email', label: 'Work' },
        Handy: { target: 'phone', label: 'Mobile' },
        Firma: 'organisation',
        'Kennt uns seit': 'connectedOn',
      },
    });
    expect(records.map((r) => [r.givenName, r.emails, r.phones, r.connectedOn, r.extra])).toEqual([
      [
        'Pia',
        [{ value: 'pia@schulz.example', label: 'Work' }],
        [{ value: '+49 151 0000000', label: 'Mobile' }],
        '2019-04-01',
        { Lieblingsfarbe: 'grün' },
      ],
      [
        'Ole',
        [
          { value: 'ole@hansen.example', label: 'Work' },
          { value: 'o.hansen@example.org', label: 'Work' },
        ],
        [],
        '2020-02-01',
        { Lieblingsfarbe: 'blau' },
      ],
      ['Eva', [], [], undefined, {}],
    ]);
    expect(issues.map((i) => [i.ref.line, i.field, i.severity])).toEqual([[4, 'Mail', 'warning']]);
  });

  it('a mapping also overrides a detected format, column by column', () => {
    const { records, format } = parse('thunderbird.csv', {
      mapping: { 'Custom 1': 'notes', 'Display Name': 'ignore' },
    });
    expect(format).toBe('thunderbird');
    expect(records[0]).toMatchObject({ givenName: 'Søren', notes: 'Tea, not coffee', extra: {} });
    expect(records[0]?.displayName).toBeUndefined();
  });

  it('refuses a mapping that names a column the file does not have: one error naming it, and no row read', () => {
    const generic = parse('generic.csv', {
      mapping: { Vorname: 'givenName', mail: 'email', 'E-Mail': 'email' },
    });
    expect(generic.records).toEqual([]);
    expect(generic.issues).toEqual([
      {
        ref: { file: 'generic.csv', line: 1 },
        field: 'E-Mail',
        message:
          'the mapping names column "E-Mail", which is not in the file: its columns are Vorname, Surname, Mail, ' +
          'Handy, Firma, Kennt uns seit, Lieblingsfarbe',
        severity: 'error',
      },
    ]);
    // Over a format Rapport knows too: its own columns would otherwise be read without the one meant.
    const known = parse('thunderbird.csv', { mapping: { Fax: 'phone' } });
    expect(known.format).toBe('thunderbird');
    expect(known.records).toEqual([]);
    expect(known.issues).toEqual([
      {
        ref: { file: 'thunderbird.csv', line: 1 },
        field: 'Fax',
        message: `the mapping names column "Fax", which is not in the file: its columns are ${known.headers.filter(Boolean).join(', ')}`,
        severity: 'error',
      },
    ]);
  });

  it('names every missing column in one error, and reads none of a long file', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `Person ${i},p${i}@example.org,"never closed`);
    const { records, issues } = parseContactCsv(['Name,Email,Notes', ...rows].join('\n'), {
      mapping: { Name: 'displayName', Mail: 'email', ' Phone ': 'phone', Firm: 'organisation' },
    });
    expect(records).toEqual([]);
    // Nor a word on the rows it did not read (the quotes never closed).
    expect(issues).toEqual([
      {
        ref: { file: 'contacts.csv', line: 1 },
        field: 'Mail',
        message:
          'the mapping names columns "Mail", "Phone" and "Firm", which are not in the file: its columns are Name, Email, Notes',
        severity: 'error',
      },
    ]);
  });

  it('rejects an invalid mapping with an issue instead of throwing', () => {
    const { records, issues } = parse('generic.csv', { mapping: { Vorname: 'firstName' } as never });
    expect(records).toEqual([]);
    expect(issues[0]?.message).toMatch(/^the column mapping is not valid: Vorname/);
  });
});

describe('parseContactCsv: LinkedIn and robustness', () => {
  it('hands a LinkedIn Connections.csv (preamble and all) to the LinkedIn parser', () => {
    const text =
      'Notes:\n"When exporting, you may notice…"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n' +
      'Ada,Quill,https://www.linkedin.com/in/ada-quill,,Quillworks,CTO,01 Feb 2025\n';
    const { records, format } = parseContactCsv(text);
    expect(format).toBe('linkedin-connections');
    expect(records[0]).toMatchObject({ givenName: 'Ada', connectedOn: '2025-02-01', ref: { line: 5 } });
  });

  it('a quote never closed costs only its own row: an error on its line, and the rows after it are kept', () => {
    const text =
      'Name,Email,Notes,Company\n' +
      'Ann Good,ann@good.example,,Acme\n' +
      'Bob Good,bob@good.example,"fine, quoted",Acme\n' +
      '"Cy Bad",cy@@bad,"unterminated,Acme\n' +
      'Dee Last,dee@last.example,,Acme\n';
    const { records, issues } = parseContactCsv(text, {
      mapping: { Name: 'displayName', Email: 'email', Notes: 'notes', Company: 'organisation' },
    });
    expect(records.map((r) => [r.ref.line, r.displayName, r.emails[0]?.value, r.notes])).toEqual([
      [2, 'Ann Good', 'ann@good.example', undefined],
      [3, 'Bob Good', 'bob@good.example', 'fine, quoted'],
      [5, 'Dee Last', 'dee@last.example', undefined],
    ]);
    expect(issues).toEqual([
      {
        ref: { file: 'contacts.csv', line: 4 },
        field: 'Notes',
        message: 'a quoted cell opened here is never closed; this row is not imported',
        severity: 'error',
      },
    ]);
  });

  it('a stray quote that pairs with a quote rows below costs only its own row, and the rows between are kept', () => {
    const { records, issues } = parse('outlook-stray-quote.csv');
    expect(records.map((r) => [r.ref.line, r.givenName, r.organisation, r.notes])).toEqual([
      [3, 'Grace', 'Navy', 'met at\r\nthe conference'],
      [5, 'Alan', 'Bletchley, Park', undefined],
      [6, 'Bob', 'Smith & Co', undefined],
      [7, 'Cy', 'Rowe', 'two lines,\r\nof notes'],
    ]);
    expect(issues).toEqual([
      {
        ref: { file: 'outlook-stray-quote.csv', line: 2 },
        field: 'Company',
        message: 'a quote in this row is not closed on its line; this row is not imported',
        severity: 'error',
      },
    ]);
  });

  it('names the column where a stray quote opened (the QA file: a quote in Last Name on row 3)', () => {
    const rows = Array.from(
      { length: 10 },
      (_, k) => `Person${k + 1},Test,p${k + 1}@x.example,Acme,"Role, ${k + 1}"`,
    );
    rows[2] = 'Carl,"Broken,carl@x.example,Acme,Engineer';
    const text = `First Name,Last Name,E-mail Address,Company,Job Title\n${rows.join('\n')}\n`;
    const { records, issues } = parseContactCsv(text, { file: 'broken-quote.csv' });
    expect(records).toHaveLength(9);
    expect(issues).toEqual([
      {
        ref: { file: 'broken-quote.csv', line: 4 },
        field: 'Last Name',
        message: 'a quote in this row is not closed on its line; this row is not imported',
        severity: 'error',
      },
    ]);
  });

  it('never throws, on bytes or on text shaped like each format', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        expect(Array.isArray(parseContactCsv(bytes).records)).toBe(true);
      }),
      { numRuns: 300 },
    );
    const headers = [
      'First Name,Last Name,Labels,E-mail 1 - Label,E-mail 1 - Value,Birthday,Photo',
      'Name,Given Name,Family Name,Group Membership,E-mail 1 - Type,E-mail 1 - Value',
      '"Vorname";"Nachname";"E-Mail-Adresse";"E-Mail-Typ";"Geburtstag";"Kategorien"',
      'First Name,Last Name,Display Name,Primary Email,Birth Year,Birth Month,Birth Day,',
      'a,b,c',
    ];
    const body = fc.array(
      fc.constantFrom('x', ',', ';', '"', '\n', ' ::: ', '* ', '@', '0/0/00', '--12-25', 'EX', 'é', '\r\n'),
    );
    fc.assert(
      fc.property(fc.constantFrom(...headers), body, (header, parts) => {
        const result = parseContactCsv(`${header}\n${parts.join('')}`, {
          mapping: header === 'a,b,c' ? { a: 'email' } : undefined,
        });
        for (const r of result.records) expect(r.ref.line).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 500 },
    );
  });
});
