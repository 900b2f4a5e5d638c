import { EMAIL_MAX } from '../../contracts/channel-values';
import { isPlausibleEmail } from '../csv/is-plausible-email';
import { readCsvRecordAt } from '../csv/parse-csv-rows';
import type { ImportedPerson, ParseIssue, ParseResult } from '../model';
import { normaliseLinkedinProfileUrl } from './normalise-linkedin-profile-url';
import { parseConnectedOn } from './parse-linkedin-dates';
import { linkedinText, normaliseHeaderName, unwrapQuotedLine } from './read-linkedin-table';
import { splitNameCredentials } from './split-name-credentials';

export interface ParseConnectionsOptions {
  /** Name used in issues and `ref.file` (default `Connections.csv`). */
  file?: string;
  /**
   * The owner's today (YYYY-MM-DD, in their time zone): a Connected On after it has not happened (a typo, a
   * spreadsheet's re-save), so the row is kept without it, with a warning, as with a date that cannot be read.
   * Without it, no date is in the future.
   */
  today?: string;
}

export interface ConnectionsParseResult extends ParseResult<ImportedPerson> {
  /** Rows holding only a date (hidden or closed profiles): counted, reported once as skipped, not imported. */
  hiddenProfiles: number;
  /** 1-based line of the header row; 0 when none was found. */
  headerLine: number;
}

/**
 * Connections.csv of any era (no preamble, `Notes:` preamble, with or without `URL`; BOM, CRLF, Excel
 * re-saves) → one person per connection, keyed on the normalised profile URL. Never throws: rows it cannot use
 * become issues with their line, every other row is kept.
 */
export function parseConnections(
  input: Uint8Array | string,
  options: ParseConnectionsOptions = {},
): ConnectionsParseResult {
  const text = linkedinText(input);
  const out: Output = {
    file: options.file ?? 'Connections.csv',
    today: options.today,
    records: [],
    issues: [],
    hidden: 0,
    firstHiddenLine: 0,
  };
  const found = findHeader(text);
  if (!found) {
    out.issues.push({
      ref: { file: out.file, line: 1 },
      message:
        'no header row found: expected a row with "First Name" and "Connected On" (is this Connections.csv?)',
      severity: 'error',
    });
    return { records: out.records, issues: out.issues, hiddenProfiles: 0, headerLine: 0 };
  }
  readRows(text, found.next, found.line + found.lineEnds, columnsOf(found.header), out);
  if (out.hidden > 0) {
    out.issues.push({
      ref: { file: out.file, line: out.firstHiddenLine },
      message: `${out.hidden} row${out.hidden === 1 ? '' : 's'} with only a date (hidden or closed profiles) skipped`,
      severity: 'skipped',
      ...(out.hidden > 1 ? { rows: out.hidden } : {}),
    });
  }
  return { records: out.records, issues: out.issues, hiddenProfiles: out.hidden, headerLine: found.line };
}

interface Output {
  file: string;
  today: string | undefined;
  records: ImportedPerson[];
  issues: ParseIssue[];
  hidden: number;
  firstHiddenLine: number;
}

/** Where each field sits in a row; a missing column points at the always-empty slot `width`. */
interface Columns {
  header: string[];
  width: number;
  first: number;
  last: number;
  url: number;
  email: number;
  company: number;
  position: number;
  connected: number;
  extra: number[];
}

/** The first record naming both First Name and Connected On: the preamble before it differs by era. */
function findHeader(
  text: string,
): { header: string[]; line: number; next: number; lineEnds: number } | undefined {
  let pos = 0;
  let line = 1;
  while (pos < text.length) {
    const rec = readCsvRecordAt(text, pos);
    const cells = unwrapQuotedLine(rec.cells);
    const names = cells.map(normaliseHeaderName);
    if (names.includes('first name') && names.includes('connected on')) {
      return { header: cells.map((c) => c.trim()), line, next: rec.next, lineEnds: rec.lineEnds };
    }
    pos = rec.next;
    line += rec.lineEnds;
  }
  return undefined;
}

