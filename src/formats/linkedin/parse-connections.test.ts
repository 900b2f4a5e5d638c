import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPlausibleEmail } from '../csv/is-plausible-email';
import { parseConnections } from './parse-connections';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const parse = (name: string) => parseConnections(fixture(name), { file: name });

describe('parseConnections', () => {
  it('reads the 2023+ era: BOM, Notes preamble, URL column; keys on the normalised profile URL', () => {
    const { records, issues, headerLine } = parse('connections-preamble-bom.csv');
    expect(issues).toEqual([]);
    expect(headerLine).toBe(4);
    expect(records).toEqual([
      {
        ref: { file: 'connections-preamble-bom.csv', line: 5 },
        givenName: 'Élodie',
        familyName: 'Marchetti',
        organisation: 'Quillworks',
        title: 'Head of Research',
        emails: [],
        phones: [],
        urls: [{ value: 'https://www.linkedin.com/in/elodie-marchetti-4f2a1b', label: 'LinkedIn' }],
        addresses: [],
        tags: [],
        connectedOn: '2026-11-25',
        extra: {},
        sourceKey: 'https://www.linkedin.com/in/elodie-marchetti-4f2a1b',
      },
      expect.objectContaining({
        ref: { file: 'connections-preamble-bom.csv', line: 6 },
        emails: [{ value: 'bram.okonkwo@example.com' }],
        // Kept as found in urls; the key loses the trailing slash.
        urls: [{ value: 'https://www.linkedin.com/in/bram-okonkwo/', label: 'LinkedIn' }],
        sourceKey: 'https://www.linkedin.com/in/bram-okonkwo',
        connectedOn: '2026-02-08',
      }),
    ]);
  });

  it('reads the pre-2021 era: no preamble, no URL column (no key)', () => {
    const { records, issues } = parse('connections-2020-no-preamble.csv');
    expect(issues).toEqual([]);
    expect(
      records.map((r) => [r.ref.line, r.givenName, r.emails, r.sourceKey, r.urls, r.connectedOn]),
    ).toEqual([
      [2, 'Zoë', [{ value: 'zoe.lindqvist@example.org' }], undefined, [], '2020-03-14'],
      [3, 'Kenji', [], undefined, [], '2019-01-02'],
    ]);
  });

  it('reads the 2022 era: preamble without the URL column', () => {
    const { records, issues } = parse('connections-2022-no-url.csv');
    expect(issues).toEqual([]);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      ref: { line: 5 },
      givenName: 'Priya',
      organisation: 'Coastline Health',
    });
  });

  it('keeps quoted commas and doubled quotes inside their cells', () => {
    const { records } = parse('connections-quoted.csv');
    expect(records.map((r) => [r.familyName, r.suffix, r.organisation, r.title])).toEqual([
      ['Caldwell', 'MBA', 'Caldwell, Price & Partners, LLP', 'Partner'],
      ['Duarte', undefined, 'Fabrikam', 'Lead, "Platform" Team'],
    ]);
  });

  it('moves credentials typed into the last name to the name suffix, and only credentials', () => {
    const { records, issues } = parse('connections-credentials.csv');
    expect(issues).toEqual([]);
    expect(records.map((r) => [r.givenName, r.familyName, r.suffix])).toEqual([
      ['Chidi', 'Okafor', 'PhD, PMP'],
      ['Lan', 'Nguyen', 'Ph.D.'],
      ['Jo', 'Smith, John', undefined],
      ['Ray', 'Brown MBA', undefined],
    ]);
  });

  it('counts rows with only a date as hidden profiles: skipped, not imported', () => {
    const { records, issues, hiddenProfiles } = parse('connections-hidden-rows.csv');
    expect(records.map((r) => r.givenName)).toEqual(['Olu', 'Mara']);
    expect(hiddenProfiles).toBe(2);
    expect(issues).toEqual([
      {
        ref: { file: 'connections-hidden-rows.csv', line: 6 },
        message: '2 rows with only a date (hidden or closed profiles) skipped',
        severity: 'skipped',
        rows: 2,
      },
    ]);
  });

  it('says what is wrong with a row that has no name and a date that is not one: not a hidden profile', () => {
    const { records, issues, hiddenProfiles } = parse('connections-no-name-bad-date.csv');
    expect(records.map((r) => r.givenName)).toEqual(['Nia']);
    // Only the row with a real date alone is a hidden profile.
    expect(hiddenProfiles).toBe(1);
    expect(issues).toEqual([
      {
        ref: { file: 'connections-no-name-bad-date.csv', line: 4 },
        message:
          'row has no name, profile URL or e-mail address, and "#VALUE!" in Connected On is not a date; not imported',
        severity: 'error',
      },
      {
        ref: { file: 'connections-no-name-bad-date.csv', line: 5 },
        message:
          'row has no name, profile URL or e-mail address, and "sometime" in Connected On is not a date; not imported',
        severity: 'error',
      },
      // The count of hidden profiles comes last, at the first of them.
      {
        ref: { file: 'connections-no-name-bad-date.csv', line: 3 },
        message: '1 row with only a date (hidden or closed profiles) skipped',
        severity: 'skipped',
      },
    ]);
  });

  it("keeps a row whose Connected On is after the owner's today without the date, with a warning", () => {
    const name = 'connections-future-dates.csv';
    const { records, issues } = parseConnections(fixture(name), { file: name, today: '2026-11-27' });
    // Today itself has happened; the next day and a typo'd year have not.
    expect(records.map((r) => [r.givenName, r.connectedOn])).toEqual([
      ['Irene', '2026-11-27'],
      ['Jonas', undefined],
      ['Kemal', undefined],
    ]);
    expect(issues).toEqual([
      {
        ref: { file: name, line: 3 },
        field: 'Connected On',
        message: '"28 Nov 2026" is in the future; the row is kept without it',
        severity: 'warning',
      },
      {
        ref: { file: name, line: 4 },
        field: 'Connected On',
        message: '"14 Mar 2062" is in the future; the row is kept without it',
        severity: 'warning',
      },
    ]);
    // Without a today (a parse on its own), no date is in the future.
    expect(parse(name).records.map((r) => r.connectedOn)).toEqual(['2026-11-27', '2026-11-28', '2062-03-14']);
  });

  it('keeps a row with a profile but no name, and says it will be called by its company', () => {
    const text = [
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
      ',,https://www.linkedin.com/in/someone-gone,,Initech,Analyst,07 Feb 2024',
    ].join('\n');
    const { records, issues } = parseConnections(text);
    expect(records).toHaveLength(1);
    expect(issues).toEqual([
      {
        ref: { file: 'Connections.csv', line: 2 },
        field: 'First Name',
        message:
          'no name on this row; the contact is called by its company, e-mail or profile until you name it',
        severity: 'warning',
      },
    ]);
  });

  it('reads CRLF line ends and a last row without a newline, with the right line numbers', () => {
    const { records, issues } = parse('connections-crlf-no-final-newline.csv');
    expect(issues).toEqual([]);
    expect(records.map((r) => [r.ref.line, r.givenName, r.connectedOn, r.sourceKey])).toEqual([
      [5, 'Tomás', '2025-03-03', 'https://www.linkedin.com/in/tomas-ferreira'],
      [6, 'Hana', '2025-03-01', 'https://www.linkedin.com/in/hana-novak'],
    ]);
  });

  it("reads Excel's date forms; an unreadable date is a warning and the row is kept without it", () => {
    const { records, issues } = parse('connections-excel-dates.csv');
    expect(records.map((r) => r.connectedOn)).toEqual(['2022-02-07', '2022-02-07', '2022-02-07', undefined]);
    expect(records[3]?.givenName).toBe('Dev');
    expect(issues).toEqual([
      {
        ref: { file: 'connections-excel-dates.csv', line: 5 },
        field: 'Connected On',
        message: '"sometime in 2021" is not a date (expected e.g. 25 Nov 2026); the row is kept without it',
        severity: 'warning',
      },
    ]);
  });

  it('unwraps lines that Excel wrapped whole in quotes', () => {
    const { records, issues } = parse('connections-whole-line-quoted.csv');
    expect(issues).toEqual([]);
    expect(records.map((r) => [r.ref.line, r.givenName, r.familyName, r.organisation, r.sourceKey])).toEqual([
      [2, 'Lena', 'Vogel', 'Vogel, Berg & Co', 'https://www.linkedin.com/in/lena-vogel'],
      [3, 'Yusuf', 'Demir', 'Anatolia Rail', 'https://www.linkedin.com/in/yusuf-demir'],
    ]);
  });

  it('reports bad rows with file, line and field, and keeps every good row', () => {
    const { records, issues } = parse('connections-bad-rows.csv');
    expect(records.map((r) => [r.givenName, r.emails])).toEqual([
      ['Rosa', []],
      ['Leo', [{ value: 'leo.marsh@example.com' }]],
    ]);
    expect(issues).toEqual([
      {
        ref: { file: 'connections-bad-rows.csv', line: 5 },
        field: 'Email Address',
        message: '"rosa at example dot com" is not an e-mail address; the row is kept without it',
        severity: 'warning',
      },
      {
        ref: { file: 'connections-bad-rows.csv', line: 6 },
        message: 'row has no name, profile URL or e-mail address; not imported',
        severity: 'error',
      },
    ]);
  });

  it('drops only the row of a quote never closed, and reads every row below it', () => {
    const { records, issues } = parse('connections-unclosed-quote.csv');
    expect(records.map((r) => [r.ref.line, r.givenName, r.title])).toEqual([
      [2, 'Eva', 'CEO'],
      [4, 'Gus', 'Chef'],
    ]);
    expect(issues).toEqual([
      {
        ref: { file: 'connections-unclosed-quote.csv', line: 3 },
        message: 'a quoted cell opened here is never closed; this row is not imported',
        severity: 'error',
      },
    ]);
  });

  it('drops only the row of a stray quote that pairs with a quote rows below, and reads those rows', () => {
    const { records, issues } = parse('connections-stray-quote.csv');
    expect(records.map((r) => [r.ref.line, r.givenName, r.familyName, r.suffix, r.organisation])).toEqual([
      [3, 'Ben', 'Stone', undefined, 'Stone Ltd'],
      [4, 'Cy', 'Rowe', 'PhD', 'Rowe'],
      [5, 'Dee', 'Moss', undefined, 'Moss, Hill & Co'],
    ]);
    expect(issues).toEqual([
      {
        ref: { file: 'connections-stray-quote.csv', line: 2 },
        message: 'a quote in this row is not closed on its line; this row is not imported',
        severity: 'error',
      },
    ]);
  });

  it('drops the row of a stray quote closed rows below by the opening quote of a last cell there', () => {
    const text = [
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
      'Ada,Quill,https://www.linkedin.com/in/ada-quill,,Quill,"CTO,01 Jan 2025',
      'Ben,Stone,https://www.linkedin.com/in/ben-stone,,Stone Ltd,Owner,02 Jan 2025',
      'Cy,Rowe,https://www.linkedin.com/in/cy-rowe,,Rowe,Dev,"03 Jan 2025"',
    ].join('\n');
    const { records, issues } = parseConnections(text);
    expect(records.map((r) => [r.ref.line, r.givenName, r.familyName])).toEqual([
      [3, 'Ben', 'Stone'],
      [4, 'Cy', 'Rowe'],
    ]);
    expect(issues.map((i) => [i.ref.line, i.severity, i.message])).toEqual([
      [2, 'error', 'a quote in this row is not closed on its line; this row is not imported'],
    ]);
  });

  it('counts lines inside multi-line quoted cells, maps extra columns by name and warns on odd URLs', () => {
    const text = [
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On,Tags',
      'Ada,Quill,HTTPS://linkedin.com/in/Ada-Quill?trk=x,,"Two',
      'line company",CTO,01 Jan 2024,vip',
      'Ben,Stone,https://example.com/ben,,Stone Ltd,Owner,02 Jan 2024,',
      'Cy,Rowe,https://www.linkedin.com/in/cy-rowe,,Rowe,Dev,03 Jan 2024,,surplus',
    ].join('\n');
    const { records, issues } = parseConnections(text);
    expect(records.map((r) => [r.ref.line, r.organisation, r.sourceKey, r.extra])).toEqual([
      [2, 'Two\nline company', 'https://www.linkedin.com/in/ada-quill', { Tags: 'vip' }],
      [4, 'Stone Ltd', undefined, {}],
      [5, 'Rowe', 'https://www.linkedin.com/in/cy-rowe', {}],
    ]);
    expect(issues.map((i) => [i.ref.line, i.field, i.severity])).toEqual([
      [4, 'URL', 'warning'],
      [5, undefined, 'warning'],
    ]);
  });

  it('reads a file whose lines end with CR alone', () => {
    const text = 'First Name,Last Name,Connected On\rAda,Quill,01 Jan 2024\rBo,Lind,02 Jan 2024';
    expect(parseConnections(text).records.map((r) => [r.ref.line, r.givenName])).toEqual([
      [2, 'Ada'],
      [3, 'Bo'],
    ]);
  });

  it('says so when there is no header row', () => {
    expect(parseConnections('Name,Email\nAda,ada@example.com\n', { file: 'x.csv' })).toEqual({
      records: [],
      issues: [
        {
          ref: { file: 'x.csv', line: 1 },
          message:
            'no header row found: expected a row with "First Name" and "Connected On" (is this Connections.csv?)',
          severity: 'error',
        },
      ],
      hiddenProfiles: 0,
      headerLine: 0,
    });
  });

  it('keeps an e-mail address exactly when isPlausibleEmail takes it (the ASCII fast path agrees)', () => {
    const header = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n';
    const cell = fc
      .array(
        fc.constantFrom(
          'a',
          'Z',
          '0',
          '.',
          '-',
          '+',
          '_',
          '@',
          '@',
          ' ',
          '"',
          '(',
          ':',
          ';',
          '\\',
          'é',
          '\u0001',
          '\u007f',
          'mailto:',
        ),
        {
          maxLength: 12,
        },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(cell, (email) => {
        // No comma, quote or line end reaches the cell unquoted: quote it as a spreadsheet would.
        const quoted = `"${email.replaceAll('"', '""')}"`;
        const [person] = parseConnections(`${header}Ada,Lovelace,,${quoted},,,01 Jan 2024`).records;
        const kept = email.trim();
        expect(person?.emails).toEqual(kept && isPlausibleEmail(kept) ? [{ value: kept }] : []);
      }),
      { numRuns: 1000 },
    );
    // Unquoted, as LinkedIn writes it, on the fast path's own reading of the cell.
    for (const email of [
      'ada@example.com',
      'a@b',
      '@example.com',
      'ada@',
      'a@b@c',
      'ada lovelace@x.io',
      'mailto:ada@x.io',
    ]) {
      const [person] = parseConnections(`${header}Ada,Lovelace,,${email},,,01 Jan 2024`).records;
      expect(person?.emails, email).toEqual(isPlausibleEmail(email) ? [{ value: email }] : []);
    }
  });

  it('never throws, whatever the bytes or text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const result = parseConnections(bytes);
        expect(Array.isArray(result.records)).toBe(true);
      }),
      { numRuns: 300 },
    );
    const header = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n';
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            'a',
            ',',
            '"',
            '\n',
            '\r',
            ' ',
            'https://www.linkedin.com/in/x',
            '01 Jan 2024',
            'é',
          ),
        ),
        (parts) => {
          const result = parseConnections(header + parts.join(''));
          for (const r of result.records) expect(r.ref.line).toBeGreaterThanOrEqual(2);
        },
      ),
      { numRuns: 500 },
    );
  });
});
