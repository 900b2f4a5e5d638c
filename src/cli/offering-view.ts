import type { ConnectionOffer } from '../contracts/network';
import { table } from './output';

/** Connections and the offers of theirs that fit, one row per connection (`rapport message <account id> <text>` reaches them). */
export function offeringView(items: ConnectionOffer[]): string {
  return table(
    ['connection', 'offers', 'account id'],
    items.map((c) => [c.headline ? `${c.name} (${c.headline})` : c.name, c.offers.join('; '), c.accountId]),
  );
}
