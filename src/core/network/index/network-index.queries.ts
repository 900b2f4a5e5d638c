import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema';
import { strengthAt } from '../../relationships/strength';
import { isFindable } from '../sharing.queries';
import { TIER_CODE } from './network-index';

const VERSION = 'network-index-version';
const SECRET = 'person-key-secret';

/** The network index version: changes whenever a connection or a sharing choice changes (any process). */
export async function networkVersion(db: Kysely<Database>): Promise<string> {
  const row = await db
    .selectFrom('server_state')
    .select('value')
    .where('name', '=', VERSION)
    .executeTakeFirst();
  return row?.value ?? '';
}

/**
 * Records that connections or sharing changed, so every process rebuilds its network index before its next search.
 * `stamp` is any fresh unique value (an id).
 */
export async function markNetworkChanged(db: Kysely<Database>, stamp: string, now: string): Promise<void> {
  await db
    .insertInto('server_state')
    .values({ name: VERSION, value: stamp, updated_at: now })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value: stamp, updated_at: now }))
    .execute();
}

/** The server's person-key secret, created from `candidate` the first time (concurrent first callers agree). */
export async function personKeySecret(db: Kysely<Database>, candidate: string, now: string): Promise<string> {
  await db
    .insertInto('server_state')
    .values({ name: SECRET, value: candidate, updated_at: now })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db
    .selectFrom('server_state')
    .select('value')
    .where('name', '=', SECRET)
    .executeTakeFirstOrThrow();
  return row.value;
}

interface StateColumns {
  as_of_ms: number | string | null;
  face: number | null;
  voice: number | null;
  out_w: number | null;
  in_w: number | null;
  favours: number | null;
  first_at: string | null;
  last_at: string | null;
  closeness: number | null;
}

/** The index's tier code of a relationship state at `now` (no state: 0, "known"). */
export function tierCode(s: StateColumns, now: number): number {
  if (s.as_of_ms === null) return 0;
  const tier = strengthAt(
    {
      asOf: Number(s.as_of_ms),
      face: Number(s.face),
      voice: Number(s.voice),
      out: Number(s.out_w),
      in: Number(s.in_w),
      favours: Number(s.favours),
      firstAt: s.first_at ? Date.parse(s.first_at) : null,
      lastAt: s.last_at ? Date.parse(s.last_at) : null,
    },
    now,
    Number(s.closeness ?? 0),
  ).tier;
  return TIER_CODE[tier];
}

/** Every account that has at least one accepted connection, with whether it shares tiers with connections. */
export async function connectedAccountsForIndex(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('accounts as a')
    .leftJoin('account_settings as s', 's.account_id', 'a.id')
    .select(['a.id', 's.share_tier'])
    .where((eb) =>
      eb.or([
        eb('a.id', 'in', eb.selectFrom('connections').select('account_lo').where('status', '=', 'accepted')),
        eb('a.id', 'in', eb.selectFrom('connections').select('account_hi').where('status', '=', 'accepted')),
      ]),
    )
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({ id: r.id, shareTier: Number(r.share_tier ?? 0) === 1 }));
}

/** Accepted connections, with each side's relationship state of the contact it linked the other to (if any). */
export async function acceptedConnectionsForIndex(db: Kysely<Database>) {
  return db
    .selectFrom('connections as cn')
    .leftJoin('relationship_states as lo', (j) =>
      j.onRef('lo.owner_id', '=', 'cn.account_lo').onRef('lo.contact_id', '=', 'cn.lo_contact_id'),
    )
    .leftJoin('relationship_states as hi', (j) =>
      j.onRef('hi.owner_id', '=', 'cn.account_hi').onRef('hi.contact_id', '=', 'cn.hi_contact_id'),
    )
    .select([
      'cn.account_lo',
      'cn.account_hi',
      'lo.as_of_ms as lo_as_of_ms',
      'lo.face as lo_face',
      'lo.voice as lo_voice',
      'lo.out_w as lo_out_w',
      'lo.in_w as lo_in_w',
      'lo.favours as lo_favours',
      'lo.first_at as lo_first_at',
      'lo.last_at as lo_last_at',
      'lo.closeness as lo_closeness',
      'hi.as_of_ms as hi_as_of_ms',
      'hi.face as hi_face',
      'hi.voice as hi_voice',
      'hi.out_w as hi_out_w',
      'hi.in_w as hi_in_w',
      'hi.favours as hi_favours',
      'hi.first_at as hi_first_at',
      'hi.last_at as hi_last_at',
      'hi.closeness as hi_closeness',
    ])
    .where('cn.status', '=', 'accepted')
    .execute();
}

/** Owned by an account with at least one accepted connection (nobody else can find anything of theirs). */
const connectedOwner = sql<boolean>`(c.owner_id IN (SELECT account_lo FROM connections WHERE status = 'accepted')
  OR c.owner_id IN (SELECT account_hi FROM connections WHERE status = 'accepted'))`;

/**
 * Every findable contact of a connected account (THE sharing rule, isFindable): name words, organisation, title
 * and the owner's relationship state, for the term index and the tiers.
 */
export async function findableContactsForIndex(db: Kysely<Database>) {
  return db
    .selectFrom('contacts as c')
    .leftJoin('organisations as o', (j) =>
      j.onRef('o.id', '=', 'c.organisation_id').on('o.deleted_at', 'is', null),
    )
    .leftJoin('relationship_states as s', (j) =>
      j.onRef('s.owner_id', '=', 'c.owner_id').onRef('s.contact_id', '=', 'c.id'),
    )
    .select([
      'c.id',
      'c.owner_id',
      'c.display_name',
      'c.given_name',
      'c.family_name',
      'c.title',
      'o.name as organisation_name',
      's.as_of_ms',
      's.face',
      's.voice',
      's.out_w',
      's.in_w',
      's.favours',
      's.first_at',
      's.last_at',
      's.closeness',
    ])
    .where(connectedOwner)
    .where(isFindable)
    .orderBy('c.id')
    .execute();
}

/** The email and URL channels (normalised) of every findable contact of a connected account, for identity keys. */
export async function identityChannelsForIndex(db: Kysely<Database>) {
  return db
    .selectFrom('contact_channels as ch')
    .innerJoin('contacts as c', 'c.id', 'ch.contact_id')
    .select(['ch.contact_id', 'ch.kind', 'ch.value_norm'])
    .where('ch.kind', 'in', ['email', 'url'])
    .where('ch.value_norm', 'is not', null)
    .where(connectedOwner)
    .where(isFindable)
    .orderBy('ch.contact_id')
    .orderBy('ch.position')
    .execute();
}

/** The normalised email and URL channels of one of `ownerId`'s contacts. */
export async function identityChannelsOf(db: Kysely<Database>, ownerId: string, contactId: string) {
  return db
    .selectFrom('contact_channels')
    .select(['kind', 'value_norm'])
    .where('owner_id', '=', ownerId)
    .where('contact_id', '=', contactId)
    .where('kind', 'in', ['email', 'url'])
    .orderBy('position')
    .execute();
}
