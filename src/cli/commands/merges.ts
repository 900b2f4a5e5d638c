import type { Command } from 'commander';
import { listMerges } from '../../core/duplicates/list-merges';
import { examples } from '../help';
import { emit, type GlobalOptions, table } from '../output';
import { withAccount } from '../runtime';

export function registerMerges(program: Command): void {
  const cmd = program
    .command('merges')
    .description('your recent merges, newest first, with the id `rapport merge undo` takes')
    .action(async (_opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      // The kept contact's name as it is now, also when it has since been deleted or merged on.
      const merges = await withAccount(g, (ctx) => listMerges(ctx));
      emit(g, merges, () =>
        merges.length === 0
          ? 'no merges yet'
          : table(
              ['ID', 'DATE', 'KEPT', 'KEPT ID', 'MERGED ID', 'UNDONE'],
              // A kept contact in the trash or merged again blocks the undo: say so where UNDONE would be.
              merges.map((m) => [
                m.id,
                m.createdAt,
                m.keptName,
                m.keptId,
                m.mergedId,
                m.undoneAt ?? (m.keptNow === 'live' ? '' : `(kept one ${m.keptNow})`),
              ]),
            ),
      );
    });
  examples(cmd, ['rapport merges', 'rapport merges --json']);
}
