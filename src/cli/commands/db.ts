import type { Command } from 'commander';
import { copyDatabase } from '../../core/db/copy-database';
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
  const backup = db
    .command('backup')
    .description(
      'copy the whole SQLite database (every account) to a new file, safely while the server runs; restore by putting the copy in place of rapport.sqlite while the server is stopped',
    )
    .argument('<file>', 'the new file to write (an existing file is never overwritten)')
    .action(async (file: string, _opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      const written = await withRuntime(g, (rt) => copyDatabase(rt.handle, file));
      emit(g, { file: written }, () => `copied the database to ${written}`);
    });
  examples(backup, ['rapport db backup /var/backups/rapport-$(date +%F).sqlite']);
}
