import type { ImportedPerson, ParseResult } from '../model';
import type { TextEncoding } from '../text/decode';
import { decodeBytes } from '../text/decode';
import {
  type ContactCsvEvent,
  type CsvPreview,
  createContactCsvReader,
  type ParseContactCsvOptions,
} from './create-contact-csv-reader';
import type { CsvFormat } from './detect-csv-format';
import type { CsvDelimiter } from './sniff-delimiter';

export type { ContactCsvEvent, CsvPreview, ParseContactCsvOptions } from './create-contact-csv-reader';

export interface ContactCsvParseResult extends ParseResult<ImportedPerson> {
  format: CsvFormat;
  encoding: TextEncoding;
  delimiter: CsvDelimiter;
  headers: string[];
  /** Set when a generic file came without a mapping (then there are no records). */
  preview?: CsvPreview;
}

/**
 * A contact CSV (Google 2024 and older, Outlook desktop in English, German or French, Outlook.com, Google's
 * Outlook CSV, Thunderbird, LinkedIn Connections, or any file with a column mapping) → people. Bytes are
 * decoded (BOM, UTF-16, UTF-8, windows-1252), the delimiter sniffed, the format detected from the header;
 * unknown columns go to `extra`. Never throws: bad rows become issues with file, line and column, good rows are
 * always kept. For large uploads, parseContactCsvStream reads the same way without holding the file.
 */
export function parseContactCsv(
  input: Uint8Array | string,
  options: ParseContactCsvOptions = {},
): ContactCsvParseResult {
  const { text, encoding } =
    typeof input === 'string' ? { text: input, encoding: 'utf-8' as TextEncoding } : decodeBytes(input);
  const result: ContactCsvParseResult = {
    records: [],
    issues: [],
    format: options.format ?? 'generic',
    encoding,
    delimiter: options.delimiter ?? ',',
    headers: [],
  };
  const reader = createContactCsvReader({ ...options, encoding }, (event: ContactCsvEvent) => {
    switch (event.kind) {
      case 'start':
        result.format = event.format;
        result.delimiter = event.delimiter;
        result.headers = event.headers;
        break;
      case 'record':
        result.records.push(event.record);
        break;
      case 'issue':
        result.issues.push(event.issue);
        break;
      case 'preview':
        result.preview = event.preview;
        break;
    }
  });
  reader.push(text);
  reader.end();
  return result;
}
