import type { Command } from 'commander';
import { updateContact } from '../../core/contacts/update-contact';
import { AppError } from '../../core/errors';
import { type ContactFlags, contactInput, contactOptions } from '../contact-flags';
import { contactDetails } from '../contact-view';
import { examples } from '../help';
import { emit, type GlobalOptions } from '../output';
import { resolveContact } from '../resolve';
import { withAccount } from '../runtime';

export function registerEdit(program: Command): void {
  const cmd = contactOptions(
    program
      .command('edit')
      .description('change a contact: only the flags given change; a list flag replaces the list, "" clears')
      .argument('<contact>', 'contact id, or text that finds exactly one contact'),
  ).action(async (ref: string, _opts: unknown, command: Command) => {
    const o = command.optsWithGlobals<GlobalOptions & ContactFlags>();
    const input = contactInput(o);
    if (Object.keys(input).length === 0) {
      throw new AppError('validation', 'nothing to change: give at least one flag');
    }
    const contact = await withAccount(o, async (ctx) => {
      const found = await resolveContact(ctx, ref);
      return updateContact(ctx, found.id, input, 'cli');
    });
    emit(o, contact, () => contactDetails(contact));
  });
  examples(cmd, [
    'rapport edit "Ana López" --title "VP Engineering" --org Globex',
    'rapport edit 0193b6c2-… --tag mentor --tag london   # replaces the tags',
    'rapport edit ana --notes ""                           # clears the notes',
  ]);
}
