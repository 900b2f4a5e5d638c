import { type ContactCount, type ContactFilterQuery, contactFilterQuery } from '../../contracts/contacts';
import { type Ctx, requireActor } from '../context';
import { validate } from '../validate';
import { countContacts as count } from './contact.queries';
import { contactsFoundBy } from './contact-list-filter';

/**
 * How many of the actor's live contacts the list shows for this search and these filters, all pages together. Apart
 * from the list so typeahead stays fast: a 30k rolodex counts a one-letter search in ~10–20 ms (ADR 3).
 */
export async function countContacts(ctx: Ctx, query: ContactFilterQuery): Promise<ContactCount> {
  const ownerId = requireActor(ctx);
  const filter = await contactsFoundBy(ctx, ownerId, validate(contactFilterQuery, query));
  return { total: filter ? await count(ctx.db, filter) : 0 };
}
