import type { Command } from 'commander';
import { deleteContact } from '../../core/contacts/delete-contact';
import { examples } from '../help';
import { emit, type GlobalOptions } from '../output';
import { resolveContact } from '../resolve';
import { withAccount } from '../runtime';

export function registerRm(program: Command): void {
  const cmd = program
    .command('rm')
    .description('move a contact to the trash (restorable until it is purged)')
    .argument('<contact>', 'contact id, or text that finds exactly one contact')
    .action(async (ref: string, _opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      const { contact, result } = await withAccount(g, async (ctx) => {
        const contact = await resolveContact(ctx, ref);
        return { contact, result: await deleteContact(ctx, contact.id) };
      });
      emit(
        g,
        { id: contact.id, ...result },
        () =>
          `moved ${contact.displayName} to the trash; purged after ${result.purgeAfter}\n` +
          `undo with: rapport restore ${contact.id}`,
      );
    });
  examples(cmd, ['rapport rm "Ana López"', 'rapport rm 0193b6c2-…']);
}
