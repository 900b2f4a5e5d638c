/**
 * RFC 4180 rows with their line numbers, tolerant the way real exports need: quoted newlines, doubled quotes,
 * quotes inside unquoted cells kept as text, text after a closing quote kept, ragged rows, CRLF / LF / CR line
 * ends, an unterminated quote at the end of the file (read to the end, or its row dropped: see `unclosedQuote`).
 * Works on a whole string or chunk by chunk.
 */

/** A row of cells and the 1-based line of the file on which it starts. */
export interface CsvRow {
  line: number;
  cells: string[];
}

/** A syntax problem the tokenizer worked around: the row is still delivered, unless `severity` is `error`. */
export interface CsvSyntaxIssue {
  line: number;
  message: string;
  /** 0-based index of the cell where the quote in question opened, when the issue is about one. */
  column?: number;
  /** Set when the row was not delivered (an unclosed quote with `unclosedQuote: 'drop-row'`). */
  severity?: 'error';
}

export interface CsvRowReaderOptions {
  /** One character; `,` by default. */
  delimiter?: string;
  /** Called for each complete row; `line` is where the row starts (1-based). The array is the caller's to keep. */
  onRow: (cells: string[], line: number) => void;
  onIssue?: (issue: CsvSyntaxIssue) => void;
  /** Drop lines that hold nothing at all (default true). */
  skipEmptyLines?: boolean;
  /**
   * A quoted cell still open at the end of the file. `rest-of-file` (default): the rest of the file is read into
   * it. `drop-row`: its row is dropped with an error issue and reading resumes on the line after the one where
   * the quote opened, so the rows below it are not lost.
   */
  unclosedQuote?: 'rest-of-file' | 'drop-row';
  /**
   * The header's width, once known. A row whose quoted cell runs past its line and then either comes out with
   * text in cells past this width or has text right after that cell's closing quote is taken for a stray quote
   * pairing with one rows below (not a cell with line breaks): it is dropped with an error issue and reading
   * resumes on its next line, so the rows it swallowed are read.
   */
  headerWidth?: () => number | undefined;
}

