import type { Command } from 'commander';
import { backupJsonChunks } from '../../core/backup/backup-json-chunks';
import { exportBackup } from '../../core/backup/export-backup';
import { formatBytes, writeChunks } from '../files';
import { examples } from '../help';
import { emit, type GlobalOptions } from '../output';
import { withProgress } from '../progress';
import { withAccount } from '../runtime';

export function registerBackup(program: Command): void {
  const cmd = program
    .command('backup')
    .description(
      'write everything your account holds to one JSON file (the same as `export json`); `rapport restore FILE` ' +
        'reads it back into an empty account, here or on another server (see docs/backup.md)',
    )
    .argument('<file>', 'where to write the backup, readable by you only (replaced if it exists)')
    .action(async (file: string, _opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      const { backup, bytes } = await withAccount(g, async (ctx) => {
        const backup = await withProgress(g, (onProgress) => exportBackup(ctx, { onProgress }));
        const bytes = await writeChunks(
          file,
          (async function* () {
            yield* backupJsonChunks(backup);
          })(),
        );
        return { backup, bytes };
      });
      const rows = Object.fromEntries(Object.entries(backup.tables).map(([t, r]) => [t, r.length]));
      const total = Object.values(rows).reduce((a, b) => a + b, 0);
      emit(
        g,
        { file, bytes, exportedAt: backup.exportedAt, account: backup.account, rows },
        () =>
          `backed up ${backup.account.email} to ${file}: ${rows.contacts ?? 0} contacts, ${total} rows in all ` +
          `(${formatBytes(bytes)})`,
      );
    });
  examples(cmd, [
    'rapport backup rapport-$(date +%F).json',
    'rapport --account ana@example.org backup ana.json && rapport --account new@example.org restore ana.json',
  ]);
}
