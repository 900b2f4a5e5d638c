import { lockAccount } from '../accounts/account.queries';
import { lockContacts } from '../contacts/contact.queries';
import { type ContactSnapshot, captureContacts, restoreContactSnapshots } from '../contacts/contact-snapshot';
import { reindexContacts } from '../contacts/reindex-contacts';
import { revertContactChanges } from '../contacts/revert-contact-changes';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { chunkIds } from '../db/chunk';
import type { ContactTable } from '../db/schema';
import { AppError, notFound } from '../errors';
import { deleteUnusedOrganisations } from '../organisations/organisation.queries';
import { revertOutreachOfImport } from '../outreach/revert-outreach-of-import';
import { refreshRelationships } from '../relationships/refresh-relationships';
import { deleteUnusedTags } from '../tags/tag.queries';
import {
  changesOfImport,
  contactsMergedAway,
  contactsOfImportInteractions,
  contactsOfImportInUse,
  contactsWithSources,
  deleteAccountProfile,
  deleteContacts,
  deleteContactsOfImport,
  deleteImportTraces,
  findImport,
  saveAccountProfile,
  setImportUndone,
  trashContacts,
  trashContactsOutOfImport,
  trashedContactsSourcedBy,
  updatesOfContactsByImports,
} from './import.queries';
import { otherImportsUpdatesOfContacts, setImportChangeBefore } from './import-changes.queries';
import { SCALARS } from './plan-people';

/**
 * Undoes a whole import: contacts it created are removed, contacts it changed lose what it changed (with the
 * history and positions it added) and keep whatever the owner changed since (ADR 7), organisations and tags it created go if nothing else uses them. A contact it created
 * that the owner has since worked with (edited, or named by a favour, promise, purpose place, outreach message,
 * introduction, connection or interaction of their own) goes to the trash instead, with that work, where it can be
 * restored; one only later imports wrote to goes there too, and for good once they are undone (below). Undoing
 * twice is a `conflict`, and so is undoing while one of its contacts is merged into another one
 * (undo that merge first); another account's import is `not_found`.
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

    // Refused rather than followed: what the import brought now sits in the survivor's merge snapshots too (the
    // merged contact as captured, the survivor before and after), and taking it back from the survivor alone left
    // a later merge undo to put it back, or to fail on a contact deleted under it. Undo the merge, then the import.
    const mergedAway = await contactsMergedAway(tx.db, ownerId, importId, [...updated.keys()]);
    const first = mergedAway[0];
    if (first) {
      const more = mergedAway.length > 1 ? ` (and ${mergedAway.length - 1} more)` : '';
      const merge = first.merge_id ? ` (merge ${first.merge_id})` : '';
      throw new AppError(
        'conflict',
        `${first.name} has since been merged into ${first.kept_name}${more}; undo that merge first${merge}, then this import`,
      );
    }

    // One time for the whole undo: a contact it trashes is told apart later by `deleted_at` = `undone_at`.
    const at = nowIso(tx);
    const touched = await contactsOfImportInteractions(tx.db, ownerId, importId);
    await revertOutreachOfImport(tx, ownerId, importId, created('outreach'));
    const inUse = await contactsOfImportInUse(tx.db, ownerId, importId);
    // An edit saved meanwhile (it locks its contact) lands before the contacts are read, never lost in between:
    // neither one of a contact it changed, nor one that would tell a contact it created kept for another import's
    // sake from one the owner worked with. Once, in id order, as every other writer locks.
    const toLock = [...new Set([...inUse, ...updated.keys()])].sort();
    for (const batch of chunkIds(toLock)) await lockContacts(tx.db, ownerId, batch);
    const kept = await keptOnlyForOtherImports(tx, ownerId, importId, inUse);
    const heldInTrash = await trashedContactsSourcedBy(tx.db, ownerId, importId);
    await deleteImportTraces(tx.db, ownerId, importId);
    await trashContactsOutOfImport(
      tx.db,
      ownerId,
      inUse.filter((id) => !kept.has(id)),
      at,
    );
    await trashContacts(tx.db, ownerId, [...kept], at);
    let removed = await deleteContactsOfImport(tx.db, ownerId, importId, kept);
    await rebaseLaterImports(tx, ownerId, importId, changes, updated);
    const current = await captureContacts(tx, ownerId, [...updated.keys()]);
    const restore: ContactSnapshot[] = [];
    for (const { before, after } of updated.values()) {
      const now = current.get(before.row.id);
      if (!now) continue; // purged from the trash since: nothing to put back
      // Imports recorded before `after` was kept put the contact back as it was.
      const reverted = after ? revertContactChanges(before, withoutTraces(after, importId), now, at) : before;
      restore.push(keepWhatOthersSay(reverted, now, at));
    }
    // All at once: a statement per table, not per contact and table (30,000 updated contacts were 300,000); only
    // what differs from now (a later export that changed a date leaves the channels, tags and words as they are).
    await restoreContactSnapshots(tx, ownerId, restore, current);
    const gone = await removeWhatNoImportKeeps(tx, ownerId, heldInTrash);
    removed += gone.size;
    const changed = [...updated.keys()].filter((id) => !gone.has(id));
    const profile = changes.find((c) => c.entity === 'profile');
    if (profile?.action === 'created') await deleteAccountProfile(tx.db, ownerId);
    // As the owner's: a backup restored into another account carries the account the profile was taken in.
    if (profile?.action === 'updated')
      await saveAccountProfile(tx.db, { ...JSON.parse(profile.before as string), account_id: ownerId });
    await deleteUnusedOrganisations(tx.db, ownerId, created('organisation'));
    await deleteUnusedTags(tx.db, ownerId, created('tag'));
    await reindexContacts(tx, ownerId, changed);
    await refreshRelationships(
      tx,
      ownerId,
      [...touched, ...changed].filter((id) => !gone.has(id)),
    );
    if ((await setImportUndone(tx.db, ownerId, importId, at)) !== 1) {
      throw new AppError('conflict', 'this import has already been undone');
    }
    tx.log.info({ importId }, 'import undone');
    return { removed, restored: changed.length, trashed: inUse.length };
  });
}

/*
 * Undoing imports oldest first. A contact import A created that only later imports worked with since (no edit of
 * the owner's, nothing of theirs names it) goes to the trash when A is undone, as the later imports' work is in it,
 * but stays A's: `import_id` still names A, and `deleted_at` is A's `undone_at`. When the last import that left a
 * source record on it is undone too, it goes for good, as if those imports had been undone newest first, so that
 * the owner who "undid everything to start over" finds no trash blocking the next import. A contact the owner
 * edited, named or restored is never a candidate: it leaves A (trashContactsOutOfImport) or the trash, as before.
 */

