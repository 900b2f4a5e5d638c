import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import { importFile } from '../../core/imports/import-file';
import { importLinkedin } from '../../core/imports/import-linkedin';
import type { CsvImportInfo, ImportIssueView, ImportReport } from '../../core/imports/import-report';
import { getImport } from '../../core/imports/list-imports';
import type { ProgressListener } from '../../core/imports/run-import';
import { undoImport } from '../../core/imports/undo-import';
import { fieldFlags } from '../field-flags';
import { inputSize } from '../files';
import { examples } from '../help';
import { csvMappingHelp, importReportText, problemRows } from '../import-view';
import { emit, type GlobalOptions, HintedError } from '../output';
import { importProgressBar } from '../progress';
import { withAccount } from '../runtime';

interface ImportOptions extends GlobalOptions {
  dryRun?: boolean;
  map?: string;
  addressBook?: boolean;
}

/**
 * Every issue of a stored import whose report lists only the first hundred; undefined when the report has them all
 * (counted in rows, as the stats are: 60 hidden profiles are one issue) or nothing was stored.
 */
async function storedIssues(ctx: Ctx, report: ImportReport): Promise<ImportIssueView[] | undefined> {
  const { listed, total } = problemRows(report, report.issues);
  if (report.id === null || listed >= total) return undefined;
  return (await getImport(ctx, report.id)).issues;
}

/**
 * Runs one import as the acting account with a progress bar (at a terminal) and prints its report, unless
 * `refuse` throws for it.
 */
async function runAndReport(
  o: ImportOptions,
  run: (ctx: Ctx, onProgress: ProgressListener | undefined) => Promise<ImportReport>,
  refuse: (report: ImportReport) => void = () => {},
): Promise<void> {
  const bar = importProgressBar(o);
  let result: { report: ImportReport; stored: ImportIssueView[] | undefined };
  try {
    result = await withAccount(o, async (ctx) => {
      const report = await run(ctx, bar.onProgress);
      return { report, stored: o.json ? undefined : await storedIssues(ctx, report) };
    });
  } finally {
    bar.stop();
  }
  const { report, stored } = result;
  refuse(report);
  emit(o, report, () => importReportText(report, stored));
}

/** The validation error for a CSV that needs a column mapping, with the columns and a `--map` to edit. */
function needsMapping(file: string, error: AppError, csv: CsvImportInfo): HintedError {
  return new HintedError(error, csvMappingHelp(file, csv));
}

function isCsvInfo(v: unknown): v is CsvImportInfo {
  return typeof v === 'object' && v !== null && 'needsMapping' in v && 'headers' in v;
}

const DRY_RUN = 'show what would be imported, and every issue, without storing anything';

