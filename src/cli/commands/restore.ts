import type { Command } from 'commander';
import { restoreContact } from '../../core/contacts/restore-contact';
import { examples } from '../help';
import { emit, type GlobalOptions } from '../output';
import { withAccount } from '../runtime';

export function registerRestore(program: Command): void {
  const cmd = program
    .command('restore')
    .description('bring a contact back from the trash, whole')
    .argument('<id>', 'contact id (from `rapport trash`)')
    .action(async (id: string, _opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      const contact = await withAccount(g, (ctx) => restoreContact(ctx, id));
      emit(g, contact, () => `restored ${contact.displayName} (${contact.id})`);
    });
  examples(cmd, ['rapport trash', 'rapport restore 0193b6c2-…']);
}
