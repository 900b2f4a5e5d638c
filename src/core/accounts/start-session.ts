import { addDays } from '../clock';
import { type Ctx, nowIso } from '../context';
import { randomSecret } from '../ids';
import { hashSecret } from './account';
import { insertSession } from './session.queries';

/** Opens a browser session for an already-authenticated account; returns the opaque token (stored only hashed). */
export async function startSession(
  ctx: Ctx,
  accountId: string,
  userAgent: string | null,
): Promise<{ token: string; expiresAt: string }> {
  const token = randomSecret();
  const now = nowIso(ctx);
  const expiresAt = addDays(ctx.clock.now(), ctx.settings.sessionTtlDays).toISOString();
  await insertSession(ctx.db, {
    id: ctx.ids.next(),
    account_id: accountId,
    token_hash: hashSecret(token),
    created_at: now,
    expires_at: expiresAt,
    last_seen_at: now,
    user_agent: userAgent?.slice(0, 300) ?? null,
    ended_at: null,
    end_reason: null,
  });
  return { token, expiresAt };
}
