import { type Ctx, nowIso } from '../context';
import type { ConnectionTable } from '../db/schema';
import { expireOpenIntroductionsBetween } from '../introductions/introduction.queries';
import { ownerDayAt } from '../outreach/enqueue-new-connections';
import { dismissItemsOfConnection } from '../outreach/outreach.queries';
import { deleteConnection } from './connection.queries';

/**
 * Deletes a connection (inside the caller's transaction) and ends the work it started, for both sides: the open
 * introductions between the two as requester and broker expire (ADR 15), and each side's "write to your new
 * connection" item leaves the outreach queue and Today (nothing can go "via Rapport" any more). Returns how many
 * rows went (0: someone removed it first). The caller tells the network index.
 */
export async function endConnection(tx: Ctx, row: ConnectionTable): Promise<number> {
  const now = nowIso(tx);
  if (row.status === 'accepted') {
    await expireOpenIntroductionsBetween(tx.db, row.account_lo, row.account_hi, now);
    const at = row.responded_at ?? row.created_at;
    for (const [ownerId, contactId] of [
      [row.account_lo, row.lo_contact_id],
      [row.account_hi, row.hi_contact_id],
    ] as const) {
      if (!contactId) continue;
      const day = await ownerDayAt(tx, ownerId, new Date(at));
      await dismissItemsOfConnection(tx.db, ownerId, contactId, { at, day }, now);
    }
  }
  return deleteConnection(tx.db, row.id);
}
