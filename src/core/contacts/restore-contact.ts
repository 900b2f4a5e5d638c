import type { Contact } from '../../contracts/contacts';
import { type Ctx, requireActor } from '../context';
import { notFound } from '../errors';
import { inTrashWindow } from '../trash/trash-window';
import { findContact, updateContact } from './contact.queries';
import { presentContact } from './present-contact';

/** Brings a trashed contact back whole (fields, channels, tags, history). Past the trash window: `not_found`. */
export async function restoreContact(ctx: Ctx, id: string): Promise<Contact> {
  const ownerId = requireActor(ctx);
  const row = await findContact(ctx.db, ownerId, id, { deleted: true });
  if (!row || !inTrashWindow(ctx, row.deleted_at)) throw notFound('contact in the trash');
  await updateContact(ctx.db, ownerId, id, { deleted_at: null });
  return presentContact(ctx, { ...row, deleted_at: null });
}
