/** What a merged-away row says about itself: where it went, and whether it is in the trash. */
export interface MergeState {
  id: string;
  merged_into: string | null;
  deleted_at: string | null;
}

// Merges of merges are followed this far; a longer chain is not something a person builds by hand.
const MAX_HOPS = 16;

/**
 * Where each start id leads now through `merged_into`, walked one hop at a time for all keys together (one read
 * per hop): the live row at the end of each chain. A chain ending in the trash (unless `trashed` is set, for
 * callers that bring trashed rows back with them) or nowhere leads nowhere, so its key is absent. `rowsOf` reads
 * the owner's rows by id, live or not.
 */
export async function followMerges<R extends MergeState>(
  start: Map<string, string>,
  rowsOf: (ids: string[]) => Promise<R[]>,
  { trashed = false }: { trashed?: boolean } = {},
): Promise<Map<string, R>> {
  const found = new Map<string, R>();
  const at = new Map(start);
  for (let hop = 0; hop < MAX_HOPS && at.size > 0; hop++) {
    const rows = new Map((await rowsOf([...new Set(at.values())])).map((r) => [r.id, r]));
    for (const [key, id] of at) {
      const row = rows.get(id);
      if (row?.merged_into) {
        at.set(key, row.merged_into);
        continue;
      }
      if (row && (trashed || row.deleted_at === null)) found.set(key, row);
      at.delete(key);
    }
  }
  return found;
}

/** Where one merged-away row lives now: the live row's id at the end of its chain, unless that is itself. */
export async function survivorOf<R extends MergeState>(
  id: string,
  rowsOf: (ids: string[]) => Promise<R[]>,
): Promise<string | undefined> {
  const end = (await followMerges(new Map([[id, id]]), rowsOf)).get(id);
  return end && end.id !== id ? end.id : undefined;
}
