import type { Kysely } from 'kysely';
import type { Database } from './schema';

/**
 * Results derived from the database, kept until anything at all is written to it. SQLite gives this for free:
 * total_changes() counts every row this process's connection wrote, and PRAGMA data_version moves when another
 * process (the CLI) commits. So no use case has to remember what to invalidate, and nothing can be missed: a write
 * by any account, of any table, drops every entry. PostgreSQL has no such counter (several server processes may
 * share one database), so nothing is cached there (docs/adr/0017-today-cached-until-a-write.md).
 */
type Version = readonly [changes: number, otherCommits: number];
const versionOf = new WeakMap<object, () => Version>();
const entriesOf = new WeakMap<object, Map<string, { version: string; value: unknown }>>();

// Enough for every account active on a busy server; each entry is one small result.
const MAX_ENTRIES = 2_000;

/**
 * Called by connect() for each SQLite database: `version` gives the rows this connection wrote and the count of
 * other processes' commits, which move whenever anything was written.
 */
export function trackWrites(db: Kysely<Database>, version: () => Version): void {
  versionOf.set(db, version);
}

/** The current version, or undefined when it cannot be read (the connection is busy streaming another query). */
function readVersion(version: () => Version): Version | undefined {
  try {
    return version();
  } catch {
    return undefined;
  }
}

/** What a computation wrote itself, in rows, that cannot change its result (see `cachedUntilWrite`). */
export interface OwnWrites {
  wrote(rows: number): void;
}

/**
 * `compute()`, or what it returned last time for `key` if nothing has been written since. Inside a transaction it
 * always computes (uncommitted rows may roll back without the counter going back). A result computed while a
 * write happened (by another request between its queries) is not kept. A computation may write rows that cannot
 * change its result (the address book records the changes it found) and say how many with `own.wrote`: the result
 * is then kept past exactly those rows, and the next call need not compute it again. Callers must not change
 * what they get: the same object is returned to every caller until the next write.
 */
export async function cachedUntilWrite<T>(
  db: Kysely<Database>,
  key: string,
  compute: (own: OwnWrites) => Promise<T>,
): Promise<T> {
  let ownRows = 0;
  const own: OwnWrites = {
    wrote: (rows) => {
      ownRows += rows;
    },
  };
  const version = db.isTransaction ? undefined : versionOf.get(db);
  const before = version && readVersion(version);
  if (!version || before === undefined) return compute(own);
  let entries = entriesOf.get(db);
  if (!entries) {
    entries = new Map();
    entriesOf.set(db, entries);
  }
  const hit = entries.get(key);
  if (hit && hit.version === before.join(':')) {
    entries.delete(key); // moved to the end: Map order is recency
    entries.set(key, hit);
    return hit.value as T;
  }
  const value = await compute(own);
  const after = readVersion(version);
  if (after && after[1] === before[1] && after[0] === before[0] + ownRows) {
    entries.delete(key);
    entries.set(key, { version: after.join(':'), value });
    if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  }
  return value;
}

/**
 * Runs `write`, which cannot change what the entries `keys` hold, and keeps those entries valid past it: a
 * duplicate dismissal and the duplicate candidates, which are filtered by dismissals when read. `write` returns
 * how many rows it wrote; when the counter moved by anything else too (another request's write in between,
 * another process's commit), or inside a transaction, nothing is kept and the next read computes as usual.
 */
export async function writeKeeping(
  db: Kysely<Database>,
  keys: readonly string[],
  write: () => Promise<number>,
): Promise<void> {
  const version = db.isTransaction ? undefined : versionOf.get(db);
  const before = version && readVersion(version);
  const written = await write();
  const after = version && readVersion(version);
  if (!before || !after || after[1] !== before[1] || after[0] !== before[0] + written) return;
  const entries = entriesOf.get(db);
  for (const key of keys) {
    const hit = entries?.get(key);
    if (hit && hit.version === before.join(':')) hit.version = after.join(':');
  }
}
