import type { Ctx } from '../context';
import { chunkIds } from '../db/chunk';
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
import { deleteContactChildren, loadContactsRows } from './contact-snapshot.queries';

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
