import type { CardFilter } from '../../formats/vcard/match-card-filter';
import { matchesCardFilter } from '../../formats/vcard/match-card-filter';
import { type Ctx, requireActor } from '../context';
import { type Card, cardsOf } from './address-book';
import { liveContactIdPage } from './card.queries';

const PAGE = 500;

/** RFC 6352 addressbook-query: the actor's cards that pass the filter, at most `limit` of them. */
export async function queryAddressBook(ctx: Ctx, filter: CardFilter, limit?: number): Promise<Card[]> {
  const ownerId = requireActor(ctx);
  const found: Card[] = [];
  let after: string | null = null;
  for (;;) {
    const ids = await liveContactIdPage(ctx.db, ownerId, after, PAGE);
    if (ids.length === 0) return found;
    after = ids[ids.length - 1] as string;
    for (const card of await cardsOf(ctx, ownerId, ids)) {
      if (!matchesCardFilter(card.text, filter)) continue;
      found.push(card);
      if (limit !== undefined && found.length >= limit) return found;
    }
  }
}
