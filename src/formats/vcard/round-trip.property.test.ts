import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyPerson, type ImportedPerson, type LabelledValue, type PostalAddress } from '../model';
import { parseVCards } from './parse-vcard';
import { serializeVCard, serializeVCards, type VCardVersion } from './serialize-vcard';

// Pieces that exercise escaping, folding and encodings: vCard separators, backslashes, quotes, line breaks,
// accents, CJK, emoji (astral, with modifiers and ZWJ), and RFC 6868's caret.
const PIECES = [
  'a',
  'Zoë',
  'Ølaf',
  'José',
  'Łódź',
  '東京',
  '😀',
  '👍🏽',
  '👩‍💻',
  ',',
  ';',
  ':',
  '\\',
  '\\n',
  '"',
  "'",
  '^',
  '=',
  '.',
  '-',
  ' ',
  '\n',
  'BEGIN:VCARD',
  'END:VCARD',
  'item1.',
  'x',
  '0',
];

/** Text as our parser returns it: no CR (line breaks are LF), no blank ends. */
const text = (max = 8) =>
  fc
    .array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: max })
    .map((parts) => parts.join('').trim())
    .filter((s) => s !== '');
const line = (max = 6) =>
  text(max)
    .map((s) => s.replace(/\n+/g, ' ').trim())
    .filter((s) => s !== '');
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const label = maybe(
  fc.oneof(
    fc.constantFrom(
      'home',
      'work',
      'cell',
      'home fax',
      'Other',
      'HomePage',
      'Anniversary',
      'linkedin',
      'pref',
      'internet',
    ),
    line(4).filter((s) => !/^_\$!<.*>!\$_$/.test(s)),
  ),
);
const labelled = (value: fc.Arbitrary<string>) =>
  fc
    .record({ value, label })
    .map(({ value, label }) => (label === undefined ? { value } : { value, label }) as LabelledValue);

const email = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,12}$/),
    fc.stringMatching(/^[a-z0-9-]{1,10}\.(test|example)$/),
  )
  .map(([l, d]) => `${l}@${d}`);
