import type { ExpressionBuilder, Kysely } from 'kysely';
import { lockRows } from '../db/portable';
import type { AskAnswerTable, AskTable, Database } from '../db/schema';

/** Stores a new ask. */
export async function insertAsk(db: Kysely<Database>, row: AskTable): Promise<void> {
  await db.insertInto('asks').values(row).execute();
}

/** True when the ask's owner and `viewerId` have an accepted connection right now. */
function connectedToOwner(eb: ExpressionBuilder<Database, 'asks'>, viewerId: string) {
  return eb.exists(
    eb
      .selectFrom('connections as k')
      .select('k.id')
      .where('k.status', '=', 'accepted')
      .where((e) =>
        e.or([
          e.and([e('k.account_lo', '=', viewerId), e('k.account_hi', '=', e.ref('asks.owner_id'))]),
          e.and([e('k.account_hi', '=', viewerId), e('k.account_lo', '=', e.ref('asks.owner_id'))]),
        ]),
      ),
  );
}

/**
 * The ask if `viewerId` may see it: their own (any state), or an open, unexpired (on `today`) ask of an account
 * they are connected to right now. Anything else is undefined, like an unknown id.
 */
export async function findVisibleAsk(
  db: Kysely<Database>,
  viewerId: string,
  id: string,
  today: string,
): Promise<(AskTable & { owner_name: string }) | undefined> {
  return db
    .selectFrom('asks')
    .innerJoin('accounts as o', 'o.id', 'asks.owner_id')
    .selectAll('asks')
    .select('o.name as owner_name')
    .where('asks.id', '=', id)
    .where((eb) =>
      eb.or([
        eb('asks.owner_id', '=', viewerId),
        eb.and([
          eb('asks.state', '=', 'open'),
          eb('asks.expires_on', '>=', today),
          connectedToOwner(eb, viewerId),
        ]),
      ]),
    )
    .executeTakeFirst();
}

/** How many of the owner's asks are open on `today` (open and not past their last day). */
export async function countOpenAsks(db: Kysely<Database>, ownerId: string, today: string): Promise<number> {
  const row = await db
    .selectFrom('asks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('owner_id', '=', ownerId)
    .where('state', '=', 'open')
    .where('expires_on', '>=', today)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Where the previous page of asks ended. */
export interface AskCursor {
  at: string;
  id: string;
}

/** Only asks after `before` (the last row of the previous page) in newest-first order, ties by id. */
function olderThan(eb: ExpressionBuilder<Database, 'asks'>, before: AskCursor) {
  return eb.or([
    eb('asks.created_at', '<', before.at),
    eb.and([eb('asks.created_at', '=', before.at), eb('asks.id', '<', before.id)]),
  ]);
}

/** The owner's asks, newest first (ties by id); `before`: the page after that row. */
export async function listOwnAsks(
  db: Kysely<Database>,
  ownerId: string,
  limit: number,
  opts: { before?: AskCursor } = {},
) {
  let q = db
    .selectFrom('asks')
    .innerJoin('accounts as o', 'o.id', 'asks.owner_id')
    .selectAll('asks')
    .select('o.name as owner_name')
    .where('asks.owner_id', '=', ownerId);
  const before = opts.before;
  if (before) q = q.where((eb) => olderThan(eb, before));
  return q.orderBy('asks.created_at', 'desc').orderBy('asks.id', 'desc').limit(limit).execute();
}

/**
 * Open, unexpired asks of the accounts `viewerId` is connected to right now, newest first (ties by id); with
 * `unanswered`, only those that account has not answered yet; with `before`, the page after that row.
 */
export async function listConnectionsAsks(
  db: Kysely<Database>,
  viewerId: string,
  today: string,
  limit: number,
  opts: { unanswered?: boolean; before?: AskCursor } = {},
) {
  let q = db
    .selectFrom('asks')
    .innerJoin('accounts as o', 'o.id', 'asks.owner_id')
    .selectAll('asks')
    .select('o.name as owner_name')
    .where('asks.owner_id', '!=', viewerId)
    .where('asks.state', '=', 'open')
    .where('asks.expires_on', '>=', today)
    .where((eb) => connectedToOwner(eb, viewerId));
  if (opts.unanswered) {
    q = q.where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('ask_answers as aa')
            .select('aa.id')
            .whereRef('aa.ask_id', '=', 'asks.id')
            .where('aa.responder_id', '=', viewerId),
        ),
      ),
    );
  }
  const before = opts.before;
  if (before) q = q.where((eb) => olderThan(eb, before));
  return q.orderBy('asks.created_at', 'desc').orderBy('asks.id', 'desc').limit(limit).execute();
}

