import { type Ctx, nowIso, requireActor } from '../context';
import { AppError, notFound } from '../errors';
import { endSessionsOfAccount } from './session.queries';

/**
 * Signs one of the actor's other browsers out ("sign out that device"); its next request is told why. Another
 * account's session, or one already ended, answers `not_found`; the asking browser's own is a `conflict` (it signs
 * out instead).
 */
export async function endOtherSession(ctx: Ctx, id: string, currentSessionId: string | null): Promise<void> {
  const accountId = requireActor(ctx);
  if (id === currentSessionId)
    throw new AppError('conflict', 'that is this browser’s own session: sign out instead');
  const ended = await endSessionsOfAccount(ctx.db, accountId, {
    reason: 'signed_out_elsewhere',
    at: nowIso(ctx),
    id,
  });
  if (ended === 0) throw notFound('session');
  ctx.log.info({ accountId, sessionId: id }, 'session ended from another device');
}
