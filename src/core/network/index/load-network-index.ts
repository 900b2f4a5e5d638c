import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { nameSearchWords } from '../../contacts/contact';
import { type Ctx, nowIso } from '../../context';
import type { Database } from '../../db/schema';
import { words } from '../../text/fold';
import { sharedName } from '../shared-name';
import { buildNetworkIndex, type IndexContact, type NetworkIndex } from './network-index';
import {
  acceptedConnectionsForIndex,
  connectedAccountsForIndex,
  findableContactsForIndex,
  identityChannelsForIndex,
  identityChannelsOf,
  markNetworkChanged,
  networkVersion,
  personKeySecret,
  tierCode,
} from './network-index.queries';
import { hashPersonKey, rawPersonKeys } from './person-key';

/** After this long an index is refreshed in the background (edits that do not bump the version: names, tags). */
const MAX_AGE_MS = 60_000;

interface Entry {
  version: string;
  index: NetworkIndex;
  builtAt: number;
  /** The rebuild in flight, shared by everyone who needs it. */
  building: Promise<Entry> | null;
}

// One index per database handle and process; a transaction's handle gets an unshared one.
const cache = new WeakMap<object, Entry>();

/** The person-key secret of this server (cached per handle: it never changes once made). */
const secrets = new WeakMap<object, Promise<string>>();
export function serverPersonKeySecret(ctx: Ctx): Promise<string> {
  let s = secrets.get(ctx.db);
  if (!s) {
    s = personKeySecret(ctx.db, randomBytes(32).toString('base64url'), nowIso(ctx));
    if (!ctx.db.isTransaction) secrets.set(ctx.db, s);
  }
  return s;
}

/**
 * The network index for this process: built on first use, rebuilt before use when the version changed (a
 * connection or a sharing choice changed, in any process), refreshed in the background when older than a minute.
 * A cache only: every answer drawn from it is re-checked against the database before anyone sees it.
 */
export async function networkIndexFor(ctx: Ctx): Promise<NetworkIndex> {
  const version = await networkVersion(ctx.db);
  if (ctx.db.isTransaction) return loadNetworkIndex(ctx);
  const entry = cache.get(ctx.db);
  if (entry && entry.version === version) {
    if (Date.now() - entry.builtAt > MAX_AGE_MS && !entry.building) {
      entry.building = rebuild(ctx, version);
      entry.building.catch((e: unknown) => {
        entry.building = null;
        ctx.log.error({ err: e }, 'network index refresh failed');
      });
    }
    return entry.index;
  }
  if (entry?.building) {
    const built = await entry.building;
    if (built.version === version) return built.index;
  }
  const pending = rebuild(ctx, version);
  if (entry) entry.building = pending;
  else {
    const placeholder: Entry = { version: '\u0000', index: null as never, builtAt: 0, building: pending };
    cache.set(ctx.db, placeholder);
  }
  try {
    return (await pending).index;
  } catch (e) {
    const current = cache.get(ctx.db);
    if (current?.building === pending) current.building = null;
    throw e;
  }
}

async function rebuild(ctx: Ctx, version: string): Promise<Entry> {
  const index = await loadNetworkIndex(ctx);
  const entry: Entry = { version, index, builtAt: Date.now(), building: null };
  cache.set(ctx.db, entry);
  return entry;
}

/** Reads accounts, accepted connections and findable contacts and builds a fresh index (no caching). */
export async function loadNetworkIndex(ctx: Ctx): Promise<NetworkIndex> {
  const now = ctx.clock.now().getTime();
  const secret = await serverPersonKeySecret(ctx);
  const [accounts, connections, contacts, channels] = await Promise.all([
    connectedAccountsForIndex(ctx.db),
    acceptedConnectionsForIndex(ctx.db),
    findableContactsForIndex(ctx.db),
    identityChannelsForIndex(ctx.db),
  ]);
  const channelsOf = new Map<string, { kind: string; value_norm: string | null }[]>();
  for (const ch of channels) {
    const list = channelsOf.get(ch.contact_id);
    if (list) list.push(ch);
    else channelsOf.set(ch.contact_id, [ch]);
  }
  const indexContacts: IndexContact[] = contacts.map((c) => ({
    id: c.id,
    ownerId: c.owner_id,
    tier: tierCode(c, now),
    keys: rawPersonKeys(channelsOf.get(c.id) ?? []).map((k) => hashPersonKey(secret, k)),
    words: [...sharedNameWords(c), ...words(c.organisation_name ?? ''), ...words(c.title ?? '')],
  }));
  return buildNetworkIndex({
    accounts,
    connections: connections.map((r) => ({
      a: r.account_lo,
      b: r.account_hi,
      aTier: tierCode(
        {
          as_of_ms: r.lo_as_of_ms,
          face: r.lo_face,
          voice: r.lo_voice,
          out_w: r.lo_out_w,
          in_w: r.lo_in_w,
          favours: r.lo_favours,
          first_at: r.lo_first_at,
          last_at: r.lo_last_at,
          closeness: r.lo_closeness,
        },
        now,
      ),
      bTier: tierCode(
        {
          as_of_ms: r.hi_as_of_ms,
          face: r.hi_face,
          voice: r.hi_voice,
          out_w: r.hi_out_w,
          in_w: r.hi_in_w,
          favours: r.hi_favours,
          first_at: r.hi_first_at,
          last_at: r.hi_last_at,
          closeness: r.hi_closeness,
        },
        now,
      ),
    })),
    contacts: indexContacts,
  });
}

/**
 * Tells every process that connections or sharing changed: their network index is rebuilt before its next use.
 * Call it (inside the change's transaction is fine) from every use case that connects, disconnects, or changes what
 * is findable or whether tiers are shared. Searches stay correct without it (every result is re-checked against the
 * database); it keeps new findable people from waiting for the background refresh.
 */
export async function networkChanged(ctx: Ctx, db: Kysely<Database> = ctx.db): Promise<void> {
  await markNetworkChanged(db, ctx.ids.next(), nowIso(ctx));
}

/** Every identity key of one of `ownerId`'s contacts (hashed). */
export async function personKeysOf(ctx: Ctx, ownerId: string, contactId: string): Promise<string[]> {
  const secret = await serverPersonKeySecret(ctx);
  return rawPersonKeys(await identityChannelsOf(ctx.db, ownerId, contactId)).map((k) =>
    hashPersonKey(secret, k),
  );
}

/**
 * The name words a connection can find a contact by: those of the name they are shown (`sharedName`), never the
 * owner's bracketed asides or nickname, which the contact's own `search_name` holds for the owner's search (ADR 29).
 * Folded by the rules the owner's search uses, so "obrien" and "mueller" find as they do there.
 */
function sharedNameWords(c: { display_name: string; given_name: string | null; family_name: string | null }) {
  return nameSearchWords(sharedName(c));
}
