import { parseConnections } from '../linkedin/parse-connections';
import type { ImportedPerson, ParseIssue } from '../model';
import type { TextEncoding } from '../text/decode';
import { applyColumnPlan } from './apply-column-plan';
import { type ColumnMapping, columnMappingSchema } from './column-mapping';
import type { ColumnAction, DateOrder } from './column-plan';
import { type CsvFormat, detectCsvFormat } from './detect-csv-format';
import { createCsvRowReader, parseCsvRows } from './parse-csv-rows';
import { planGoogleColumns } from './plan-google-columns';
import { planMappedColumns } from './plan-mapped-columns';
import { planOutlookColumns } from './plan-outlook-columns';
import { planThunderbirdColumns } from './plan-thunderbird-columns';
import { type CsvDelimiter, sniffDelimiter } from './sniff-delimiter';
import { fromSpreadsheetSafe } from './spreadsheet-safe';
import { suggestColumnMapping } from './suggest-column-mapping';

export interface ParseContactCsvOptions {
  /** Name used in issues and refs (default `contacts.csv`). */
  file?: string;
  /** Column name → destination. Required for a generic file; for any format it overrides the mapped columns. */
  mapping?: ColumnMapping;
  /** Skip detection and read the file as this format. */
  format?: CsvFormat;
  /**
   * Day/month order of slashed dates in generic and mapped columns (default: only unambiguous dates) and in
   * Outlook files with English headers (default: month first, as Outlook in the US writes them).
   */
  dateOrder?: 'mdy' | 'dmy';
  /** Override delimiter sniffing. */
  delimiter?: CsvDelimiter;
  /** The owner's today (YYYY-MM-DD): for a LinkedIn Connections file, a Connected On after it is dropped (parseConnections). */
  today?: string;
}

/** What a mapping UI or CLI needs to build a mapping for a file Rapport cannot read on its own. */
export interface CsvPreview {
  headers: string[];
  /** The first five data rows. */
  rows: string[][];
  /** A guess from the header names, for the user to correct. */
  suggestedMapping: ColumnMapping;
}

/** What reading a contact CSV produces, in file order: `start` once the header is known, then records and issues. */
export type ContactCsvEvent =
  | { kind: 'start'; format: CsvFormat; encoding: TextEncoding; delimiter: CsvDelimiter; headers: string[] }
  | { kind: 'record'; record: ImportedPerson }
  | { kind: 'issue'; issue: ParseIssue }
  /** A generic file without a mapping, at the end: its headers and first rows. */
  | { kind: 'preview'; preview: CsvPreview };

/** Text chunks in, events out (through `emit`); see parseContactCsv for what it reads. */
export interface ContactCsvReader {
  push(text: string): void;
  end(): void;
}

const PREVIEW_ROWS = 5;
/** Text kept before sniffing the delimiter and looking for a LinkedIn header. */
const HEAD = 8192;

/**
 * The contact-CSV reader behind parseContactCsv and parseContactCsvStream: fed decoded text in chunks, it
 * emits each person as soon as their row is complete. Only a LinkedIn Connections file is held whole (its own
 * parser needs it; it is at most a few MB).
 */
/**
 * Whether the start of a file is binary rather than text: NUL or other control characters (not tab, CR, LF) in
 * more than one of its first 4,096 characters in a hundred. Text in UTF-16 is decoded before this point, and
 * a stray NUL in a real CSV is below that share (and taken out later).
 */
function looksBinary(text: string): boolean {
  const head = text.slice(0, 4096);
  let controls = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13) controls++;
  }
  return controls > head.length / 100;
}

