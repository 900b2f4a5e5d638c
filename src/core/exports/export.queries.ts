import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** A page of the owner's live contact ids in name order, after `afterKey`/`afterId`. */
export async function contactIdPage(
  db: Kysely<Database>,
  ownerId: string,
  after: { key: string; id: string } | null,
  limit: number,
) {
  let q = db
    .selectFrom('contacts')
    .select(['id', 'sort_key'])
    .where('owner_id', '=', ownerId)
    .where('deleted_at', 'is', null);
  // A row-value comparison seeks straight to the page on the (owner_id, sort_key, id) index; the equivalent OR
  // scanned the owner's index from its start on every page (30,000 contacts: 115 → 37 ms for all pages).
  if (after) q = q.where((eb) => eb(eb.refTuple('sort_key', 'id'), '>', eb.tuple(after.key, after.id)));
  return q.orderBy('sort_key').orderBy('id').limit(limit).execute();
}

/** The columns of a contact an export writes (not the search text and other derived ones). */
const EXPORTED = [
  'contacts.id',
  'contacts.sort_key',
  'contacts.display_name',
  'contacts.given_name',
  'contacts.family_name',
  'contacts.additional_names',
  'contacts.name_prefix',
  'contacts.name_suffix',
  'contacts.nickname',
  'contacts.department',
  'contacts.title',
  'contacts.location',
  'contacts.how_we_met',
  'contacts.notes',
  'contacts.birthday',
  'contacts.custom_fields',
  'contacts.addresses',
  'contacts.dates',
  'contacts.connected_on',
  'contacts.deleted_at',
  'contacts.merged_into',
] as const;

/**
 * A page of the owner's live contacts in name order (only those carrying tag `tagId`, when given), after `after`,
 * with the columns an export writes and their live organisation's name. The page is read by its key range:
 * looking its ids up again (`id IN (…)`) let SQLite scan the owner's whole index for every page (its statistics
 * guess an owner has ~1,000 contacts).
 */
export async function contactPage(
  db: Kysely<Database>,
  ownerId: string,
  after: { key: string; id: string } | null,
  limit: number,
  tagId?: string,
) {
  let q = db
    .selectFrom('contacts')
    .leftJoin('organisations as o', (join) =>
      join.onRef('o.id', '=', 'contacts.organisation_id').on('o.deleted_at', 'is', null),
    )
    .select(EXPORTED)
    .select('o.name as organisation_name')
    .where('contacts.owner_id', '=', ownerId)
    .where('contacts.deleted_at', 'is', null);
  if (tagId !== undefined)
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('contact_tags as ct')
          .select('ct.contact_id')
          .whereRef('ct.contact_id', '=', 'contacts.id')
          .where('ct.owner_id', '=', ownerId)
          .where('ct.tag_id', '=', tagId),
      ),
    );
  if (after)
    q = q.where((eb) =>
      eb(eb.refTuple('contacts.sort_key', 'contacts.id'), '>', eb.tuple(after.key, after.id)),
    );
  return q.orderBy('contacts.sort_key').orderBy('contacts.id').limit(limit).execute();
}

/** The latest raw vCard each contact came with, if any. */
export async function latestRawVcards(
  db: Kysely<Database>,
  ownerId: string,
  ids: string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('contact_sources')
    .select(['contact_id', 'raw'])
    .where('owner_id', '=', ownerId)
    .where('kind', '=', 'vcard')
    .where('raw', 'is not', null)
    .where('contact_id', 'in', ids)
    .orderBy('recorded_at')
    .execute();
  for (const r of rows) if (r.raw) out.set(r.contact_id, r.raw);
  return out;
}

/** Photos (with bytes) of many contacts. */
export async function photosOf(db: Kysely<Database>, ownerId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('contact_photos')
    .select(['contact_id', 'mime', 'data', 'url'])
    .where('owner_id', '=', ownerId)
    .where('contact_id', 'in', ids)
    .execute();
}
