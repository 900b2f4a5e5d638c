/** Contact CSV import (Google, Outlook, Thunderbird, LinkedIn, mapped generic files) and export (see FORMATS.md §2). */
export {
  COLUMN_TARGETS,
  type ColumnDestination,
  type ColumnMapping,
  type ColumnTarget,
  columnMappingSchema,
} from './column-mapping';
export type {
  ContactCsvEvent,
  ContactCsvReader,
  CsvPreview,
  ParseContactCsvOptions,
} from './create-contact-csv-reader';
export { createContactCsvReader } from './create-contact-csv-reader';
export { createTextStreamDecoder, type TextStreamDecoder } from './create-text-stream-decoder';
export { CSV_FORMATS, type CsvFormat, detectCsvFormat } from './detect-csv-format';
export { isPlausibleEmail } from './is-plausible-email';
export { parseColumnMappingFlag } from './parse-column-mapping-flag';
export { type ContactCsvParseResult, parseContactCsv } from './parse-contact-csv';
export { parseContactCsvStream } from './parse-contact-csv-stream';
export {
  type CsvRow,
  type CsvRowReader,
  type CsvRowReaderOptions,
  type CsvSyntaxIssue,
  createCsvRowReader,
  parseCsvRows,
  readCsvRecordAt,
} from './parse-csv-rows';
export { type SerializeContactCsvOptions, serializeContactCsv } from './serialize-contact-csv';
export { type CsvDelimiter, sniffDelimiter } from './sniff-delimiter';
export { suggestColumnMapping } from './suggest-column-mapping';
