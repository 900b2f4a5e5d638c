import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { notFound } from '../errors';
import { findTemplate, updateTemplateRow } from './outreach.queries';

/** Retires a template: it leaves the lists, while the messages sent with it keep counting in the analytics. */
export async function deleteOutreachTemplate(ctx: Ctx, id: string): Promise<void> {
  const ownerId = requireActor(ctx);
  await inTransaction(ctx, async (tx) => {
    if (!(await findTemplate(tx.db, ownerId, id))) throw notFound('template');
    const now = nowIso(tx);
    await updateTemplateRow(tx.db, ownerId, id, { deleted_at: now, updated_at: now });
  });
}