const phone = fc.stringMatching(/^\+?[0-9]{1,3}( ?\(?[0-9]{2,4}\)?[ -]?[0-9]{2,4}){1,3}(,,[0-9]{1,4})?$/);
const url = fc.oneof(
  fc.stringMatching(/^https:\/\/[a-z0-9-]{1,12}\.example\/[a-zA-Z0-9_~.%,;=&?-]{0,20}$/),
  fc.stringMatching(/^https:\/\/www\.linkedin\.com\/in\/[a-z0-9-]{3,20}$/),
);
const pad = (n: number) => String(n).padStart(2, '0');
const date = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: 1900, max: 2030 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 28 }),
    )
    .map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`),
  fc
    .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
    .map(([m, d]) => `--${pad(m)}-${pad(d)}`),
);
const address = fc
  .record(
    {
      label,
      poBox: maybe(line()),
      extended: maybe(text()),
      street: maybe(text()),
      locality: maybe(line()),
      region: maybe(line()),
      postalCode: maybe(line(3)),
      country: maybe(line()),
      formatted: maybe(text(10)),
    },
    { requiredKeys: [] },
  )
  .map((a) => Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)) as PostalAddress);
const photo = fc.oneof(
  fc.record({
    kind: fc.constant('inline' as const),
    mime: fc.constantFrom('image/jpeg', 'image/png', 'image/gif'),
    data: fc.uint8Array({ minLength: 1, maxLength: 400 }),
  }),
  url.map((u) => ({ kind: 'url' as const, url: u })),
);
const extraKey = fc.oneof(
  fc.stringMatching(/^X-[A-Z][A-Z0-9-]{0,12}$/),
  fc.constantFrom('ROLE', 'Connected On', 'Position', 'X-ABDATE', 'KIND', 'x-lower', 'Notes; with "quotes"'),
);

const personArb = fc
  .record(
    {
      displayName: text(),
      givenName: maybe(text()),
      familyName: maybe(text()),
      additionalNames: maybe(text()),
      prefix: maybe(line()),
      suffix: maybe(line()),
      nickname: maybe(text()),
      organisation: maybe(text()),
      department: maybe(text()),
      title: maybe(text()),
      emails: fc.array(labelled(email), { maxLength: 3 }),
      phones: fc.array(labelled(phone), { maxLength: 3 }),
      urls: fc.array(labelled(url), { maxLength: 3 }),
      addresses: fc.array(address, { maxLength: 2 }),
      birthday: maybe(date),
      dates: maybe(fc.array(labelled(date), { minLength: 1, maxLength: 2 })),
      notes: maybe(text(20)),
      tags: fc.uniqueArray(text(4), { maxLength: 4 }),
      photo: maybe(photo),
      extra: fc.dictionary(extraKey, text(6), { maxKeys: 3 }),
      sourceKey: maybe(
        fc.oneof(
          fc.uuid().map((u) => `urn:uuid:${u}`),
          line(4),
        ),
      ),
    },
    { requiredKeys: ['displayName', 'emails', 'phones', 'urls', 'addresses', 'tags', 'extra'] },
  )
  .map((fields) => {
    const p: ImportedPerson = { ...emptyPerson({ file: 'generated' }) };
    for (const [k, v] of Object.entries(fields))
      if (v !== undefined) (p as unknown as Record<string, unknown>)[k] = v;
    return p;
  });

function model(p: ImportedPerson | undefined) {
  if (!p) return undefined;
  const { ref: _ref, raw: _raw, ...rest } = p;
  return rest;
}

describe.each(['3.0', '4.0'] as VCardVersion[])('round trip in vCard %s (fast-check)', (version) => {
  it('export → import is the identity', () => {
    fc.assert(
      fc.property(personArb, (person) => {
        const text = serializeVCard(person, { version });
        const r = parseVCards(text, { file: 'rt.vcf' });
        expect(r.issues).toEqual([]);
        expect(r.records).toHaveLength(1);
        expect(model(r.records[0])).toEqual(model(person));
      }),
      { numRuns: 200 },
    );
  });

  it('export → import → export gives the same file (with the raw card carried along)', () => {
    fc.assert(
      fc.property(fc.array(personArb, { minLength: 1, maxLength: 4 }), (persons) => {
        const first = serializeVCards(persons, { version });
        const again = parseVCards(first, { file: 'rt.vcf' }).records;
        expect(serializeVCards(again, { version })).toBe(first);
      }),
      { numRuns: 60 },
    );
  });
});

describe('the parser never throws (fast-check)', () => {
  const vcardish = fc
    .array(
      fc.oneof(
        fc.constantFrom(
          'BEGIN:VCARD',
          'END:VCARD',
          'VERSION:2.1',
          'VERSION:3.0',
          'VERSION:4.0',
          'AGENT:',
          'N;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:=C3=',
          'PHOTO;BASE64:',
          ' AAAA',
          'TEL;CELL;;"PREF:1',
          'item1.X-ABLabel:_$!<',
          'BDAY;X-APPLE-OMIT-YEAR=1604:1604-13-40',
          'ADR;LABEL="a:b;c":;;',
          '=',
          '',
        ),
        fc.string({ maxLength: 30 }),
      ),
      { maxLength: 30 },
    )
    .chain((lines) => fc.constantFrom('\r\n', '\n', '\r', '\r\r\n').map((eol) => lines.join(eol)));

  // The synthetic fixtures, cut, spliced and sprinkled with bytes.
  const dir = join(import.meta.dirname, 'fixtures');
  const fixtures = readdirSync(dir)
    .filter((f) => f.endsWith('.vcf'))
    .map((f) => new Uint8Array(readFileSync(join(dir, f))));
  const mutated = fc
    .tuple(
      fc.constantFrom(...fixtures),
      fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.uint8Array({ maxLength: 6 })), { maxLength: 6 }),
    )
    .map(([bytes, edits]) => {
      let out = Buffer.from(bytes);
      for (const [at, cut, insert] of edits) {
        const i = at % (out.length + 1);
        out = Buffer.concat([out.subarray(0, i), Buffer.from(insert), out.subarray(i + cut)]);
      }
      return new Uint8Array(out);
    });

  it('on arbitrary text, vCard-like text, bytes and damaged real cards: it only returns issues', () => {
    const inputs = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 300 }),
      vcardish,
      fc.uint8Array({ maxLength: 400 }),
      mutated,
    );
    fc.assert(
      fc.property(inputs, (input) => {
        const r = parseVCards(input, { file: 'fuzz' });
        expect(Array.isArray(r.records)).toBe(true);
        for (const issue of r.issues) expect(['error', 'warning', 'skipped']).toContain(issue.severity);
        // Whatever was imported can be exported again.
        for (const p of r.records) expect(() => serializeVCard(p)).not.toThrow();
      }),
      { numRuns: 400 },
    );
  });
});
