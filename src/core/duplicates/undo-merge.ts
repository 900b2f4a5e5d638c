import type { Contact } from '../../contracts/contacts';
import { findContact, findContacts, lockContacts } from '../contacts/contact.queries';
import { type ContactSnapshot, captureContact, restoreContactSnapshot } from '../contacts/contact-snapshot';
import { presentContact } from '../contacts/present-contact';
import { reindexContacts } from '../contacts/reindex-contacts';
import { revertContactChanges } from '../contacts/revert-contact-changes';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { AppError, notFound } from '../errors';
import { refreshRelationships } from '../relationships/refresh-relationships';
import {
  contactChangesOfImports,
  findMerge,
  moveContactRecordsBack,
  setMergeUndone,
} from './duplicates.queries';
import {
  type MergeSnapshot,
  restoreFoldedItems,
  restoreRelationshipSettings,
  withReferencesNow,
} from './merge-snapshot';

/**
 * Splits a merge: the merged contact comes back whole, and the kept one loses what the merge brought while keeping
 * every change made to it since (unchanged since, both are exactly as before the merge), its purpose places
 * included (`restoreFoldedItems`). What imports wrote onto the kept contact since about the merged person goes too
 * (`withoutImportsOfMerged`). Undoing twice is a `conflict`, and so is undoing while the kept contact is in the
 * trash or merged into another one.
 */
export async function undoMerge(ctx: Ctx, mergeId: string): Promise<{ kept: Contact; restored: Contact }> {
  const ownerId = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const merge = await findMerge(tx.db, ownerId, mergeId);
    if (!merge) throw notFound('merge');
    const at = nowIso(tx);
    // Claimed first: of two undos at once, the second finds it undone.
    if (merge.undone_at || (await setMergeUndone(tx.db, ownerId, mergeId, at)) !== 1)
      throw new AppError('conflict', 'this merge has already been undone');
    await lockContacts(tx.db, ownerId, [merge.kept_id, merge.merged_id]);
    const snapshot = JSON.parse(merge.snapshot) as MergeSnapshot;
    const { moved, settings } = snapshot;
    const current = await captureContact(tx, ownerId, snapshot.kept.row.id);
    // Splitting a contact that is no longer in the rolodex would bring it back behind the owner's back.
    if (current.row.merged_into)
      throw new AppError(
        'conflict',
        `${current.row.display_name} has since been merged into another contact; undo that merge first`,
      );
    if (current.row.deleted_at)
      throw new AppError('conflict', `${current.row.display_name} is in the trash; restore it first`);
    // Removed for good since (undoing the import that made it, before such undos were refused): nothing to split.
    if ((await findContacts(tx.db, ownerId, [merge.merged_id])).length === 0)
      throw new AppError(
        'conflict',
        `${snapshot.merged.row.display_name} no longer exists; this merge cannot be undone`,
      );
    // Tags, organisations and interactions may have been merged, purged or undone since the merge.
    const [kept, merged, after] = await withReferencesNow(
      tx,
      ownerId,
      [snapshot.kept, snapshot.merged, snapshot.after],
      snapshot.tagNames,
    );
    if (!kept || !merged) throw notFound('contact');
    // Merges recorded before `after` was kept go back to the kept contact as it was at merge time.
    const keptNow = after
      ? revertContactChanges(
          kept,
          after,
          await withoutImportsOfMerged(tx, ownerId, merged, after, current, at, snapshot.tagNames),
          at,
        )
      : kept;
    await restoreContactSnapshot(tx, ownerId, keptNow);
    await restoreContactSnapshot(tx, ownerId, merged);
    if (moved) await moveContactRecordsBack(tx.db, ownerId, merged.row.id, moved);
    // Merges before places were folded have none: the kept contact's places were left as they were.
    if (snapshot.folded) await restoreFoldedItems(tx, ownerId, snapshot.folded, at);
    if (settings) await restoreRelationshipSettings(tx, ownerId, kept.row.id, settings);
    await reindexContacts(tx, ownerId, [kept.row.id, merged.row.id]);
    await refreshRelationships(tx, ownerId, [kept.row.id, merged.row.id]);
    const [a, b] = await Promise.all([
      findContact(tx.db, ownerId, kept.row.id),
      findContact(tx.db, ownerId, merged.row.id),
    ]);
    if (!a || !b) throw notFound('contact');
    return { kept: await presentContact(tx, a), restored: await presentContact(tx, b) };
  });
}

/**
 * The kept contact without what imports wrote onto it since the merge because of the merged person: their source
 * records under one of the merged person's source keys (the merge had moved that person's records over, so the
 * import matched the kept contact). Those records go, and so does what each such import changed (three ways, like
 * an import's undo: an edit made since stays). The news is not copied onto the merged person: they come back with
 * their own record as of the merge, so the next import of that export finds them by it, sees what changed since
 * and updates them by the usual rules (ADR 7) — an owner's edit of theirs is not overwritten by a copy made here.
 */
async function withoutImportsOfMerged(
  ctx: Ctx,
  ownerId: string,
  merged: ContactSnapshot,
  after: ContactSnapshot,
  now: ContactSnapshot,
  at: string,
  tagNames: Record<string, string> | undefined,
): Promise<ContactSnapshot> {
  const keyOf = (s: { kind: string; source_key: string | null }) =>
    s.source_key === null ? undefined : `${s.kind}\n${s.source_key}`;
  const theirs = new Set(merged.sources.flatMap((s) => keyOf(s) ?? []));
  const atMerge = new Set(after.sources.map((s) => s.id));
  const isTheirs = (s: ContactSnapshot['sources'][number]) =>
    !atMerge.has(s.id) && theirs.has(keyOf(s) ?? '');
  const imports = [...new Set(now.sources.filter(isTheirs).flatMap((s) => s.import_id ?? []))];
  if (imports.length === 0) return now;
  // An import's first change of the contact holds it before, its last after (as undo-import reads them).
  const changes = new Map<string, { before: string | null; after: string | null }>();
  for (const c of await contactChangesOfImports(ctx.db, ownerId, now.row.id, imports)) {
    const seen = changes.get(c.import_id);
    if (seen) seen.after = c.after ?? null;
    else changes.set(c.import_id, { before: c.before, after: c.after ?? null });
  }
  let out = now;
  // Newest first, each on what the later ones left.
  for (const [importId, change] of [...changes].reverse()) {
    // An import that also wrote a record of someone else onto it (another kind of source) stays: its changes
    // cannot be told apart. So does one recorded before imports kept the contact after their change.
    const own = out.sources.filter((s) => s.import_id === importId);
    if (!change.before || !change.after || !own.every(isTheirs)) continue;
    const [before, afterImport] = await withReferencesNow(
      ctx,
      ownerId,
      [JSON.parse(change.before) as ContactSnapshot, JSON.parse(change.after) as ContactSnapshot],
      tagNames,
    );
    if (before && afterImport) out = revertContactChanges(before, afterImport, out, at);
  }
  // Records that changed nothing (or an import left as it is above) still go: they would lead the person here.
  return { ...out, sources: out.sources.filter((s) => !isTheirs(s)) };
}
