import type { Command } from 'commander';
import { getContact } from '../../core/contacts/get-contact';
import { listMerges } from '../../core/duplicates/list-merges';
import { AppError } from '../../core/errors';
import { examples } from '../help';
import { emit, type GlobalOptions, table } from '../output';
import { withAccount } from '../runtime';

export function registerMerges(program: Command): void {
  const cmd = program
    .command('merges')
    .description('your recent merges, newest first, with the id `rapport merge undo` takes')
    .action(async (_opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      const { merges, names } = await withAccount(g, async (ctx) => {
        const merges = await listMerges(ctx);
        // The kept contact's current name, when it is still in the lists (it may since have been deleted).
        const names = new Map<string, string>();
        for (const id of new Set(merges.map((m) => m.keptId))) {
          try {
            names.set(id, (await getContact(ctx, id)).displayName);
          } catch (e) {
            if (!(e instanceof AppError && e.code === 'not_found')) throw e;
          }
        }
        return { merges, names };
      });
      emit(g, merges, () =>
        merges.length === 0
          ? 'no merges yet'
          : table(
              ['ID', 'DATE', 'KEPT', 'KEPT ID', 'MERGED ID', 'UNDONE'],
              merges.map((m) => [
                m.id,
                m.createdAt,
                names.get(m.keptId) ?? '—',
                m.keptId,
                m.mergedId,
                m.undoneAt ?? '',
              ]),
            ),
      );
    });
  examples(cmd, ['rapport merges', 'rapport merges --json']);
}
