import type { Command } from 'commander';
import { getImport, listImports } from '../../core/imports/list-imports';
import { examples } from '../help';
import { issuesText, statsText } from '../import-view';
import { emit, fields, type GlobalOptions, table } from '../output';
import { cursorOption, MAX_PAGE, noteNextPage, type PageOptions, pageAsked } from '../pages';
import { integer } from '../parse';
import { withAccount } from '../runtime';

export function registerImports(program: Command): void {
  const imports = program
    .command('imports')
    .description('list your imports, newest first (`imports show <id>` for one with all its issues)')
    .option('--limit <n>', `how many, 1–${MAX_PAGE} (default: 50)`, integer(1, MAX_PAGE))
    .addOption(cursorOption())
    .option('--all', 'every page, not just the first')
    .action(async (_opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions & PageOptions>();
      const page = await withAccount(g, (ctx) =>
        pageAsked(g, (limit, cursor) => listImports(ctx, { limit, cursor })),
      );
      const list = page.items;
      emit(g, page, () =>
        list.length === 0
          ? 'no imports yet'
          : table(
              ['ID', 'DATE', 'KIND', 'STATUS', 'CREATED', 'UPDATED', 'ISSUES', 'FILE'],
              list.map((i) => [
                i.id,
                i.createdAt,
                i.kind,
                i.status,
                i.stats.created,
                i.stats.updated,
                i.stats.errors + i.stats.skipped + i.stats.warnings,
                i.fileName,
              ]),
            ),
      );
      noteNextPage(g, page, '(older imports: use --all or a larger --limit)');
    });
  examples(imports, ['rapport imports', 'rapport imports --limit 10', 'rapport imports --all --json']);

  const show = imports
    .command('show')
    .description('one import: its counts and every issue it reported (file, line or card, field, reason)')
    .argument('<id>', 'import id (from `rapport imports`)')
    .action(async (id: string, _opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      const imp = await withAccount(g, (ctx) => getImport(ctx, id));
      emit(g, imp, () =>
        [
          fields([
            ['id', imp.id],
            ['kind', imp.kind],
            ['file', imp.fileName],
            ['status', imp.status],
            ['date', imp.createdAt],
          ]),
          statsText(imp.stats),
          imp.issues.length === 0 ? 'no issues' : `issues:\n${issuesText(imp.issues)}`,
          ...(imp.status === 'committed' ? [`undo with: rapport import undo ${imp.id}`] : []),
        ].join('\n\n'),
      );
    });
  examples(show, ['rapport imports show 0193b6c2-…', 'rapport imports show 0193b6c2-… --json']);
}
