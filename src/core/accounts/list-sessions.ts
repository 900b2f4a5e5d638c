import type { BrowserSession } from '../../contracts/auth';
import { type Ctx, nowIso, requireActor } from '../context';
import { toBrowserSession } from './session';
import { listLiveSessions } from './session.queries';

/** The actor's signed-in browsers (never their tokens), the one asking marked `current`. */
export async function listSessions(ctx: Ctx, currentSessionId: string | null): Promise<BrowserSession[]> {
  const rows = await listLiveSessions(ctx.db, requireActor(ctx), nowIso(ctx));
  return rows.map((row) => toBrowserSession(row, currentSessionId));
}
