import type { Ctx } from '../context';
import { requireActor } from '../context';
import { cardChangesSince, syncTokenKnown } from './card.queries';
import { trackAddressBook } from './track-address-book';

/** Where a client's sync stands: every change up to `seq`, or within it up to the card named `after`. */
export interface SyncPosition {
  seq: number;
  after?: string;
}

export type SyncResult =
  | {
      ok: true;
      seq: number;
      changed: { name: string; etag: string }[];
      removed: string[];
      /** The answer was cut at the client's limit: where it stopped (the token for the rest). */
      next?: SyncPosition;
    }
  | { ok: false };

// Before migration 0040 change numbers were 1, 2, 3…: every one up to the first kept was given out.
const COUNTED_UNTIL = 1_000_000_000;

/**
 * Whether this address book gave out the number as a token. One it never gave out (a phone's token from after the
 * backup the server was restored from) would otherwise be answered with the changes since a number that meant
 * another state, and the phone would keep cards that are gone and miss changes (ADR 18).
 */
async function givenOut(ctx: Ctx, ownerId: string, seq: number): Promise<boolean> {
  const { known, first } = await syncTokenKnown(ctx.db, ownerId, seq);
  return known || (first !== null && first < COUNTED_UNTIL && seq <= first);
}

/**
 * RFC 6578 sync-collection: with no token, every card; with the number of an earlier change, the cards changed
 * and removed since. A token this address book never gave out is refused (`ok: false`: the client syncs anew).
 * With a `limit` (§3.7) at most that many come back, in the order of the changes, and `next` says where the
 * answer stopped: the client asks again from there.
 */
export async function syncAddressBook(
  ctx: Ctx,
  since: SyncPosition | number | null,
  limit?: number,
): Promise<SyncResult> {
  const ownerId = requireActor(ctx);
  const { cards, seq } = await trackAddressBook(ctx);
  const from = typeof since === 'number' ? { seq: since } : since;
  if (from === null && limit === undefined) return { ok: true, seq, changed: cards, removed: [] };
  if (from !== null) {
    if (!Number.isSafeInteger(from.seq) || from.seq < 0 || from.seq > seq) return { ok: false };
    if (from.after !== undefined && from.seq === 0) return { ok: false };
    // The number it gives out now is always good: refusing it would send the client into a full sync every time.
    if (from.seq > 0 && from.seq !== seq && !(await givenOut(ctx, ownerId, from.seq))) return { ok: false };
  }
  const rows = await cardChangesSince(ctx.db, ownerId, from?.seq ?? 0, {
    after: from?.after,
    // A first sync needs no news of cards the client never had.
    live: from === null,
    limit: limit === undefined ? undefined : limit + 1,
  });
  const cut = limit !== undefined && rows.length > limit;
  const page = cut ? rows.slice(0, limit) : rows;
  const changed: { name: string; etag: string }[] = [];
  const removed: string[] = [];
  for (const c of page) {
    if (c.etag === null) removed.push(c.name);
    else changed.push({ name: c.name, etag: c.etag });
  }
  const last = page[page.length - 1];
  return {
    ok: true,
    seq,
    changed,
    removed,
    ...(cut && last ? { next: { seq: last.seq, after: last.name } } : {}),
  };
}
