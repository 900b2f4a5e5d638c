import { spreadsheetSafe } from '../formats/csv/spreadsheet-safe';

// RFC 4180: quote a cell when it holds a comma, quote or line break; double the quotes inside.
function cell(v: string | number): string {
  const s = typeof v === 'number' ? String(v) : spreadsheetSafe(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A small CSV document (header + rows) with CRLF line ends, as spreadsheets expect. */
export function csvDocument(header: string[], rows: (string | number)[][]): string {
  return `${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
