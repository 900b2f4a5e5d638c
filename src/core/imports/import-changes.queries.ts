import type { Kysely } from 'kysely';
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
