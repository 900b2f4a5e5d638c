import type { Command } from 'commander';
import { listTrash } from '../../core/trash/list-trash';
import { examples } from '../help';
import { emit, type GlobalOptions, table } from '../output';
import { withAccount } from '../runtime';

export function registerTrash(program: Command): void {
  const cmd = program
    .command('trash')
    .description('list what you deleted that can still be restored, with purge dates')
    .action(async (_opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      const trash = await withAccount(g, (ctx) => listTrash(ctx));
      emit(g, trash, () => {
        const sections = [
          ['contacts', trash.contacts.map((c) => [c.id, c.displayName, c.deletedAt, c.purgeAfter])],
          ['organisations', trash.organisations.map((o) => [o.id, o.name, o.deletedAt, o.purgeAfter])],
          ['tags', trash.tags.map((t) => [t.id, t.name, t.deletedAt, t.purgeAfter])],
          ['purposes', trash.purposes.map((p) => [p.id, p.name, p.deletedAt, p.purgeAfter])],
        ] as const;
        const shown = sections.filter(([, rows]) => rows.length > 0);
        if (shown.length === 0) return 'the trash is empty';
        return shown
          .map(([title, rows]) => `${title}:\n${table(['ID', 'NAME', 'DELETED', 'PURGED AFTER'], [...rows])}`)
          .join('\n\n');
      });
    });
  examples(cmd, ['rapport trash', 'rapport trash --json']);
}
