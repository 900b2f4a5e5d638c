import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyPerson, type ImportedPerson } from '../model';
import { parseVCards } from './parse-vcard';
import { iterateVCards, serializeVCard, serializeVCards, streamVCards } from './serialize-vcard';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const photoBytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

function person(fields: Partial<ImportedPerson>): ImportedPerson {
  return { ...emptyPerson({ file: 'test' }), ...fields };
}

/** The model fields only (what a round trip must preserve). */
function model(p: ImportedPerson | undefined) {
  if (!p) return undefined;
  const { ref: _ref, raw: _raw, ...rest } = p;
  return rest;
}

const ada = person({
  displayName: 'Ada Lovelace',
  givenName: 'Ada',
  familyName: 'Lovelace',
  organisation: 'Analytical Engines, Ltd.',
  department: 'Research',
  title: 'Countess; Analyst',
  emails: [
    { value: 'ada@example.test', label: 'work' },
    { value: 'ada@home.example.test', label: 'Personal' },
  ],
  phones: [{ value: '+44 20 7946 0000', label: 'cell' }],
  urls: [{ value: 'https://www.linkedin.com/in/ada', label: 'linkedin' }],
  addresses: [
    {
      street: "12 St James's Sq",
      locality: 'London',
      country: 'UK',
      label: 'home',
      formatted: "12 St James's Sq\nLondon",
    },
  ],
  birthday: '--12-10',
  dates: [{ value: '1835-07-08', label: 'Anniversary' }],
  notes: 'Line one\nLine two, with a comma',
  tags: ['math', 'poetry, science'],
  photo: { kind: 'inline', mime: 'image/jpeg', data: photoBytes },
  sourceKey: 'urn:uuid:00000000-0000-4000-8000-00000000ada1',
});

describe('serializeVCard 3.0', () => {
  const text = serializeVCard(ada);

  it('writes the card ical.js generates, with our escaping and Apple conventions', () => {
    expect(text).toBe(
      [
        'BEGIN:VCARD',
        'VERSION:3.0',
        'PRODID:-//Rapport//Rapport vCard export//EN',
        'UID:urn:uuid:00000000-0000-4000-8000-00000000ada1',
        'FN:Ada Lovelace',
        'N:Lovelace;Ada;;;',
        'ORG:Analytical Engines\\, Ltd.;Research',
        'TITLE:Countess\\; Analyst',
        'EMAIL;TYPE=internet,work:ada@example.test',
        'ITEM1.EMAIL;TYPE=internet:ada@home.example.test',
        'ITEM1.X-ABLABEL:Personal',
        'TEL;TYPE=cell:+44 20 7946 0000',
        "ITEM2.ADR;TYPE=home:;;12 St James's Sq;London;;;UK",
        "ITEM2.LABEL;TYPE=home:12 St James's Sq\\nLondon",
        'ITEM3.URL:https://www.linkedin.com/in/ada',
        'ITEM3.X-ABLABEL:linkedin',
        'BDAY;X-APPLE-OMIT-YEAR=1604:1604-12-10',
        'ITEM4.X-ABDATE:1835-07-08',
        'ITEM4.X-ABLABEL:_$!<Anniversary>!$_',
        'NOTE:Line one\\nLine two\\, with a comma',
        'CATEGORIES:math,poetry\\, science',
        'PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AECAwQFBgcICQo=',
        'END:VCARD',
        '',
      ].join('\r\n'),
    );
  });

  it('reads back as the same person', () => {
    expect(model(parseVCards(text, { file: 'x' }).records[0])).toEqual(model(ada));
  });
});

