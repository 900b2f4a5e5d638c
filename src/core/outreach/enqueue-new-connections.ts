import { settingsOf } from '../agenda/agenda.queries';
import { localDay } from '../agenda/local-day';
import { toSettings } from '../agenda/settings';
import { type Ctx, nowIso } from '../context';
import { newConnectionTest, newQueueItem } from './outreach';
import { contactsWithItems, insertImportChanges, insertItems } from './outreach.queries';

/** The account's own calendar day now. */
export async function ownerToday(ctx: Ctx, ownerId: string): Promise<string> {
  return ownerDayAt(ctx, ownerId, ctx.clock.now());
}

/** The account's own calendar day at a moment. */
export async function ownerDayAt(ctx: Ctx, ownerId: string, at: Date): Promise<string> {
  return localDay(at, toSettings(await settingsOf(ctx.db, ownerId)).timeZone);
}

/**
 * Puts the new connections among `contacts` in the outreach queue, set-based inside the caller's transaction: a
 * contact enters when its connection day (connected-on) is within AUTO_QUEUE_DAYS of today, so a first import of
 * years of history does not flood the queue. `existing: 'check'` skips contacts that have (or had) an item — for
 * contacts that already existed. A contact without a connected-on date is not known to be a new connection and
 * can be added by hand. An import's `importId` records those items so undoing the import removes them
 * (items of contacts an import created go with the contacts). Returns how many entered.
 */
export async function enqueueNewConnections(
  tx: Ctx,
  ownerId: string,
  contacts: { id: string; connectedOn: string | null }[],
  opts: { existing: 'check' | 'new-contacts'; importId?: string },
): Promise<number> {
  if (contacts.length === 0) return 0;
  const today = await ownerToday(tx, ownerId);
  const isNew = newConnectionTest(today);
  let fresh = contacts.filter((c) => isNew(c.connectedOn));
  if (fresh.length === 0) return 0;
  if (opts.existing === 'check') {
    const had = await contactsWithItems(
      tx.db,
      ownerId,
      fresh.map((c) => c.id),
      { openOnly: false },
    );
    fresh = fresh.filter((c) => !had.has(c.id));
  }
  const now = nowIso(tx);
  const rows = fresh.map((c) =>
    newQueueItem({
      id: tx.ids.next(),
      ownerId,
      contactId: c.id,
      reason: 'new-connection',
      connectedOn: c.connectedOn,
      purposeId: null,
      now,
    }),
  );
  await insertItems(tx.db, rows);
  if (opts.importId && opts.existing === 'check') {
    const importId = opts.importId;
    await insertImportChanges(
      tx.db,
      rows.map((r) => ({
        id: tx.ids.next(),
        import_id: importId,
        owner_id: ownerId,
        entity: 'outreach',
        entity_id: r.id,
        action: 'created',
        before: null,
      })),
    );
  }
  return rows.length;
}
