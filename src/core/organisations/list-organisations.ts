import type { z } from 'zod';
import { type Organisation, organisationListQuery } from '../../contracts/organisations';
import { type Ctx, requireActor } from '../context';
import { decodeCursor, encodeCursor } from '../cursor';
import { validate } from '../validate';
import { normaliseOrganisationName, toOrganisation } from './organisation';
import { listOrganisations as list } from './organisation.queries';

/** A page of the actor's live organisations by name, with how many live contacts work at each. */
export async function listOrganisations(
  ctx: Ctx,
  query: z.input<typeof organisationListQuery>,
): Promise<{ items: Organisation[]; nextCursor: string | null }> {
  const ownerId = requireActor(ctx);
  const q = validate(organisationListQuery, query);
  const after = q.cursor ? decodeCursor(q.cursor, ['k', 'i']) : undefined;
  const rows = await list(ctx.db, ownerId, {
    nameContains: q.q ? normaliseOrganisationName(q.q) : undefined,
    after: after ? { key: String(after.k), id: String(after.i) } : undefined,
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toOrganisation),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ k: last.name_norm, i: last.id }) : null,
  };
}
