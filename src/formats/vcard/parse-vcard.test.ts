import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportedPerson, ParseResult } from '../model';
import { parseVCardCard, parseVCardStream, parseVCards } from './parse-vcard';
import { serializeVCard } from './serialize-vcard';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const bytes = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
const parseFixture = (name: string) => parseVCards(bytes(name), { file: name });

/** The synthetic "JPEG" the fixtures carry (see fixtures/): SOI + APP0 + 96 filler bytes + EOI. */
const JPEG = new Uint8Array([
  0xff,
  0xd8,
  0xff,
  0xe0,
  0x00,
  0x10,
  0x4a,
  0x46,
  0x49,
  0x46,
  0x00,
  0x01,
  ...Array.from({ length: 96 }, (_, i) => (i * 37 + 11) & 0xff),
  0xff,
  0xd9,
]);
const PNG = new Uint8Array([
  0x89,
  0x50,
  0x4e,
  0x47,
  0x0d,
  0x0a,
  0x1a,
  0x0a,
  ...Array.from({ length: 40 }, (_, i) => (i * 53 + 7) & 0xff),
]);

function only(result: ParseResult<ImportedPerson>): ImportedPerson {
  expect(result.issues.filter((i) => i.severity !== 'warning')).toEqual([]);
  expect(result.records).toHaveLength(1);
  return result.records[0] as ImportedPerson;
}

function byName(result: ParseResult<ImportedPerson>, name: string): ImportedPerson {
  const p = result.records.find((r) => r.displayName === name);
  if (!p) throw new Error(`no card named ${name}`);
  return p;
}