/** Incremental reader: push text chunks in order, then call `end()` once. */
export interface CsvRowReader {
  push(chunk: string): void;
  end(): void;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

interface ScanState {
  delimiter: string;
  delimCode: number;
  skipEmpty: boolean;
  onRow: (cells: string[], line: number) => void;
  onIssue: ((issue: CsvSyntaxIssue) => void) | undefined;
  /** Line on which the next row starts. */
  line: number;
  /** Cells expected in the next row (the previous row's count): preallocating is much faster than pushing. */
  width: number;
  dropUnclosed: boolean;
  headerWidth: (() => number | undefined) | undefined;
}

/** Text in a cell past `width`: the row is wider than its header. */
function isWiderThan(cells: string[], count: number, width: number): boolean {
  for (let k = width; k < count; k++) if ((cells[k] as string).trim()) return true;
  return false;
}

function countLf(s: string, from: number, to: number): number {
  let count = 0;
  let k = s.indexOf('\n', from);
  while (k !== -1 && k < to) {
    count++;
    k = s.indexOf('\n', k + 1);
  }
  return count;
}

/**
 * Emits the complete rows of `s` and returns the offset where the unfinished last row starts (`s.length` when
 * none is left). With `final`, the end of `s` is the end of the file and every row is complete.
 */
function scan(
  st: ScanState,
  s: string,
  final: boolean,
  from = 0,
  maxRows = Number.POSITIVE_INFINITY,
): number {
  const n = s.length;
  const { delimiter, delimCode, onRow } = st;
  let line = st.line;
  let width = st.width;
  let i = from;
  let rows = 0;
  let nextLf = -2; // cached index of the next LF at or after i; -1 when there is none
  while (i < n && rows < maxRows) {
    const rowStart = i;
    const rowLine = line;
    if (nextLf < i && nextLf !== -1) nextLf = s.indexOf('\n', i);
    const cells: string[] = new Array(width);
    let c = 0;
    let incomplete = false;
    let dropped = false;
    let spanned = -1; // the first quoted cell that ran past a line end
    let stray = false; // ... and text followed its closing quote
    for (;;) {
      if (s.charCodeAt(i) === QUOTE) {
        // Quoted cell: up to the closing quote; doubled quotes are one quote. Only its end is looked for here, and
        // the pairs are made single once (a cell of a million pairs was a million string joins).
        let j = i + 1;
        let doubled = false;
        let closed = false;
        for (let q = s.indexOf('"', j); q !== -1; ) {
          if (q + 1 < n) {
            if (s.charCodeAt(q + 1) === QUOTE) {
              j = q + 2;
              doubled = true;
              // Quotes in a row are common ("""Bob""" and worse): the next one is looked at before searching.
              q = s.charCodeAt(j) === QUOTE ? j : s.indexOf('"', j);
              continue;
            }
          } else if (!final) break; // cannot tell yet whether this quote is doubled
          j = q + 1;
          closed = true;
          break;
        }
        const inside = (end: number) => {
          const raw = s.slice(i + 1, end);
          return doubled ? raw.replaceAll('""', '"') : raw;
        };
        let value = closed ? inside(j - 1) : '';
        if (!closed) {
          if (!final) {
            incomplete = true;
            break;
          }
          if (st.dropUnclosed) {
            // A quote may span lines but not outlive the file, so this one is a typo: drop its row and reread the
            // lines after the quote's own. Their quotes all come in pairs (none closed this one), so that rereading
            // cannot end up here again: the cost stays linear.
            st.onIssue?.({
              line,
              message: 'a quoted cell opened here is never closed; this row is not imported',
              column: c,
              severity: 'error',
            });
            const lf = s.indexOf('\n', i);
            if (lf === -1) i = n;
            else {
              i = lf + 1;
              line++;
            }
            dropped = true;
            break;
          }
          value = inside(n);
          line += countLf(s, i, n);
          st.onIssue?.({
            line: rowLine,
            message: 'a quoted cell is never closed; the rest of the file was read into it',
            column: c,
          });
          cells[c++] = value;
          i = n;
          break;
        }
        const cellSpanned = nextLf !== -1 && nextLf < j;
        if (cellSpanned) {
          if (spanned === -1) spanned = c;
          line += countLf(s, i, j);
          nextLf = s.indexOf('\n', j);
        }
        i = j;
        const lineEnd = nextLf === -1 ? n : nextLf;
        let ch = i < n ? s.charCodeAt(i) : -1;
        if (ch !== delimCode && ch !== LF && ch !== -1 && !(ch === CR && i + 1 === lineEnd)) {
          // Text after the closing quote (relaxed): keep it, quotes and all, up to the delimiter or line end.
          if (cellSpanned) stray = true; // a quote closed lines below by text: most likely the next cell's opening
          const d = s.indexOf(delimiter, i);
          const end = d !== -1 && d < lineEnd ? d : lineEnd;
          if (end === n && !final) {
            incomplete = true;
            break;
          }
          value += s.slice(i, end > i && end === lineEnd && s.charCodeAt(end - 1) === CR ? end - 1 : end);
          i = end;
          ch = i < n ? s.charCodeAt(i) : -1;
        }
        cells[c++] = value;
        if (ch === delimCode) {
          i++;
          if (i < n) continue;
          if (!final) {
            incomplete = true;
            break;
          }
          cells[c++] = ''; // a delimiter at the very end of the file
          break;
        }
        if (ch === -1) {
          if (!final) {
            incomplete = true;
            break;
          }
          break;
        }
        // The line ends here (LF, or CR LF).
        if (lineEnd === n && !final) {
          incomplete = true;
          break;
        }
        i = lineEnd + 1;
        if (lineEnd < n) line++;
        break;
      }
      // Unquoted cell: up to the next delimiter or line end; quotes inside are plain text.
      const lineEnd = nextLf === -1 ? n : nextLf;
      const d = s.indexOf(delimiter, i);
      if (d !== -1 && d < lineEnd) {
        cells[c++] = s.slice(i, d);
        i = d + 1;
        if (i < n) continue;
        if (!final) {
          incomplete = true;
          break;
        }
        cells[c++] = '';
        break;
      }
      if (lineEnd === n && !final) {
        incomplete = true;
        break;
      }
      cells[c++] = s.slice(i, lineEnd > i && s.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd);
      i = lineEnd + 1;
      if (lineEnd < n) line++;
      break;
    }
    if (incomplete) {
      st.line = rowLine;
      st.width = width;
      return rowStart;
    }
    if (dropped) continue;
    const headerWidth = spanned !== -1 ? st.headerWidth?.() : undefined;
    if (headerWidth !== undefined && (stray || isWiderThan(cells, c, headerWidth))) {
      st.onIssue?.({
        line: rowLine,
        message: 'a quote in this row is not closed on its line; this row is not imported',
        column: spanned,
        severity: 'error',
      });
      i = s.indexOf('\n', rowStart) + 1; // within s: the row ran past that line end
      line = rowLine + 1;
      nextLf = -2;
      continue;
    }
    if (c !== width) {
      cells.length = c;
      width = c;
    }
    if (c === 1 && cells[0] === '' && st.skipEmpty) continue;
    rows++;
    onRow(cells, rowLine);
  }
  st.line = line;
  st.width = width;
  return Math.min(i, n);
}

/**
 * Reads the one record that starts at `from` in a complete text: its cells, the offset just after it and how
 * many line ends it spans (1 for a one-line record that ends with a line end). For callers with a fast path of
 * their own that hand the unusual rows back to the general rules.
 */
export function readCsvRecordAt(
  s: string,
  from: number,
  delimiter = ',',
): { cells: string[]; next: number; lineEnds: number } {
  let cells: string[] = [''];
  const st: ScanState = {
    delimiter,
    delimCode: delimiter.charCodeAt(0),
    skipEmpty: false,
    onRow: (row) => {
      cells = row;
    },
    onIssue: undefined,
    line: 0,
    width: 8,
    dropUnclosed: false,
    headerWidth: undefined,
  };
  const next = scan(st, s, true, from, 1);
  return { cells, next, lineEnds: st.line };
}

/** Makes a reader that parses CSV text fed in chunks; only the unfinished last row is kept between chunks. */
export function createCsvRowReader(options: CsvRowReaderOptions): CsvRowReader {
  const delimiter = options.delimiter?.[0] ?? ',';
  const st: ScanState = {
    delimiter,
    delimCode: delimiter.charCodeAt(0),
    skipEmpty: options.skipEmptyLines !== false,
    onRow: options.onRow,
    onIssue: options.onIssue,
    line: 1,
    width: 8,
    dropUnclosed: options.unclosedQuote === 'drop-row',
    headerWidth: options.headerWidth,
  };
  let leftover = '';
  // An unfinished row is read again from its start once more text comes. Not before the text held back has doubled:
  // a row of megabytes (one endless line, a file of quotes) was otherwise reread with every chunk, and a 2 MB upload
  // took 18 s of the server's only thread (quadratic); now every character is read a bounded number of times.
  let readAgainAt = 0;
  // Old Mac files end lines with a lone CR.
  let lineEnds: 'unknown' | 'lf' | 'cr' = 'unknown';
  let ended = false;

  const feed = (chunk: string, final: boolean) => {
    let s = leftover ? leftover + chunk : chunk;
    if (!final && s.length < readAgainAt) {
      leftover = s;
      return;
    }
    // Any LF means LF (or CR LF) line ends. A file with none is read at the end, with each CR as a line end: until
    // then no row of it can be complete anyway, and deciding earlier could disagree with a later chunk.
    if (lineEnds === 'unknown') {
      if (s.includes('\n')) lineEnds = 'lf';
      else if (final && s.includes('\r')) lineEnds = 'cr';
    }
    if (lineEnds === 'cr') s = s.replaceAll('\r', '\n');
    const rest = scan(st, s, final);
    leftover = rest < s.length ? s.slice(rest) : '';
    readAgainAt = leftover.length * 2;
  };

  return {
    push(chunk: string) {
      if (ended) throw new Error('CSV reader: push() after end()');
      if (chunk) feed(chunk, false);
    },
    end() {
      if (ended) return;
      ended = true;
      feed('', true);
    },
  };
}

/** Parses a whole CSV text into rows with their starting line numbers (see `createCsvRowReader`). */
export function parseCsvRows(
  text: string,
  options: Omit<CsvRowReaderOptions, 'onRow' | 'onIssue'> = {},
): { rows: CsvRow[]; issues: CsvSyntaxIssue[] } {
  const rows: CsvRow[] = [];
  const issues: CsvSyntaxIssue[] = [];
  const reader = createCsvRowReader({
    ...options,
    onRow: (cells, line) => rows.push({ line, cells }),
    onIssue: (issue) => issues.push(issue),
  });
  reader.push(text);
  reader.end();
  return { rows, issues };
}
