import type { Kysely } from 'kysely';
import { lockRows } from '../db/portable';
import type { Database, IntroductionTable } from '../db/schema';
import { pairOf } from '../network/connection.queries';
import { addDays, OPEN_STATES } from './introduction';

/** Stores a new introduction request. */
export async function insertIntroduction(db: Kysely<Database>, row: IntroductionTable): Promise<void> {
  await db.insertInto('introductions').values(row).execute();
}

/** The introduction if `accountId` is any party to it (roleOf decides what they may see); else undefined. */
export async function findIntroduction(
  db: Kysely<Database>,
  accountId: string,
  id: string,
): Promise<IntroductionTable | undefined> {
  return db
    .selectFrom('introductions')
    .selectAll()
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        eb('requester_id', '=', accountId),
        eb('broker_id', '=', accountId),
        eb('target_account_id', '=', accountId),
      ]),
    )
    .executeTakeFirst();
}

/** Locks the introduction until the transaction ends (see `forUpdate`): a decision on it waits for any other. */
export async function lockIntroduction(db: Kysely<Database>, id: string): Promise<void> {
  await lockRows(db, db.selectFrom('introductions').select('id').where('id', '=', id));
}

/**
 * One page of the introductions where `accountId` is the requester, the broker, or (once the broker accepted) the
 * target account (the same parties `roleOf` recognises, so none is read only to be dropped); newest first, ties by
 * id. `before` is the last row of the previous page.
 */
export async function listIntroductionRows(
  db: Kysely<Database>,
  accountId: string,
  opts: {
    role?: 'requester' | 'broker' | 'target';
    status?: 'open' | 'closed';
    before?: { at: string; id: string };
    limit: number;
  },
): Promise<IntroductionTable[]> {
  let q = db.selectFrom('introductions').selectAll();
  q = q.where((eb) => {
    const asTarget = eb.and([
      eb('target_account_id', '=', accountId),
      eb('broker_decided_at', 'is not', null),
      eb('state', '!=', 'broker-declined'),
    ]);
    if (opts.role === 'requester') return eb('requester_id', '=', accountId);
    if (opts.role === 'broker') return eb('broker_id', '=', accountId);
    if (opts.role === 'target') return asTarget;
    return eb.or([eb('requester_id', '=', accountId), eb('broker_id', '=', accountId), asTarget]);
  });
  if (opts.status === 'open') q = q.where('state', 'in', [...OPEN_STATES]);
  if (opts.status === 'closed') q = q.where('state', 'not in', [...OPEN_STATES]);
  const before = opts.before;
  if (before) {
    q = q.where((eb) =>
      eb.or([
        eb('created_at', '<', before.at),
        eb.and([eb('created_at', '=', before.at), eb('id', '<', before.id)]),
      ]),
    );
  }
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(opts.limit).execute();
}

/**
 * Moves an introduction on, only if it is still in one of `states` (and, for a signed link, still carries that
 * unused token): returns false when someone else got there first, so a decision can never be taken twice.
 */