describe('vCard quirks (FORMATS.md §3.1), one synthetic fixture each', () => {
  it('Q1 unfolds one space or tab, and strips the space Apple leaves in base64', () => {
    const p = only(parseFixture('q01-folding.vcf'));
    expect(p.notes).toBe(
      'This note is folded onto the next line with one space, thenone tab, and keeps  two spaces.',
    );
    expect(p.title).toBe('Analyst of Engines');
    expect(p.photo).toEqual({ kind: 'inline', mime: 'image/jpeg', data: JPEG });
  });

  it('Q2 reads LF-only, \\r\\r\\n and lone \\r line ends, with the right line numbers', () => {
    const r = parseFixture('q02-line-ends.vcf');
    expect(r.issues).toEqual([]);
    expect(r.records.map((p) => [p.displayName, p.emails[0]?.value, p.ref.line])).toEqual([
      ['Lf Only', 'lf@example.test', 1],
      ['Double Cr', 'crcrlf@example.test', 6],
      ['Lone Cr', 'cr@example.test', 13],
    ]);
    expect(byName(r, 'Double Cr').notes).toBe('folded note');
  });

  it('Q3 joins 2.1 quoted-printable soft breaks and decodes UTF-8 bytes', () => {
    const r = parseFixture('q03-qp-soft-breaks.vcf');
    expect(r.issues).toEqual([]);
    const [ivan, jane] = r.records as [ImportedPerson, ImportedPerson];
    expect(ivan.familyName).toBe('Иванов');
    expect(ivan.givenName).toBe('Иван');
    expect(ivan.displayName).toBe('Иван Иванов');
    expect(ivan.notes).toBe('First line\nSecond line, with a comma; and a semicolon and a leading space');
    expect(ivan.phones).toEqual([{ value: '+7 900 000-00-00', label: 'cell' }]);
    expect(jane.addresses).toEqual([
      {
        street: '1 Main St',
        locality: 'Springfield',
        postalCode: '12345',
        country: 'USA',
        label: 'work',
        formatted: '1 Main St\nSpringfield 12345',
      },
    ]);
  });

  it('Q4 reads 2.1 bare parameters as TYPE values', () => {
    const p = only(parseFixture('q04-bare-params.vcf'));
    expect(p.phones).toEqual([
      { value: '+1 555 0100', label: 'cell' },
      { value: '+1 555 0101', label: 'home fax' },
      { value: '+1 555 0102', label: 'work' },
    ]);
    expect(p.emails).toEqual([
      { value: 'bare@example.test', label: 'work' },
      { value: 'plain@example.test' },
    ]);
    expect(p.addresses[0]).toMatchObject({ street: '2 Side Rd', locality: 'Shelbyville', label: 'work' });
    expect(p.urls).toEqual([{ value: 'https://bare.example.test/', label: 'work' }]);
  });

  it('Q5 decodes windows-1252 files, QP values in their CHARSET, and UTF-16BE without BOM', () => {
    const latin = only(parseFixture('q05-windows-1252.vcf'));
    expect(latin.familyName).toBe('Iksiñski');
    expect(latin.givenName).toBe('Józef');
    expect(latin.displayName).toBe('József Iksiñski');
    expect(latin.organisation).toBe('Café Müller');
    expect(latin.title).toBe('Directeur général');
    expect(latin.notes).toBe('Crème brûlée € 5');
    const utf16 = only(parseFixture('q05-utf-16be.vcf'));
    expect(utf16.displayName).toBe('Zoë Ångström');
    expect(utf16.familyName).toBe('Ångström');
    expect(utf16.organisation).toBe('Ørsted A/S');
  });

  it("Q16 decodes a windows-1250 file without CHARSET (a Polish phone's 2.1 export)", () => {
    const card = only(parseFixture('q16-windows-1250.vcf'));
    expect([card.displayName, card.givenName, card.familyName, card.organisation, card.title]).toEqual([
      'Łukasz Żółć',
      'Łukasz',
      'Żółć',
      'Spółka Łódź',
      'Kierownik działu',
    ]);
  });

  it('Q6 reads every base64 PHOTO spelling and photo URLs', () => {
    const r = parseFixture('q06-photos.vcf');
    expect(r.issues).toEqual([]);
    const inline = { kind: 'inline', mime: 'image/jpeg', data: JPEG };
    expect(byName(r, 'Photo TwoOne').photo).toEqual(inline);
    expect(byName(r, 'Photo Apple').photo).toEqual(inline);
    expect(byName(r, 'Photo ThreeOh').photo).toEqual({ kind: 'inline', mime: 'image/png', data: PNG });
    expect(byName(r, 'Photo FourOh').photo).toEqual(inline);
    expect(byName(r, 'Photo Uri').photo).toEqual({ kind: 'url', url: 'https://photos.example.test/p/1.jpg' });
    expect(byName(r, 'Photo Google').photo).toEqual({
      kind: 'url',
      url: 'https://lh3.googleusercontent.example.test/a/b=s96',
    });
  });

  it('Q7 joins itemN.X-ABLabel to its value and cleans Apple labels', () => {
    const p = only(parseFixture('q07-grouped.vcf'));
    expect(p.emails).toEqual([{ value: 'greta@example.test', label: 'Other' }]);
    expect(p.phones).toEqual([{ value: '+44 20 7946 0000', label: "Assistant's line" }]);
    expect(p.urls).toEqual([
      { value: 'https://greta.example.test', label: 'HomePage' },
      { value: 'https://www.linkedin.com/in/greta-grouped', label: 'linkedin' },
    ]);
    expect(p.addresses).toEqual([
      { street: '3 Rue Exemple', locality: 'Paris', postalCode: '75001', country: 'France', label: 'home' },
    ]);
    expect(p.dates).toEqual([{ value: '2015-06-20', label: 'Anniversary' }]);
    expect(p.extra).toEqual({ 'X-ABRELATEDNAMES': 'Hans (Spouse)', IMPP: 'skype:greta.grouped (home)' });
    expect(p.raw).toContain('X-ABUID:5A8B6C4D-0000-4000-8000-000000000001:ABPerson');
  });

  it("Q8 unescapes \\, \\; \\\\ \\n, and leniently Apple's \\: and Gmail's \\\"; 2.1 keeps \\n literal", () => {
    const r = parseFixture('q08-escapes.vcf');
    expect(r.issues).toEqual([]);
    const p = byName(r, 'Escape, Esq.');
    expect(p.urls).toEqual([{ value: 'http://www.example.test/path' }]);
    expect(p.notes).toBe('She said "hi"; then left.\nLine two\nline three \\ backslash');
    expect(p.title).toBe('R\\&D, Lab : 1');
    const old = byName(r, 'Old, Style');
    expect(old.notes).toBe('C:\\new folder, then; done');
  });

  it('Q9 splits N (5 parts) and ADR (7 parts) with comma lists, and repairs over-escaped N', () => {
    const r = parseFixture('q09-structured.vcf');
    const john = byName(r, 'Dr. John Stevenson');
    expect(john).toMatchObject({
      familyName: 'Stevenson',
      givenName: 'John',
      additionalNames: 'Philip Paul',
      prefix: 'Dr.',
      suffix: 'Jr., M.D., A.C.P.',
      organisation: 'ACME, Inc.',
      department: 'Research, Lab 3',
    });
    expect(john.addresses).toEqual([
      {
        poBox: 'PO Box 7',
        extended: 'Suite 5',
        street: '1 Long Rd,Building B',
        locality: 'Townsville',
        region: 'TS',
        postalCode: 'T5 1AA',
        country: 'UK',
        label: 'work',
      },
    ]);
    expect(byName(r, 'Peter Ab')).toMatchObject({
      familyName: 'Ab',
      givenName: 'Peter',
      additionalNames: 'Paul',
    });
  });

  it('Q10 reads TYPE=A,B, quoted, repeated and lower-case type parameters alike', () => {
    const p = only(parseFixture('q10-type-forms.vcf'));
    expect(p.phones).toEqual([
      { value: '+1 555 0110', label: 'home' },
      { value: '+1 555 0111', label: 'work fax' },
      { value: '+1 555 0112', label: 'cell' },
    ]);
    expect(p.emails).toEqual([
      { value: 'forms@example.test', label: 'work' },
      { value: 'home@example.test', label: 'home' },
    ]);
  });

  it('Q11 reads many cards, numbering them, and reports stray text once', () => {
    const r = parseFixture('q11-many-cards.vcf');
    expect(r.records.map((p) => [p.ref.card, p.ref.line, p.displayName])).toEqual([
      [1, 1, 'First Person'],
      [2, 6, 'Second Person'],
      [3, 12, 'Third Person'],
    ]);
    expect(r.issues).toEqual([
      {
        ref: { file: 'q11-many-cards.vcf', line: 11 },
        message: 'ignored 1 line outside any BEGIN:VCARD … END:VCARD',
        severity: 'warning',
      },
    ]);
  });

  it('Q12 reads every BDAY form, Apple year-less dates and 4.0 ANNIVERSARY', () => {
    const r = parseFixture('q12-bday.vcf');
    expect(r.issues).toEqual([]);
    expect(Object.fromEntries(r.records.map((p) => [p.displayName, p.birthday]))).toEqual({
      Extended: '1996-04-15',
      Basic: '1996-04-15',
      'No Year': '--04-15',
      'Value Date': '1996-04-15',
      'Apple No Year': '--12-25',
      'Date Time': '1953-10-15',
      'Four No Year': '--12-25',
      'Four Date Time': '1996-04-15',
      Anniversary: undefined,
      Outlook: '1980-03-22',
    });
    expect(byName(r, 'Anniversary').dates).toEqual([{ value: '2009-08-08', label: 'Anniversary' }]);
  });

  it('Q13 reads AGENT (escaped in 3.0, embedded in 2.1), LABEL and MAILER', () => {
    const r = parseFixture('q13-legacy.vcf');
    expect(r.issues).toEqual([]);
    const p = byName(r, 'Agent Principal');
    expect(p.extra).toEqual({
      MAILER: 'PigeonMail 2.1',
      AGENT: 'BEGIN:VCARD\nFN:Susan Agent\nTEL:+1-919-555-1234\nEND:VCARD',
    });
    expect(p.addresses[0]?.formatted).toBe('4 Elm St\nOldtown 11111\nUSA');
    const old = byName(r, 'Old Principal');
    // The embedded card is the agent's, not a person of this file; the principal's own e-mail follows it.
    expect(r.records).toHaveLength(2);
    expect(old.emails).toEqual([{ value: 'old.principal@example.test' }]);
    expect(old.extra.AGENT).toBe(
      'BEGIN:VCARD\nVERSION:2.1\nN:Agent;Fred;;;\nTEL;WORK:+1 555 0114\nEND:VCARD',
    );
  });

  it('Q14 treats property, group and parameter names case-insensitively', () => {
    const p = only(parseFixture('q14-case.vcf'));
    expect(p).toMatchObject({
      displayName: 'Case Insensitive',
      familyName: 'Insensitive',
      givenName: 'Case',
    });
    expect(p.phones).toEqual([{ value: '+1 555 0115', label: 'cell' }]);
    expect(p.emails).toEqual([{ value: 'case@example.test', label: 'Work' }]);
    expect(p.extra).toEqual({ 'X-CUSTOM-FIELD': 'Custom value' });
  });

  it('Q15 skips contact-group cards (Apple and 4.0) with a reason, and keeps CATEGORIES as tags', () => {
    const r = parseFixture('q15-contact-groups.vcf');
    expect(r.records.map((p) => p.displayName)).toEqual(['Member Person']);
    expect(r.records[0]?.tags).toEqual(['Friends', 'Colleagues']);
    expect(r.records[0]?.sourceKey).toBe('00000000-0000-4000-8000-000000000001');
    expect(r.issues).toEqual([
      {
        ref: { file: 'q15-contact-groups.vcf', card: 1, line: 1 },
        message: 'contact group "Friends" with 2 members: groups are not imported as people',
        severity: 'skipped',
      },
      {
        ref: { file: 'q15-contact-groups.vcf', card: 2, line: 9 },
        message: 'contact group "Colleagues" with 1 member: groups are not imported as people',
        severity: 'skipped',
      },
    ]);
  });
});

