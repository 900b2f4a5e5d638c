import type { Command } from 'commander';
import { deleteInteraction } from '../../core/interactions/delete-interaction';
import { listInteractions } from '../../core/interactions/list-interactions';
import { restoreInteraction } from '../../core/interactions/restore-interaction';
import { localNow } from '../dates';
import { examples } from '../help';
import { emit, type GlobalOptions } from '../output';
import { cursorOption, MAX_PAGE, noteNextPage, type PageOptions, pageAsked } from '../pages';
import { integer } from '../parse';
import { interactionTable } from '../relationship-view';
import { resolveContact } from '../resolve';
import { withAccount } from '../runtime';
import { registerInteractionEdit } from './interactions-edit';

interface InteractionsOptions extends GlobalOptions, PageOptions {}

export function registerInteractions(program: Command): void {
  const interactions = program
    .command('interactions')
    .description('what you logged, newest first: with everyone, or with one person')
    .argument('[person]', 'only interactions with this contact (id or text that finds exactly one)')
    .option('--limit <n>', `how many, 1–${MAX_PAGE} (default: 50)`, integer(1, MAX_PAGE))
    .addOption(cursorOption())
    .option('--all', 'every page, not just the first')
    .action(async (ref: string | undefined, _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<InteractionsOptions>();
      const { page, timeZone } = await withAccount(o, async (ctx) => {
        const contact = ref === undefined ? undefined : (await resolveContact(ctx, ref)).id;
        const { timeZone } = await localNow(ctx);
        const page = await pageAsked(o, (limit, cursor) => listInteractions(ctx, { contact, limit, cursor }));
        return { page, timeZone };
      });
      emit(o, page, () =>
        page.items.length === 0 ? 'no interactions logged' : interactionTable(page.items, timeZone),
      );
      noteNextPage(o, page, '(more interactions: use --all or a larger --limit)');
    });
  examples(interactions, [
    'rapport interactions',
    'rapport interactions "Ada Lovelace" --limit 10',
    'rapport interactions --all --json',
  ]);

  const rm = interactions
    .command('rm')
    .description('remove a logged interaction: strength and keep-in-touch dates are recomputed without it')
    .argument('<id>', 'interaction id (from `rapport interactions`)')
    .action(async (id: string, _opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      await withAccount(g, (ctx) => deleteInteraction(ctx, id));
      emit(g, { id, deleted: true }, () => `removed interaction ${id}`);
    });
  examples(rm, ['rapport interactions rm 0193b6c2-…']);

  const restore = interactions
    .command('restore')
    .description(
      'bring back an interaction removed in the last 30 days (ids: `rapport trash`); strength and keep-in-touch dates count it again',
    )
    .argument('<id>', 'interaction id (from `rapport trash`)')
    .action(async (id: string, _opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      const r = await withAccount(g, (ctx) => restoreInteraction(ctx, id.trim()));
      emit(
        g,
        r,
        () =>
          `restored interaction ${r.id} (${r.kind} with ${r.contacts.map((c) => c.displayName).join(', ')})`,
      );
    });
  examples(restore, ['rapport trash', 'rapport interactions restore 0193b6c2-…']);

  registerInteractionEdit(interactions);
}
