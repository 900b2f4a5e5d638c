import { type Ctx, requireActor } from '../context';
import { notFound } from '../errors';
import { deleteUnusedInvite } from './signup-invite.queries';

/**
 * Revokes one of the actor's unused sign-up invites: its code no longer signs anyone up (a sign-up racing it fails,
 * as marking the invite used then finds nothing). Another account's invite, a used one or an unknown id:
 * `not_found`.
 */
export async function revokeSignupInvite(ctx: Ctx, id: string): Promise<void> {
  if ((await deleteUnusedInvite(ctx.db, requireActor(ctx), id)) === 0) throw notFound('invite');
}