describe('one anniversary written in several forms (Q17)', () => {
  const r = parseFixture('q17-anniversaries.vcf');
  const anniversary = (value: string) => [{ value, label: 'Anniversary' }];

  it('is one date, whichever forms a client wrote it in', () => {
    expect(r.issues).toEqual([]);
    expect(Object.fromEntries(r.records.map((p) => [p.displayName, p.dates]))).toEqual({
      // iOS: X-ANNIVERSARY, an X-ABDATE labelled Anniversary, and ANNIVERSARY.
      'Ida Phone': anniversary('2009-08-08'),
      // iOS without a year, in Apple's 1604 form beside the standard one.
      'Omar No Year': anniversary('--05-17'),
      'Eve Evolution': anniversary('2012-03-04'),
      'Otto Outlook': anniversary('2015-06-20'),
      'Fiona Four': anniversary('1999-01-01'),
      // Other dates, or the same date under another label, stay apart; the same unlabelled date is one.
      'Dora Different': [
        { value: '2001-01-01', label: 'Anniversary' },
        { value: '2002-02-02', label: 'Anniversary' },
        { value: '2001-01-01', label: 'Wedding' },
        { value: '2003-03-03' },
      ],
    });
  });

  it('serves the card back with every line the client wrote for it, and reads it back as one date', () => {
    const ida = byName(r, 'Ida Phone');
    const out = serializeVCard(ida, { version: '3.0' });
    expect(out).toContain('X-ANNIVERSARY:2009-08-08\r\n');
    expect(out).toContain('ITEM1.X-ABDATE;TYPE=pref:2009-08-08\r\n');
    expect(out).toContain('ITEM1.X-ABLABEL:_$!<Anniversary>!$_\r\n');
    expect(out).toContain('\r\nANNIVERSARY:2009-08-08\r\n');
    expect(parseVCards(out, { file: 'out' }).records[0]?.dates).toEqual(anniversary('2009-08-08'));
    // A contact stored with the three copies (read before) is served with the client's lines, not more.
    const copies = {
      ...ida,
      dates: [...anniversary('2009-08-08'), ...anniversary('2009-08-08'), ...anniversary('2009-08-08')],
    };
    expect(serializeVCard(copies, { version: '3.0' })).toBe(out);
    // Written afresh (another version, no card kept), the one date is one line.
    const fresh = serializeVCard({ ...ida, raw: undefined }, { version: '4.0' });
    expect(fresh.match(/ANNIVERSARY|X-ABDATE/g)).toEqual(['ANNIVERSARY']);
  });
});

