import type { Introduction } from '../../contracts/introductions';
import { type Ctx, nowIso, requireActor } from '../context';
import { notFound } from '../errors';
import { roleOf } from './introduction.policy';
import { expireOpenIntroductions, findIntroduction } from './introduction.queries';
import { introductionViews } from './view-introduction';

/** One introduction as the actor's role sees it; `not_found` for anyone who is not (yet) a party to it. */
export async function getIntroduction(ctx: Ctx, id: string): Promise<Introduction> {
  const accountId = requireActor(ctx);
  await expireOpenIntroductions(ctx.db, nowIso(ctx), accountId);
  const row = await findIntroduction(ctx.db, accountId, id);
  const role = row ? roleOf(row, accountId) : null;
  if (!row || !role) throw notFound('introduction');
  const [view] = await introductionViews(ctx, [{ row, role }]);
  return view as Introduction;
}