export function registerImport(program: Command): void {
  const group = program
    .command('import')
    .description('import contacts from a LinkedIn export, a vCard file or a CSV (undoable)');

  // Their messages name the file already: `file: people.csv holds no contact`, not `<file>: people.csv …`.
  fieldFlags(group, { file: 'file' });

  const linkedin = group
    .command('linkedin')
    .description(
      'import a LinkedIn data export: connections become contacts, messages interactions; invitations and your ' +
        'own profile are kept. Re-importing the same export adds nothing',
    )
    .argument('<export>', 'the export zip, the folder it unzips to, or one of its CSV files')
    .option(
      '--address-book',
      'also import the address books you uploaded to LinkedIn (ImportedContacts.csv, Contacts.csv): they come ' +
        'in tagged "LinkedIn address book", not as connections, and match your contacts by e-mail and phone',
    )
    .option('--dry-run', DRY_RUN)
    .action(async (path: string, _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<ImportOptions>();
      await inputSize(path, { folder: true });
      await runAndReport(o, (ctx, onProgress) =>
        importLinkedin(ctx, {
          source: { path },
          dryRun: Boolean(o.dryRun),
          addressBook: Boolean(o.addressBook),
          onProgress,
        }),
      );
    });
  examples(linkedin, [
    'rapport import linkedin ~/Downloads/Complete_LinkedInDataExport_11-25-2026.zip',
    'rapport import linkedin ~/Downloads/Basic_LinkedInDataExport/ --dry-run',
    'rapport import linkedin Complete_LinkedInDataExport_11-25-2026.zip --address-book',
    'rapport import linkedin Connections.csv --json',
  ]);

  const vcard = group
    .command('vcard')
    .description(
      'import a vCard file (2.1, 3.0 or 4.0; one card or thousands): bad cards are reported, not fatal',
    )
    .argument('<file>', 'the .vcf file')
    .option('--dry-run', DRY_RUN)
    .action(async (path: string, _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<ImportOptions>();
      const size = await inputSize(path);
      await runAndReport(o, (ctx, onProgress) =>
        importFile(ctx, {
          kind: 'vcard',
          source: createReadStream(path),
          fileName: basename(path),
          dryRun: Boolean(o.dryRun),
          size,
          onProgress,
        }),
      );
    });
  examples(vcard, ['rapport import vcard contacts.vcf', 'rapport import vcard "iCloud vCard.vcf" --dry-run']);

  const csv = group
    .command('csv')
    .description(
      'import a contacts CSV: Google, Outlook, Thunderbird and LinkedIn files are recognised; any other file ' +
        'needs --map (run once without it to see its columns and a suggested mapping)',
    )
    .argument('<file>', 'the .csv file')
    .option(
      '--map <mapping>',
      'which field each column is: "Column=field,Other=field:Label" (column names with commas in double ' +
        'quotes), or a JSON object',
    )
    .option('--dry-run', DRY_RUN)
    .action(async (path: string, _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<ImportOptions>();
      const size = await inputSize(path);
      const file = basename(path);
      try {
        await runAndReport(
          o,
          (ctx, onProgress) =>
            importFile(ctx, {
              kind: 'csv',
              source: createReadStream(path),
              fileName: file,
              dryRun: Boolean(o.dryRun),
              map: o.map,
              size,
              onProgress,
            }),
          (report) => {
            // A preview of a file that cannot be read alone ends like the import would: not importable as is.
            if (report.csv?.needsMapping) {
              throw new AppError(
                'validation',
                `map: Rapport does not know the columns of ${file}; give --map`,
                {
                  issues: [{ path: 'map', message: 'a column mapping is needed for this file' }],
                  csv: report.csv,
                },
              );
            }
          },
        );
      } catch (e) {
        if (e instanceof AppError && isCsvInfo(e.details.csv) && e.details.csv.needsMapping) {
          throw needsMapping(path, e, e.details.csv);
        }
        throw e;
      }
    });
  examples(csv, [
    'rapport import csv google-contacts.csv',
    'rapport import csv people.csv --map "First=givenName,Surname=familyName,Mail=email,Mobile=phone:Mobile"',
    `rapport import csv people.csv --map '{"First":"givenName","Mobile":{"target":"phone","label":"Mobile"}}'`,
    'rapport import csv outlook.csv --dry-run',
  ]);

  const undo = group
    .command('undo')
    .description(
      'take an import back whole: contacts it created go (to the trash if you worked with them since), contacts it changed lose what it changed and keep your edits since',
    )
    .argument('<id>', 'import id (printed by the import; also in `rapport imports`)')
    .action(async (id: string, _opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      const result = await withAccount(g, (ctx) => undoImport(ctx, id));
      emit(
        g,
        { id, ...result },
        () =>
          `undid import ${id}: removed ${result.removed} contact${result.removed === 1 ? '' : 's'}, ` +
          `took back what it changed in ${result.restored} contact${result.restored === 1 ? '' : 's'}` +
          (result.trashed
            ? `; ${result.trashed} worked with since (by you or a later import) ${result.trashed === 1 ? 'is' : 'are'} in the trash (rapport trash)`
            : ''),
      );
    });
  examples(undo, ['rapport imports', 'rapport import undo 0193b6c2-…']);
}
