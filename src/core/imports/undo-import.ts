import { lockAccount } from '../accounts/account.queries';
import { lockContacts } from '../contacts/contact.queries';
import { type ContactSnapshot, captureContacts, restoreContactSnapshot } from '../contacts/contact-snapshot';
import { reindexContacts } from '../contacts/reindex-contacts';
import { revertContactChanges } from '../contacts/revert-contact-changes';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { chunkIds } from '../db/chunk';
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
 * Undoes a whole import: contacts it created are removed, contacts it changed lose what it changed (with the
 * history and positions it added) and keep whatever the owner changed since (ADR 7), organisations and tags it created go if nothing else uses them. A contact it created
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
    // Each contact it updated, as before its first update and after its last. A contact this import created and
    // then changed again (a connection also in an address book) goes whole with the others it created.
    const updated = new Map<string, { before: ContactSnapshot; after: ContactSnapshot | null }>();
    for (const c of changes) {
      if (c.entity !== 'contact' || c.action !== 'updated') continue;
      const before = JSON.parse(c.before as string) as ContactSnapshot;
      if (before.row.import_id === importId) continue;
      const after = c.after ? (JSON.parse(c.after) as ContactSnapshot) : null;
      const seen = updated.get(c.entity_id);
      if (seen) seen.after = after;
      else updated.set(c.entity_id, { before, after });
    }

    const touched = await contactsOfImportInteractions(tx.db, ownerId, importId);
    await revertOutreachOfImport(tx, ownerId, importId, created('outreach'));
    const inUse = await contactsOfImportInUse(tx.db, ownerId, importId);
    await deleteImportTraces(tx.db, ownerId, importId);
    await trashContactsOutOfImport(tx.db, ownerId, inUse, nowIso(tx));
    const removed = await deleteContactsOfImport(tx.db, ownerId, importId);
    const at = nowIso(tx);
    // An edit saved meanwhile (it locks its contact) lands before the contacts are read, never lost in between.
    for (const batch of chunkIds([...updated.keys()].sort())) await lockContacts(tx.db, ownerId, batch);
    const current = await captureContacts(tx, ownerId, [...updated.keys()]);
    for (const { before, after } of updated.values()) {
      const now = current.get(before.row.id);
      if (!now) continue; // purged from the trash since: nothing to put back
      // Imports recorded before `after` was kept put the contact back as it was.
      await restoreContactSnapshot(
        tx,
        ownerId,
        after ? revertContactChanges(before, withoutTraces(after, importId), now, at) : before,
      );
    }
    const profile = changes.find((c) => c.entity === 'profile');
    if (profile?.action === 'created') await deleteAccountProfile(tx.db, ownerId);
    // As the owner's: a backup restored into another account carries the account the profile was taken in.
    if (profile?.action === 'updated')
      await saveAccountProfile(tx.db, { ...JSON.parse(profile.before as string), account_id: ownerId });
    await deleteUnusedOrganisations(tx.db, ownerId, created('organisation'));
    await deleteUnusedTags(tx.db, ownerId, created('tag'));
    await reindexContacts(tx, ownerId, [...updated.keys()]);
    await refreshRelationships(tx, ownerId, [...touched, ...updated.keys()]);
    if ((await setImportUndone(tx.db, ownerId, importId, nowIso(tx))) !== 1) {
      throw new AppError('conflict', 'this import has already been undone');
    }
    tx.log.info({ importId }, 'import undone');
    return { removed, restored: updated.size, trashed: inUse.length };
  });
}

/** The contact as the import left it, without the history and source rows of the import, which are gone by now. */
function withoutTraces(after: ContactSnapshot, importId: string): ContactSnapshot {
  return {
    ...after,
    history: after.history.filter((h) => h.import_id !== importId),
    sources: after.sources.filter((x) => x.import_id !== importId),
  };
}