describe('parseVCards', () => {
  it('keeps the card text as raw and reports where each record came from', () => {
    const text = 'BEGIN:VCARD\nVERSION:3.0\nFN:A\nX-FOO:bar\nEND:VCARD\n';
    const r = parseVCards(text, { file: 'a.vcf' });
    expect(r.records[0]?.raw).toBe(text);
    expect(r.records[0]?.ref).toEqual({ file: 'a.vcf', card: 1, line: 1 });
  });

  it('turns one unreadable card into one error with its card and line; the others import', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Good One',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      ';;;garbage',
      'END:VCARD',
      'BEGIN:VCARD',
      'FN:Good Two',
      'END:VCARD',
    ].join('\r\n');
    const r = parseVCards(text, { file: 'mixed.vcf' });
    expect(r.records.map((p) => p.displayName)).toEqual(['Good One', 'Good Two']);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ ref: { file: 'mixed.vcf', card: 2, line: 7 }, severity: 'error' });
    expect(r.issues[0]?.message).toContain(';;;garbage');
  });

  it('keeps a raw line break a producer wrote inside a value, with a warning that names the line', () => {
    const r = parseVCards(
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Kept\r\nNOTE:first line\r\nsecond line written raw\r\nEMAIL:k@example.test\r\nEND:VCARD\r\n',
      { file: 'f.vcf' },
    );
    expect(r.records[0]).toMatchObject({
      displayName: 'Kept',
      notes: 'first line\nsecond line written raw',
      emails: [{ value: 'k@example.test' }],
    });
    expect(r.issues).toEqual([
      {
        ref: { file: 'f.vcf', card: 1, line: 5 },
        message: 'joined a line that is not a property to the value before it',
        severity: 'warning',
      },
    ]);
  });

  it('drops a line that is not a property at all, with a warning, and imports the rest', () => {
    const r = parseVCards('BEGIN:VCARD\r\nVERSION:3.0\r\n:no name\r\nFN:Still Here\r\nEND:VCARD\r\n', {
      file: 'g.vcf',
    });
    expect(r.records.map((p) => p.displayName)).toEqual(['Still Here']);
    expect(r.issues).toEqual([
      {
        ref: { file: 'g.vcf', card: 1, line: 3 },
        message: 'ignored a line that is not a property: ":no name"',
        severity: 'warning',
      },
    ]);
  });

  it('reports a card that ends with the file', () => {
    const r = parseVCards('BEGIN:VCARD\nVERSION:3.0\nFN:Cut Off\n', { file: 'cut.vcf' });
    expect(r.records[0]?.displayName).toBe('Cut Off');
    expect(r.issues).toEqual([
      {
        ref: { file: 'cut.vcf', card: 1, line: 1 },
        message: 'the card has no END:VCARD',
        severity: 'warning',
      },
    ]);
  });

  it('skips an empty card and says why', () => {
    const r = parseVCards('BEGIN:VCARD\nVERSION:3.0\nPRODID:x\nEND:VCARD\n', { file: 'e.vcf' });
    expect(r.records).toEqual([]);
    expect(r.issues[0]).toMatchObject({ severity: 'skipped' });
  });

  it('says so when a file holds no card at all', () => {
    expect(parseVCards('name,email\nA,a@example.test\n', { file: 'x.csv' }).issues).toEqual([
      {
        ref: { file: 'x.csv', line: 1 },
        message: 'ignored 2 lines outside any BEGIN:VCARD … END:VCARD',
        severity: 'warning',
      },
      {
        ref: { file: 'x.csv' },
        message: 'no vCard (BEGIN:VCARD … END:VCARD) in the file',
        severity: 'error',
      },
    ]);
  });

  it('parseVCardCard reads one split card', () => {
    const { record, issues } = parseVCardCard(
      { index: 4, line: 30, text: 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Solo\r\nEND:VCARD\r\n' },
      { file: 's.vcf' },
    );
    expect(issues).toEqual([]);
    expect(record).toMatchObject({ displayName: 'Solo', ref: { file: 's.vcf', card: 4, line: 30 } });
  });
});

