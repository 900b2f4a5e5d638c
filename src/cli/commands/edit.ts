import type { Command } from 'commander';
import { getSettings } from '../../core/agenda/get-settings';
import { getContact } from '../../core/contacts/get-contact';
import { updateContact } from '../../core/contacts/update-contact';
import { inTransaction } from '../../core/context';
import { AppError } from '../../core/errors';
import { tagContacts } from '../../core/tags/tag-contacts';
import {
  type ChannelEditFlags,
  type ContactFlags,
  channelKindsEdited,
  contactInput,
  contactOptions,
  editedChannels,
} from '../contact-flags';
import { contactDetails } from '../contact-view';
import { examples } from '../help';
import { emit, type GlobalOptions } from '../output';
import { collect } from '../parse';
import { resolveContact } from '../resolve';
import { withAccount } from '../runtime';

interface EditFlags extends ContactFlags, ChannelEditFlags {
  addTag?: string[];
  removeTag?: string[];
}

export function registerEdit(program: Command): void {
  const cmd = contactOptions(
    program
      .command('edit')
      .description(
        'change a contact: only the flags given change; a list flag replaces the list (--add-…/--remove-… change ' +
          'one entry), "" clears',
      )
      .argument('<contact>', 'contact id, or text that finds exactly one contact'),
  )
    .option('--add-tag <name>', 'add a tag, keeping the others (repeatable)', collect)
    .option('--remove-tag <name>', 'remove a tag, keeping the others (repeatable)', collect)
    .option('--add-email <address>', 'add an email, keeping the others (repeatable)', collect)
    .option('--remove-email <address>', 'remove an email, keeping the others (repeatable)', collect)
    .option('--add-phone <number>', 'add a phone, keeping the others (repeatable)', collect)
    .option('--remove-phone <number>', 'remove a phone, keeping the others (repeatable)', collect)
    .option('--add-url <url>', 'add a URL, keeping the others (repeatable)', collect)
    .option('--remove-url <url>', 'remove a URL, keeping the others (repeatable)', collect)
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
      const rechannel = channelKindsEdited(o);
      if (Object.keys(input).length === 0 && !retag && rechannel.length === 0) {
        throw new AppError('validation', 'nothing to change: give at least one flag');
      }
      const contact = await withAccount(o, async (ctx) => {
        const found = await resolveContact(ctx, ref);
        if (!retag && rechannel.length === 0) return updateContact(ctx, found.id, input, 'cli');
        // The fields, the channels and the tags change together or not at all. The channel lists are read in the
        // transaction that writes them: on SQLite it holds the write lock from its start (BEGIN IMMEDIATE), so no
        // other edit lands in between. On PostgreSQL one committed between this read and updateContact's row lock
        // would still be overwritten: updateContact takes no expected version to check.
        return inTransaction(ctx, async (tx) => {
          let change = input;
          if (rechannel.length > 0) {
            const current = await getContact(tx, found.id);
            const region = rechannel.includes('phone') ? (await getSettings(tx)).phoneRegion : null;
            change = { ...input, ...editedChannels(current, o, region) };
            // Only values already there were added: nothing to write (no new version, history entry or ETag).
            if (Object.keys(change).length === 0 && !retag) return current;
          }
          if (Object.keys(change).length > 0) await updateContact(tx, found.id, change, 'cli');
          if (retag) await tagContacts(tx, { ids: [found.id], add, remove });
          return getContact(tx, found.id);
        });
      });
      emit(o, contact, () => contactDetails(contact));
    });
  examples(cmd, [
    'rapport edit "Ana López" --title "VP Engineering" --org Globex',
    'rapport edit 0193b6c2-… --tag mentor --tag london   # replaces the tags',
    'rapport edit ana --add-tag mentor --remove-tag prospect   # keeps the other tags',
    'rapport edit ana --add-email ana@globex.example --remove-phone "+44 20 7946 0000"   # keeps the others',
    'rapport edit ana --notes ""                           # clears the notes',
  ]);
}
