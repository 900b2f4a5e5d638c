import type { Command } from 'commander';
import { createContact } from '../../core/contacts/create-contact';
import { validationError } from '../../core/errors';
import { type ContactFlags, contactInput, contactOptions } from '../contact-flags';
import { examples } from '../help';
import { emit, type GlobalOptions } from '../output';
import { withAccount } from '../runtime';

export function registerAdd(program: Command): void {
  const cmd = contactOptions(
    program
      .command('add')
      .description('add a contact')
      .argument('[name]', 'display name (shorthand for --name)'),
  ).action(async (name: string | undefined, _opts: unknown, command: Command) => {
    const o = command.optsWithGlobals<GlobalOptions & ContactFlags>();
    if (name !== undefined && o.name !== undefined) {
      throw validationError('displayName', 'give the name once: as [name] or --name');
    }
    const input = contactInput({ ...o, name: o.name ?? name });
    const contact = await withAccount(o, (ctx) => createContact(ctx, input, 'cli'));
    emit(o, contact, () => `added ${contact.displayName} (${contact.id})`);
  });
  examples(cmd, [
    'rapport add "Ana López" --org Acme --title CTO --email ana@acme.example --tag mentor',
    'rapport add --given Ana --family López --phone "+44 20 7946 0000" --field twitter=@ana',
    'rapport add --email someone@example.org --connected 2024-05-01 --how-we-met "PyCon sprint"',
  ]);
}
