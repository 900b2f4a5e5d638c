import type { Command } from 'commander';
import { listTags } from '../../core/tags/list-tags';
import { examples } from '../help';
import { emit, type GlobalOptions, table } from '../output';
import { withAccount } from '../runtime';

export function registerTags(program: Command): void {
  const cmd = program
    .command('tags')
    .description('list your tags with how many contacts carry each and how often to keep in touch with them')
    .action(async (_opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      const tags = await withAccount(g, (ctx) => listTags(ctx));
      emit(g, tags, () =>
        tags.length === 0
          ? 'no tags'
          : table(
              ['ID', 'NAME', 'CONTACTS', 'KEEP IN TOUCH'],
              tags.map((t) => [
                t.id,
                t.name,
                t.contactCount,
                t.cadenceDays ? `every ${t.cadenceDays} days` : '',
              ]),
            ),
      );
    });
  examples(cmd, ['rapport tags', 'rapport list --tag mentor']);
}
