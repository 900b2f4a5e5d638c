import type { Ctx } from '../context';
import { requireActor } from '../context';
import { cardChangesSince } from './card.queries';
import { trackAddressBook } from './track-address-book';

export type SyncResult =
  | { ok: true; seq: number; changed: { name: string; etag: string }[]; removed: string[] }
  | { ok: false };

/**
 * RFC 6578 sync-collection: with no token, every card; with the number of an earlier change, the cards changed
 * and removed since. A token this address book never gave out is refused (`ok: false`: the client syncs anew).
 */
export async function syncAddressBook(ctx: Ctx, since: number | null): Promise<SyncResult> {
  const ownerId = requireActor(ctx);
  const { cards, seq } = await trackAddressBook(ctx);
  if (since === null) return { ok: true, seq, changed: cards, removed: [] };
  if (!Number.isSafeInteger(since) || since < 0 || since > seq) return { ok: false };
  const changed: { name: string; etag: string }[] = [];
  const removed: string[] = [];
  for (const c of await cardChangesSince(ctx.db, ownerId, since)) {
    if (c.etag === null) removed.push(c.name);
    else changed.push({ name: c.name, etag: c.etag });
  }
  return { ok: true, seq, changed, removed };
}
