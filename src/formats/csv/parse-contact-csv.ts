import { parseConnections } from '../linkedin/parse-connections';
import type { ImportedPerson, ParseIssue, ParseResult } from '../model';
import type { TextEncoding } from '../text/decode';
import { applyColumnPlan } from './apply-column-plan';
import { type ColumnMapping, columnMappingSchema } from './column-mapping';
import type { ColumnAction, DateOrder } from './column-plan';
import { decodeFileBytes } from './decode-file-bytes';
import { type CsvFormat, detectCsvFormat } from './detect-csv-format';
import { createCsvRowReader, parseCsvRows } from './parse-csv-rows';
import { planGoogleColumns } from './plan-google-columns';
import { planMappedColumns } from './plan-mapped-columns';
import { planOutlookColumns } from './plan-outlook-columns';
import { planThunderbirdColumns } from './plan-thunderbird-columns';
import { type CsvDelimiter, sniffDelimiter } from './sniff-delimiter';
import { suggestColumnMapping } from './suggest-column-mapping';

export interface ParseContactCsvOptions {
  /** Name used in issues and refs (default `contacts.csv`). */
  file?: string;
  /** Column name → destination. Required for a generic file; for any format it overrides the mapped columns. */
  mapping?: ColumnMapping;
  /** Skip detection and read the file as this format. */
  format?: CsvFormat;
  /** Day/month order of slashed dates in generic and mapped columns (default: only unambiguous dates). */
  dateOrder?: 'mdy' | 'dmy';
  /** Override delimiter sniffing. */
  delimiter?: CsvDelimiter;
}

/** What a mapping UI or CLI needs to build a mapping for a file Rapport cannot read on its own. */
export interface CsvPreview {
  headers: string[];
  /** The first five data rows. */
  rows: string[][];
  /** A guess from the header names, for the user to correct. */
  suggestedMapping: ColumnMapping;
}

export interface ContactCsvParseResult extends ParseResult<ImportedPerson> {
  format: CsvFormat;
  encoding: TextEncoding;
  delimiter: CsvDelimiter;
  headers: string[];
  /** Set when a generic file came without a mapping (then there are no records). */
  preview?: CsvPreview;
}

const PREVIEW_ROWS = 5;

/**
 * A contact CSV (Google 2024 and older, Outlook desktop in any supported language, Outlook.com, Google's
 * Outlook CSV, Thunderbird, LinkedIn Connections, or any file with a column mapping) → people. Bytes are
 * decoded (BOM, UTF-16, UTF-8, windows-1252), the delimiter sniffed, the format detected from the header.
 * Never throws: bad rows become issues with file, line and column; good rows are always kept.
 */
export function parseContactCsv(
  input: Uint8Array | string,
  options: ParseContactCsvOptions = {},
): ContactCsvParseResult {
  const file = options.file ?? 'contacts.csv';
  const { text, encoding } =
    typeof input === 'string'
      ? { text: input.charCodeAt(0) === 0xfeff ? input.slice(1) : input, encoding: 'utf-8' as TextEncoding }
      : decodeFileBytes(input);
  const delimiter = options.delimiter ?? sniffDelimiter(text);
  const issues: ParseIssue[] = [];
  const records: ImportedPerson[] = [];
  const base = { records, issues, encoding, delimiter };

  let mapping: ColumnMapping | undefined;
  if (options.mapping !== undefined) {
    const checked = columnMappingSchema.safeParse(options.mapping);
    if (!checked.success) {
      issues.push({
        ref: { file },
        message: `the column mapping is not valid: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        severity: 'error',
      });
      return { ...base, format: options.format ?? 'generic', headers: [] };
    }
    mapping = checked.data;
  }

  // LinkedIn's Connections.csv has a preamble before its header: its own parser finds the header by content.
  const looksLinkedin = hasLinkedinHeader(text, delimiter);
  if (!mapping && (options.format === 'linkedin-connections' || (!options.format && looksLinkedin))) {
    const result = parseConnections(text, { file });
    return {
      ...base,
      records: result.records,
      issues: result.issues,
      format: 'linkedin-connections',
      headers: [],
    };
  }

  let headers: string[] | undefined;
  let format: CsvFormat = options.format ?? 'generic';
  let actions: ColumnAction[] = [];
  let preview: CsvPreview | undefined;
  const order: DateOrder = options.dateOrder ?? 'auto';

  const start = (cells: string[], line: number) => {
    headers = cells.map((c) => c.trim());
    format = options.format ?? detectCsvFormat(headers);
    actions = planFor(format, headers);
    if (mapping) actions = planMappedColumns(headers, actions, mapping, order, file, issues);
    else if (format === 'generic') {
      preview = { headers, rows: [], suggestedMapping: suggestColumnMapping(headers) };
      issues.push({
        ref: { file, line },
        message:
          'this file is not a format Rapport knows (Google, Outlook, Thunderbird, LinkedIn): give a column mapping, ' +
          'e.g. --map "First=givenName,Surname=familyName,Mail=email"; see the preview for its columns',
        severity: 'error',
      });
    }
  };

  const reader = createCsvRowReader({
    delimiter,
    onIssue: (s) => issues.push({ ref: { file, line: s.line }, message: s.message, severity: 'warning' }),
    onRow: (cells, line) => {
      if (!headers) {
        // With a mapping, a LinkedIn file is read generically: skip its preamble up to the real header.
        if (looksLinkedin && !cells.some((c) => c.trim().toLowerCase() === 'connected on')) return;
        if (cells.some((c) => c.trim())) start(cells, line);
        return;
      }
      if (preview) {
        if (preview.rows.length < PREVIEW_ROWS) preview.rows.push(cells);
        return;
      }
      const width = (headers as string[]).length;
      if (cells.length > width && cells.slice(width).some((c) => c.trim())) {
        issues.push({
          ref: { file, line },
          message: `row has ${cells.length} cells but the header has ${width}; the cells past the last column are kept in extra as "Column N"`,
          severity: 'warning',
        });
      }
      const person = applyColumnPlan(actions, headers as string[], cells, { file, line }, issues);
      if (person) records.push(person);
    },
  });
  reader.push(text);
  reader.end();

  if (!headers) {
    issues.push({ ref: { file, line: 1 }, message: 'the file is empty: no header row', severity: 'error' });
    return { ...base, format, headers: [] };
  }
  return { ...base, format, headers, ...(preview ? { preview } : {}) };
}

function planFor(format: CsvFormat, headers: string[]): ColumnAction[] {
  switch (format) {
    case 'google':
    case 'google-legacy':
      return planGoogleColumns(headers);
    case 'outlook':
    case 'outlook-com':
    case 'google-outlook':
      return planOutlookColumns(headers).actions;
    case 'thunderbird':
      return planThunderbirdColumns(headers);
    case 'linkedin-connections':
    case 'generic':
      return headers.map((h): ColumnAction => (h.trim() ? { kind: 'extra' } : { kind: 'ignore' }));
  }
}

/** A LinkedIn Connections header within the first lines (after its preamble), not just the words somewhere. */
function hasLinkedinHeader(text: string, delimiter: CsvDelimiter): boolean {
  const head = text.slice(0, 8192);
  if (!/connected on/i.test(head)) return false;
  const { rows } = parseCsvRows(head.slice(0, head.lastIndexOf('\n') + 1 || head.length), { delimiter });
  const header = rows.find((r) => r.cells.some((c) => c.trim().toLowerCase() === 'connected on'));
  return header !== undefined && detectCsvFormat(header.cells) === 'linkedin-connections';
}