/**
 * Of the contacts this import created that something has put something on since (`inUse`), those only other,
 * still committed imports have written to: nothing names them (favours, introductions, interactions of the
 * owner's…) and their time of last change runs unbroken from their creation through the updates of those imports
 * (each found the contact as the one before left it, and the last left it as it is now). An owner's edit anywhere
 * in between breaks the chain, and so does an update recorded before `after` was kept.
 */
async function keptOnlyForOtherImports(
  tx: Ctx,
  ownerId: string,
  importId: string,
  inUse: string[],
): Promise<Set<string>> {
  const named = new Set(await contactsOfImportInUse(tx.db, ownerId, importId, { edits: false }));
  const chains = new Map<string, { created: string; updated: string; last: string | null }>();
  for (const u of await updatesOfContactsByImports(
    tx.db,
    ownerId,
    inUse.filter((id) => !named.has(id)),
  )) {
    const chain = chains.get(u.contact_id) ?? {
      created: u.created_at,
      updated: u.updated_at,
      last: u.created_at,
    };
    const before = u.before ? (JSON.parse(u.before) as ContactSnapshot).row.updated_at : null;
    chain.last =
      chain.last !== null && before === chain.last && u.after
        ? (JSON.parse(u.after) as ContactSnapshot).row.updated_at
        : null;
    chains.set(u.contact_id, chain);
  }
  const kept = new Set<string>();
  for (const [id, c] of chains) if (c.last === c.updated && c.last !== c.created) kept.add(id);
  return kept;
}

