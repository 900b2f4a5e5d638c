import { type Ctx, nowIso, requireActor } from '../context';
import { AppError, notFound } from '../errors';
import { findInviteOf, revokeInvites } from './invite.queries';

/** Withdraws one of the actor's invitation links: it stops working at once. `conflict` once it was used. */
export async function revokeInvite(ctx: Ctx, id: string): Promise<void> {
  const me = requireActor(ctx);
  const invite = await findInviteOf(ctx.db, me, id);
  if (!invite) throw notFound('invitation');
  if (invite.used_at) throw new AppError('conflict', 'this invitation was already used');
  if (invite.revoked_at) return;
  await revokeInvites(ctx.db, me, { id }, nowIso(ctx));
}
