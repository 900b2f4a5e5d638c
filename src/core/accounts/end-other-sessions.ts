import { type Ctx, nowIso, requireActor } from '../context';
import { endSessionsOfAccount } from './session.queries';

/** "Sign out everywhere else": ends every browser session of the actor but `keep`; returns how many ended. */
export async function endOtherSessions(ctx: Ctx, keep: string | null): Promise<number> {
  const accountId = requireActor(ctx);
  const ended = await endSessionsOfAccount(ctx.db, accountId, {
    reason: 'signed_out_elsewhere',
    at: nowIso(ctx),
    keep,
  });
  ctx.log.info({ accountId, ended }, 'other sessions ended');
  return ended;
}
