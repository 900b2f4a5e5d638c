import type { Kysely } from 'kysely';
import { chunkIds } from '../db/chunk';
import type { Database } from '../db/schema';

/** Rewrites what an import recorded a contact as before its update (undoing an older import rebases it). */
export async function setImportChangeBefore(
  db: Kysely<Database>,
  ownerId: string,
  changeId: string,
  before: string,
): Promise<void> {
  await db
    .updateTable('import_changes')
    .set({ before })
    .where('owner_id', '=', ownerId)
    .where('id', '=', changeId)
    .execute();
}

/**
 * `updatesOfContactsByImports` of other imports than this one (still committed), without what they left: the
 * changes an undo rebases. This import's own, one per contact it updated, are most of them and never rebased.
 */
export async function otherImportsUpdatesOfContacts(
  db: Kysely<Database>,
  ownerId: string,
  importId: string,
  ids: string[],
): Promise<{ id: string; contact_id: string; before: string | null }[]> {
  const out: { id: string; contact_id: string; before: string | null }[] = [];
  for (const batch of chunkIds(ids)) {
    out.push(
      ...(await db
        .selectFrom('import_changes as ch')
        .innerJoin('imports as i', 'i.id', 'ch.import_id')
        .innerJoin('contacts as c', 'c.id', 'ch.entity_id')
        .select(['ch.id', 'c.id as contact_id', 'ch.before'])
        .where('i.owner_id', '=', ownerId)
        .where('ch.owner_id', '=', ownerId)
        .where('c.owner_id', '=', ownerId)
        .where('ch.entity', '=', 'contact')
        .where('ch.action', '=', 'updated')
        .where('i.status', '=', 'committed')
        .where('ch.import_id', '<>', importId)
        .where('ch.entity_id', 'in', batch)
        .execute()),
    );
  }
  // Change ids are UUIDv7: in the order they were made, across imports too.
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
