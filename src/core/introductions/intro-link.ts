import { hashSecret } from '../accounts/account';
import { type Ctx, nowIso } from '../context';
import type { IntroductionTable } from '../db/schema';
import { findIntroductionByToken, updateIntroductionIf } from './introduction.queries';

/** A link secret as issued (randomSecret: 43 URL-safe characters); anything else is not even looked up. */
const LINK_TOKEN = /^[A-Za-z0-9_-]{32,64}$/;

/**
 * The introduction a signed link opens, if the link is still good: issued, unused, unexpired, and the request
 * still waits on the person. Anything else (unknown, forged, used, expired, withdrawn) is undefined, all alike.
 * A link found past its time expires the request on the way.
 */
export async function openLink(
  ctx: Ctx,
  token: string,
): Promise<{ row: IntroductionTable; tokenHash: string } | undefined> {
  if (!LINK_TOKEN.test(token)) return undefined;
  const tokenHash = hashSecret(token);
  const row = await findIntroductionByToken(ctx.db, tokenHash);
  const open =
    row?.state === 'awaiting-target' && row.token_used_at === null && row.target_account_id === null;
  if (!row || !open) {
    return undefined;
  }
  const now = nowIso(ctx);
  if ((row.token_expires_at ?? '') <= now || row.expires_at <= now) {
    await updateIntroductionIf(
      ctx.db,
      row.id,
      { states: ['awaiting-target'] },
      {
        state: 'expired',
        closed_at: now,
        updated_at: now,
      },
    );
    return undefined;
  }
  return { row, tokenHash };
}
