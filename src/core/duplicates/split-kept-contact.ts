import { channelKey } from '../contacts/channels';
import { parseJsonArray, parseJsonRecord } from '../contacts/contact';
import type { ContactSnapshot } from '../contacts/contact-snapshot';
import type { ContactChannelTable, ContactTable } from '../db/schema';

// Kept as they are now: identity, and the search columns that reindexing works out again from the rest.
const NOT_MERGED = new Set<keyof ContactTable>([
  'id',
  'owner_id',
  'created_at',
  'updated_at',
  'sort_key',
  'search_name',
  'search_text',
]);

const keyOf = (c: ContactChannelTable) => `${c.kind}:${c.value_norm ?? channelKey(c.kind, c.value)}`;

/**
 * What undoing a merge leaves of the kept contact: what the merge brought is taken away, and whatever the owner
 * changed since stays. `before` and `after` are the kept contact around the merge, `now` as it is today.
 * Untouched since the merge, it is `before` exactly. Otherwise, per field: a value still as the merge left it goes
 * back to what it was; a value edited since stays as edited. Lists lose exactly what the merge added (channels by
 * matching key, tags, interaction links, the merge's own history lines, a photo it brought) and keep the rest,
 * additions since included. The merged contact comes back whole from its own snapshot, so nothing is lost.
 */
export function splitKeptContact(
  before: ContactSnapshot,
  after: ContactSnapshot,
  now: ContactSnapshot,
  at: string,
): ContactSnapshot {
  if (JSON.stringify(now) === JSON.stringify(after)) return before;
  const row: ContactTable = { ...now.row, updated_at: at };
  const writable = row as unknown as Record<string, unknown>;
  for (const key of Object.keys(after.row) as (keyof ContactTable)[]) {
    if (NOT_MERGED.has(key)) continue;
    const was = before.row[key];
    const merged = after.row[key];
    const is = now.row[key];
    if (merged === was || is === was) continue; // the merge left it alone, or it is back as it was
    writable[key] = is === merged ? was : editedSince(key, was, merged, is);
  }
  const added = <T>(list: (s: ContactSnapshot) => T[], key: (x: T) => string) => {
    const had = new Set(list(before).map(key));
    return new Set(
      list(after)
        .map(key)
        .filter((k) => !had.has(k)),
    );
  };
  const without = <T>(list: (s: ContactSnapshot) => T[], key: (x: T) => string) => {
    const gone = added(list, key);
    return list(now).filter((x) => !gone.has(key(x)));
  };
  const photoAdded = !before.photo && after.photo;
  return {
    ...now,
    row,
    channels: without((s) => s.channels, keyOf),
    tags: without(
      (s) => s.tags,
      (t) => t.tag_id,
    ),
    photo: photoAdded && now.photo?.sha256 === after.photo?.sha256 ? null : now.photo,
    history: without(
      (s) => s.history,
      (h) => h.id,
    ),
    interactions: without(
      (s) => s.interactions,
      (l) => l.interaction_id,
    ),
  };
}

/** A field the merge changed and the owner changed again: take out the merge's part where it can be told apart. */
function editedSince(key: keyof ContactTable, was: unknown, merged: unknown, is: unknown): unknown {
  if (typeof is !== 'string' || typeof merged !== 'string') return is;
  switch (key) {
    case 'notes': {
      // The merge appended the other contact's notes; if that paragraph is still there verbatim, it goes.
      const appended = typeof was === 'string' && was ? merged.slice(was.length) : '';
      return appended && is.includes(appended) ? is.replace(appended, '') : is;
    }
    case 'custom_fields': {
      const before = parseJsonRecord(typeof was === 'string' ? was : '{}');
      const mergedFields = parseJsonRecord(merged);
      const current = parseJsonRecord(is);
      for (const [k, v] of Object.entries(mergedFields)) {
        if (before[k] === v || current[k] !== v) continue;
        if (k in before) current[k] = before[k] as string;
        else delete current[k];
      }
      return JSON.stringify(current);
    }
    case 'addresses':
    case 'dates': {
      const had = new Set(
        parseJsonArray<unknown>(typeof was === 'string' ? was : '[]').map((x) => JSON.stringify(x)),
      );
      const brought = new Set(
        parseJsonArray<unknown>(merged)
          .map((x) => JSON.stringify(x))
          .filter((x) => !had.has(x)),
      );
      return JSON.stringify(parseJsonArray<unknown>(is).filter((x) => !brought.has(JSON.stringify(x))));
    }
    default:
      return is;
  }
}
