import {
  type ColumnMapping,
  columnMappingSchema,
  parseColumnMappingFlag,
  parseContactCsvStream,
  suggestColumnMapping,
} from '../../formats/csv';
import type { ImportedPerson, ParseIssue } from '../../formats/model';
import { accountToday } from '../agenda/account-today';
import { phoneRegionOf } from '../agenda/agenda.queries';
import { type Ctx, requireActor } from '../context';
import { AppError } from '../errors';
import { validate } from '../validate';
import { csvSourceKind } from './csv-sources';
import type { CsvImportInfo, ImportReport } from './import-report';
import { type ByteSource, countingBytes } from './import-vcard';
import { type ProgressListener, runImport } from './run-import';

/**
 * `Column=field,…` (CLI), a JSON object `{"Column": "field" | {"target", "label"}}` (web app, API) or a mapping
 * object → a mapping, or a `validation` error on `map`.
 */
function mappingFrom(map: string | ColumnMapping | undefined): ColumnMapping | undefined {
  if (map === undefined || typeof map === 'object') return map;
  if (map.trim().startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(map);
    } catch {
      throw new AppError('validation', 'map: is not valid JSON', {
        issues: [{ path: 'map', message: 'is not valid JSON' }],
      });
    }
    return validate(columnMappingSchema, json, 'map');
  }
  const parsed = parseColumnMappingFlag(map);
  if (!parsed.ok) {
    throw new AppError('validation', `map: ${parsed.errors.join('; ')}`, {
      issues: parsed.errors.map((message) => ({ path: 'map', message })),
    });
  }
  return parsed.mapping;
}

// Where 3/9/1985 is March the 9th: the US and places that write dates its way. Everywhere else it is the 3rd of
// September, as an English Outlook in the UK or Australia writes it.
const MONTH_FIRST = new Set(['US', 'PR', 'GU', 'VI', 'AS', 'MP', 'UM', 'PH', 'FM', 'MH', 'PW', 'CA']);

/** The day/month order of slashed dates in the account's country (its phone country), when it has named one. */
function dateOrderIn(region: string | null): 'mdy' | 'dmy' | undefined {
  return region ? (MONTH_FIRST.has(region) ? 'mdy' : 'dmy') : undefined;
}

const SAMPLE_CHARS = 200;
const shortSample = (cell: string) =>
  cell.length > SAMPLE_CHARS ? `${cell.slice(0, SAMPLE_CHARS).trimEnd()}…` : cell;

/**
 * Imports a contacts CSV: Google (2024 and older), Outlook (desktop in English, German or French; Outlook.com),
 * Thunderbird, or any other file through a column mapping. Read as a stream. A file Rapport cannot read alone
 * answers a preview (`dryRun`) with its headers, first rows and a suggested mapping, or a `validation` error on
 * `map` carrying the same when it was meant to be stored. LinkedIn's Connections.csv sent as a contacts CSV is
 * imported as what it is, a LinkedIn import.
 */
export async function importCsv(
  ctx: Ctx,
  input: {
    source: ByteSource;
    fileName: string;
    dryRun: boolean;
    map?: string | ColumnMapping;
    size?: number;
    onProgress?: ProgressListener;
  },
): Promise<ImportReport> {
  const mapping = mappingFrom(input.map);
  const people: ImportedPerson[] = [];
  const issues: ParseIssue[] = [];
  const csv: CsvImportInfo = {
    format: 'generic',
    headers: [],
    needsMapping: false,
    sampleRows: [],
    suggestedMapping: {},
  };
  const source = countingBytes(input.source, input.size ?? 0, input.onProgress);
  const dateOrder = dateOrderIn(await phoneRegionOf(ctx.db, requireActor(ctx)));
  // A LinkedIn Connections.csv sent as a contacts CSV: a Connected On after it is dropped, as in a LinkedIn import.
  const today = await accountToday(ctx, requireActor(ctx));
  const options = { file: input.fileName, mapping, dateOrder, today };
  for await (const event of parseContactCsvStream(source, options)) {
    switch (event.kind) {
      case 'start':
        csv.format = event.format;
        csv.headers = event.headers;
        csv.suggestedMapping = mapping ?? suggestColumnMapping(event.headers);
        break;
      case 'record':
        people.push(event.record);
        break;
      case 'issue':
        issues.push(event.issue);
        break;
      case 'preview':
        csv.needsMapping = true;
        // A sample is for recognising a column: a 20 MB notes cell would otherwise come back whole.
        csv.sampleRows = event.preview.rows.map((row) => row.map(shortSample));
        csv.suggestedMapping = event.preview.suggestedMapping;
        break;
    }
  }
  if (csv.needsMapping && !input.dryRun) {
    throw new AppError(
      'validation',
      'map: Rapport does not know these columns; say which field each one is (a column mapping)',
      {
        issues: [{ path: 'map', message: 'a column mapping is needed for this file' }],
        csv,
      },
    );
  }
  const linkedin = csv.format === 'linkedin-connections';
  const report = await runImport(ctx, {
    // As LinkedIn's own: the same people then match their LinkedIn source record and a re-import changes nothing,
    // where a new source would see its first look and overwrite the owner's edits.
    kind: linkedin ? 'linkedin' : 'csv',
    // Each app's CSV is a source of its own: Outlook's first sight of a person Google's file brought fills blanks.
    sourceKind: linkedin ? undefined : csvSourceKind(csv.format),
    fileName: input.fileName,
    people,
    issues,
    dryRun: input.dryRun,
    onProgress: input.onProgress,
    refuseEmpty: !csv.needsMapping,
  });
  return { ...report, csv };
}
