import { type Ctx, nowIso, requireActor } from '../context';
import { notFound } from '../errors';
import { findPromise, updatePromiseRow } from './promise.queries';

/** Removes a promise entered by mistake (a promise dropped by agreement is `released` instead). */
export async function deletePromise(ctx: Ctx, id: string): Promise<void> {
  const ownerId = requireActor(ctx);
  if (!(await findPromise(ctx.db, ownerId, id))) throw notFound('promise');
  await updatePromiseRow(ctx.db, ownerId, id, { deleted_at: nowIso(ctx), updated_at: nowIso(ctx) });
}
