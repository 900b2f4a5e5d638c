import type { z } from 'zod';
import { type Interaction, interactionListQuery } from '../../contracts/relationships';
import { type Ctx, requireActor } from '../context';
import { decodeCursor, encodeCursor } from '../cursor';
import { validate } from '../validate';
import { toInteraction } from './interaction';
import { contactsOfInteractions, listInteractions as list } from './interaction.queries';

/** The actor's interactions, newest first, optionally with one contact; paged with a cursor. */
export async function listInteractions(
  ctx: Ctx,
  query: z.input<typeof interactionListQuery>,
): Promise<{ items: Interaction[]; nextCursor: string | null }> {
  const ownerId = requireActor(ctx);
  const q = validate(interactionListQuery, query);
  const before = q.cursor ? decodeCursor(q.cursor, ['a', 'i']) : undefined;
  const rows = await list(ctx.db, ownerId, {
    contactId: q.contact,
    before: before ? { at: String(before.a), id: String(before.i) } : undefined,
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const contacts = await contactsOfInteractions(
    ctx.db,
    ownerId,
    page.map((r) => r.id),
  );
  const last = page[page.length - 1];
  return {
    items: page.map((r) => toInteraction(r, contacts.get(r.id) ?? [])),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ a: last.occurred_at, i: last.id }) : null,
  };
}
