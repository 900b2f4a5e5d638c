import type { Ctx } from '../context';
import { chunkIds } from '../db/chunk';
import { withDeferredSearchReindex } from '../db/portable';
import type {
  ContactChannelTable,
  ContactHistoryTable,
  ContactPhotoTable,
  ContactPositionTable,
  ContactSourceTable,
  ContactTable,
  ContactTagTable,
  InteractionContactTable,
} from '../db/schema';
import { notFound } from '../errors';
import {
  insertChannels,
  insertContactTags,
  insertHistory,
  insertInteractionLinks,
  insertPhotos,
  insertPositions,
  insertSources,
} from '../imports/import.queries';
import { updateContact } from './contact.queries';
import { deleteContactChildren, deleteContactsChildren, loadContactsRows } from './contact-snapshot.queries';

/** A contact and everything attached to it, as JSON-safe data (photo bytes in base64). */
export interface ContactSnapshot {
  row: ContactTable;
  channels: ContactChannelTable[];
  tags: ContactTagTable[];
  photo: (Omit<ContactPhotoTable, 'data'> & { data: string | null }) | null;
  positions: ContactPositionTable[];
  sources: ContactSourceTable[];
  history: ContactHistoryTable[];
  /** Links to the interactions this contact took part in. */
  interactions: InteractionContactTable[];
}

/** Captures a contact for a later exact restore (undoing an import or a merge). */
export async function captureContact(ctx: Ctx, ownerId: string, contactId: string): Promise<ContactSnapshot> {
  const snapshot = (await captureContacts(ctx, ownerId, [contactId])).get(contactId);
  if (!snapshot) throw notFound('contact');
  return snapshot;
}

/** Captures many contacts at once, a thousand per query; those not there are left out of the map. */
export async function captureContacts(
  ctx: Ctx,
  ownerId: string,
  contactIds: string[],
): Promise<Map<string, ContactSnapshot>> {
  const out = new Map<string, ContactSnapshot>();
  for (const batch of chunkIds([...new Set(contactIds)])) {
    for (const r of await loadContactsRows(ctx.db, ownerId, batch)) {
      // PostgreSQL's generated search_vector comes back with selectAll() but can never be written.
      const { search_vector: _generated, ...row } = r.row as ContactTable & { search_vector?: unknown };
      out.set(row.id, {
        row,
        channels: r.channels,
        tags: r.tags,
        photo: r.photo
          ? { ...r.photo, data: r.photo.data ? Buffer.from(r.photo.data).toString('base64') : null }
          : null,
        positions: r.positions,
        sources: r.sources,
        history: r.history,
        interactions: r.interactions,
      });
    }
  }
  return out;
}

/**
 * Puts a contact back exactly as captured: its row and every attached row (search columns included), as the
 * owner's. A snapshot restored from a backup names the account it was taken in, so the owner is never read from it.
 */
export async function restoreContactSnapshot(
  ctx: Ctx,
  ownerId: string,
  snapshot: ContactSnapshot,
): Promise<void> {
  const own = <T extends { owner_id: string }>(rows: T[]) => rows.map((r) => ({ ...r, owner_id: ownerId }));
  const { row } = snapshot;
  await deleteContactChildren(ctx.db, ownerId, row.id);
  const { id: _id, owner_id: _owner, created_at: _created, ...columns } = row;
  await updateContact(ctx.db, ownerId, row.id, columns);
  await insertChannels(ctx.db, own(snapshot.channels));
  await insertContactTags(ctx.db, own(snapshot.tags));
  if (snapshot.photo) {
    await insertPhotos(
      ctx.db,
      own([
        { ...snapshot.photo, data: snapshot.photo.data ? Buffer.from(snapshot.photo.data, 'base64') : null },
      ]),
    );
  }
  await insertPositions(ctx.db, own(snapshot.positions));
  await insertSources(ctx.db, own(snapshot.sources));
  await insertHistory(ctx.db, own(snapshot.history));
  await insertInteractionLinks(ctx.db, own(snapshot.interactions ?? []));
}

/**
 * `restoreContactSnapshot` for many contacts at once (undoing a 30,000-contact import): their child rows deleted
 * and put back a table at a time, not a contact at a time; only each contact's own row is one statement. Inside
 * the caller's transaction.
 */
export async function restoreContactSnapshots(
  ctx: Ctx,
  ownerId: string,
  snapshots: ContactSnapshot[],
): Promise<void> {
  if (snapshots.length === 0) return;
  await deleteContactsChildren(
    ctx.db,
    ownerId,
    snapshots.map((s) => s.row.id),
  );
  // Their full-text rows rewritten in two statements, not by the update trigger one contact at a time.
  await withDeferredSearchReindex(
    ctx.db,
    snapshots.map((s) => s.row.id),
    async () => {
      for (const { row } of snapshots) {
        const { id: _id, owner_id: _owner, created_at: _created, ...columns } = row;
        await updateContact(ctx.db, ownerId, row.id, columns);
      }
    },
  );
  // As the owner's (see above), and by the columns they carry: a snapshot kept before a column was added lacks it,
  // and one multi-row insert takes the columns of its first row.
  const put = async <T extends { owner_id: string }>(rows: T[], insert: (rows: T[]) => Promise<void>) => {
    const byColumns = new Map<string, T[]>();
    for (const r of rows) {
      const key = Object.keys(r).sort().join(',');
      const group = byColumns.get(key);
      if (group) group.push({ ...r, owner_id: ownerId });
      else byColumns.set(key, [{ ...r, owner_id: ownerId }]);
    }
    for (const group of byColumns.values()) await insert(group);
  };
  await put(
    snapshots.flatMap((s) => s.channels),
    (rows) => insertChannels(ctx.db, rows),
  );
  await put(
    snapshots.flatMap((s) => s.tags),
    (rows) => insertContactTags(ctx.db, rows),
  );
  await put(
    snapshots.flatMap((s) =>
      s.photo ? [{ ...s.photo, data: s.photo.data ? Buffer.from(s.photo.data, 'base64') : null }] : [],
    ),
    (rows) => insertPhotos(ctx.db, rows),
  );
  await put(
    snapshots.flatMap((s) => s.positions),
    (rows) => insertPositions(ctx.db, rows),
  );
  await put(
    snapshots.flatMap((s) => s.sources),
    (rows) => insertSources(ctx.db, rows),
  );
  await put(
    snapshots.flatMap((s) => s.history),
    (rows) => insertHistory(ctx.db, rows),
  );
  await put(
    snapshots.flatMap((s) => s.interactions ?? []),
    (rows) => insertInteractionLinks(ctx.db, rows),
  );
}
