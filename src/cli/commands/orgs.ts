import type { Command } from 'commander';
import { listOrganisations } from '../../core/organisations/list-organisations';
import { examples } from '../help';
import { emit, type GlobalOptions, note, table } from '../output';
import { allPages, MAX_PAGE } from '../pages';
import { integer } from '../parse';
import { withAccount } from '../runtime';

interface OrgsOptions extends GlobalOptions {
  search?: string;
  limit?: number;
  all?: boolean;
}

export function registerOrgs(program: Command): void {
  const cmd = program
    .command('orgs')
    .description('list your organisations with how many contacts work at each')
    .option('--search <text>', 'only organisations whose name contains this')
    .option('--limit <n>', `page size, 1–${MAX_PAGE} (default: 50)`, integer(1, MAX_PAGE))
    .option('--all', 'every page, not just the first')
    .action(async (_opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<OrgsOptions>();
      const page = await withAccount(o, (ctx) =>
        o.all
          ? allPages((cursor) => listOrganisations(ctx, { q: o.search, limit: MAX_PAGE, cursor }))
          : listOrganisations(ctx, { q: o.search, limit: o.limit }),
      );
      emit(o, page, () =>
        page.items.length === 0
          ? 'no organisations'
          : table(
              ['ID', 'NAME', 'CONTACTS', 'WEBSITE'],
              page.items.map((org) => [org.id, org.name, org.contactCount, org.website]),
            ),
      );
      if (page.nextCursor) note(o, '(more organisations: use --all or a larger --limit)');
    });
  examples(cmd, ['rapport orgs', 'rapport orgs --search acme', 'rapport list --org 0193b6c2-…']);
}
