import type { Command } from 'commander';
import { endOtherSession } from '../../core/accounts/end-other-session';
import { endOtherSessions } from '../../core/accounts/end-other-sessions';
import { listSessions } from '../../core/accounts/list-sessions';
import { examples } from '../help';
import { emit, type GlobalOptions, table } from '../output';
import { withAccount } from '../runtime';

export function registerSession(program: Command): void {
  const session = program
    .command('session')
    .description('browsers signed in to the account (web app sessions): list them, sign them out');

  const list = session
    .command('list')
    .description('list the signed-in browsers; their session tokens are never shown')
    .action(async (_opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      const sessions = await withAccount(g, (ctx) => listSessions(ctx, null));
      emit(g, sessions, () =>
        sessions.length === 0
          ? 'no signed-in browsers'
          : table(
              ['ID', 'DEVICE', 'SIGNED IN', 'LAST SEEN', 'EXPIRES'],
              sessions.map((s) => [s.id, s.device ?? 'unknown', s.createdAt, s.lastSeenAt, s.expiresAt]),
            ),
      );
    });
  examples(list, ['rapport session list']);

  const end = session
    .command('end')
    .description('sign one browser out: its next page says it was signed out from another device')
    .argument('<id>', 'session id (from `rapport session list`)')
    .action(async (id: string, _opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      await withAccount(g, (ctx) => endOtherSession(ctx, id, null));
      emit(g, { id, ended: true }, () => `signed out session ${id}`);
    });
  examples(end, ['rapport session end 0193b6c2-…']);

  const endAll = session
    .command('end-all')
    .description('sign every browser of the account out (API tokens keep working: `rapport token revoke`)')
    .action(async (_opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      const ended = await withAccount(g, (ctx) => endOtherSessions(ctx, null));
      emit(g, { ended }, () => `signed out ${ended} browser session${ended === 1 ? '' : 's'}`);
    });
  examples(endAll, ['rapport session end-all --account ana@example.test']);
}
