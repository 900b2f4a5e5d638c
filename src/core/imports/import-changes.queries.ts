import type { Kysely } from 'kysely';
import { chunkIds } from '../db/chunk';
import type { Database } from '../db/schema';
import { contactUpdatesByImports, inChangeOrder } from './import.queries';

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
      ...(await contactUpdatesByImports(db, ownerId, batch)
        .select(['ch.id', 'c.id as contact_id', 'ch.before'])
        .where('ch.import_id', '<>', importId)
        .execute()),
    );
  }
  return inChangeOrder(out);
}
