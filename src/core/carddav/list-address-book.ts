import { createHash } from 'node:crypto';
import { type Ctx, requireActor } from '../context';
import { contactIdPage } from '../exports/export.queries';
import { cardsOf } from './address-book';

const PAGE = 500;

export interface AddressBookListing {
  cards: { name: string; etag: string }[];
  /** Changes whenever any card is added, changed or removed (the CalendarServer `getctag`). */
  ctag: string;
}

/** Every card of the actor's address book with its ETag, and the collection's tag: each card generated to hash it. */
export async function listAddressBook(ctx: Ctx): Promise<AddressBookListing> {
  const ownerId = requireActor(ctx);
  const cards: { name: string; etag: string }[] = [];
  let after: { key: string; id: string } | null = null;
  for (;;) {
    // Walked along the owner's name index: paging by id would scan every account's contacts on a shared server.
    const page = await contactIdPage(ctx.db, ownerId, after, PAGE);
    const last = page[page.length - 1];
    if (!last) break;
    after = { key: last.sort_key, id: last.id };
    const ids = page.map((p) => p.id);
    for (const c of await cardsOf(ctx, ownerId, ids)) cards.push({ name: c.name, etag: c.etag });
  }
  cards.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const hash = createHash('sha256');
  for (const c of cards) hash.update(`${c.name}\n${c.etag}\n`);
  return { cards, ctag: `"${hash.digest('base64url').slice(0, 27)}"` };
}
