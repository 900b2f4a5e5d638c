import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ImportedPerson } from '../model';
import { personArb } from './arbitraries.test-helper';
import { parseVCards } from './parse-vcard';
import { serializeVCard, serializeVCards, type VCardVersion } from './serialize-vcard';

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
