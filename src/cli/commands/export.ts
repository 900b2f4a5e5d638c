import { Argument, type Command, Option } from 'commander';
import { backupJsonChunks } from '../../core/backup/backup-json-chunks';
import { exportBackup } from '../../core/backup/export-backup';
import { validationError } from '../../core/errors';
import { exportCsv } from '../../core/exports/export-csv';
import { exportVcards } from '../../core/exports/export-vcards';
import { formatBytes, writeChunks } from '../files';
import { examples } from '../help';
import { emit, type GlobalOptions } from '../output';
import { withProgress } from '../progress';
import { withAccount } from '../runtime';

const FORMATS = ['vcard', 'csv', 'json'] as const;
const VCARD_VERSIONS = ['3.0', '4.0'] as const;

interface ExportOptions extends GlobalOptions {
  out?: string;
  vcardVersion?: (typeof VCARD_VERSIONS)[number];
  tag?: string;
}

async function* one(text: Promise<string>): AsyncGenerator<string> {
  yield await text;
}

export function registerExport(program: Command): void {
  const cmd = program
    .command('export')
    .description(
      'write your contacts as vCards (for phones, mail apps, CardDAV), as a CSV in Google Contacts’ format, or ' +
        'everything you have as a JSON backup (`rapport restore` reads it back)',
    )
    .addOption(new Option('--out <file>', 'write to this file, readable by you only (default: stdout)'))
    .addOption(
      new Option('--vcard-version <version>', 'vCard version for `vcard` (default: 3.0)').choices(
        VCARD_VERSIONS,
      ),
    )
    .addOption(new Option('--tag <tag>', 'only the contacts with this tag (vcard, csv), tags included'))
    .addArgument(new Argument('<format>', 'what to write').choices(FORMATS))
    .action(async (format: (typeof FORMATS)[number], _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<ExportOptions>();
      if (o.vcardVersion && format !== 'vcard') {
        throw validationError('--vcard-version', 'only applies to the vcard format');
      }
      if (o.tag !== undefined && format === 'json') {
        throw validationError('--tag', 'a backup holds everything; use vcard or csv for one tag');
      }
      let cards = 0;
      // Data written to this very terminal would be drawn over by the bar.
      const hidden = o.out === undefined && Boolean(process.stdout.isTTY);
      const bytes = await withAccount(o, (ctx) =>
        withProgress(
          o,
          (onProgress) => {
            if (format === 'vcard') {
              const stream = async function* () {
                for await (const card of exportVcards(ctx, o.vcardVersion ?? '3.0', {
                  onProgress,
                  tag: o.tag,
                })) {
                  cards++;
                  yield card;
                }
              };
              return writeChunks(o.out, stream());
            }
            if (format === 'csv') return writeChunks(o.out, one(exportCsv(ctx, { onProgress, tag: o.tag })));
            return writeChunks(
              o.out,
              (async function* () {
                yield* backupJsonChunks(await exportBackup(ctx, { onProgress }));
              })(),
            );
          },
          { hidden },
        ),
      );
      // Without --out the data went to stdout and there is nothing more to say.
      if (o.out === undefined) return;
      const what =
        format === 'vcard'
          ? `${cards} vCard${cards === 1 ? '' : 's'} (${o.vcardVersion ?? '3.0'})`
          : format.toUpperCase();
      emit(
        o,
        { file: o.out, format, bytes, ...(format === 'vcard' ? { cards } : {}) },
        () => `wrote ${what} to ${o.out} (${formatBytes(bytes)})`,
      );
    });
  examples(cmd, [
    'rapport export vcard > contacts.vcf',
    'rapport export vcard --vcard-version 4.0 --out contacts.vcf',
    'rapport export csv --out contacts.csv',
    "rapport export vcard --tag LP --out lps.vcf   # one tag's people; re-import keeps their tags",
    'rapport export json --out rapport-backup.json',
  ]);
}