export function createContactCsvReader(
  options: ParseContactCsvOptions & { encoding: TextEncoding },
  emit: (event: ContactCsvEvent) => void,
): ContactCsvReader {
  const file = options.file ?? 'contacts.csv';
  const issue = (i: ParseIssue) => emit({ kind: 'issue', issue: i });
  const order: DateOrder = options.dateOrder ?? 'auto';
  let head = '';
  let started = false;
  let stopped = false;
  // The header is read but the rows are not: the mapping names a column the file does not have.
  let refused = false;
  let linkedinText: string[] | undefined;
  let rows: ReturnType<typeof createCsvRowReader> | undefined;
  let finishTable: (() => void) | undefined;

  let mapping: ColumnMapping | undefined;
  if (options.mapping !== undefined) {
    const checked = columnMappingSchema.safeParse(options.mapping);
    if (checked.success) mapping = checked.data;
    else {
      issue({
        ref: { file },
        message: `the column mapping is not valid: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        severity: 'error',
      });
      stopped = true;
    }
  }

  const begin = (text: string) => {
    started = true;
    const bom = text.charCodeAt(0) === 0xfeff;
    const first = bom ? text.slice(1) : text;
    if (looksBinary(first)) {
      issue({
        ref: { file, line: 1 },
        message:
          'the file is not text (it holds binary data, like an image or a spreadsheet): save or export it as CSV',
        severity: 'error',
      });
      stopped = true;
      return;
    }
    const delimiter = options.delimiter ?? sniffDelimiter(first);
    // LinkedIn's Connections.csv has a preamble before its header: its own parser finds the header by content.
    const looksLinkedin = hasLinkedinHeader(first, delimiter);
    if (!mapping && (options.format === 'linkedin-connections' || (!options.format && looksLinkedin))) {
      linkedinText = [first];
      return;
    }
    let headers: string[] | undefined;
    let actions: ColumnAction[] = [];
    let preview: CsvPreview | undefined;
    const startTable = (cells: string[], line: number) => {
      headers = cells.map((c) => c.trim());
      const format = options.format ?? detectCsvFormat(headers);
      emit({ kind: 'start', format, encoding: options.encoding, delimiter, headers });
      actions = planFor(format, headers, options.dateOrder);
      if (mapping) {
        const mappingIssues: ParseIssue[] = [];
        actions = planMappedColumns(headers, actions, mapping, order, file, mappingIssues);
        for (const i of mappingIssues) issue(i);
        // As for a mapping that is not valid: no row is read, so the file is refused rather than imported half.
        if (mappingIssues.some((i) => i.severity === 'error')) refused = true;
      } else if (format === 'generic') {
        preview = { headers, rows: [], suggestedMapping: suggestColumnMapping(headers) };
        issue({
          ref: { file, line },
          message:
            'this file is not a format Rapport knows (Google, Outlook, Thunderbird, LinkedIn): give a column mapping, ' +
            'e.g. --map "First=givenName,Surname=familyName,Mail=email"; see the preview for its columns',
          severity: 'error',
        });
      }
    };
    const rowIssues: ParseIssue[] = [];
    rows = createCsvRowReader({
      delimiter,
      // A quote left open at the end would swallow every good row after its own.
      unclosedQuote: 'drop-row',
      // Nor may a stray quote that pairs with one rows below swallow the rows between.
      headerWidth: () => headers?.length,
      onIssue: (s) => {
        if (refused) return;
        issue({
          ref: { file, line: s.line },
          // The column where the quote opened: where to look on a long line.
          ...(s.column !== undefined && headers
            ? { field: headers[s.column] || `Column ${s.column + 1}` }
            : {}),
          message: s.message,
          severity: s.severity ?? 'warning',
        });
      },
      onRow: (cells, line) => {
        if (refused) return;
        if (!headers) {
          // With a mapping, a LinkedIn file is read generically: skip its preamble up to the real header.
          if (looksLinkedin && !cells.some((c) => c.trim().toLowerCase() === 'connected on')) return;
          if (cells.some((c) => c.trim())) startTable(cells, line);
          return;
        }
        if (preview) {
          if (preview.rows.length < PREVIEW_ROWS) preview.rows.push(cells);
          return;
        }
        // Rapport's own export guards formula-like cells (spreadsheet-safe.ts); its header names are not guarded.
        for (let c = 0; c < cells.length; c++) cells[c] = fromSpreadsheetSafe(cells[c] as string);
        const width = headers.length;
        if (cells.length > width && cells.slice(width).some((c) => c.trim())) {
          issue({
            ref: { file, line },
            message: `row has ${cells.length} cells but the header has ${width}; the cells past the last column are kept in extra as "Column N"`,
            severity: 'warning',
          });
        }
        const person = applyColumnPlan(actions, headers, cells, { file, line }, rowIssues);
        for (const i of rowIssues.splice(0)) issue(i);
        if (person) emit({ kind: 'record', record: person });
      },
    });
    rows.push(first);
    finishTable = () => {
      rows?.end();
      if (!headers) {
        emit({
          kind: 'start',
          format: options.format ?? 'generic',
          encoding: options.encoding,
          delimiter,
          headers: [],
        });
        issue({ ref: { file, line: 1 }, message: 'the file is empty: no header row', severity: 'error' });
      }
      if (preview) emit({ kind: 'preview', preview });
    };
  };

  return {
    push(text: string) {
      if (stopped || refused || !text) return;
      if (linkedinText) linkedinText.push(text);
      else if (rows) rows.push(text);
      else {
        head += text;
        if (head.length >= HEAD) {
          begin(head);
          head = '';
        }
      }
    },
    end() {
      if (stopped) {
        emit({
          kind: 'start',
          format: options.format ?? 'generic',
          encoding: options.encoding,
          delimiter: options.delimiter ?? ',',
          headers: [],
        });
        return;
      }
      stopped = true;
      if (!started) begin(head);
      if (linkedinText) {
        const result = parseConnections(linkedinText.join(''), { file, today: options.today });
        emit({
          kind: 'start',
          format: 'linkedin-connections',
          encoding: options.encoding,
          delimiter: ',',
          headers: [],
        });
        for (const i of result.issues) issue(i);
        for (const record of result.records) emit({ kind: 'record', record });
        return;
      }
      finishTable?.();
    },
  };
}

function planFor(format: CsvFormat, headers: string[], dateOrder?: 'mdy' | 'dmy'): ColumnAction[] {
  switch (format) {
    case 'google':
    case 'google-legacy':
      return planGoogleColumns(headers);
    case 'outlook':
    case 'outlook-com':
    case 'google-outlook':
      return planOutlookColumns(headers, dateOrder).actions;
    case 'thunderbird':
      return planThunderbirdColumns(headers);
    case 'linkedin-connections':
    case 'generic':
      return headers.map((h): ColumnAction => (h.trim() ? { kind: 'extra' } : { kind: 'ignore' }));
  }
}

/** A LinkedIn Connections header within the first lines (after its preamble), not just the words somewhere. */
function hasLinkedinHeader(text: string, delimiter: CsvDelimiter): boolean {
  const head = text.slice(0, HEAD);
  if (!/connected on/i.test(head)) return false;
  const { rows } = parseCsvRows(head.slice(0, head.lastIndexOf('\n') + 1 || head.length), { delimiter });
  const header = rows.find((r) => r.cells.some((c) => c.trim().toLowerCase() === 'connected on'));
  return header !== undefined && detectCsvFormat(header.cells) === 'linkedin-connections';
}