describe('parseVCardStream', () => {
  it('yields the same records from byte chunks of any size as from the whole file', async () => {
    const whole = bytes('q03-qp-soft-breaks.vcf');
    const expected = parseVCards(whole, { file: 'q' });
    for (const size of [1, 2, 3, 7, 64]) {
      const chunks: Uint8Array[] = [];
      for (let i = 0; i < whole.length; i += size) chunks.push(whole.subarray(i, i + size));
      const records: ImportedPerson[] = [];
      for await (const e of parseVCardStream(chunks, { file: 'q' }))
        if (e.kind === 'record') records.push(e.record);
      expect(records).toEqual(expected.records);
    }
  });

  it('reads UTF-16 streams split inside a character', async () => {
    const whole = bytes('q05-utf-16be.vcf');
    const chunks = [whole.subarray(0, 5001), whole.subarray(5001)];
    const small = Array.from({ length: Math.ceil(whole.length / 3) }, (_, i) =>
      whole.subarray(i * 3, i * 3 + 3),
    );
    for (const c of [chunks, small]) {
      const out = [];
      for await (const e of parseVCardStream(c, { file: 'u' }))
        if (e.kind === 'record') out.push(e.record.displayName);
      expect(out).toEqual(['Zoë Ångström']);
    }
  });
});
