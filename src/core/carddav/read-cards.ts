import { type Ctx, requireActor } from '../context';
import { type Card, cardsOf, contactsOfCards } from './address-book';

/** The actor's cards with these names (an unknown or trashed one is simply not in the result). */
export async function readCards(ctx: Ctx, names: string[]): Promise<Map<string, Card>> {
  const ownerId = requireActor(ctx);
  const ids = await contactsOfCards(ctx, ownerId, [...new Set(names)]);
  return new Map((await cardsOf(ctx, ownerId, [...ids.values()])).map((c) => [c.name, c]));
}
