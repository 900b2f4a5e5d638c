import { type CardFilter, matchesCardFilter } from '../../formats/vcard/match-card-filter';
import { type Ctx, requireActor } from '../context';
import { type Card, cardPages } from './address-book';

/** RFC 6352 addressbook-query: the actor's cards that pass the filter, at most `limit` of them. */
export async function queryAddressBook(ctx: Ctx, filter: CardFilter, limit?: number): Promise<Card[]> {
  const found: Card[] = [];
  for await (const page of cardPages(ctx, requireActor(ctx))) {
    for (const card of page) {
      if (!matchesCardFilter(card.text, filter)) continue;
      found.push(card);
      if (limit !== undefined && found.length >= limit) return found;
    }
  }
  return found;
}
