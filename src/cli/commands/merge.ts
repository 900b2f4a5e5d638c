import type { Command } from 'commander';
import { mergeContacts } from '../../core/duplicates/merge-contacts';
import { undoMerge } from '../../core/duplicates/undo-merge';
import { contactDetails } from '../contact-view';
import { examples } from '../help';
import { emit, type GlobalOptions } from '../output';
import { resolveContact } from '../resolve';
import { withAccount } from '../runtime';

export function registerMerge(program: Command): void {
  const merge = program
    .command('merge')
    .description(
      'merge one contact into another: every email, phone, URL, tag, position and interaction moves over, ' +
        'differing values are kept in history; undoable',
    )
    .argument('<keep>', 'the contact to keep (id, or text that finds exactly one contact)')
    .argument('<merge>', 'the contact merged into it and taken out of your lists')
    .action(async (keep: string, other: string, _opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      const { result, gone } = await withAccount(g, async (ctx) => {
        const kept = await resolveContact(ctx, keep);
        const gone = await resolveContact(ctx, other);
        return { result: await mergeContacts(ctx, kept.id, gone.id), gone };
      });
      emit(
        g,
        result,
        () =>
          `merged ${gone.displayName} (${gone.id}) into ${result.contact.displayName}\n\n` +
          `${contactDetails(result.contact)}\n\n` +
          `merge id: ${result.mergeId}\nundo with: rapport merge undo ${result.mergeId}`,
      );
    });
  examples(merge, [
    'rapport duplicates',
    'rapport merge "Ana López" "Ana Lopez"',
    'rapport merge 0193b6c2-… 0193b6d0-… --json',
  ]);

  const undo = merge
    .command('undo')
    .description('split a merge: both contacts come back exactly as they were before it')
    .argument('<merge-id>', 'merge id (printed by `rapport merge`; also in `rapport merges`)')
    .action(async (id: string, _opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      const result = await withAccount(g, (ctx) => undoMerge(ctx, id));
      emit(
        g,
        result,
        () =>
          `split merge ${id}: ${result.kept.displayName} (${result.kept.id}) and ` +
          `${result.restored.displayName} (${result.restored.id}) are separate again`,
      );
    });
  examples(undo, ['rapport merges', 'rapport merge undo 0193b6e1-…']);
}
