import { type Command, Option } from 'commander';
import { CONTACT_SORTS, type ContactListQuery } from '../../contracts/contacts';
import { listContacts } from '../../core/contacts/list-contacts';
import { emitContactPage } from '../contact-view';
import { fieldFlags } from '../field-flags';
import { examples } from '../help';
import type { GlobalOptions } from '../output';
import { allPages, cursorOption, MAX_PAGE } from '../pages';
import { integer } from '../parse';
import { resolveOrganisation } from '../resolve';
import { withAccount } from '../runtime';

interface ListOptions extends GlobalOptions {
  tag?: string;
  org?: string;
  from?: string;
  to?: string;
  sort?: (typeof CONTACT_SORTS)[number];
  limit?: number;
  cursor?: string;
  all?: boolean;
}

export function registerList(program: Command): void {
  const cmd = program
    .command('list')
    .description('list your contacts, filtered and sorted')
    .option('--tag <tag>', 'only contacts with this tag (by name)')
    .option(
      '--org <organisation>',
      'only contacts at this organisation (id or name, as `rapport orgs` lists it)',
    )
    .option('--from <date>', 'connected on or after YYYY-MM-DD')
    .option('--to <date>', 'connected on or before YYYY-MM-DD')
    .addOption(new Option('--sort <order>', 'sort order (default: name)').choices(CONTACT_SORTS))
    .option('--limit <n>', `page size, 1–${MAX_PAGE} (default: 50)`, integer(1, MAX_PAGE))
    .addOption(cursorOption())
    .option('--all', 'every page, not just the first')
    .action(async (_opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<ListOptions>();
      const page = await withAccount(o, async (ctx) => {
        const query: ContactListQuery = {
          tag: o.tag,
          // A name as well as an id: an unknown one is an error, not an empty list.
          organisation: o.org === undefined ? undefined : (await resolveOrganisation(ctx, o.org)).id,
          connectedFrom: o.from,
          connectedTo: o.to,
          sort: o.sort,
          limit: o.limit,
          cursor: o.cursor,
        };
        return o.all
          ? allPages((cursor) => listContacts(ctx, { ...query, limit: MAX_PAGE, cursor }))
          : listContacts(ctx, query);
      });
      emitContactPage(o, page, 'no contacts');
    });
  fieldFlags(cmd, { connectedFrom: '--from', connectedTo: '--to', organisation: '--org' });
  examples(cmd, [
    'rapport list',
    'rapport list --tag mentor --sort -connected',
    'rapport list --org "Acme Rockets"',
    'rapport list --from 2024-01-01 --to 2024-12-31 --all --json',
    'rapport list --json --limit 200 --cursor "$(jq -r .nextCursor page1.json)"   # the page after page1.json',
  ]);
}
