import type { z } from 'zod';
import { type invitePreview, tokenInput } from '../../contracts/network';
import { hashSecret } from '../accounts/account';
import { type Ctx, nowIso } from '../context';
import { validate } from '../validate';
import { invalidInvite } from './accept-invite-link';
import { tokenFromLink } from './connection';
import { findInviteByHash } from './invite.queries';

/**
 * What the page behind a one-time link shows before anyone signs in: who invites and their note. Needs the secret
 * (no account); a link that does not work is `not_found` with the same message whatever the reason.
 */
export async function inspectInvite(
  ctx: Ctx,
  body: { token: string },
): Promise<z.infer<typeof invitePreview>> {
  const { token } = validate(tokenInput, body);
  const invite = await findInviteByHash(ctx.db, hashSecret(tokenFromLink(token)));
  if (!invite || invite.used_at || invite.revoked_at || invite.expires_at <= nowIso(ctx))
    throw invalidInvite();
  return { from: { name: invite.from_name }, message: invite.message, expiresAt: invite.expires_at };
}
