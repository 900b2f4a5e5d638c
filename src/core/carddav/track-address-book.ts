import { type Ctx, inTransaction, requireActor } from '../context';
import { knownCards, recordCardChanges } from './card.queries';
import { type AddressBookListing, listAddressBook } from './list-address-book';

/**
 * The address book as it is now, and the number of the change that made it so (its sync token). Cards whose ETag
 * differs from what clients were last told, and cards gone since, are recorded under a new number first: so a
 * change is noticed however it was made, without every write path keeping a change log.
 */
export async function trackAddressBook(ctx: Ctx): Promise<{ listing: AddressBookListing; seq: number }> {
  const ownerId = requireActor(ctx);
  const listing = await listAddressBook(ctx);
  return inTransaction(ctx, async (tx) => {
    const known = await knownCards(tx.db, ownerId);
    const changes: { name: string; etag: string | null }[] = [];
    const present = new Set<string>();
    for (const c of listing.cards) {
      present.add(c.name);
      if (known.etags.get(c.name) !== c.etag) changes.push({ name: c.name, etag: c.etag });
    }
    for (const [name, etag] of known.etags)
      if (etag !== null && !present.has(name)) changes.push({ name, etag: null });
    if (changes.length === 0) return { listing, seq: known.seq };
    await recordCardChanges(tx.db, ownerId, known.seq + 1, changes);
    return { listing, seq: known.seq + 1 };
  });
}
