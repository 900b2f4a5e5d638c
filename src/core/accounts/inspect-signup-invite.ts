import { type Ctx, nowIso } from '../context';
import { notFound } from '../errors';
import { hashSecret } from './account';
import { findUsableInvite } from './signup-invite.queries';

/**
 * What the sign-up page may know about an invite code before it is used: whether it is still usable, and the
 * e-mail address it is bound to, to fill in. Naming the address is safe enough: only the holder of the code (an
 * unguessable secret the inviter sent, normally to that very address) can ask, and the code alone already lets
 * them try to sign up. `not_found` for an unknown, used or expired code.
 */
export async function inspectSignupInvite(ctx: Ctx, code: string): Promise<{ email: string | null }> {
  const invite = await findUsableInvite(ctx.db, hashSecret(code), nowIso(ctx));
  if (!invite) throw notFound('invite code');
  return { email: invite.email_norm };
}
