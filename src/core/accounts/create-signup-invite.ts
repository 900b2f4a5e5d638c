import type { z } from 'zod';
import { signupInviteInput } from '../../contracts/auth';
import { addDays } from '../clock';
import { type Ctx, nowIso, requireActor } from '../context';
import { randomSecret } from '../ids';
import { validate } from '../validate';
import { hashSecret, normaliseEmail } from './account';
import { insertSignupInvite } from './signup-invite.queries';

/** Creates a one-time sign-up code (for RAPPORT_SIGNUP=invite), optionally bound to one email. The code is shown once. */
export async function createSignupInvite(
  ctx: Ctx,
  input: z.input<typeof signupInviteInput>,
): Promise<{ id: string; code: string; expiresAt: string }> {
  const accountId = requireActor(ctx);
  const data = validate(signupInviteInput, input);
  const code = randomSecret(18);
  const id = ctx.ids.next();
  const expiresAt = addDays(ctx.clock.now(), data.expiresInDays).toISOString();
  await insertSignupInvite(ctx.db, {
    id,
    created_by: accountId,
    code_hash: hashSecret(code),
    email_norm: data.email ? normaliseEmail(data.email) : null,
    created_at: nowIso(ctx),
    expires_at: expiresAt,
    used_at: null,
    used_by: null,
  });
  return { id, code, expiresAt };
}
