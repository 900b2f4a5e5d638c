import type { CardFilter } from '../../formats/vcard/match-card-filter';
import { matchesCardFilter } from '../../formats/vcard/match-card-filter';
import { type Ctx, requireActor } from '../context';
import { contactIdPage } from '../exports/export.queries';
import { type Card, cardsOf } from './address-book';

const PAGE = 500;

/** RFC 6352 addressbook-query: the actor's cards that pass the filter, at most `limit` of them. */
export async function queryAddressBook(ctx: Ctx, filter: CardFilter, limit?: number): Promise<Card[]> {
  const ownerId = requireActor(ctx);
  const found: Card[] = [];
  let after: { key: string; id: string } | null = null;
  for (;;) {
    // Walked along the owner's name index: paging by id would scan every account's contacts on a shared server.
    const page = await contactIdPage(ctx.db, ownerId, after, PAGE);
    const last = page[page.length - 1];
    if (!last) return found;
    after = { key: last.sort_key, id: last.id };
    const ids = page.map((p) => p.id);
    for (const card of await cardsOf(ctx, ownerId, ids)) {
      if (!matchesCardFilter(card.text, filter)) continue;
      found.push(card);
      if (limit !== undefined && found.length >= limit) return found;
    }
  }
}
