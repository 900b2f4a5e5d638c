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
      .argument('[name]', 'full name (shorthand for --name; also fills given and family names unless given)'),
  ).action(async (name: string | undefined, _opts: unknown, command: Command) => {
    const o = command.optsWithGlobals<GlobalOptions & ContactFlags>();
    if (name !== undefined && o.name !== undefined) {
      throw validationError('displayName', 'give the name once: as [name] or --name');
    }
    const full = o.name ?? name;
    // One name typed whole still fills the name parts, which phones sort and show by (vCard N).
    const parts = full && o.given === undefined && o.family === undefined ? nameParts(full) : {};
    const input = contactInput({ ...o, ...parts, name: full });
    const contact = await withAccount(o, (ctx) => createContact(ctx, input, 'cli'));
    emit(o, contact, () => `added ${contact.displayName} (${contact.id})`);
  });
  examples(cmd, [
    'rapport add "Ana López" --org Acme --title CTO --email ana@acme.example --tag mentor',
    'rapport add --given Ana --family López --phone "+44 20 7946 0000" --field twitter=@ana',
    'rapport add --email someone@example.org --connected 2024-05-01 --how-we-met "PyCon sprint"',
  ]);
}

// Lower-case words that begin a family name ("Ludwig van Beethoven", "Ana de la Cruz").
const PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'di',
  'da',
  'du',
  'la',
  'le',
  'ten',
  'ter',
  'bin',
  'al',
]);

/** "Ada Lovelace" → given "Ada", family "Lovelace"; one word is a given name; an email address is left alone. */
export function nameParts(full: string): { given?: string; family?: string } {
  const words = full.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0 || full.includes('@')) return {};
  if (words.length === 1) return { given: words[0] };
  let start = words.length - 1;
  while (start > 1 && PARTICLES.has((words[start - 1] as string).toLowerCase())) start--;
  return { given: words.slice(0, start).join(' '), family: words.slice(start).join(' ') };
}