function columnsOf(header: string[]): Columns {
  const names = header.map(normaliseHeaderName);
  const width = header.length;
  const slot = (name: string) => (names.includes(name) ? names.indexOf(name) : width);
  const cols: Columns = {
    header,
    width,
    first: slot('first name'),
    last: slot('last name'),
    url: slot('url'),
    email: names.includes('email address') ? slot('email address') : slot('email'),
    company: slot('company'),
    position: slot('position'),
    connected: slot('connected on'),
    extra: [],
  };
  const known = new Set([
    cols.first,
    cols.last,
    cols.url,
    cols.email,
    cols.company,
    cols.position,
    cols.connected,
  ]);
  for (let c = 0; c < width; c++) if (names[c] && !known.has(c)) cols.extra.push(c);
  return cols;
}

// LinkedIn never gives phones, addresses or tags, and seldom extra columns: every person shares these frozen
// empties instead of allocating four objects each (30,000 records' garbage is most of the parse's cost).
const NONE: never[] = Object.freeze([]) as unknown as never[];
const NO_EXTRA: Record<string, string> = Object.freeze({}) as Record<string, string>;

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;
const SLASH = 47;
const AT = 64;
// `https://www.linkedin.com/in/<slug>` with nothing to decode, lower-case or escape (normaliseLinkedinProfileUrl;
// a slug starting with a dot is left to it).
const CANONICAL_URL = /https:\/\/www\.linkedin\.com\/in\/[a-z0-9_-][a-z0-9_.-]*\/?/y;

/** `text[a..b)` without surrounding whitespace; no allocation for an empty cell. */
function cellText(text: string, a: number, b: number): string {
  while (a < b && text.charCodeAt(a) <= 32) a++;
  while (b > a && text.charCodeAt(b - 1) <= 32) b--;
  return a === b ? '' : text.slice(a, b);
}

/**
 * The data rows. Fast path: cells found with indexOf straight into one reused array, quoted cells handled in
 * place; rows it does not take (text after a closing quote, a quote never closed) go through the general CSV
 * rules of parse-csv-rows. 30,000 rows must parse at udsv's speed (bench/linkedin-parse.bench.ts).
 */
