import { type Kysely, sql } from 'kysely';
import { chunkIds } from '../db/chunk';
import type { Database } from '../db/schema';

// The import always has a date; a row restored without one sorts last rather than breaking the keyset.
const sentOn = sql<string>`coalesce(sent_on, '')`;

/** One page of the owner's LinkedIn invitations, newest first (`before` is the last row of the previous page). */
export async function listInvitationRows(
  db: Kysely<Database>,
  ownerId: string,
  opts: { direction?: 'incoming' | 'outgoing'; before?: { sentOn: string; id: string }; limit: number },
) {
  let q = db
    .selectFrom('linkedin_invitations')
    .select(['id', 'direction', 'name', 'profile_url', 'message', 'sent_on'])
    .where('owner_id', '=', ownerId);
  if (opts.direction) q = q.where('direction', '=', opts.direction);
  const before = opts.before;
  if (before) {
    q = q.where((eb) =>
      eb.or([
        eb(sentOn, '<', before.sentOn),
        eb.and([eb(sentOn, '=', before.sentOn), eb('id', '<', before.id)]),
      ]),
    );
  }
  return q.orderBy(sentOn, 'desc').orderBy('id', 'desc').limit(opts.limit).execute();
}

/**
 * The owner's live contacts (not trashed, not merged away) holding each of these LinkedIn profile URLs (canonical
 * form, as contact_channels.value_norm keeps it). Two contacts with one profile (a duplicate not merged yet): the
 * older one, so the answer does not change from one page to the next.
 */
export async function liveContactsByLinkedinUrl(
  db: Kysely<Database>,
  ownerId: string,
  urls: string[],
): Promise<Map<string, { id: string; displayName: string; connectedOn: string | null }>> {
  const out = new Map<string, { id: string; displayName: string; connectedOn: string | null }>();
  for (const batch of chunkIds([...new Set(urls)])) {
    const rows = await db
      .selectFrom('contact_channels as ch')
      .innerJoin('contacts as c', (j) =>
        j.onRef('c.id', '=', 'ch.contact_id').onRef('c.owner_id', '=', 'ch.owner_id'),
      )
      .select(['ch.value_norm', 'c.id', 'c.display_name', 'c.connected_on'])
      .where('ch.owner_id', '=', ownerId)
      .where('ch.kind', '=', 'url')
      .where('ch.value_norm', 'in', batch)
      .where('c.deleted_at', 'is', null)
      .where('c.merged_into', 'is', null)
      .orderBy('c.id')
      .execute();
    for (const r of rows) {
      if (r.value_norm && !out.has(r.value_norm))
        out.set(r.value_norm, { id: r.id, displayName: r.display_name, connectedOn: r.connected_on });
    }
  }
  return out;
}
