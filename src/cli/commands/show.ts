import type { Command } from 'commander';
import { contactDetails } from '../contact-view';
import { examples } from '../help';
import { emit, type GlobalOptions } from '../output';
import { resolveContact } from '../resolve';
import { withAccount } from '../runtime';

export function registerShow(program: Command): void {
  const cmd = program
    .command('show')
    .description('show everything about one contact')
    .argument('<contact>', 'contact id, or text that finds exactly one contact')
    .action(async (ref: string, _opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      const contact = await withAccount(g, (ctx) => resolveContact(ctx, ref));
      emit(g, contact, () => contactDetails(contact));
    });
  examples(cmd, ['rapport show "Ana López"', 'rapport show 0193b6c2-…', 'rapport show ana --json']);
}
