import type { Command } from 'commander';
import { deleteFavour } from '../../core/favours/delete-favour';
import { getFavourBalance } from '../../core/favours/get-favour-balance';
import { listFavours } from '../../core/favours/list-favours';
import { restoreFavour } from '../../core/favours/restore-favour';
import { examples } from '../help';
import { emit, type GlobalOptions } from '../output';
import { cursorOption, MAX_PAGE, noteNextPage, type PageOptions, pageAsked } from '../pages';
import { integer } from '../parse';
import { balanceView, favourTable } from '../relationship-view';
import { resolveContact } from '../resolve';
import { withAccount } from '../runtime';
import { registerFavourEdit } from './favours-edit';

interface FavoursOptions extends GlobalOptions, PageOptions {}

export function registerFavours(program: Command): void {
  const favours = program
    .command('favours')
    .description(
      'the favours ledger, newest first, with everyone or one person (`favours balance`: who you owe)',
    )
    .argument('[person]', 'only favours with this contact (id or text that finds exactly one)')
    .option('--limit <n>', `how many, 1–${MAX_PAGE} (default: 50)`, integer(1, MAX_PAGE))
    .addOption(cursorOption())
    .option('--all', 'every page, not just the first')
    .action(async (ref: string | undefined, _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<FavoursOptions>();
      const page = await withAccount(o, async (ctx) => {
        const contact = ref === undefined ? undefined : (await resolveContact(ctx, ref)).id;
        return pageAsked(o, (limit, cursor) => listFavours(ctx, { contact, limit, cursor }));
      });
      emit(o, page, () => (page.items.length === 0 ? 'no favours recorded' : favourTable(page.items)));
      noteNextPage(o, page, '(more favours: use --all or a larger --limit)');
    });
  examples(favours, ['rapport favours', 'rapport favours "Ada Lovelace"', 'rapport favours --all --json']);

  const balance = favours
    .command('balance')
    .description(
      'who you have helped, who helped you, and who you owe (weighted by size), those you owe first',
    )
    .action(async (_opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      const result = await withAccount(g, (ctx) => getFavourBalance(ctx));
      emit(g, result, () => balanceView(result));
    });
  examples(balance, ['rapport favours balance', 'rapport favours balance --json']);

  const rm = favours
    .command('rm')
    .description('remove a favour recorded by mistake; the relationship is recomputed without it')
    .argument('<id>', 'favour id (from `rapport favours`)')
    .action(async (id: string, _opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      await withAccount(g, (ctx) => deleteFavour(ctx, id));
      emit(g, { id, deleted: true }, () => `removed favour ${id}`);
    });
  examples(rm, ['rapport favours rm 0193b6c2-…']);

  const restore = favours
    .command('restore')
    .description(
      'bring back a favour removed in the last 30 days (ids: `rapport trash`); the relationship counts it again',
    )
    .argument('<id>', 'favour id (from `rapport trash`)')
    .action(async (id: string, _opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      const r = await withAccount(g, (ctx) => restoreFavour(ctx, id.trim()));
      emit(g, r, () => `restored favour ${r.id} (${r.what}, ${r.contact.displayName})`);
    });
  examples(restore, ['rapport trash', 'rapport favours restore 0193b6c2-…']);

  registerFavourEdit(favours);
}
