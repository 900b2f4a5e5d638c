import { createHash } from 'node:crypto';
import { type Ctx, requireActor } from '../context';
import { cardPages } from './address-book';

export interface AddressBookListing {
  cards: { name: string; etag: string }[];
  /** Changes whenever any card is added, changed or removed (the CalendarServer `getctag`). */
  ctag: string;
}

/** Every card of the actor's address book with its ETag, and the collection's tag: each card generated to hash it. */
export async function listAddressBook(ctx: Ctx): Promise<AddressBookListing> {
  const ownerId = requireActor(ctx);
  const cards: { name: string; etag: string }[] = [];
  for await (const page of cardPages(ctx, ownerId))
    for (const c of page) cards.push({ name: c.name, etag: c.etag });
  cards.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const hash = createHash('sha256');
  for (const c of cards) hash.update(`${c.name}\n${c.etag}\n`);
  return { cards, ctag: `"${hash.digest('base64url').slice(0, 27)}"` };
}
