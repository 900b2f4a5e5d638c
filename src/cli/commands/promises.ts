import { type Command, Option } from 'commander';
import { deletePromise } from '../../core/promises/delete-promise';
import { getPromiseStats } from '../../core/promises/get-promise-stats';
import { listPromises } from '../../core/promises/list-promises';
import { restorePromise } from '../../core/promises/restore-promise';
import { examples } from '../help';
import { emit, type GlobalOptions } from '../output';
import { cursorOption, MAX_PAGE, noteNextPage, type PageOptions, pageAsked } from '../pages';
import { integer } from '../parse';
import { promiseStatsView, promiseTable } from '../relationship-view';
import { resolveContact } from '../resolve';
import { withAccount } from '../runtime';
import { registerPromiseEdit } from './promises-edit';

const STATUSES = ['open', 'kept', 'broken', 'released'] as const;

interface PromisesOptions extends GlobalOptions, PageOptions {
  status?: (typeof STATUSES)[number];
}

export function registerPromises(program: Command): void {
  const promises = program
    .command('promises')
    .description(
      'promises you made and were made, by due date, with everyone or one person (`promises stats`: kept on time)',
    )
    .argument('[person]', 'only promises with this contact (id or text that finds exactly one)')
    .addOption(new Option('--status <status>', 'only in this status').choices(STATUSES))
    .option('--limit <n>', `how many, 1–${MAX_PAGE} (default: 50)`, integer(1, MAX_PAGE))
    .addOption(cursorOption())
    .option('--all', 'every page, not just the first')
    .action(async (ref: string | undefined, _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<PromisesOptions>();
      const page = await withAccount(o, async (ctx) => {
        const contact = ref === undefined ? undefined : (await resolveContact(ctx, ref)).id;
        return pageAsked(o, (limit, cursor) =>
          listPromises(ctx, { contact, status: o.status, limit, cursor }),
        );
      });
      emit(o, page, () => (page.items.length === 0 ? 'no promises' : promiseTable(page.items)));
      noteNextPage(o, page, '(more promises: use --all or a larger --limit)');
    });
  examples(promises, [
    'rapport promises',
    'rapport promises --status open',
    'rapport promises "Ada Lovelace" --json',
    'rapport promises --all --json',
  ]);

  const stats = promises
    .command('stats')
    .description('how reliably you keep your promises: the share kept on time, open and overdue')
    .action(async (_opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      const result = await withAccount(g, (ctx) => getPromiseStats(ctx));
      emit(g, result, () => promiseStatsView(result));
    });
  examples(stats, ['rapport promises stats', 'rapport promises stats --json']);

  const rm = promises
    .command('rm')
    .description('remove a promise entered by mistake (one dropped by agreement is `promise released`)')
    .argument('<id>', 'promise id (from `rapport promises`)')
    .action(async (id: string, _opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      await withAccount(g, (ctx) => deletePromise(ctx, id));
      emit(g, { id, deleted: true }, () => `removed promise ${id}`);
    });
  examples(rm, ['rapport promises rm 0193b6c2-…']);

  const restore = promises
    .command('restore')
    .description('bring back a promise removed in the last 30 days (ids: `rapport trash`), as it was')
    .argument('<id>', 'promise id (from `rapport trash`)')
    .action(async (id: string, _opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      const r = await withAccount(g, (ctx) => restorePromise(ctx, id.trim()));
      emit(g, r, () => `restored promise ${r.id} (${r.what}, ${r.contact.displayName}, due ${r.dueOn})`);
    });
  examples(restore, ['rapport trash', 'rapport promises restore 0193b6c2-…']);

  registerPromiseEdit(promises);
}
