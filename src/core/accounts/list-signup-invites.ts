import type { SignupInviteSummary } from '../../contracts/auth';
import { type Ctx, nowIso, requireActor } from '../context';
import { listUsableInvites } from './signup-invite.queries';

/** The actor's sign-up invites that can still be used, the newest first (never their codes). */
export async function listSignupInvites(ctx: Ctx): Promise<SignupInviteSummary[]> {
  const rows = await listUsableInvites(ctx.db, requireActor(ctx), nowIso(ctx));
  return rows.map((r) => ({
    id: r.id,
    email: r.email_norm,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
  }));
}