/** Answers to the asks, oldest first, with the responder's name; only `responderId`'s when given. */
export async function answersOf(db: Kysely<Database>, askIds: string[], responderId?: string) {
  if (askIds.length === 0) return [];
  let q = db
    .selectFrom('ask_answers as a')
    .innerJoin('accounts as r', 'r.id', 'a.responder_id')
    .leftJoin('introductions as i', 'i.id', 'a.introduction_id')
    .selectAll('a')
    .select(['r.name as responder_name', 'i.state as introduction_state', 'i.target_name'])
    .where('a.ask_id', 'in', askIds);
  if (responderId) q = q.where('a.responder_id', '=', responderId);
  return q.orderBy('a.created_at').orderBy('a.id').execute();
}

/**
 * "I can help" answers to the owner's asks that are not closed yet (open or expired), newest first, with the
 * helper's name and the ask's title: people waiting on the owner to take them up.
 */
export async function helpOffersTo(db: Kysely<Database>, ownerId: string, limit: number) {
  return db
    .selectFrom('ask_answers as a')
    .innerJoin('asks', 'asks.id', 'a.ask_id')
    .innerJoin('accounts as r', 'r.id', 'a.responder_id')
    .select(['a.id', 'a.ask_id', 'a.note', 'a.created_at', 'asks.title', 'r.name as responder_name'])
    .where('asks.owner_id', '=', ownerId)
    .where('asks.state', '!=', 'closed')
    .where('a.kind', '=', 'help')
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute();
}

/** How many answers each ask has. */
export async function answerCounts(db: Kysely<Database>, askIds: string[]): Promise<Map<string, number>> {
  if (askIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('ask_answers')
    .select(['ask_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('ask_id', 'in', askIds)
    .groupBy('ask_id')
    .execute();
  return new Map(rows.map((r) => [r.ask_id, Number(r.n)]));
}

/** Locks the ask until the transaction ends (see `forUpdate`): answers to it are counted one request at a time. */
export async function lockAsk(db: Kysely<Database>, id: string): Promise<void> {
  await lockRows(db, db.selectFrom('asks').select('id').where('id', '=', id));
}

/** How many answers `responderId` gave to the ask. */
export async function answersBy(db: Kysely<Database>, askId: string, responderId: string): Promise<number> {
  const row = await db
    .selectFrom('ask_answers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ask_id', '=', askId)
    .where('responder_id', '=', responderId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertAnswer(db: Kysely<Database>, row: AskAnswerTable): Promise<void> {
  await db.insertInto('ask_answers').values(row).execute();
}

/** Removes an answer (when the introduction it offered could not be sent). */
export async function deleteAnswer(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('ask_answers').where('id', '=', id).execute();
}

/** Updates the owner's ask while it is in one of `states`; false when it was not. */
export async function updateOwnAskIf(
  db: Kysely<Database>,
  ownerId: string,
  id: string,
  states: readonly string[],
  patch: Partial<Pick<AskTable, 'state' | 'closed_at' | 'thanks' | 'updated_at'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('asks')
    .set(patch)
    .where('owner_id', '=', ownerId)
    .where('id', '=', id)
    .where('state', 'in', [...states])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Deletes the owner's ask and its answers; false when it is not theirs. */
export async function deleteOwnAsk(db: Kysely<Database>, ownerId: string, id: string): Promise<boolean> {
  await db
    .deleteFrom('ask_answers')
    .where('ask_id', 'in', (eb) =>
      eb.selectFrom('asks').select('id').where('owner_id', '=', ownerId).where('id', '=', id),
    )
    .execute();
  const r = await db
    .deleteFrom('asks')
    .where('owner_id', '=', ownerId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/** Marks open asks whose last day is before `today` expired: one owner's, or every owner's (housekeeping). */
export async function expireAsksBefore(db: Kysely<Database>, today: string, at: string, ownerId?: string) {
  let q = db
    .updateTable('asks')
    .set({ state: 'expired', updated_at: at })
    .where('state', '=', 'open')
    .where('expires_on', '<', today);
  if (ownerId) q = q.where('owner_id', '=', ownerId);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}
