import type { z } from 'zod';
import { type Introduction, introListQuery } from '../../contracts/introductions';
import { type Ctx, nowIso, requireActor } from '../context';
import { validate } from '../validate';
import { roleOf } from './introduction.policy';
import { expireOpenIntroductions, listIntroductionRows } from './introduction.queries';
import { introductionViews } from './view-introduction';

/**
 * The actor's introductions, newest first, each in the actor's role: requests I made (requester: the outbox),
 * requests to me as broker and, once a broker accepted, introductions to me (the inbox). Expired ones are marked
 * on the way.
 */
export async function listIntroductions(
  ctx: Ctx,
  query: z.input<typeof introListQuery> = {},
): Promise<Introduction[]> {
  const accountId = requireActor(ctx);
  const q = validate(introListQuery, query);
  await expireOpenIntroductions(ctx.db, nowIso(ctx), accountId);
  const rows = await listIntroductionRows(ctx.db, accountId, q);
  return introductionViews(
    ctx,
    rows.flatMap((row) => {
      const role = roleOf(row, accountId);
      return role ? [{ row, role }] : [];
    }),
  );
}
