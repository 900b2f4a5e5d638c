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
import {
  deleteChildRows,
  deleteContactChildren,
  loadContactsRows,
  updateContactRows,
} from './contact-snapshot.queries';

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
 * `restoreContactSnapshot` for many contacts at once (undoing a 30,000-contact import): their rows and child rows
 * deleted, rewritten and put back a table at a time, not a contact at a time. Inside the caller's transaction.
 * With `current` (the same contacts as captured now, in this transaction, none written since), only what differs
 * is written: a column, a child table of a contact, a full-text row; the state left is the same.
 */
export async function restoreContactSnapshots(
  ctx: Ctx,
  ownerId: string,
  snapshots: ContactSnapshot[],
  current?: Map<string, ContactSnapshot>,
): Promise<void> {
  if (snapshots.length === 0) return;
  // As the owner's (see above): a snapshot restored from a backup names the account it was taken in.
  const own = <T extends { owner_id: string }>(rows: T[]) => rows.map((r) => ({ ...r, owner_id: ownerId }));
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  // Each child table: the snapshots whose rows of it differ from the contact's now (all of them without `current`).
  const differing = <T extends { owner_id: string }>(rowsOf: (s: ContactSnapshot) => T[]) =>
    snapshots.filter((s) => {
      const now = current?.get(s.row.id);
      return !now || !same(own(rowsOf(s)), rowsOf(now));
    });
  const photoRows = (s: ContactSnapshot) => (s.photo ? [s.photo] : []);
  const tables = [
    ['contact_channels', differing((s) => s.channels)],
    ['contact_tags', differing((s) => s.tags)],
    ['contact_photos', differing(photoRows)],
    ['contact_positions', differing((s) => s.positions)],
    ['contact_sources', differing((s) => s.sources)],
    ['contact_history', differing((s) => s.history)],
    ['interaction_contacts', differing((s) => s.interactions ?? [])],
  ] as const;
  for (const [table, changed] of tables) {
    await deleteChildRows(
      ctx.db,
      ownerId,
      table,
      changed.map((s) => s.row.id),
    );
  }

  // Each row: its columns that differ from now (a snapshot kept before a column was added lacks it, left as is).
  const rows = snapshots.flatMap(({ row: { owner_id: _owner, created_at: _created, ...columns } }) => {
    const now = current?.get(columns.id)?.row as Record<string, unknown> | undefined;
    if (!now) return [columns];
    const patch: Record<string, unknown> = { id: columns.id };
    for (const [key, value] of Object.entries(columns)) if (!same(value, now[key])) patch[key] = value;
    return Object.keys(patch).length > 1 ? [patch as typeof columns] : [];
  });
  // Their full-text rows rewritten in two statements, not by the update trigger one contact at a time; only those
  // whose search columns change.
  const searched = rows.filter((r) => 'search_name' in r || 'search_text' in r).map((r) => r.id);
  const plain = rows.filter((r) => !('search_name' in r || 'search_text' in r));
  await updateContactRows(ctx.db, ownerId, plain);
  if (searched.length > 0) {
    const ids = new Set(searched);
    await withDeferredSearchReindex(ctx.db, searched, () =>
      updateContactRows(
        ctx.db,
        ownerId,
        rows.filter((r) => ids.has(r.id)),
      ),
    );
  }

  // By the columns they carry: a snapshot kept before a column was added lacks it, and one multi-row insert takes
  // the columns of its first row.
  const put = async <T extends { owner_id: string }>(rows: T[], insert: (rows: T[]) => Promise<void>) => {
    const byColumns = new Map<string, T[]>();
    for (const r of own(rows)) {
      const key = Object.keys(r).sort().join(',');
      const group = byColumns.get(key);
      if (group) group.push(r);
      else byColumns.set(key, [r]);
    }
    for (const group of byColumns.values()) await insert(group);
  };
  const [channels, tags, photos, positions, sources, history, interactions] = tables.map(
    ([, changed]) => changed,
  );
  await put(
    (channels ?? []).flatMap((s) => s.channels),
    (rows) => insertChannels(ctx.db, rows),
  );
  await put(
    (tags ?? []).flatMap((s) => s.tags),
    (rows) => insertContactTags(ctx.db, rows),
  );
  await put(
    (photos ?? []).flatMap((s) =>
      s.photo ? [{ ...s.photo, data: s.photo.data ? Buffer.from(s.photo.data, 'base64') : null }] : [],
    ),
    (rows) => insertPhotos(ctx.db, rows),
  );
  await put(
    (positions ?? []).flatMap((s) => s.positions),
    (rows) => insertPositions(ctx.db, rows),
  );
  await put(
    (sources ?? []).flatMap((s) => s.sources),
    (rows) => insertSources(ctx.db, rows),
  );
  await put(
    (history ?? []).flatMap((s) => s.history),
    (rows) => insertHistory(ctx.db, rows),
  );
  await put(
    (interactions ?? []).flatMap((s) => s.interactions ?? []),
    (rows) => insertInteractionLinks(ctx.db, rows),
  );
}
