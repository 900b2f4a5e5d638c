import type { Command } from 'commander';
import { updateContact } from '../../core/contacts/update-contact';
import { AppError } from '../../core/errors';
import {
  type ChannelEditFlags,
  type ContactFlags,
  channelKindsEdited,
  contactInput,
  contactOptions,
} from '../contact-flags';
import { contactDetails } from '../contact-view';
import { editContact } from '../edit-contact';
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
    .option(
      '--add-email <address>',
      'add an email (a label in brackets after it: "… (work)"), keeping the others (repeatable)',
      collect,
    )
    .option('--remove-email <address>', 'remove an email, keeping the others (repeatable)', collect)
    .option(
      '--add-phone <number>',
      'add a phone (a label in brackets after it: "… (mobile)"), keeping the others (repeatable)',
      collect,
    )
    .option('--remove-phone <number>', 'remove a phone, keeping the others (repeatable)', collect)
    .option(
      '--add-url <url>',
      'add a URL (a label in brackets after it), keeping the others (repeatable)',
      collect,
    )
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
        // Checked against the version read, retried once when another edit landed in between (edit-contact.ts).
        return editContact(ctx, found.id, {
          input,
          channels: o,
          kinds: rechannel,
          addTags: add,
          removeTags: remove,
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
