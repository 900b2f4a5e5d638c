import type { Command } from 'commander';
import { getContact } from '../../core/contacts/get-contact';
import { updateContact } from '../../core/contacts/update-contact';
import { inTransaction } from '../../core/context';
import { AppError } from '../../core/errors';
import { tagContacts } from '../../core/tags/tag-contacts';
import { type ContactFlags, contactInput, contactOptions } from '../contact-flags';
import { contactDetails } from '../contact-view';
import { examples } from '../help';
import { emit, type GlobalOptions } from '../output';
import { collect } from '../parse';
import { resolveContact } from '../resolve';
import { withAccount } from '../runtime';

interface EditFlags extends ContactFlags {
  addTag?: string[];
  removeTag?: string[];
}

export function registerEdit(program: Command): void {
  const cmd = contactOptions(
    program
      .command('edit')
      .description('change a contact: only the flags given change; a list flag replaces the list, "" clears')
      .argument('<contact>', 'contact id, or text that finds exactly one contact'),
  )
    .option('--add-tag <name>', 'add a tag, keeping the others (repeatable)', collect)
    .option('--remove-tag <name>', 'remove a tag, keeping the others (repeatable)', collect)
    .action(async (ref: string, _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<GlobalOptions & EditFlags>();
      const input = contactInput(o);
      const add = o.addTag ?? [];
      const remove = o.removeTag ?? [];
      const retag = add.length + remove.length > 0;
      if (retag && input.tags) {
        throw new AppError(
          'validation',
          '--tag replaces every tag: give it alone, or --add-tag/--remove-tag',
        );
      }
      if (Object.keys(input).length === 0 && !retag) {
        throw new AppError('validation', 'nothing to change: give at least one flag');
      }
      const contact = await withAccount(o, async (ctx) => {
        const found = await resolveContact(ctx, ref);
        if (!retag) return updateContact(ctx, found.id, input, 'cli');
        // The fields and the tags change together or not at all.
        return inTransaction(ctx, async (tx) => {
          if (Object.keys(input).length > 0) await updateContact(tx, found.id, input, 'cli');
          await tagContacts(tx, { ids: [found.id], add, remove });
          return getContact(tx, found.id);
        });
      });
      emit(o, contact, () => contactDetails(contact));
    });
  examples(cmd, [
    'rapport edit "Ana López" --title "VP Engineering" --org Globex',
    'rapport edit 0193b6c2-… --tag mentor --tag london   # replaces the tags',
    'rapport edit ana --add-tag mentor --remove-tag prospect   # keeps the other tags',
    'rapport edit ana --notes ""                           # clears the notes',
  ]);
}
