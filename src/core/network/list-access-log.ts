import type { z } from 'zod';
import { ACCESS_EVENTS, type AccessEvent, type accessLogPage, accessLogQuery } from '../../contracts/network';
import { type Ctx, requireActor } from '../context';
import { decodeCursor, encodeCursor } from '../cursor';
import { validate } from '../validate';
import { accessLogPage as pageOf } from './access-log.queries';

/** Who saw which of the actor's contacts, when, how (search hit, path, introduction request) and with what query; newest first. */
export async function listAccessLog(
  ctx: Ctx,
  query: z.input<typeof accessLogQuery>,
): Promise<z.infer<typeof accessLogPage>> {
  const me = requireActor(ctx);
  const q = validate(accessLogQuery, query);
  const after = q.cursor ? decodeCursor(q.cursor, ['at', 'id'] as const) : undefined;
  const rows = await pageOf(
    ctx.db,
    me,
    q.limit + 1,
    after ? { at: String(after.at), id: String(after.id) } : undefined,
  );
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page
      .filter((r) => (ACCESS_EVENTS as readonly string[]).includes(r.event))
      .map((r) => ({
        id: r.id,
        at: r.created_at,
        actor: r.actor_id && r.actor_name ? { id: r.actor_id, name: r.actor_name } : null,
        event: r.event as AccessEvent,
        query: r.query,
        contact: r.contact_id && r.contact_name ? { id: r.contact_id, displayName: r.contact_name } : null,
        introductionId: r.introduction_id,
      })),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ at: last.created_at, id: last.id }) : null,
  };
}
