import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyPerson } from '../model';
import { parseContactCsv } from './parse-contact-csv';
import { serializeContactCsv } from './serialize-contact-csv';
import { fromSpreadsheetSafe, spreadsheetSafe } from './spreadsheet-safe';

describe('spreadsheetSafe', () => {
  it('guards cells a spreadsheet would run as a formula, and leaves numbers and phone numbers alone', () => {
    for (const formula of [
      '=HYPERLINK("http://evil","x")',
      '@SUM(A1)',
      '+cmd|"/C calc"!A0',
      '-1+cmd|x',
      '\t=1',
      '- a note',
    ])
      expect(spreadsheetSafe(formula), formula).toBe(`'${formula}`);
    for (const plain of ['+44 20 7946 0000', '+1 (555) 010-0700 ext. 12', '-5', 'Ada', "'quoted", ''])
      expect(spreadsheetSafe(plain), plain).toBe(plain);
  });

  it('is undone by fromSpreadsheetSafe, whatever the text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(fromSpreadsheetSafe(spreadsheetSafe(s))).toBe(s);
      }),
    );
  });

  it("guards the export's cells, and the import reads them back as they were", () => {
    const person = {
      ...emptyPerson({ file: 'x', line: 2 }),
      displayName: 'Mallory',
      givenName: 'Mallory',
      organisation: '=HYPERLINK("http://evil.example","click")',
      title: '@Title',
      notes: '- first\n- second',
      phones: [{ value: '+44 20 7946 0000' }],
      extra: { Score: '=42' },
    };
    const csv = serializeContactCsv([person]);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csv).toContain(",'@Title,");
    expect(csv).toContain(",'=42");
    expect(csv).toContain(',+44 20 7946 0000,');
    const back = parseContactCsv(csv).records[0];
    expect(back).toMatchObject({
      organisation: person.organisation,
      title: '@Title',
      notes: '- first\n- second',
      extra: { Score: '=42' },
    });
  });
});
