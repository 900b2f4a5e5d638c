import { lockAccount } from '../accounts/account.queries';
import { type ContactSnapshot, restoreContactSnapshot } from '../contacts/contact-snapshot';
import { reindexContacts } from '../contacts/reindex-contacts';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { AppError, notFound } from '../errors';
import { deleteUnusedOrganisations } from '../organisations/organisation.queries';
import { revertOutreachOfImport } from '../outreach/revert-outreach-of-import';
import { refreshRelationships } from '../relationships/refresh-relationships';
import { deleteUnusedTags } from '../tags/tag.queries';
import {
  changesOfImport,
  contactsOfImportInteractions,
  contactsOfImportInUse,
  deleteAccountProfile,
  deleteContactsOfImport,
  deleteImportTraces,
  findImport,
  saveAccountProfile,
  setImportUndone,
  trashContactsOutOfImport,
} from './import.queries';

/**
 * Undoes a whole import: contacts it created are removed, contacts it changed get their prior state back (with
 * their history and positions), organisations and tags it created go if nothing else uses them. A contact it created
 * that the owner has since worked with (edited, or named by a favour, promise, purpose place, outreach message,
 * introduction, connection or interaction of their own) goes to the trash instead, with that work, where it can be
 * restored. Undoing twice is a `conflict`; another account's import is `not_found`.
 */
export async function undoImport(
  ctx: Ctx,
  importId: string,
): Promise<{ removed: number; restored: number; trashed: number }> {
  const ownerId = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    // After any import or undo under way (see runImport): undoing twice at once is one undo and a conflict.
    await lockAccount(tx.db, ownerId);
    const row = await findImport(tx.db, ownerId, importId);
    if (!row) throw notFound('import');
    if (row.status === 'undone') throw new AppError('conflict', 'this import has already been undone');
    const changes = await changesOfImport(tx.db, ownerId, importId);
    const created = (entity: string) =>
      changes.filter((c) => c.entity === entity && c.action === 'created').map((c) => c.entity_id);
    // A contact this import created and then changed again (a connection also in an address book) goes whole
    // with the others it created: there is nothing to put back.
    const updated = changes
      .filter((c) => c.entity === 'contact' && c.action === 'updated')
      .map((c) => JSON.parse(c.before as string) as ContactSnapshot)
      .filter((snapshot) => snapshot.row.import_id !== importId);

    const touched = await contactsOfImportInteractions(tx.db, ownerId, importId);
    await revertOutreachOfImport(tx, ownerId, importId, created('outreach'));
    const inUse = await contactsOfImportInUse(tx.db, ownerId, importId);
    await deleteImportTraces(tx.db, ownerId, importId);
    await trashContactsOutOfImport(tx.db, ownerId, inUse, nowIso(tx));
    const removed = await deleteContactsOfImport(tx.db, ownerId, importId);
    for (const snapshot of [...updated].reverse()) await restoreContactSnapshot(tx, snapshot);
    const profile = changes.find((c) => c.entity === 'profile');
    if (profile?.action === 'created') await deleteAccountProfile(tx.db, ownerId);
    if (profile?.action === 'updated') await saveAccountProfile(tx.db, JSON.parse(profile.before as string));
    await deleteUnusedOrganisations(tx.db, ownerId, created('organisation'));
    await deleteUnusedTags(tx.db, ownerId, created('tag'));
    await reindexContacts(
      tx,
      ownerId,
      updated.map((u) => u.row.id),
    );
    await refreshRelationships(tx, ownerId, [...touched, ...updated.map((u) => u.row.id)]);
    if ((await setImportUndone(tx.db, ownerId, importId, nowIso(tx))) !== 1) {
      throw new AppError('conflict', 'this import has already been undone');
    }
    tx.log.info({ importId }, 'import undone');
    return { removed, restored: updated.length, trashed: inUse.length };
  });
}