describe('serializeVCard 4.0', () => {
  const text = serializeVCard(ada, { version: '4.0' });

  it('writes data: URI photos, basic-format dates, ANNIVERSARY and ADR;LABEL', () => {
    expect(text).toContain('\r\nPHOTO:data:image/jpeg;base64,/9j/4AECAwQFBgcICQo=\r\n');
    expect(text).toContain('\r\nBDAY:--1210\r\n');
    expect(text).toContain('\r\nANNIVERSARY:18350708\r\n');
    expect(text).toContain(
      "\r\nADR;TYPE=home;LABEL=12 St James's Sq^nLondon:;;12 St James's Sq;London;;;UK\r\n",
    );
    expect(text).toContain('\r\nTEL;TYPE=cell;VALUE=TEXT:+44 20 7946 0000\r\n');
    expect(text.startsWith('BEGIN:VCARD\r\nVERSION:4.0\r\n')).toBe(true);
  });

  it('reads back as the same person', () => {
    expect(model(parseVCards(text, { file: 'x' }).records[0])).toEqual(model(ada));
  });
});

describe('folding', () => {
  it('folds lines at 75 octets with CRLF + space, and never splits a character', () => {
    const long = person({ displayName: 'Zoë 😀'.repeat(40), notes: 'ü'.repeat(300) });
    for (const version of ['3.0', '4.0'] as const) {
      const text = serializeVCard(long, { version });
      expect(text).not.toMatch(/[^\r]\n/);
      for (const line of text.split('\r\n')) {
        expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(76);
        expect(line).not.toContain('\ufffd');
      }
      expect(model(parseVCards(text, { file: 'x' }).records[0])).toEqual(model(long));
    }
  });
});

describe('a person known by a display name only', () => {
  const nLine = (p: Partial<ImportedPerson>, version: '3.0' | '4.0' = '3.0') =>
    serializeVCard(person(p), { version })
      .split('\r\n')
      .filter((l) => /^N[;:]/.test(l));

  it('gets an N made up from the display name in 3.0, since iOS ignores FN', () => {
    expect(nLine({ displayName: 'Ada  King Lovelace ' })).toEqual([
      'N;X-RAPPORT-DERIVED=TRUE:Lovelace;Ada King;;;',
    ]);
    expect(nLine({ displayName: 'Plato' })).toEqual(['N;X-RAPPORT-DERIVED=TRUE:;Plato;;;']);
    // With a comma the order of the parts is unknown: all of it goes in the given name, shown as written.
    expect(nLine({ displayName: 'Lovelace, Ada' })).toEqual(['N;X-RAPPORT-DERIVED=TRUE:;Lovelace\\, Ada;;;']);
  });

  it('keeps N empty for a company card, and writes no N in 4.0, where it is optional', () => {
    expect(nLine({ displayName: 'Analytical Engines', organisation: 'analytical engines' })).toEqual([
      'N:;;;;',
    ]);
    expect(nLine({ displayName: 'Ada Lovelace' }, '4.0')).toEqual([]);
    expect(nLine({ displayName: 'Ada Lovelace', familyName: 'Lovelace' })).toEqual(['N:Lovelace;;;;']);
  });

  it('reads back without name parts, and a new display name gets a new N', () => {
    const text = serializeVCard(person({ displayName: 'Ada Lovelace' }));
    const [read] = parseVCards(text, { file: 'x.vcf' }).records;
    expect(model(read)).toEqual(model(person({ displayName: 'Ada Lovelace' })));
    const renamed = serializeVCard({ ...(read as ImportedPerson), displayName: 'Ada Byron' });
    expect(renamed).toContain('\r\nN;X-RAPPORT-DERIVED=TRUE:Byron;Ada;;;\r\n');
    expect(renamed).not.toContain('Lovelace');
  });
});

