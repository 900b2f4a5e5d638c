import { type Ctx, requireActor } from '../context';
import { type Card, cardsOf, contactOfCard } from './address-book';

/** The actor's cards with these names (an unknown or trashed one is simply not in the result). */
export async function readCards(ctx: Ctx, names: string[]): Promise<Map<string, Card>> {
  const ownerId = requireActor(ctx);
  const ids: string[] = [];
  for (const name of new Set(names)) {
    const id = await contactOfCard(ctx, ownerId, name);
    if (id) ids.push(id);
  }
  return new Map((await cardsOf(ctx, ownerId, ids)).map((c) => [c.name, c]));
}