function readRows(text: string, start: number, startLine: number, cols: Columns, out: Output): void {
  const n = text.length;
  const width = cols.width;
  const iUrl = cols.url;
  // Trimmed cells of the current row; the slot at `width` stays '' for the columns the file does not have.
  const vals: string[] = new Array<string>(width + 1).fill('');
  let pos = start;
  let line = startLine;
  let nextLf = -2; // next LF at or after pos; -1 when there is none
  while (pos < n) {
    const rowStart = pos;
    const rowLine = line;
    if (nextLf < pos && nextLf !== -1) nextLf = text.indexOf('\n', pos);
    let lineEnd = nextLf === -1 ? n : nextLf;
    let i = pos;
    let col = 0;
    let slow = false;
    let unclosed = false; // a quote that no later quote closes: a typo, not a cell spanning the rest of the file
    let stray = false;
    let inner = 0; // line ends inside quoted cells
    let canonicalUrl = false;
    let urlSlash = false; // the canonical URL ends with a slash, which its key drops
    let overflow = 0;
    for (;;) {
      let value: string;
      let more: boolean;
      if (text.charCodeAt(i) === QUOTE) {
        let j = i + 1;
        let seg = j;
        let v = '';
        let closed = false;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q === -1) break;
          if (text.charCodeAt(q + 1) === QUOTE) {
            v += text.slice(seg, q + 1);
            j = q + 2;
            seg = j;
            continue;
          }
          v += text.slice(seg, q);
          j = q + 1;
          closed = true;
          break;
        }
        if (!closed) {
          unclosed = true;
          break;
        }
        const spans = j > lineEnd;
        if (spans) {
          // The cell spans lines: count them and move the end of the record to the next line end.
          let k = lineEnd;
          while (k !== -1 && k < j) {
            inner++;
            k = text.indexOf('\n', k + 1);
          }
          nextLf = k;
          lineEnd = k === -1 ? n : k;
        }
        let c = text.charCodeAt(j);
        if (c === CR && j + 1 === lineEnd) c = LF;
        if (c === COMMA) {
          more = true;
          i = j + 1;
        } else if (c === LF || j >= n) {
          more = false;
          i = lineEnd + 1;
        } else {
          slow = true; // text after the closing quote
          stray = spans; // closed lines below by text: most likely the opening quote of a cell there
          break;
        }
        value = v.trim();
      } else {
        let d = -2;
        if (col === iUrl) {
          // A profile URL already canonical (but for a trailing slash): one match finds the end of the cell and
          // proves the key, instead of an indexOf and a normalisation.
          CANONICAL_URL.lastIndex = i;
          if (CANONICAL_URL.test(text)) {
            d = CANONICAL_URL.lastIndex;
            const c = text.charCodeAt(d);
            canonicalUrl = c === COMMA || d >= lineEnd || (c === CR && d + 1 === lineEnd);
            if (canonicalUrl) urlSlash = text.charCodeAt(d - 1) === SLASH;
            else d = text.indexOf(',', d);
          }
        }
        if (d === -2) d = text.indexOf(',', i);
        if (d !== -1 && d < lineEnd) {
          value = cellText(text, i, d);
          more = true;
          i = d + 1;
        } else {
          value = cellText(text, i, lineEnd);
          more = false;
          i = lineEnd + 1;
        }
      }
      if (col < width) vals[col] = value;
      else if (value) overflow = col + 1;
      col++;
      if (!more) break;
    }
    if (unclosed) {
      // As the contact CSV reader does: drop this row, read on from the line after the quote's, so that one stray
      // quote does not swallow every connection below it into a single cell.
      out.issues.push({
        ref: { file: out.file, line: rowLine + inner },
        message: 'a quoted cell opened here is never closed; this row is not imported',
        severity: 'error',
      });
      pos = lineEnd + 1;
      line += inner + (lineEnd < n ? 1 : 0);
      continue;
    }
    if (slow) {
      canonicalUrl = false;
      const rec = readCsvRecordAt(text, rowStart);
      overflow = fillFrom(vals, width, rec.cells);
      pos = rec.next;
      line += rec.lineEnds;
    } else {
      pos = i;
      line += inner + (lineEnd < n ? 1 : 0);
      if (col === 1 && width > 1) {
        const only = vals[0] as string;
        if (!only) continue; // an empty line
        if (only.includes(',')) overflow = fillFrom(vals, width, [only]);
        else for (let c = 1; c < width; c++) vals[c] = '';
      } else for (let c = col; c < width; c++) vals[c] = '';
    }
    if ((overflow || stray) && line - rowLine > 1) {
      // A quoted cell ran past its line and the record came out wider than the header, or text followed its
      // closing quote: a stray quote pairing with one rows below, not a cell with line breaks (parse-csv-rows'
      // `headerWidth` rule). Drop this line alone and read the rows it swallowed.
      out.issues.push({
        ref: { file: out.file, line: rowLine },
        message: 'a quote in this row is not closed on its line; this row is not imported',
        severity: 'error',
      });
      const lf = text.indexOf('\n', rowStart);
      pos = lf === -1 ? n : lf + 1;
      line = rowLine + 1;
      nextLf = -2; // it points rows below
      continue;
    }
    if (overflow) {
      out.issues.push({
        ref: { file: out.file, line: rowLine },
        message: `row has ${overflow} cells but the header has ${width}; the cells past the last column are ignored`,
        severity: 'warning',
      });
    }
    emitPerson(vals, cols, rowLine, canonicalUrl ? (urlSlash ? SLASHED : CANONICAL) : OTHER, out);
  }
}

/** Fills `vals` from cells read by the general rules (a line Excel wrapped whole in quotes is unwrapped). */
function fillFrom(vals: string[], width: number, cells: string[]): number {
  const row = width > 1 ? unwrapQuotedLine(cells) : cells;
  for (let c = 0; c < width; c++) vals[c] = c < row.length ? (row[c] as string).trim() : '';
  for (let c = width; c < row.length; c++) if ((row[c] as string).trim()) return row.length;
  return 0;
}

// What the fast path learnt of the URL cell: its key is the URL as it is, the URL less its trailing slash, or
// normaliseLinkedinProfileUrl's to find.
const OTHER = 0;
const CANONICAL = 1;
const SLASHED = 2;

// Printable ASCII an address may hold outside quotes: not a space or control, nor @ " ( ) , : ; < > [ ] \.
const ATOM_CHAR = new Uint8Array(128);
for (let c = 33; c < 127; c++) ATOM_CHAR[c] = '@"(),:;<>[]\\'.includes(String.fromCharCode(c)) ? 0 : 1;

/**
 * `local@domain` in printable ASCII with no special character: what isPlausibleEmail accepts for nearly every
 * address, read from character codes (its regular expressions and slices cost more than the rest of the row).
 * False means "ask isPlausibleEmail", never "not an address".
 */
