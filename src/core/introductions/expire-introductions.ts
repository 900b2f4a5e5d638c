import { type Ctx, nowIso } from '../context';
import { expireOpenIntroductions } from './introduction.queries';
import { tellLapsedRequesters } from './tell-lapsed';

/**
 * System job (housekeeping): every open introduction past its wait becomes expired, then each requester not yet
 * told is mailed that theirs lapsed. Returns how many expired now.
 */
export async function expireIntroductions(ctx: Ctx): Promise<number> {
  const expired = await expireOpenIntroductions(ctx.db, nowIso(ctx));
  await tellLapsedRequesters(ctx);
  return expired;
}
