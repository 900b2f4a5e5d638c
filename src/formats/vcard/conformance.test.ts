/**
 * Conformance over public vCards written by real clients and by the RFCs (kept in `../shared/fixtures/vcard`
 * beside the checkout, with their licences; never copied into the project).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportedPerson, ParseResult } from '../model';
import { parseVCards } from './parse-vcard';
import { serializeVCards } from './serialize-vcard';

const repoRoot = resolve(import.meta.dirname, '..', '..', '..');
// The shared folder sits beside the checkout in CI and on the team's machines; a bare clone elsewhere has no
// `../shared`, and then this suite is skipped (the synthetic fixtures in ./fixtures still run).
const DIR = resolve(repoRoot, '..', 'shared', 'fixtures', 'vcard');
const exists = existsSync(DIR);

function vcfFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return vcfFiles(path);
    return e.name.endsWith('.vcf') ? [path] : [];
  });
}

const files = exists ? vcfFiles(DIR).sort() : [];
const cache = new Map<string, ParseResult<ImportedPerson>>();
function parseFile(path: string): ParseResult<ImportedPerson> {
  let r = cache.get(path);
  if (!r) {
    r = parseVCards(new Uint8Array(readFileSync(path)), { file: relative(DIR, path) });
    cache.set(path, r);
  }
  return r;
}

type JCardProp = [string, Record<string, unknown>, string, ...unknown[]];
const join_ = (v: unknown, sep: string): string | undefined => {
  const s = (Array.isArray(v) ? v.map(String) : [String(v ?? '')]).filter((x) => x !== '').join(sep);
  return s === '' ? undefined : s;
};

/** What ical.js's own expected parse (jCard) says about the fields we map. */
function expectedFromJCard(path: string) {
  const jcard = JSON.parse(readFileSync(path, 'utf8')) as [string, JCardProp[]];
  const props = jcard[1];
  const first = (name: string) => props.find((p) => p[0] === name);
  const n = first('n')?.[3] as unknown[] | undefined;
  const org = first('org')?.[3];
  const units = Array.isArray(org) ? org.map(String) : org === undefined ? [] : [String(org)];
  return {
    displayName: first('fn')?.[3] as string | undefined,
    familyName: n ? join_(n[0], ' ') : undefined,
    givenName: n ? join_(n[1], ' ') : undefined,
    additionalNames: n ? join_(n[2], ' ') : undefined,
    prefix: n ? join_(n[3], ' ') : undefined,
    suffix: n ? join_(n[4], ', ') : undefined,
    emails: props.filter((p) => p[0] === 'email').map((p) => String(p[3])),
    phones: props.filter((p) => p[0] === 'tel').map((p) => String(p[3]).replace(/^tel:/, '')),
    organisation: units[0] || undefined,
    department:
      units
        .slice(1)
        .filter((u) => u !== '')
        .join(', ') || undefined,
    title: first('title')?.[3] as string | undefined,
  };
}

/** The modelled fields, for comparing a re-import with the first import. */
function model(p: ImportedPerson) {
  const { ref: _ref, raw: _raw, extra, ...rest } = p;
  return { ...rest, extraKeys: Object.keys(extra).sort() };
}

