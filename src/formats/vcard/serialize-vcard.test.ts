import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { emptyPerson, type ImportedPerson } from '../model';
import { personArb } from './arbitraries.test-helper';
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

  it('writes extra entries deleted or changed in the person from the person, not from the raw card', () => {
    expect(imported.extra).toMatchObject({
      IMPP: 'skype:greta.grouped (home)',
      'X-ABRELATEDNAMES': 'Hans (Spouse)',
    });
    const { IMPP: _impp, ...rest } = imported.extra;
    const changed: ImportedPerson = { ...imported, extra: { ...rest, 'X-ABRELATEDNAMES': 'Hanna (Spouse)' } };
    const out = serializeVCard(changed);
    expect(out).not.toContain('IMPP');
    expect(out).not.toContain('Spouse>');
    expect(out.match(/.*ABRELATEDNAMES.*/g)).toEqual(['X-ABRELATEDNAMES:Hanna (Spouse)']);
    expect(out).toContain('\r\nX-ABUID:5A8B6C4D-0000-4000-8000-000000000001:ABPerson\r\n');
    expect(parseVCards(out, { file: 'out' }).records[0]?.extra).toEqual(changed.extra);
    // An entry the caller never took from the raw card (shownExtra leaves it out) is written back as it was.
    const shownExtra = ({ IMPP: _i, ...shown }: Record<string, string>) => shown;
    expect(serializeVCard({ ...imported, extra: rest }, { shownExtra })).toBe(serializeVCard(imported));
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

describe('4.0 TEL, PREF and properties of one version only', () => {
  const card4 = [
    'BEGIN:VCARD',
    'VERSION:4.0',
    'FN:Claire Dubois',
    'TEL;VALUE=uri;TYPE=home:tel:+33-1-23-45-67-89',
    'TEL;TYPE=work:tel:+1-418-656-9254;ext=102',
    'TEL;TYPE=cell:+33 6 12 34 56 78',
    'EMAIL;TYPE=work:claire@work.example',
    'EMAIL;PREF=1:claire@example.org',
    'MAILER:PigeonMail 2.1',
    'CLASS:PUBLIC',
    'SORT-STRING:Dubois',
    'AGENT:BEGIN:VCARD\\nFN:Susan Thomas\\nEND:VCARD\\n',
    'END:VCARD',
    '',
  ].join('\r\n');
  const claire = parseVCards(card4, { file: 'c.vcf' }).records[0] as ImportedPerson;

  it('writes a tel: URI with VALUE=uri (RFC 6350 reads a TEL without VALUE as text), and reads it back', () => {
    const out = serializeVCard(claire, { version: '4.0' });
    expect(out).toContain('\r\nTEL;VALUE=uri;TYPE=home:tel:+33-1-23-45-67-89\r\n');
    expect(out).toContain('\r\nTEL;VALUE=uri;TYPE=work:tel:+1-418-656-9254;ext=102\r\n');
    // A number written as text stays text.
    expect(out).toContain('\r\nTEL;TYPE=cell:+33 6 12 34 56 78\r\n');
    expect(out).not.toMatch(/\r\nTEL(;TYPE=\w+)?:tel:/);
    const again = parseVCards(out, { file: 'again.vcf' }).records[0];
    expect(again?.phones).toEqual([
      { value: '+33-1-23-45-67-89', label: 'home' },
      { value: '+1-418-656-9254;ext=102', label: 'work' },
      { value: '+33 6 12 34 56 78', label: 'cell' },
    ]);
    expect(model(again)).toEqual(model(claire));
  });

  it('keeps the preferred e-mail preferred in the other version, and when written from the person', () => {
    const three = serializeVCard(claire, { version: '3.0' });
    expect(three).toContain('\r\nEMAIL;TYPE=internet,pref:claire@example.org\r\n');
    expect(three).toContain('\r\nEMAIL;TYPE=internet,work:claire@work.example\r\n');
    const back = parseVCards(three, { file: 'three.vcf' }).records[0] as ImportedPerson;
    expect(serializeVCard(back, { version: '4.0' })).toContain('\r\nEMAIL;PREF=1:claire@example.org\r\n');
    // A new label: the value is written from the person, and is still the preferred one.
    const relabelled = { ...claire, emails: [{ value: 'claire@example.org', label: 'home' }] };
    expect(serializeVCard(relabelled, { version: '4.0' })).toContain(
      '\r\nEMAIL;TYPE=home;PREF=1:claire@example.org\r\n',
    );
    const apple = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nTEL;TYPE=CELL,pref:+44 7700 900123\r\nEND:VCARD\r\n';
    const a = parseVCards(apple, { file: 'a.vcf' }).records[0] as ImportedPerson;
    expect(serializeVCard(a, { version: '4.0' })).toContain(
      '\r\nTEL;TYPE=cell;PREF=1;VALUE=TEXT:+44 7700 900123\r\n',
    );
  });

  it('writes 3.0 properties kept from a 4.0 card without VALUE=UNKNOWN, and 4.0 ones from a 3.0 card', () => {
    const three = serializeVCard(claire, { version: '3.0' });
    expect(three).not.toContain('VALUE=UNKNOWN');
    expect(three).toContain('\r\nMAILER:PigeonMail 2.1\r\n');
    expect(three).toContain('\r\nCLASS:PUBLIC\r\n');
    expect(three).toContain('\r\nSORT-STRING:Dubois\r\n');
    expect(three).toContain('\r\nAGENT:BEGIN:VCARD\\nFN:Susan Thomas\\nEND:VCARD\\n\r\n');
    const card3 = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Kim',
      'IMPP;X-SERVICE-TYPE=Jabber:xmpp:kim@example.org',
      'KIND:individual',
      'GENDER:F;she\\, her',
      'END:VCARD',
      '',
    ].join('\r\n');
    const kim = parseVCards(card3, { file: 'k.vcf' }).records[0] as ImportedPerson;
    const four = serializeVCard(kim, { version: '4.0' });
    expect(four).not.toContain('VALUE=UNKNOWN');
    expect(four).toContain('\r\nIMPP;X-SERVICE-TYPE=Jabber:xmpp:kim@example.org\r\n');
    expect(four).toContain('\r\nKIND:individual\r\n');
    expect(four).toContain('\r\nGENDER:F;she\\, her\r\n');
    expect(model(parseVCards(four, { file: 'k4.vcf' }).records[0])).toEqual(model(kim));
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

describe('labels written their own way', () => {
  it('keep their spelling in X-ABLabel and say their kind in TYPE too, for clients reading only TYPE', () => {
    const person: ImportedPerson = {
      ...emptyPerson({ file: 'outlook.csv', line: 2 }),
      displayName: 'Käthe Kollwitz',
      phones: [
        { value: '+49 30 1234567', label: 'Mobile' },
        { value: '+49 30 7654321', label: 'Work Fax' },
        { value: '+49 30 5550000', label: 'Werkstatt' },
      ],
      emails: [{ value: 'kaethe@example.de', label: 'Work' }],
    };
    const text = serializeVCard(person, { version: '3.0' });
    expect(text).toContain('TEL;TYPE=cell:+49 30 1234567\r\nITEM2.X-ABLABEL:_$!<Mobile>!$_\r\n');
    expect(text).toContain('TEL;TYPE=work,fax:+49 30 7654321\r\nITEM3.X-ABLABEL:Work Fax\r\n');
    // A word no TYPE means gets none.
    expect(text).toContain('ITEM4.TEL:+49 30 5550000\r\nITEM4.X-ABLABEL:Werkstatt\r\n');
    expect(text).toContain('EMAIL;TYPE=internet,work:kaethe@example.de\r\nITEM1.X-ABLABEL:_$!<Work>!$_\r\n');
    const back = parseVCards(text, { file: 'out.vcf' }).records[0];
    expect(back?.phones).toEqual(person.phones);
    expect(back?.emails).toEqual(person.emails);
  });
});

describe.each(['3.0', '4.0'] as const)('folding in vCard %s', (version) => {
  /** The card's logical lines (continuations joined back), each folded by ical.js as it folds a component. */
  function foldedByIcal(card: string): string {
    const lines: string[] = [];
    for (const l of card.slice(0, -2).split('\r\n')) {
      if (l.startsWith(' ')) lines[lines.length - 1] += l.slice(1);
      else lines.push(l);
    }
    return `${lines.map((l) => ICAL.helpers.foldline(l)).join('\r\n')}\r\n`;
  }

  it('folds exactly the lines ical.js folds, where it folds them (arbitrary people)', () => {
    fc.assert(
      fc.property(personArb, (p) => {
        const card = serializeVCard(p, { version });
        expect(card).toBe(foldedByIcal(card));
      }),
      { numRuns: 300 },
    );
  });

  it('folds lines at the 75-octet edge, in ASCII and in several-byte characters', () => {
    for (const n of [20, 24, 25, 26, 60, 64, 65, 66, 70, 80, 150])
      for (const c of ['a', 'é', '’', '😀'])
        for (const notes of [c.repeat(n), `${'x'.repeat(n)}${c}`, `${c}${'x'.repeat(n)}`]) {
          const card = serializeVCard(person({ displayName: 'N', notes }), { version });
          expect(card).toBe(foldedByIcal(card));
          expect(parseVCards(card, { file: 'x' }).records[0]?.notes).toBe(notes);
        }
  });
});
