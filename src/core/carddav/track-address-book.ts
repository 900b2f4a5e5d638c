import { lockAccount } from '../accounts/account.queries';
import { type Ctx, inTransaction, requireActor } from '../context';
import { cachedUntilWrite } from '../db/cached-until-write';
import { currentCardEtags, knownCards, recordCardChanges, recordSyncToken } from './card.queries';
import { listAddressBook } from './list-address-book';

export interface TrackedAddressBook {
  /** Every card with its ETag, by name. */
  cards: { name: string; etag: string }[];
  /** The collection's tag (CalendarServer `getctag`). */
  ctag: string;
  /** The number of the last change: the sync token. */
  seq: number;
}

/**
 * The address book as it is now, and the number of the change that made it so (its sync token). Cards whose ETag
 * differs from what clients were last told, and cards gone since, are recorded under a new number first: so a
 * change is noticed however it was made, without every write path keeping a change log. Listing means generating
 * every card, so on SQLite the outcome is kept until the next write other than this recording (ADR 17), and the
 * cards are then read back from what was recorded: clients poll far more often than anything changes.
 */
export async function trackAddressBook(ctx: Ctx): Promise<TrackedAddressBook> {
  const ownerId = requireActor(ctx);
  const state = await cachedUntilWrite(ctx.db, `carddav:${ownerId}`, async (own) => {
    const listing = await listAddressBook(ctx);
    return inTransaction(ctx, async (tx) => {
      // Two clients syncing at once: the second compares with what the first recorded (one change number each).
      await lockAccount(tx.db, ownerId);
      const known = await knownCards(tx.db, ownerId);
      const changes: { name: string; etag: string | null }[] = [];
      const present = new Set<string>();
      for (const c of listing.cards) {
        present.add(c.name);
        if (known.etags.get(c.name) !== c.etag) changes.push({ name: c.name, etag: c.etag });
      }
      for (const [name, etag] of known.etags) {
        if (etag !== null && !present.has(name)) changes.push({ name, etag: null });
      }
      if (changes.length === 0) return { ctag: listing.ctag, seq: known.seq };
      // The time in seconds (at least the last number plus one): after a whole-server restore the numbers go on
      // past those given out since the backup, which a phone may still hold, instead of giving them out again.
      const seq = Math.max(known.seq + 1, Math.floor(tx.clock.now().getTime() / 1000));
      // Recording the changes leaves every card as listed: the outcome stays good past these rows, so the next sync
      // reads it back instead of generating every card again.
      own.wrote(
        (await recordCardChanges(tx.db, ownerId, seq, changes)) +
          (await recordSyncToken(tx.db, ownerId, seq)),
      );
      return { ctag: listing.ctag, seq };
    });
  });
  return { ...state, cards: await currentCardEtags(ctx.db, ownerId) };
}
