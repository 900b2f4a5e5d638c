import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CsvSyntaxIssue, createCsvRowReader, parseCsvRows, readCsvRecordAt } from './parse-csv-rows';

const rows = (text: string, delimiter = ',') => parseCsvRows(text, { delimiter }).rows;

/**
 * Feeds `text` in pieces cut at `cuts` (offsets) and collects what the reader emits; with `header`, the first row's
 * width is the header's (as the contact CSV reader gives it).
 */
function chunked(text: string, cuts: number[], delimiter = ',', unclosedQuote?: 'drop-row', header = false) {
  const out: { line: number; cells: string[] }[] = [];
  const issues: CsvSyntaxIssue[] = [];
  const reader = createCsvRowReader({
    delimiter,
    unclosedQuote,
    headerWidth: header ? () => out[0]?.cells.length : undefined,
    onRow: (cells, line) => out.push({ line, cells }),
    onIssue: (i) => issues.push(i),
  });
  let at = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    reader.push(text.slice(at, cut));
    at = cut;
  }
  reader.push(text.slice(at));
  reader.end();
  return { rows: out, issues };
}

describe('parseCsvRows', () => {
  it('reads RFC 4180: quoted delimiters, doubled quotes, quoted newlines, with starting line numbers', () => {
    expect(rows('a,"b,c","say ""hi"""\n"multi\nline",x,\n\nlast,row')).toEqual([
      { line: 1, cells: ['a', 'b,c', 'say "hi"'] },
      { line: 2, cells: ['multi\nline', 'x', ''] },
      { line: 5, cells: ['last', 'row'] },
    ]);
  });

  it('reads CRLF and lone-CR line ends and keeps ragged rows as they are', () => {
    expect(rows('a,b\r\n"c\r\nd",e,f\r\ng\r\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['c\r\nd', 'e', 'f'] },
      { line: 4, cells: ['g'] },
    ]);
    expect(rows('a,b\rc,d\r')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['c', 'd'] },
    ]);
  });

  it('is relaxed about stray quotes: inside an unquoted cell, or text after a closing quote', () => {
    expect(rows('5" screen,"quoted" tail,x\n')).toEqual([
      { line: 1, cells: ['5" screen', 'quoted tail', 'x'] },
    ]);
  });

  it('reports a quote that is never closed and reads the rest into the cell', () => {
    const { rows: r, issues } = parseCsvRows('a,b\n"open,c\nd\n');
    expect(r).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['open,c\nd\n'] },
    ]);
    expect(issues).toEqual([
      { line: 2, message: 'a quoted cell is never closed; the rest of the file was read into it', column: 0 },
    ]);
  });

  it('uses the given delimiter (semicolon, tab)', () => {
    expect(rows('Vorname;Firma\n"Renée";"Müller; Söhne"\n', ';')).toEqual([
      { line: 1, cells: ['Vorname', 'Firma'] },
      { line: 2, cells: ['Renée', 'Müller; Söhne'] },
    ]);
    expect(rows('a\tb\n1\t2', '\t')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
    ]);
  });

  it('gives the same rows, lines and issues whatever the chunk boundaries', () => {
    const piece = fc.constantFrom('a', 'é', ',', ';', '"', '""', '\n', '\r\n', '\r', ' ', 'x"y');
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }),
        fc.array(fc.nat(120), { maxLength: 6 }),
        (parts, cuts) => {
          const text = parts.join('');
          const whole = parseCsvRows(text);
          const inPieces = chunked(
            text,
            cuts.map((c) => c % (text.length + 1)),
          );
          expect(inPieces.rows).toEqual(whole.rows);
          expect(inPieces.issues).toEqual(whole.issues);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('never throws on arbitrary text and accounts for every line', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        const { rows: r } = parseCsvRows(text);
        for (let k = 1; k < r.length; k++) expect(r[k]?.line).toBeGreaterThan(r[k - 1]?.line ?? 0);
      }),
      { numRuns: 500 },
    );
  });
});