describe('round trips with the raw card', () => {
  const source = readFileSync(join(FIXTURES, 'q07-grouped.vcf'), 'utf8');
  const imported = parseVCards(source, { file: 'q07' }).records[0] as ImportedPerson;

  it('keeps every property we do not model, with its group and label', () => {
    const out = serializeVCard(imported).replace(/\r\n /g, '');
    expect(out).toContain('X-ABUID:5A8B6C4D-0000-4000-8000-000000000001:ABPerson\r\n');
    expect(out).toContain('IMPP;TYPE=HOME;X-SERVICE-TYPE=Skype:skype:greta.grouped\r\n');
    expect(out).toMatch(/ITEM5\.X-ABRELATEDNAMES:Hans\r\nITEM5\.X-ABLABEL:_\$!<Spouse>!\$_\r\n/);
    expect(out).toMatch(/ITEM3\.ADR;TYPE=HOME:;;3 Rue Exemple;Paris;;75001;France\r\nITEM3\.X-ABADR:fr\r\n/);
    expect(out).toContain(
      'X-SOCIALPROFILE;TYPE=linkedin;X-USER=greta:https://www.linkedin.com/in/greta-grouped\r\n',
    );
    expect(out).toMatch(
      /ITEM1\.EMAIL;TYPE=INTERNET,pref:greta@example\.test\r\nITEM1\.X-ABLABEL:_\$!<Other>!\$_/,
    );
    expect(out).not.toContain('Apple Inc.');
    const again = parseVCards(out, { file: 'out' }).records[0];
    expect(model(again)).toEqual(model(imported));
    expect(serializeVCard(again as ImportedPerson)).toBe(serializeVCard(imported));
  });

  it('writes changed values from the person, dropping what belonged to the old value', () => {
    const changed: ImportedPerson = {
      ...imported,
      emails: [{ value: 'greta@new.example.test', label: 'Other' }],
      addresses: [{ street: '9 New St', locality: 'Lyon', label: 'home' }],
    };
    const out = serializeVCard(changed);
    expect(out).not.toContain('greta@example.test');
    expect(out).not.toContain('X-ABADR');
    expect(out).toContain('greta@new.example.test');
    expect(out).toContain('X-ABUID:5A8B6C4D-0000-4000-8000-000000000001:ABPerson\r\n');
    const again = parseVCards(out, { file: 'out' }).records[0];
    expect(model(again)).toEqual(model(changed));
  });

  it('converts kept properties when writing another version (binary LOGO → data: URI and back)', () => {
    const raw =
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Logo Co\r\nLOGO;ENCODING=b;TYPE=PNG:iVBORw0KGgo=\r\nEND:VCARD\r\n';
    const p = parseVCards(raw, { file: 'l' }).records[0] as ImportedPerson;
    const four = serializeVCard(p, { version: '4.0' });
    expect(four).toContain('\r\nLOGO:data:image/png;base64,iVBORw0KGgo=\r\n');
    const back = serializeVCard(parseVCards(four, { file: 'l4' }).records[0] as ImportedPerson, {
      version: '3.0',
    });
    expect(back).toContain('\r\nLOGO;ENCODING=b;TYPE=PNG:iVBORw0KGgo=\r\n');
  });
});

describe('extra', () => {
  it('writes extra entries as X- properties or X-RAPPORT-EXTRA, and reads them back', () => {
    const p = person({
      displayName: 'Extra Person',
      extra: {
        'X-PHONETIC-FIRST-NAME': 'Ay-da',
        'Connected On': '12 Jan 2024',
        ROLE: 'Advisor',
        'X-ABDATE': 'odd',
      },
    });
    const out = serializeVCard(p);
    expect(out).toContain('\r\nX-PHONETIC-FIRST-NAME:Ay-da\r\n');
    expect(out).toContain('\r\nX-RAPPORT-EXTRA;X-KEY=Connected On:12 Jan 2024\r\n');
    expect(out).toContain('\r\nROLE:Advisor\r\n');
    expect(model(parseVCards(out, { file: 'x' }).records[0])).toEqual(model(p));
  });
});

describe('many cards', () => {
  const people = [ada, person({ displayName: 'Bob' }), person({ givenName: 'Cy', familyName: 'Derived' })];

  it('joins cards into one file, and the generators give the same text', async () => {
    const all = serializeVCards(people);
    expect(all.match(/BEGIN:VCARD\r\n/g)).toHaveLength(3);
    expect(Array.from(iterateVCards(people)).join('')).toBe(all);
    let streamed = '';
    async function* source() {
      yield* people;
    }
    for await (const chunk of streamVCards(source())) streamed += chunk;
    expect(streamed).toBe(all);
    expect(parseVCards(all, { file: 'all' }).records.map((p) => p.displayName)).toEqual([
      'Ada Lovelace',
      'Bob',
      'Cy Derived',
    ]);
  });
});
