import {
  type IntroductionListPage,
  type IntroListQuery,
  introListQuery,
} from '../../contracts/introductions';
import { type Ctx, nowIso, requireActor } from '../context';
import { decodeCursor, encodeCursor } from '../cursor';
import { validate } from '../validate';
import { roleOf } from './introduction.policy';
import { expireOpenIntroductions, listIntroductionRows } from './introduction.queries';
import { introductionViews } from './view-introduction';

/**
 * A page of the actor's introductions, newest first, each in the actor's role: requests I made (requester: the
 * outbox), requests to me as broker and, once a broker accepted, introductions to me (the inbox). Expired ones are
 * marked on the way. Throws `validation` on a bad role, status, limit or cursor.
 */
export async function listIntroductions(ctx: Ctx, query: IntroListQuery = {}): Promise<IntroductionListPage> {
  const accountId = requireActor(ctx);
  const q = validate(introListQuery, query);
  const before = q.cursor ? decodeCursor(q.cursor, ['at', 'id'] as const) : undefined;
  await expireOpenIntroductions(ctx.db, nowIso(ctx), accountId);
  const rows = await listIntroductionRows(ctx.db, accountId, {
    role: q.role,
    status: q.status,
    before: before ? { at: String(before.at), id: String(before.id) } : undefined,
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  // The query reads only rows the actor is a party to, so roleOf drops none; were one dropped, the cursor still
  // comes from the last row read, so the next page starts after it and skips nothing.
  const last = page[page.length - 1];
  return {
    items: await introductionViews(
      ctx,
      page.flatMap((row) => {
        const role = roleOf(row, accountId);
        return role ? [{ row, role }] : [];
      }),
    ),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ at: last.created_at, id: last.id }) : null,
  };
}
