import type { Favour } from '../../contracts/relationships';
import type { FavourTable } from '../db/schema';

export function toFavour(row: FavourTable & { display_name: string }): Favour {
  return {
    id: row.id,
    contact: { id: row.contact_id, displayName: row.display_name },
    direction: row.direction,
    what: row.what,
    size: row.size,
    occurredOn: row.occurred_on,
    interactionId: row.interaction_id,
    source: row.source,
    createdAt: row.created_at,
  };
}
