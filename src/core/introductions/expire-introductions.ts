import { type Ctx, nowIso } from '../context';
import { expireOpenIntroductions } from './introduction.queries';

/** System job (housekeeping): every open introduction past its wait becomes expired. Returns how many. */
export async function expireIntroductions(ctx: Ctx): Promise<number> {
  return expireOpenIntroductions(ctx.db, nowIso(ctx));
}