describe.skipIf(!exists)('conformance: shared/fixtures/vcard', () => {
  it('finds the public files', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  describe.each(files.map((f) => [relative(DIR, f), f]))('%s', (_name, path) => {
    it('imports every card without an error issue', () => {
      const r = parseFile(path);
      expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(r.records.length).toBeGreaterThan(0);
    });

    it.each(['3.0', '4.0'] as const)('re-export → re-import is stable in %s', (version) => {
      const first = parseFile(path).records;
      const e1 = serializeVCards(first, { version });
      const second = parseVCards(e1, { file: 'e1.vcf' });
      expect(second.issues.filter((i) => i.severity !== 'warning')).toEqual([]);
      expect(second.records).toHaveLength(first.length);
      second.records.forEach((p, i) => {
        const before = model(first[i] as ImportedPerson);
        // FN is required: a card without one is exported with a name derived from its other fields.
        const after = before.displayName === undefined ? { ...model(p), displayName: undefined } : model(p);
        expect(after).toEqual(before);
      });
      expect(serializeVCards(second.records, { version })).toBe(e1);
    });
  });

  const withExpected = files.filter((f) => existsSync(f.replace(/\.vcf$/, '.expected.jcard.json')));
  it.each(withExpected.map((f) => [relative(DIR, f), f]))(
    '%s matches ical.js’s expected jCard',
    (_name, path) => {
      const expected = expectedFromJCard(path.replace(/\.vcf$/, '.expected.jcard.json'));
      const [p] = parseFile(path).records as [ImportedPerson];
      expect({
        displayName: p.displayName,
        familyName: p.familyName,
        givenName: p.givenName,
        additionalNames: p.additionalNames,
        prefix: p.prefix,
        suffix: p.suffix,
        emails: p.emails.map((e) => e.value),
        phones: p.phones.map((e) => e.value),
        organisation: p.organisation,
        department: p.department,
        title: p.title,
      }).toEqual(expected);
    },
  );

  describe('ez-vcard real-client files', () => {
    const file = (name: string) => parseFile(join(DIR, 'ezvcard', name));
    const johnDoe = {
      familyName: 'Doe',
      givenName: 'John',
      additionalNames: 'Richter James',
      prefix: 'Mr.',
      suffix: 'Sr.',
      displayName: 'Mr. John Richter James Doe Sr.',
      organisation: 'IBM',
      title: 'Money Counter',
    };

    it('iPhone (iOS 5, item groups, \\r\\r\\n line ends, base64 photo)', () => {
      const [p] = file('John_Doe_IPHONE.vcf').records as [ImportedPerson];
      expect(p).toMatchObject({
        ...johnDoe,
        department: 'Accounting',
        nickname: 'Johny',
        birthday: '2012-06-06',
      });
      expect(p.emails).toEqual([{ value: 'john.doe@ibm.com' }]);
      expect(p.phones).toEqual([
        { value: '905-555-1234', label: 'cell' },
        { value: '905-666-1234', label: 'home' },
        { value: '905-777-1234', label: 'work' },
        { value: '905-888-1234', label: 'home fax' },
        { value: '905-999-1234', label: 'work fax' },
        { value: '905-111-1234', label: 'pager' },
        { value: '905-222-1234', label: 'AssistantPhone' },
      ]);
      expect(p.urls).toEqual([{ value: 'http://www.ibm.com', label: 'HomePage' }]);
      expect(p.addresses.map((a) => [a.label, a.street, a.locality, a.postalCode, a.country])).toEqual([
        ['home', 'Silicon Alley 5', 'New York', '12345', 'United States of America'],
        ['work', 'Street4\nBuilding 6\nFloor 8', 'New York', '12345', 'USA'],
      ]);
      expect(
        p.photo?.kind === 'inline' && [p.photo.mime, p.photo.data.length, p.photo.data[0], p.photo.data[1]],
      ).toEqual(['image/jpeg', 32531, 0xff, 0xd8]);
    });

    it('Gmail (3.0, escaped commas, \\: and \\", X-ABDATE and related names)', () => {
      const [p] = file('John_Doe_GMAIL.vcf').records as [ImportedPerson];
      expect(p).toMatchObject({
        ...johnDoe,
        additionalNames: 'Richter, James',
        displayName: 'Mr. John Richter, James Doe Sr.',
        birthday: '1980-03-22',
      });
      expect(p.emails).toEqual([{ value: 'john.doe@ibm.com', label: 'home' }]);
      expect(p.phones).toEqual([
        { value: '905-555-1234', label: 'cell' },
        { value: '905-666-1234', label: 'home' },
      ]);
      expect(p.urls).toEqual([{ value: 'http://www.ibm.com', label: 'work' }]);
      expect(p.dates).toEqual([{ value: '1975-03-01', label: 'Anniversary' }]);
      expect(p.extra).toEqual({
        'X-PHONETIC-FIRST-NAME': 'Jon',
        'X-PHONETIC-LAST-NAME': 'Dow',
        'X-ABRELATEDNAMES': 'Jenny (Spouse)',
      });
      expect(p.notes).toMatch(
        /^THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND/,
      );
      expect(p.notes).toContain('SERVICES; LOSS OF USE');
      expect(p.notes).toMatch(/DAMAGE\.\nFavotire Color: Blue$/);
    });

    it('MS Outlook (2.1 bare parameters, QP LABEL with soft breaks, base64 photo)', () => {
      const [p] = file('John_Doe_MS_OUTLOOK.vcf').records as [ImportedPerson];
      expect(p).toMatchObject({
        ...johnDoe,
        department: 'Accounting',
        nickname: 'Johny',
        birthday: '1980-03-22',
      });
      expect(p.emails).toEqual([{ value: 'john.doe@ibm.cm' }]);
      expect(p.phones).toEqual([
        { value: '(905) 555-1234', label: 'work' },
        { value: '(905) 666-1234', label: 'home' },
      ]);
      expect(p.addresses.map((a) => [a.label, a.street, a.formatted])).toEqual([
        ['work', 'Cresent moon drive', 'Cresent moon drive\nAlbaney, New York  12345'],
        ['home', 'Silicon Alley 5', 'Silicon Alley 5,\nNew York, New York  12345'],
      ]);
      expect(p.dates).toEqual([{ value: '2011-01-13', label: 'Anniversary' }]);
      expect(p.extra).toEqual({
        ROLE: 'Counting Money',
        'X-MS-IMADDRESS': 'johny5@aol.com',
        'X-MS-MANAGER': 'Big Blue',
        'X-MS-ASSISTANT': 'Jenny',
      });
      expect(p.notes).toContain('SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS');
      expect(p.photo?.kind === 'inline' && p.photo.mime).toBe('image/jpeg');
    });

    it('Android (2.1, quoted-printable soft breaks in UTF-8, six cards)', () => {
      const r = file('John_Doe_ANDROID.vcf');
      expect(r.records.map((p) => [p.ref.card, p.displayName, p.emails.map((e) => e.value)])).toEqual([
        [1, undefined, ['john.doe@company.com']],
        [2, undefined, ['jane.doe@company.com']],
        [3, 'Ñ Ñ Ñ Ñ Ñ', []],
        [4, 'Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ', []],
        [5, 'Ñ Ñ Ñ Ñ', ['bob@company.com', 'ÑÑÑÑÑÑÑÑÑÑÑÑÑÑ']],
        [6, 'ÑÑÑÑ', ['henry@company.com']],
      ]);
      const bob = r.records[4] as ImportedPerson;
      expect(bob).toMatchObject({ familyName: 'Ñ Ñ', givenName: 'Ñ Ñ Ñ', organisation: 'ÑÑÑÑÑÑÑÑÑÑÑÑ' });
      expect(bob.phones).toEqual([
        { value: '123456', label: 'cell' },
        { value: '123456', label: 'work' },
        { value: '123456', label: 'work fax' },
      ]);
      expect(bob.photo?.kind === 'inline' && bob.photo.mime).toBe('image/jpeg');
      expect(r.records[3]?.phones.map((t) => t.value)).toEqual(['123456', '234567', '3456789', '45678901']);
      expect(r.records[0]?.tags).toEqual(['My Contacts']);
      // The last card's ORG ends with a lone =80 byte: not UTF-8. It imports, with a warning on that line.
      expect(r.issues).toEqual([
        {
          ref: { file: 'ezvcard/John_Doe_ANDROID.vcf', card: 6, line: 82 },
          message: 'ORG: invalid UTF-8 bytes in a quoted-printable value',
          severity: 'warning',
        },
      ]);
    });

    it('RFC 2426 and RFC 6350 examples', () => {
      expect(
        file('rfc2426-example.vcf').records.map((p) => [
          p.displayName,
          p.organisation,
          p.emails.map((e) => e.value),
          p.phones.map((t) => `${t.value} ${t.label}`),
        ]),
      ).toEqual([
        [
          'Frank Dawson',
          'Lotus Development Corporation',
          ['Frank_Dawson@Lotus.com', 'fdawson@earthlink.net'],
          ['+1-919-676-9515 msg work', '+1-919-676-9564 fax work'],
        ],
        [
          'Tim Howes',
          'Netscape Communications Corp.',
          ['howes@netscape.com'],
          ['+1-415-937-3419 msg work', '+1-415-528-4164 fax work'],
        ],
      ]);
      const [simon] = file('rfc6350-example.vcf').records as [ImportedPerson];
      expect(simon).toMatchObject({
        displayName: 'Simon Perreault',
        familyName: 'Perreault',
        givenName: 'Simon',
        suffix: 'ing. jr, M.Sc.',
        birthday: '--02-03',
        organisation: 'Viagenie',
        dates: [{ value: '2009-08-08', label: 'Anniversary' }],
        emails: [{ value: 'simon.perreault@viagenie.ca', label: 'work' }],
        phones: [
          { value: '+1-418-656-9254;ext=102', label: 'work' },
          { value: '+1-418-262-6501', label: 'work cell video text' },
        ],
      });
    });
  });
});
