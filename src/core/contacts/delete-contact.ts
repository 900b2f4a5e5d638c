import { type Ctx, nowIso, requireActor } from '../context';
import { notFound } from '../errors';
import { purgeAfter } from '../trash/trash-window';
import { findContact, updateContact } from './contact.queries';

/** Moves the actor's contact to the trash (restorable for `settings.trashDays`). Returns when it will be purged. */
export async function deleteContact(ctx: Ctx, id: string): Promise<{ purgeAfter: string }> {
  const ownerId = requireActor(ctx);
  if (!(await findContact(ctx.db, ownerId, id))) throw notFound('contact');
  const at = nowIso(ctx);
  await updateContact(ctx.db, ownerId, id, { deleted_at: at });
  return { purgeAfter: purgeAfter(ctx, at) };
}
