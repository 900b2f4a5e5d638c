import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { purposeCadenceRows } from './purpose.queries';
import { parseStages } from './stages';

/**
 * Per contact, the shortest keep-in-touch cadence among the active purposes it is on, leaving out purposes where
 * its item sits in the closed stage (the relationship engine's cadence inputs read this).
 */
export async function purposeCadences(
  db: Kysely<Database>,
  ownerId: string,
  contactIds: string[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (contactIds.length === 0) return out;
  for (const r of await purposeCadenceRows(db, ownerId, contactIds)) {
    const stage = parseStages(r.stages).find((s) => s.id === r.stage);
    if (stage?.role === 'closed') continue;
    const have = out.get(r.contact_id);
    if (have === undefined || r.cadence_days < have) out.set(r.contact_id, r.cadence_days);
  }
  return out;
}
