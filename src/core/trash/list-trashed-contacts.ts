import {
  type TrashedContactPage,
  type TrashedContactsQuery,
  trashedContactsQuery,
} from '../../contracts/trash';
import { countContacts, listTrashedContacts as listTrashed } from '../contacts/contact.queries';
import { presentSummaries } from '../contacts/present-contact';
import { type Ctx, requireActor } from '../context';
import { decodeCursor, encodeCursor } from '../cursor';
import { validate } from '../validate';
import { purgeAfter } from './trash-window';
import { trashedContactFilter } from './trashed-contact-filter';

/**
 * A page of the actor's trashed contacts that can still be restored, most recently deleted first, with how many
 * match in all: every one, or those `q` finds (as contact search does, in the trash's order) and those the undo of
 * `import` sent there. Another account's import is `not_found`.
 */
export async function listTrashedContacts(
  ctx: Ctx,
  query: TrashedContactsQuery = {},
): Promise<TrashedContactPage> {
  const ownerId = requireActor(ctx);
  const q = validate(trashedContactsQuery, query);
  const after = q.cursor ? decodeCursor(q.cursor, ['d', 'i']) : undefined;
  const filter = await trashedContactFilter(ctx, ownerId, q);
  if (!filter) return { items: [], nextCursor: null, total: 0 };
  const rows = await listTrashed(ctx.db, filter, {
    after: after ? { deletedAt: String(after.d), id: String(after.i) } : undefined,
    limit: q.limit + 1,
  });
  const hasMore = rows.length > q.limit;
  const pageRows = rows.slice(0, q.limit);
  const last = pageRows[pageRows.length - 1];
  const items = await presentSummaries(ctx, ownerId, pageRows);
  return {
    items: items.map((c) => ({ ...c, purgeAfter: purgeAfter(ctx, c.deletedAt ?? '') })),
    nextCursor: hasMore && last ? encodeCursor({ d: last.deleted_at ?? '', i: last.id }) : null,
    // A first page that is not full is its own count.
    total: !after && !hasMore ? rows.length : await countContacts(ctx.db, filter),
  };
}
