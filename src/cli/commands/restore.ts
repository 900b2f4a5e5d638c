import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { isUuid } from '../../contracts/common';
import { restoreBackup } from '../../core/backup/restore-backup';
import { restoreContact } from '../../core/contacts/restore-contact';
import { AppError } from '../../core/errors';
import { describeJsonProblem } from '../describe-json-problem';
import { inputSize, isFile } from '../files';
import { examples } from '../help';
import { emit, type GlobalOptions } from '../output';
import { withProgress } from '../progress';
import { withAccount } from '../runtime';

/** The backup file as parsed JSON; a file that is not JSON is `validation` naming it. */
async function readBackup(file: string): Promise<unknown> {
  await inputSize(file);
  const text = await readFile(file, 'utf8');
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = `not a JSON backup: ${describeJsonProblem(text, e)}`;
    throw new AppError('validation', `${file}: ${message}`, { issues: [{ path: 'file', message }] });
  }
}

export function registerRestore(program: Command): void {
  const cmd = program
    .command('restore')
    .description(
      'bring a contact back from the trash, whole (given its id); or restore a backup file from `rapport backup` ' +
        'into this account, which must be empty',
    )
    .argument('<id|file>', 'contact id (from `rapport trash`), or the path of a JSON backup')
    .action(async (ref: string, _opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      // Contact ids are UUIDs; anything else (or a file that happens to be named like one) is a backup.
      if (isUuid(ref.trim()) && !(await isFile(ref))) {
        const contact = await withAccount(g, (ctx) => restoreContact(ctx, ref.trim()));
        emit(g, contact, () => `restored ${contact.displayName} (${contact.id})`);
        return;
      }
      const backup = await readBackup(ref);
      const { result, account } = await withAccount(g, async (ctx, account) => ({
        result: await withProgress(g, (onProgress) => restoreBackup(ctx, backup, { onProgress })),
        account,
      }));
      const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
      emit(
        g,
        result,
        () =>
          `restored ${ref} into ${account.email}: ${result.rows.contacts ?? 0} contacts, ${total} rows in all` +
          (result.idsKept ? '' : ' (with new ids: the originals are in use on this server)'),
      );
    });
  examples(cmd, [
    'rapport trash',
    'rapport restore 0193b6c2-…',
    'rapport --account new@example.org restore rapport-backup.json',
  ]);
}
