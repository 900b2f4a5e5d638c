import type { Command } from 'commander';
import { listContacts } from '../../core/contacts/list-contacts';
import { emitContactPage } from '../contact-view';
import { fieldFlags } from '../field-flags';
import { examples } from '../help';
import type { GlobalOptions } from '../output';
import { allPages, MAX_PAGE } from '../pages';
import { integer } from '../parse';
import { withAccount } from '../runtime';

interface SearchOptions extends GlobalOptions {
  limit?: number;
  all?: boolean;
}

export function registerSearch(program: Command): void {
  const cmd = program
    .command('search')
    .description('find contacts: every word prefix-matches, ignoring accents and case; best first')
    .argument('<text...>', 'words to look for (names, organisation, title, emails, tags, notes)')
    .option('--limit <n>', `how many, 1–${MAX_PAGE} (default: 50)`, integer(1, MAX_PAGE))
    .option('--all', 'every match, not just the first page')
    .action(async (words: string[], _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<SearchOptions>();
      const q = words.join(' ');
      const page = await withAccount(o, (ctx) =>
        o.all
          ? allPages((cursor) => listContacts(ctx, { q, limit: MAX_PAGE, cursor }))
          : listContacts(ctx, { q, limit: o.limit }),
      );
      emitContactPage(o, page, 'no matches');
    });
  fieldFlags(cmd, { q: '<text...>' });
  examples(cmd, [
    'rapport search ana',
    'rapport search lop acme',
    'rapport search jose   # also finds "José"',
  ]);
}
