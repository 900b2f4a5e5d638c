import type { ContactTable } from '../db/schema';
import { channelIdentity } from './channels';
import { parseJsonArray, parseJsonRecord } from './contact';
import type { ContactSnapshot } from './contact-snapshot';

// Kept as they are now: identity, and the search columns that reindexing works out again from the rest.
const KEPT_AS_NOW = new Set<keyof ContactTable>([
  'id',
  'owner_id',
  'created_at',
  'updated_at',
  'sort_key',
  'search_name',
  'search_text',
]);

/**
 * Takes back one change to a contact (a merge into it, an import's update) and keeps every edit made since.
 * `before` and `after` are the contact around that change, `now` as it is today; untouched since, the result is
 * `before` exactly. Otherwise, per field: a value still as the change left it goes back to what it was, a value
 * edited since stays. Lists (channels by matching key, tags, past positions, sources, history lines, interaction
 * links) lose what the change brought, get back what it took away, return to the old version of what it altered
 * when that is untouched since, and keep whatever was added since. A photo it brought or replaced goes back unless
 * replaced again since.
 */
export function revertContactChanges(
  before: ContactSnapshot,
  after: ContactSnapshot,
  now: ContactSnapshot,
  at: string,
): ContactSnapshot {
  if (JSON.stringify(now) === JSON.stringify(after)) return before;
  const row: ContactTable = { ...now.row, updated_at: at };
  const writable = row as unknown as Record<string, unknown>;
  for (const key of Object.keys(after.row) as (keyof ContactTable)[]) {
    if (KEPT_AS_NOW.has(key)) continue;
    const was = before.row[key];
    const changed = after.row[key];
    const is = now.row[key];
    if (changed === was || is === was) continue; // the change left it alone, or it is back as it was
    writable[key] = is === changed ? was : editedSince(key, was, changed, is);
  }
  const list = <T>(pick: (s: ContactSnapshot) => T[], key: (x: T) => string) =>
    revertList(pick(before), pick(after), pick(now), key);
  const reverted: ContactSnapshot = {
    row,
    channels: list((s) => s.channels, channelIdentity),
    tags: list(
      (s) => s.tags,
      (t) => t.tag_id,
    ),
    photo: now.photo?.sha256 === after.photo?.sha256 ? before.photo : now.photo,
    positions: list(
      (s) => s.positions,
      (p) => p.id,
    ),
    sources: list(
      (s) => s.sources,
      (x) => x.id,
    ),
    history: list(
      (s) => s.history,
      (h) => h.id,
    ),
    interactions: list(
      (s) => s.interactions ?? [],
      (l) => l.interaction_id,
    ),
  };
  // Nothing changed since survives (only columns worked out again, like the search ones, differed): exactly `before`,
  // its time of last change included.
  return JSON.stringify(comparable(reverted)) === JSON.stringify(comparable(before)) ? before : reverted;
}

/** A snapshot without the columns that are not the owner's doing (identity, times, search columns). */
function comparable(s: ContactSnapshot) {
  return {
    ...s,
    row: Object.fromEntries(Object.entries(s.row).filter(([k]) => !KEPT_AS_NOW.has(k as keyof ContactTable))),
  };
}

/** One list, three ways (see above); `now`'s order first, then what comes back. */
function revertList<T>(before: T[], after: T[], now: T[], key: (x: T) => string): T[] {
  const had = new Map(before.map((x) => [key(x), x]));
  const left = new Map(after.map((x) => [key(x), x]));
  const out: T[] = [];
  const seen = new Set<string>();
  for (const x of now) {
    const k = key(x);
    seen.add(k);
    const was = had.get(k);
    const changed = left.get(k);
    if (changed === undefined)
      out.push(x); // added since
    else if (was === undefined)
      continue; // brought by the change
    else out.push(JSON.stringify(x) === JSON.stringify(changed) ? was : x);
  }
  // Taken away by the change and not put back since.
  for (const [k, x] of had) if (!left.has(k) && !seen.has(k)) out.push(x);
  return out;
}

/** A field the change set and the owner changed again: take out the change's part where it can be told apart. */
function editedSince(key: keyof ContactTable, was: unknown, changed: unknown, is: unknown): unknown {
  if (typeof is !== 'string' || typeof changed !== 'string') return is;
  switch (key) {
    case 'notes': {
      // A merge appends the other contact's notes; if that paragraph is still there verbatim, it goes.
      const before = typeof was === 'string' ? was : '';
      const appended = before && changed.startsWith(before) ? changed.slice(before.length) : '';
      return appended && is.includes(appended) ? is.replace(appended, '') : is;
    }
    case 'custom_fields': {
      const before = parseJsonRecord(typeof was === 'string' ? was : '{}');
      const set = parseJsonRecord(changed);
      const current = parseJsonRecord(is);
      for (const [k, v] of Object.entries(set)) {
        if (before[k] === v || current[k] !== v) continue;
        if (k in before) current[k] = before[k] as string;
        else delete current[k];
      }
      return JSON.stringify(current);
    }
    case 'addresses':
    case 'dates': {
      const had = parseJsonArray<unknown>(typeof was === 'string' ? was : '[]').map((x) => JSON.stringify(x));
      const left = new Set(parseJsonArray<unknown>(changed).map((x) => JSON.stringify(x)));
      const brought = new Set([...left].filter((x) => !had.includes(x)));
      const current = parseJsonArray<unknown>(is).map((x) => JSON.stringify(x));
      const kept = current.filter((x) => !brought.has(x));
      // What the change replaced (an address whose blanks it filled) comes back with what replaced it; one the
      // owner has since removed stays removed.
      if (kept.length < current.length)
        for (const x of had) if (!left.has(x) && !kept.includes(x)) kept.push(x);
      return `[${kept.join(',')}]`;
    }
    default:
      return is;
  }
}