describe("parseCsvRows with unclosedQuote: 'drop-row'", () => {
  const dropRow = (text: string) => parseCsvRows(text, { unclosedQuote: 'drop-row' });
  const unclosed = (line: number, column: number): CsvSyntaxIssue => ({
    line,
    message: 'a quoted cell opened here is never closed; this row is not imported',
    column,
    severity: 'error',
  });
  const qaFile =
    'Name,Email,Notes,Company\n' +
    'Ann Good,ann@good.example,,Acme\n' +
    'Bob Good,bob@good.example,"fine, quoted",Acme\n' +
    '"Cy Bad",cy@@bad,"unterminated,Acme\n' +
    'Dee Last,dee@last.example,,Acme\n';
  const qaRows = [
    { line: 1, cells: ['Name', 'Email', 'Notes', 'Company'] },
    { line: 2, cells: ['Ann Good', 'ann@good.example', '', 'Acme'] },
    { line: 3, cells: ['Bob Good', 'bob@good.example', 'fine, quoted', 'Acme'] },
    { line: 5, cells: ['Dee Last', 'dee@last.example', '', 'Acme'] },
  ];

  it('drops the row of a quote still open at the end and reads on from the next line', () => {
    expect(dropRow(qaFile)).toEqual({ rows: qaRows, issues: [unclosed(4, 2)] });
  });

  it('keeps multi-line quoted cells that do close, and numbers the lines after them', () => {
    const text = 'a,b\n"multi\nline ""x""\r\nthree",c\nd,e\n';
    expect(dropRow(text)).toEqual({
      rows: [
        { line: 1, cells: ['a', 'b'] },
        { line: 2, cells: ['multi\nline "x"\r\nthree', 'c'] },
        { line: 5, cells: ['d', 'e'] },
      ],
      issues: [],
    });
    expect(dropRow(text)).toEqual(parseCsvRows(text));
  });

  it('drops a last row whose quote is never closed, with or without a final line end', () => {
    for (const end of ['', '\n', '\r\n']) {
      expect(dropRow(`a,b\nc,d\ne,"open${end}`)).toEqual({
        rows: [
          { line: 1, cells: ['a', 'b'] },
          { line: 2, cells: ['c', 'd'] },
        ],
        issues: [unclosed(3, 1)],
      });
    }
  });

  it('names the line where the quote opened when a closed multi-line cell comes first in its row', () => {
    expect(dropRow('"a\nb",c,"open\nd,e\r\nf,g')).toEqual({
      rows: [
        { line: 3, cells: ['d', 'e'] },
        { line: 4, cells: ['f', 'g'] },
      ],
      issues: [unclosed(2, 2)],
    });
  });

  it('reads lone-CR files the same way', () => {
    expect(dropRow('a,b\r"open,c\rd,e\r')).toEqual({
      rows: [
        { line: 1, cells: ['a', 'b'] },
        { line: 3, cells: ['d', 'e'] },
      ],
      issues: [unclosed(2, 0)],
    });
  });

  it('gives the same rows, lines and issues one character at a time or cut at awkward places', () => {
    const text = qaFile.replaceAll('\n', '\r\n');
    const expected = dropRow(text);
    expect(expected.rows.map((r) => r.line)).toEqual([1, 2, 3, 5]);
    expect(expected.issues).toEqual([unclosed(4, 2)]);
    const everyChar = Array.from({ length: text.length }, (_, k) => k);
    expect(chunked(text, everyChar, ',', 'drop-row')).toEqual(expected);
    // Inside the open quote, right after it, between CR and LF, and just before the last line.
    const quote = text.indexOf('"unterminated');
    const cuts = [quote, quote + 1, text.indexOf('\r\nDee') + 1, text.indexOf('Dee')];
    expect(chunked(text, cuts, ',', 'drop-row')).toEqual(expected);
  });

  it('gives the same rows, lines and issues whatever the chunk boundaries (random text)', () => {
    const piece = fc.constantFrom('a', ',', '"', '""', '\n', '\r\n', '\r', 'x"y');
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }),
        fc.array(fc.nat(120), { maxLength: 6 }),
        (parts, cuts) => {
          const text = parts.join('');
          const whole = dropRow(text);
          const inPieces = chunked(
            text,
            cuts.map((c) => c % (text.length + 1)),
            ',',
            'drop-row',
          );
          expect(inPieces).toEqual(whole);
          for (let k = 1; k < whole.rows.length; k++)
            expect(whole.rows[k]?.line).toBeGreaterThan(whole.rows[k - 1]?.line ?? 0);
          expect(whole.issues.length).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('readCsvRecordAt', () => {
  it('reads one record from an offset and says where the next starts and how many line ends it used', () => {
    const text = 'h1,h2\n"a\nb",c\nnext,row';
    expect(readCsvRecordAt(text, 6)).toEqual({ cells: ['a\nb', 'c'], next: 14, lineEnds: 2 });
    expect(readCsvRecordAt(text, 14)).toEqual({ cells: ['next', 'row'], next: 22, lineEnds: 0 });
  });
});

describe('parseCsvRows with headerWidth (stray quotes)', () => {
  const read = (text: string) => parseCsvRows(text, { unclosedQuote: 'drop-row', headerWidth: () => 3 });
  const stray = (line: number, column: number): CsvSyntaxIssue => ({
    line,
    message: 'a quote in this row is not closed on its line; this row is not imported',
    column,
    severity: 'error',
  });

  it('drops the row whose quote pairs with a later one when the record comes out wider than the header', () => {
    // The stray quote closes at the quote before `x` on line 4, and line 4's cells come out past the header.
    const text = 'a,b,c\n1,"two,3\n4,5,6\n"x, y",8,9\n';
    expect(read(text)).toEqual({
      rows: [
        { line: 1, cells: ['a', 'b', 'c'] },
        { line: 3, cells: ['4', '5', '6'] },
        { line: 4, cells: ['x, y', '8', '9'] },
      ],
      issues: [stray(2, 1)],
    });
    // Without the header's width the quote spans the lines, as before.
    expect(parseCsvRows(text).rows.map((r) => r.line)).toEqual([1, 2]);
  });

  it('drops the row whose quote is closed lines below by text, as when it pairs with the next cell opening', () => {
    expect(read('a,b,c\n1,"two,3\n4,5,"six\nlines"\n7,8,9\n')).toEqual({
      rows: [
        { line: 1, cells: ['a', 'b', 'c'] },
        { line: 3, cells: ['4', '5', 'six\nlines'] },
        { line: 5, cells: ['7', '8', '9'] },
      ],
      issues: [stray(2, 1)],
    });
  });

  it('keeps a multi-line cell that closes where a cell ends, and surplus empty cells', () => {
    const text = 'a,b,c\n1,"two\nlines, really",3,,\n4,5,6\n';
    expect(read(text)).toEqual(parseCsvRows(text, { unclosedQuote: 'drop-row' }));
    expect(read(text).issues).toEqual([]);
  });

  it('gives the same rows, lines and issues whatever the chunk boundaries (random text)', () => {
    const piece = fc.constantFrom('a', ',', '"', '""', '\n', '\r\n', 'x"y', 'b,c');
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }),
        fc.array(fc.nat(120), { maxLength: 6 }),
        (parts, cuts) => {
          const text = `h,i,j\n${parts.join('')}`;
          expect(chunked(text, cuts, ',', 'drop-row', true)).toEqual(
            chunked(text, [], ',', 'drop-row', true),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('an enormous row (one endless line, a file of quotes) costs linear time', () => {
  /** Milliseconds to read `text` pushed in chunks of `size` characters. */
  const timeToRead = (text: string, size: number) => {
    const started = performance.now();
    const reader = createCsvRowReader({ onRow: () => undefined, unclosedQuote: 'drop-row' });
    for (let at = 0; at < text.length; at += size) reader.push(text.slice(at, at + size));
    reader.end();
    return performance.now() - started;
  };

  it('reads it in small chunks about as fast as in one piece', () => {
    // Before, the unfinished row was read again from its start with every chunk: 2 MB in 16 kB chunks meant 128
    // reads of up to 2 MB each, and an upload of a few MB held the server's only thread for minutes. Compared in
    // the same run, so a slow machine slows both sides.
    for (const text of ['a,'.repeat(1_000_000), '"'.repeat(2_000_000)]) {
      const whole = timeToRead(text, text.length);
      expect(timeToRead(text, 16 * 1024)).toBeLessThan(6 * whole + 200);
    }
  });
});
