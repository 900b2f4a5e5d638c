import type { Contact } from '../../contracts/contacts';
import { type Ctx, requireActor } from '../context';
import { notFound } from '../errors';
import { findContact } from './contact.queries';
import { presentContact } from './present-contact';

/** One of the actor's live contacts; anything else (missing, trashed, another account's) is `not_found`. */
export async function getContact(ctx: Ctx, id: string): Promise<Contact> {
  const row = await findContact(ctx.db, requireActor(ctx), id);
  if (!row) throw notFound('contact');
  return presentContact(ctx, row);
}
