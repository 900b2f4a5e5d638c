import type { Command } from 'commander';
import { listLapsed } from '../../core/relationships/list-lapsed';
import { examples } from '../help';
import { emit, type GlobalOptions, table } from '../output';
import { integer } from '../parse';
import { withAccount } from '../runtime';

interface LapsedOptions extends GlobalOptions {
  limit?: number;
}

export function registerLapsed(program: Command): void {
  const lapsed = program
    .command('lapsed')
    .description('everyone past their keep-in-touch date, most urgent first (strength × how long overdue)')
    .option('--limit <n>', 'how many, 1–500 (default 100)', integer(1, 500))
    .action(async (_opts: unknown, command: Command) => {
      const o = command.optsWithGlobals<LapsedOptions>();
      const list = await withAccount(o, (ctx) => listLapsed(ctx, { limit: o.limit }));
      emit(o, list, () => {
        if (list.items.length === 0)
          return 'nobody is overdue: you are in touch with everyone you meant to be';
        const rows = list.items.map((i) => [
          i.contact.displayName,
          `${i.score} ${i.tier}`,
          i.lastContactAt ? i.lastContactAt.slice(0, 10) : 'never',
          `every ${i.cadenceDays} d`,
          `${i.daysOverdue} d`,
        ]);
        const more = list.more
          ? `\n(more beyond these: --limit ${Math.min(500, list.items.length * 2)})`
          : '';
        return table(['NAME', 'STRENGTH', 'LAST CONTACT', 'CADENCE', 'OVERDUE'], rows) + more;
      });
    });
  examples(lapsed, ['rapport lapsed', 'rapport lapsed --limit 20 --json']);
}
