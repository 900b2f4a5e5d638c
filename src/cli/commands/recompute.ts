import type { Command } from 'commander';
import { recomputeRelationships } from '../../core/relationships/recompute-relationships';
import { examples } from '../help';
import { emit, type GlobalOptions } from '../output';
import { withProgress } from '../progress';
import { withAccount } from '../runtime';

export function registerRecompute(program: Command): void {
  const cmd = program
    .command('recompute')
    .description('rebuild every relationship score and keep-in-touch date from the full history')
    .action(async (_opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      const result = await withAccount(g, (ctx) =>
        withProgress(g, (onProgress) => recomputeRelationships(ctx, { onProgress })),
      );
      emit(
        g,
        result,
        () =>
          `recomputed ${result.contacts} relationship${result.contacts === 1 ? '' : 's'} from their history`,
      );
    });
  examples(cmd, ['rapport recompute', 'rapport recompute --json']);
}
