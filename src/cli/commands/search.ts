import { type Command, Option } from 'commander';
import { CONTACT_SORTS } from '../../contracts/contacts';
import { listContacts } from '../../core/contacts/list-contacts';
import { emitContactPage } from '../contact-view';
import { fieldFlags } from '../field-flags';
import { examples } from '../help';
import type { GlobalOptions } from '../output';
import { allPages, cursorOption, MAX_PAGE } from '../pages';
import { integer } from '../parse';
import { withAccount } from '../runtime';

interface SearchOptions extends GlobalOptions {
  sort?: (typeof CONTACT_SORTS)[number];
  limit?: number;
  cursor?: string;
  all?: boolean;
}

export function registerSearch(program: Command): void {
  const cmd = program
    .command('search')
    .description('find contacts: every word prefix-matches, ignoring accents and case; best first')
    .argument('<text...>', 'words to look for (names, organisation, title, emails, tags, notes)')
    .addOption(
      new Option('--sort <order>', 'every match in this order instead of best first').choices(CONTACT_SORTS),
    )
    .option('--limit <n>', `how many, 1–${MAX_PAGE} (default: 50)`, integer(1, MAX_PAGE))
    .addOption(cursorOption())
    .option('--all', 'every match (by name unless --sort), not just the first page')
    .action(async (words: string[], _opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<SearchOptions>();
      const q = words.join(' ');
      const page = await withAccount(o, (ctx) =>
        o.all
          ? // Best-first pages stop about 2,200 deep; a sorted search reaches every match.
            allPages((cursor) => listContacts(ctx, { q, sort: o.sort ?? 'name', limit: MAX_PAGE, cursor }))
          : listContacts(ctx, { q, sort: o.sort, limit: o.limit, cursor: o.cursor }),
      );
      emitContactPage(o, page, 'no matches');
    });
  fieldFlags(cmd, { q: '<text...>' });
  examples(cmd, [
    'rapport search ana',
    'rapport search lop acme',
    'rapport search jose   # also finds "José"',
    "rapport search acme --all --json | jq -r '.items[].primaryEmail'   # every match, by name",
  ]);
}
