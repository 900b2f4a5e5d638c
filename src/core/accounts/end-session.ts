import type { Ctx } from '../context';
import { hashSecret } from './account';
import { deleteSessionByHash } from './session.queries';

/** Logs out: the session token stops working at once. Unknown tokens are ignored (logging out twice is fine). */
export async function endSession(ctx: Ctx, token: string): Promise<void> {
  await deleteSessionByHash(ctx.db, hashSecret(token));
}