function isPlainEmail(value: string): boolean {
  const len = value.length;
  if (len > EMAIL_MAX) return false;
  let at = -1;
  for (let i = 0; i < len; i++) {
    const c = value.charCodeAt(i);
    if (c === AT && at === -1) at = i;
    else if (c >= 128 || ATOM_CHAR[c] === 0) return false;
  }
  return at > 0 && at < len - 1;
}

/** One row's cells → a person, an issue, or a hidden-profile count. */
function emitPerson(vals: string[], cols: Columns, line: number, urlShape: number, out: Output): void {
  const first = vals[cols.first] as string;
  const last = vals[cols.last] as string;
  const url = vals[cols.url] as string;
  let email = vals[cols.email] as string;
  const company = vals[cols.company] as string;
  const position = vals[cols.position] as string;
  const connected = vals[cols.connected] as string;
  const file = out.file;
  if (!first && !last && !url && !email) {
    // Only a date is a hidden or closed profile; text that is not a date is no sign of one.
    const badDate = connected !== '' && parseConnectedOn(connected) === undefined;
    if (!company && !position && !badDate) {
      if (connected) {
        out.hidden++;
        if (out.firstHiddenLine === 0) out.firstHiddenLine = line;
      }
      return; // a line of empty cells says nothing
    }
    out.issues.push({
      ref: { file, line },
      message: badDate
        ? `row has no name, profile URL or e-mail address, and "${connected}" in Connected On is not a date; not imported`
        : 'row has no name, profile URL or e-mail address; not imported',
      severity: 'error',
    });
    return;
  }
  if (first === cols.header[cols.first] && connected === cols.header[cols.connected]) return; // a repeated header
  if (email && !isPlainEmail(email) && !isPlausibleEmail(email)) {
    out.issues.push({
      ref: { file, line },
      field: 'Email Address',
      message: `"${email}" is not an e-mail address; the row is kept without it`,
      severity: 'warning',
    });
    email = '';
  }
  let connectedOn: string | undefined;
  if (connected) {
    connectedOn = parseConnectedOn(connected);
    if (connectedOn === undefined) {
      out.issues.push({
        ref: { file, line },
        field: 'Connected On',
        message: `"${connected}" is not a date (expected e.g. 25 Nov 2026); the row is kept without it`,
        severity: 'warning',
      });
    } else if (out.today !== undefined && connectedOn > out.today) {
      out.issues.push({
        ref: { file, line },
        field: 'Connected On',
        message: `"${connected}" is in the future; the row is kept without it`,
        severity: 'warning',
      });
      connectedOn = undefined;
    }
  }
  let sourceKey: string | undefined;
  if (url) {
    if (urlShape === CANONICAL) sourceKey = url;
    else if (urlShape === SLASHED) sourceKey = url.slice(0, -1);
    else sourceKey = normaliseLinkedinProfileUrl(url);
    if (sourceKey === undefined) {
      out.issues.push({
        ref: { file, line },
        field: 'URL',
        message: `"${url}" is not a LinkedIn profile URL; kept as a web address only`,
        severity: 'warning',
      });
    }
  }
  if (!first && !last) {
    // Kept (the profile and date are real), but the contact is then called by its company or e-mail: say so.
    out.issues.push({
      ref: { file, line },
      field: 'First Name',
      message:
        'no name on this row; the contact is called by its company, e-mail or profile until you name it',
      severity: 'warning',
    });
  }
  let familyName = last || undefined;
  let suffix: string | undefined;
  if (last.includes(',')) ({ familyName, suffix } = splitNameCredentials(last));
  let extra = NO_EXTRA;
  for (let k = 0; k < cols.extra.length; k++) {
    const c = cols.extra[k] as number;
    if (!vals[c]) continue;
    if (extra === NO_EXTRA) extra = {};
    extra[cols.header[c] as string] = vals[c] as string;
  }
  // Array literals get exactly-sized storage ([] + push would reserve 17 slots per person).
  out.records.push({
    ref: { file, line },
    givenName: first || undefined,
    familyName,
    suffix,
    organisation: company || undefined,
    title: position || undefined,
    emails: email ? [{ value: email }] : NONE,
    phones: NONE,
    urls: url ? [{ value: url, label: 'LinkedIn' }] : NONE,
    addresses: NONE,
    tags: NONE,
    connectedOn,
    extra,
    sourceKey,
  });
}
