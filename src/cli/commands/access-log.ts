import type { Command } from 'commander';
import { listAccessLog } from '../../core/network/list-access-log';
import { examples } from '../help';
import { emit, type GlobalOptions, table } from '../output';
import { cursorOption, noteNextPage } from '../pages';
import { integer } from '../parse';
import { withAccount } from '../runtime';

interface AccessLogOptions extends GlobalOptions {
  limit?: number;
  cursor?: string;
}

const EVENTS = { 'search-hit': 'search', path: 'path', 'intro-request': 'intro request' } as const;

export function registerAccessLog(program: Command): void {
  const cmd = program
    .command('access-log')
    .description('who saw which of your findable contacts, when, how and with what query (newest first)')
    .option('--limit <n>', 'how many entries, 1–200 (default: 50)', integer(1, 200))
    .addOption(cursorOption())
    .action(async (_opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<AccessLogOptions>();
      const page = await withAccount(o, (ctx) =>
        listAccessLog(ctx, { limit: o.limit ?? 50, cursor: o.cursor }),
      );
      emit(o, page, () =>
        page.items.length === 0
          ? 'nobody has seen your contacts yet'
          : table(
              ['WHEN', 'WHO', 'HOW', 'QUERY', 'CONTACT'],
              page.items.map((e) => [
                e.at.slice(0, 16).replace('T', ' '),
                e.actor?.name ?? '(account gone)',
                EVENTS[e.event],
                e.query,
                e.contact?.displayName ?? '(deleted)',
              ]),
            ),
      );
      noteNextPage(o, page, '(older entries not shown: use a larger --limit)');
    });
  examples(cmd, ['rapport access-log', 'rapport access-log --json']);
}
