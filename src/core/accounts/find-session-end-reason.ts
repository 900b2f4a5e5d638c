import type { SessionEndReason } from '../../contracts/auth';
import { addDays } from '../clock';
import type { Ctx } from '../context';
import { hashSecret } from './account';
import { ENDED_SESSION_KEPT_DAYS } from './session';
import { findEndReason } from './session.queries';

/**
 * Why this session token stopped working, when a password change or another device ended it in the last few days;
 * null when it is unknown, expired or signed out by its own browser (nothing to explain).
 */
export async function findSessionEndReason(ctx: Ctx, token: string): Promise<SessionEndReason | null> {
  const since = addDays(ctx.clock.now(), -ENDED_SESSION_KEPT_DAYS).toISOString();
  return (await findEndReason(ctx.db, hashSecret(token), since)) ?? null;
}