export async function updateIntroductionIf(
  db: Kysely<Database>,
  id: string,
  expect: { states: readonly string[]; tokenHash?: string },
  patch: Partial<Omit<IntroductionTable, 'id' | 'requester_id' | 'broker_id' | 'created_at'>>,
): Promise<boolean> {
  let q = db
    .updateTable('introductions')
    .set(patch)
    .where('id', '=', id)
    .where('state', 'in', [...expect.states]);
  if (expect.tokenHash !== undefined) {
    q = q.where('token_hash', '=', expect.tokenHash).where('token_used_at', 'is', null);
  }
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Sets fields that do not move the state (the outcome, the requester's new contact). */
export async function patchIntroduction(
  db: Kysely<Database>,
  id: string,
  patch: Partial<Pick<IntroductionTable, 'outcome' | 'requester_contact_id' | 'updated_at'>>,
): Promise<void> {
  await db.updateTable('introductions').set(patch).where('id', '=', id).execute();
}

/**
 * Marks open introductions whose wait is over as expired: those of one account (read paths expire lazily), or
 * every account's (housekeeping). Returns how many expired.
 */
export async function expireOpenIntroductions(
  db: Kysely<Database>,
  now: string,
  accountId?: string,
): Promise<number> {
  let q = db
    .updateTable('introductions')
    .set({ state: 'expired', closed_at: now, updated_at: now })
    .where('state', 'in', [...OPEN_STATES])
    .where('expires_at', '<=', now);
  if (accountId) {
    q = q.where((eb) =>
      eb.or([
        eb('requester_id', '=', accountId),
        eb('broker_id', '=', accountId),
        eb('target_account_id', '=', accountId),
      ]),
    );
  }
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/**
 * Ends the open introductions in which `a` and `b` are requester and broker (either way round) as expired, once
 * their connection ends: nobody decided, so the requester reads it as neutrally as a lapsed wait. No lapse mail
 * follows (`lapse_told_at` is set): Rapport never tells anyone they were removed, and a mail at that moment would.
 * Returns how many.
 */
export async function expireOpenIntroductionsBetween(
  db: Kysely<Database>,
  a: string,
  b: string,
  now: string,
): Promise<number> {
  const r = await db
    .updateTable('introductions')
    .set({ state: 'expired', closed_at: now, updated_at: now, lapse_told_at: now })
    .where('state', 'in', [...OPEN_STATES])
    .where((eb) =>
      eb.or([
        eb.and([eb('requester_id', '=', a), eb('broker_id', '=', b)]),
        eb.and([eb('requester_id', '=', b), eb('broker_id', '=', a)]),
      ]),
    )
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/**
 * Ends the open introductions waiting on `accountId` as the person asked, once that account is deleted: nobody is
 * left to answer (the cascade would only blank the column and leave them waiting out the 14 days), so the requester
 * reads it as neutrally as a lapsed wait. Returns how many.
 */
export async function expireOpenIntroductionsOfTarget(
  db: Kysely<Database>,
  accountId: string,
  now: string,
): Promise<number> {
  const r = await db
    .updateTable('introductions')
    .set({ state: 'expired', closed_at: now, updated_at: now })
    .where('state', 'in', [...OPEN_STATES])
    .where('target_account_id', '=', accountId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Expired introductions whose requester has not been told yet (oldest first), for the lapse mail. */
export async function untoldLapses(
  db: Kysely<Database>,
  limit: number,
): Promise<Pick<IntroductionTable, 'id' | 'requester_id' | 'broker_id' | 'target_name' | 'ask_id'>[]> {
  return db
    .selectFrom('introductions')
    .select(['id', 'requester_id', 'broker_id', 'target_name', 'ask_id'])
    .where('state', '=', 'expired')
    .where('lapse_told_at', 'is', null)
    .orderBy('closed_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Claims the lapse mail of one introduction: true for the one caller that gets to send it. */
export async function claimLapseTold(db: Kysely<Database>, id: string, now: string): Promise<boolean> {
  const r = await db
    .updateTable('introductions')
    .set({ lapse_told_at: now })
    .where('id', '=', id)
    .where('state', '=', 'expired')
    .where('lapse_told_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** When the requester's own requests since `since` were made, oldest first (answers to asks are not requests). */
export async function requestTimesSince(
  db: Kysely<Database>,
  requesterId: string,
  since: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('introductions')
    .select('created_at')
    .where('requester_id', '=', requesterId)
    .where('created_at', '>', since)
    .where('ask_id', 'is', null)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => r.created_at);
}

/**
 * The requester's introductions about the same person (by target key) that are still open, or were declined (in
 * `declinedStates`) after `declinedSince` by someone's choice: either blocks a new one. A broker's decline of a
 * person who could not be asked (`decline_cause` 'unreachable') was no choice and blocks nothing.
 */
export async function blockingIntroductions(
  db: Kysely<Database>,
  requesterId: string,
  targetKey: string,
  declinedStates: readonly string[],
  declinedSince: string,
) {
  return db
    .selectFrom('introductions')
    .select(['state', 'closed_at'])
    .where('requester_id', '=', requesterId)
    .where('target_key', '=', targetKey)
    .where((eb) =>
      eb.or([
        eb('state', 'in', [...OPEN_STATES]),
        eb.and([
          eb('state', 'in', [...declinedStates]),
          eb('closed_at', '>', declinedSince),
          eb('decline_cause', 'is', null),
        ]),
      ]),
    )
    .execute();
}

/** The introduction a signed link's token (hashed) belongs to, whatever its state. */
export async function findIntroductionByToken(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<IntroductionTable | undefined> {
  return db.selectFrom('introductions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** Whose contact this is (any state); the caller still checks connection and findability. */
export async function ownerOfContact(db: Kysely<Database>, contactId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('contacts')
    .select('owner_id')
    .where('id', '=', contactId)
    .executeTakeFirst();
  return row?.owner_id;
}

/** Names and e-mail addresses of accounts, by id. */
export async function accountsByIds(
  db: Kysely<Database>,
  ids: string[],
): Promise<Map<string, { name: string; email: string }>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('accounts')
    .select(['id', 'name', 'email'])
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, { name: r.name, email: r.email }]));
}

/**
 * THE match of a contact to an account for introductions: the account whose verified e-mail address is one of the
 * contact's (normalised) addresses, in the contact's own order. An unverified address proves nothing (anyone can
 * sign up with someone else's), so such a person is asked by e-mail like anyone else.
 */
export async function accountMatchingEmails(
  db: Kysely<Database>,
  emailNorms: string[],
): Promise<{ id: string; email: string } | undefined> {
  if (emailNorms.length === 0) return undefined;
  const rows = await db
    .selectFrom('accounts')
    .select(['id', 'email', 'email_norm'])
    .where('email_norm', 'in', emailNorms)
    .where('email_verified_at', 'is not', null)
    .execute();
  for (const norm of emailNorms) {
    const hit = rows.find((r) => r.email_norm === norm);
    if (hit) return { id: hit.id, email: hit.email };
  }
  return undefined;
}

/** The LinkedIn profile an account put on its own profile, if any. */
export async function profileLinkedinOf(db: Kysely<Database>, accountId: string): Promise<string | null> {
  const row = await db
    .selectFrom('account_profiles')
    .select('linkedin_url')
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return row?.linkedin_url ?? null;
}

/**
 * The live contact in `ownerId`'s rolodex that stands for account `otherId`: the one the connection links (when
 * they are connected and it is not trashed), else a contact with the account's verified e-mail address. Null when
 * neither.
 */
export async function contactForAccount(
  db: Kysely<Database>,
  ownerId: string,
  otherId: string,
): Promise<string | null> {
  const pair = pairOf(ownerId, otherId);
  const link = await db
    .selectFrom('connections')
    .select(['lo_contact_id', 'hi_contact_id'])
    .where('account_lo', '=', pair.account_lo)
    .where('account_hi', '=', pair.account_hi)
    .where('status', '=', 'accepted')
    .executeTakeFirst();
  const linked = link ? (pair.account_lo === ownerId ? link.lo_contact_id : link.hi_contact_id) : null;
  if (linked) {
    const live = await db
      .selectFrom('contacts')
      .select('id')
      .where('owner_id', '=', ownerId)
      .where('id', '=', linked)
      .where('deleted_at', 'is', null)
      .where('merged_into', 'is', null)
      .executeTakeFirst();
    if (live) return live.id;
  }
  const byEmail = await db
    .selectFrom('contacts as c')
    .innerJoin('contact_channels as ch', 'ch.contact_id', 'c.id')
    .innerJoin('accounts as a', 'a.email_norm', 'ch.value_norm')
    .select('c.id')
    .where('c.owner_id', '=', ownerId)
    .where('ch.owner_id', '=', ownerId)
    .where('ch.kind', '=', 'email')
    .where('a.id', '=', otherId)
    .where('a.email_verified_at', 'is not', null)
    .where('c.deleted_at', 'is', null)
    .where('c.merged_into', 'is', null)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .limit(1)
    .executeTakeFirst();
  return byEmail?.id ?? null;
}

/** Requests waiting on `brokerId`'s decision (not yet expired at `now`), oldest first. */
export async function waitingOnBroker(db: Kysely<Database>, brokerId: string, now: string, limit: number) {
  return db
    .selectFrom('introductions as i')
    .innerJoin('accounts as r', 'r.id', 'i.requester_id')
    .leftJoin('contacts as c', (j) =>
      j
        .onRef('c.id', '=', 'i.broker_contact_id')
        .on('c.owner_id', '=', brokerId)
        .on('c.deleted_at', 'is', null),
    )
    .select([
      'i.id',
      'i.target_name',
      'i.created_at',
      'i.expires_at',
      'r.name as requester_name',
      'c.id as contact_id',
    ])
    .where('i.broker_id', '=', brokerId)
    .where('i.state', '=', 'requested')
    .where('i.expires_at', '>', now)
    .orderBy('i.created_at')
    .limit(limit)
    .execute();
}

/** Introductions waiting on `targetId`'s decision (the broker accepted; not yet expired at `now`). */
export async function waitingOnTarget(db: Kysely<Database>, targetId: string, now: string, limit: number) {
  return db
    .selectFrom('introductions as i')
    .innerJoin('accounts as r', 'r.id', 'i.requester_id')
    .innerJoin('accounts as b', 'b.id', 'i.broker_id')
    .select([
      'i.id',
      'i.broker_decided_at',
      'i.expires_at',
      'r.name as requester_name',
      'b.name as broker_name',
    ])
    .where('i.target_account_id', '=', targetId)
    .where('i.state', '=', 'awaiting-target')
    .where('i.expires_at', '>', now)
    .orderBy('i.broker_decided_at')
    .limit(limit)
    .execute();
}

/** The requester's introductions that happened after `since`, newest first. */
export async function introducedSince(
  db: Kysely<Database>,
  requesterId: string,
  since: string,
  limit: number,
) {
  return db
    .selectFrom('introductions as i')
    .innerJoin('accounts as b', 'b.id', 'i.broker_id')
    .leftJoin('contacts as c', (j) =>
      j
        .onRef('c.id', '=', 'i.requester_contact_id')
        .on('c.owner_id', '=', requesterId)
        .on('c.deleted_at', 'is', null),
    )
    .select([
      'i.id',
      'i.broker_id',
      'i.target_name',
      'i.target_decided_at',
      'i.outcome',
      'b.name as broker_name',
      'c.id as contact_id',
      'c.display_name as contact_name',
    ])
    .where('i.requester_id', '=', requesterId)
    .where('i.state', '=', 'introduced')
    .where('i.target_decided_at', '>', since)
    .orderBy('i.target_decided_at', 'desc')
    .limit(limit)
    .execute();
}

/**
 * Whether `ownerId` reached out to another account since `since` (the introduction it thanks for): an outbound or
 * mutual interaction recorded since then on one of `contactIds` (the contacts standing for that account), neither an
 * introduction's own record nor an older exchange entered late (dated over a day before `since`); or a direct
 * message sent on their connection `connectionId`.
 */
export async function reachedOutSince(
  db: Kysely<Database>,
  ownerId: string,
  contactIds: string[],
  connectionId: string | null,
  since: string,
): Promise<boolean> {
  if (contactIds.length > 0) {
    const logged = await db
      .selectFrom('interactions as i')
      .innerJoin('interaction_contacts as ic', 'ic.interaction_id', 'i.id')
      .select('i.id')
      .where('i.owner_id', '=', ownerId)
      .where('ic.owner_id', '=', ownerId)
      .where('ic.contact_id', 'in', contactIds)
      .where('i.deleted_at', 'is', null)
      .where('i.direction', 'in', ['outbound', 'mutual'])
      .where('i.source', '<>', 'introduction')
      .where('i.created_at', '>=', since)
      .where('i.occurred_at', '>=', addDays(since, -1))
      .limit(1)
      .executeTakeFirst();
    if (logged) return true;
  }
  if (!connectionId) return false;
  const sent = await db
    .selectFrom('direct_messages')
    .select('id')
    .where('connection_id', '=', connectionId)
    .where('sender_id', '=', ownerId)
    .where('created_at', '>=', since)
    .limit(1)
    .executeTakeFirst();
  return sent !== undefined;
}

/** Removes an introduction that never reached anyone (an offer whose link could not be sent). */
export async function deleteIntroduction(db: Kysely<Database>, brokerId: string, id: string): Promise<void> {
  await db.deleteFrom('introductions').where('broker_id', '=', brokerId).where('id', '=', id).execute();
}