/**
 * After taking back what this import changed: the contacts it left a source record on that an import undone before
 * it left in the trash for the later imports' sake (see above), and still there since that undo, go for good once
 * no other import's source record, nor anything of the owner's, holds them any more. Returns their ids.
 */
async function removeWhatNoImportKeeps(
  tx: Ctx,
  ownerId: string,
  trashed: { id: string; importId: string; deletedAt: string }[],
): Promise<Set<string>> {
  const candidates: string[] = [];
  for (const creator of new Set(trashed.map((c) => c.importId))) {
    const undone = await findImport(tx.db, ownerId, creator);
    if (undone?.status !== 'undone') continue;
    const named = new Set(
      await contactsOfImportInUse(tx.db, ownerId, creator, { edits: false, trashed: true }),
    );
    for (const c of trashed) {
      if (c.importId === creator && c.deletedAt === undone.undone_at && !named.has(c.id))
        candidates.push(c.id);
    }
  }
  const held = await contactsWithSources(tx.db, ownerId, candidates);
  const gone = candidates.filter((id) => !held.has(id));
  await deleteContacts(tx.db, ownerId, gone);
  return new Set(gone);
}

/**
 * Later imports that updated a contact this one changed recorded it as this one left it: once this one is undone,
 * their "before" is what was there before this one, or undoing them too would put back what this one brought (an
 * older export's title, suffix or date connected, with no import left to say so).
 */
async function rebaseLaterImports(
  tx: Ctx,
  ownerId: string,
  importId: string,
  mine: { id: string; entity_id: string }[],
  updated: Map<string, { before: ContactSnapshot; after: ContactSnapshot | null }>,
): Promise<void> {
  const lastOf = new Map(mine.map((c) => [c.entity_id, c.id])); // ids are UUIDv7, in the order made
  const others = await otherImportsUpdatesOfContacts(tx.db, ownerId, importId, [...updated.keys()]);
  for (const later of others) {
    const own = updated.get(later.contact_id);
    const last = lastOf.get(later.contact_id);
    if (!own?.after || !later.before || last === undefined || later.id <= last) continue;
    const theirs = JSON.parse(later.before) as ContactSnapshot;
    const row = theirs.row as unknown as Record<string, unknown>;
    let moved = false;
    for (const key of Object.keys(own.after.row) as (keyof ContactTable)[]) {
      const was = own.before.row[key];
      if (key === 'updated_at' || was === own.after.row[key] || row[key] !== own.after.row[key]) continue;
      row[key] = was;
      moved = true;
    }
    if (moved) await setImportChangeBefore(tx.db, ownerId, later.id, JSON.stringify(theirs));
  }
}

// A contact's own fields as a source's snapshot (an ImportedPerson) names them: the import's scalars, but for the
// organisation (a row of its own), and the shown name.
const SNAPSHOT_FIELDS = [
  ['displayName', 'display_name'],
  ...SCALARS.filter(
    (f): f is Exclude<typeof f, readonly [string, 'organisation_name']> => f[1] !== 'organisation_name',
  ),
] as const;

/**
 * `reverted`, but a value this import brought stays where another import still committed says the same (its source
 * record): an older LinkedIn export undone after a newer one with the same people must not take away the date
 * connected or a suffix the newer one holds too — its re-import would call them unchanged and never bring them back.
 */
function keepWhatOthersSay(reverted: ContactSnapshot, now: ContactSnapshot, at: string): ContactSnapshot {
  const said = now.sources.map((x) => JSON.parse(x.snapshot) as Record<string, unknown>);
  let row: ContactTable | undefined;
  for (const [field, column] of SNAPSHOT_FIELDS) {
    const is = now.row[column];
    if (is === null || is === reverted.row[column] || !said.some((x) => x[field] === is)) continue;
    row ??= { ...reverted.row, updated_at: at };
    (row as unknown as Record<string, unknown>)[column] = is;
  }
  return row ? { ...reverted, row } : reverted;
}

/** The contact as the import left it, without the history and source rows of the import, which are gone by now. */
function withoutTraces(after: ContactSnapshot, importId: string): ContactSnapshot {
  return {
    ...after,
    history: after.history.filter((h) => h.import_id !== importId),
    sources: after.sources.filter((x) => x.import_id !== importId),
  };
}
