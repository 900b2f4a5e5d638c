import { type CsvRow, parseCsvRows } from '../csv/parse-csv-rows';
import type { ParseIssue } from '../model';
import { decodeBytes } from '../text/decode';

/** A LinkedIn CSV after its preamble: the header row found by content and the data rows below it. */
export interface LinkedinTable {
  file: string;
  header: string[];
  /** Normalised header name (see `normaliseHeaderName`) → column index. */
  columns: Map<string, number>;
  headerLine: number;
  rows: CsvRow[];
}

/** Header name as compared: trimmed, lower-case, inner whitespace collapsed (`Connected  On` → `connected on`). */
export function normaliseHeaderName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Text of a LinkedIn file given as bytes (any encoding decode.ts knows) or text: no BOM, lone-CR line ends made LF. */
export function linkedinText(input: Uint8Array | string): string {
  let text = typeof input === 'string' ? input : decodeBytes(input).text;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // A file re-saved by old Mac software ends lines with CR alone.
  return text.includes('\r') && !text.includes('\n') ? text.replaceAll('\r', '\n') : text;
}

/**
 * A row that Excel wrapped whole in quotes (`"Ada,""Lovelace, MBA"",…"`) arrives as one cell holding the
 * delimiters: read that cell as a line of its own.
 */
export function unwrapQuotedLine(cells: string[]): string[] {
  if (cells.length !== 1) return cells;
  const only = cells[0] as string;
  if (!only.includes(',')) return cells;
  const inner = parseCsvRows(only, { skipEmptyLines: false }).rows[0]?.cells;
  return inner && inner.length > 1 ? inner : cells;
}

/**
 * Finds the header row by content (`isHeader` on the normalised names of each row) and returns the rows below
 * it, whole-line-quoted rows unwrapped. Never throws: a missing header is reported as an issue.
 */
export function readLinkedinTable(
  input: Uint8Array | string,
  file: string,
  isHeader: (names: Set<string>) => boolean,
  describeHeader: string,
): { table?: LinkedinTable; issues: ParseIssue[] } {
  const issues: ParseIssue[] = [];
  // A quote never closed drops its row only: read to the end of the file, it would swallow every message below.
  const { rows, issues: syntax } = parseCsvRows(linkedinText(input), { unclosedQuote: 'drop-row' });
  for (const s of syntax)
    issues.push({ ref: { file, line: s.line }, message: s.message, severity: s.severity ?? 'warning' });
  let headerIndex = -1;
  let header: string[] = [];
  for (let r = 0; r < rows.length; r++) {
    const cells = unwrapQuotedLine((rows[r] as CsvRow).cells);
    if (isHeader(new Set(cells.map(normaliseHeaderName)))) {
      headerIndex = r;
      header = cells.map((c) => c.trim());
      break;
    }
  }
  if (headerIndex === -1) {
    issues.push({
      ref: { file, line: 1 },
      message: `no header row found: expected a row with ${describeHeader}`,
      severity: 'error',
    });
    return { issues };
  }
  const columns = new Map<string, number>();
  header.forEach((name, i) => {
    const key = normaliseHeaderName(name);
    if (key && !columns.has(key)) columns.set(key, i);
  });
  const body: CsvRow[] = [];
  for (let r = headerIndex + 1; r < rows.length; r++) {
    const row = rows[r] as CsvRow;
    body.push(header.length > 1 ? { line: row.line, cells: unwrapQuotedLine(row.cells) } : row);
  }
  return {
    table: { file, header, columns, headerLine: (rows[headerIndex] as CsvRow).line, rows: body },
    issues,
  };
}
