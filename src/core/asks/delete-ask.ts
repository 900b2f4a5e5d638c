import { type Ctx, inTransaction, requireActor } from '../context';
import { notFound } from '../errors';
import { deleteOwnAsk } from './ask.queries';

/**
 * Deletes one of my asks with its answers (introductions an answer started go on by themselves). `not_found` for
 * anyone else's.
 */
export async function deleteAsk(ctx: Ctx, id: string): Promise<void> {
  const ownerId = requireActor(ctx);
  await inTransaction(ctx, async (tx) => {
    if (!(await deleteOwnAsk(tx.db, ownerId, id))) throw notFound('ask');
  });
}
