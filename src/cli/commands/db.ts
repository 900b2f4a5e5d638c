import type { Command } from 'commander';
import { migrateToLatest } from '../../core/db/migrate';
import { examples } from '../help';
import { emit, type GlobalOptions } from '../output';
import { withRuntime } from '../runtime';

export function registerDb(program: Command): void {
  const db = program.command('db').description('database maintenance');
  const migrate = db
    .command('migrate')
    .description('bring the database schema up to date and list the migrations that ran')
    .action(async (_opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      const applied = await withRuntime(g, (rt) => migrateToLatest(rt.handle.db), { migrate: false });
      emit(g, { applied }, () =>
        applied.length === 0 ? 'schema is up to date' : applied.map((name) => `applied ${name}`).join('\n'),
      );
    });
  examples(migrate, ['rapport db migrate', 'DATABASE_URL=postgres://rapport@db/rapport rapport db migrate']);
}
