import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import { chunkIds } from '../db/chunk';
import type { Engine } from '../db/connect';
import { contactSearchHits, insertRows, ownerOfIdList } from '../db/portable';
import type {
  Database,
  ImportChangeTable,
  InteractionKind,
  OutreachItemTable,
  OutreachMessageTable,
  OutreachTemplateTable,
} from '../db/schema';

export type ItemRow = OutreachItemTable & {
  display_name: string;
  title: string | null;
  organisation_name: string | null;
  contact_source: string;
  purpose_name: string | null;
};

function itemsWithContact(db: Kysely<Database>, ownerId: string) {
  return db
    .selectFrom('outreach_items as it')
    .innerJoin('contacts as c', 'c.id', 'it.contact_id')
    .leftJoin('organisations as o', (j) =>
      j.onRef('o.id', '=', 'c.organisation_id').on('o.deleted_at', 'is', null),
    )
    .leftJoin('purposes as p', (j) => j.onRef('p.id', '=', 'it.purpose_id').on('p.deleted_at', 'is', null))
    .selectAll('it')
    .select([
      'c.display_name',
      'c.title',
      'o.name as organisation_name',
      'c.source as contact_source',
      'p.name as purpose_name',
    ])
    .where('it.owner_id', '=', ownerId)
    .where('c.deleted_at', 'is', null)
    .where('c.merged_into', 'is', null);
}

/** The owner's outreach item, with its live contact (none when the contact is trashed or merged away). */
export async function findItem(
  db: Kysely<Database>,
  ownerId: string,
  id: string,
): Promise<ItemRow | undefined> {
  return itemsWithContact(db, ownerId).where('it.id', '=', id).executeTakeFirst();
}

/** The kinds of interaction that are a written personal message (a call or a meeting is not one). */
const MESSAGE_KINDS: InteractionKind[] = ['email', 'message'];

/**
 * Since when a message counts as the one a queued person waits for: the day they connected, for a new connection;
 * the moment they were added, for one added by hand (older news is why they were added).
 */
const writtenSince = sql<string>`case when it.reason = 'new-connection' then coalesce(it.connected_on, it.queued_at) else it.queued_at end`;

type ItemScope = ExpressionBuilder<Database & { it: OutreachItemTable }, 'it'>;

/** The interaction (`wl`) is with this contact alone: a message to a group is not a personal message to each. */
const toThemAlone = sql<SqlBool>`not exists (select 1 from interaction_contacts others where others.interaction_id = wl.interaction_id and others.contact_id <> wl.contact_id)`;

/**
 * The item's contact got a personal message outside outreach (ADR 12, issue "written outside"): an outbound email or
 * message to them alone in the log, not deleted, since `writtenSince`. Such a person is no longer waiting in the
 * queue.
 */
function writtenOutside(eb: ItemScope, ownerId: string): Expression<SqlBool> {
  return eb.exists(
    eb
      .selectFrom('interaction_contacts as wl')
      .innerJoin('interactions as wi', 'wi.id', 'wl.interaction_id')
      .select('wl.interaction_id')
      .where('wl.owner_id', '=', ownerId)
      .whereRef('wl.contact_id', '=', 'it.contact_id')
      .where('wi.deleted_at', 'is', null)
      .where('wi.direction', '=', 'outbound')
      .where('wi.kind', 'in', MESSAGE_KINDS)
      .where('wi.occurred_at', '>=', writtenSince)
      .where(toThemAlone),
  );
}

/** Queued and still waiting: nothing sent from outreach, nor written to them outside it. */
function waitingInQueue(eb: ItemScope, ownerId: string): Expression<SqlBool> {
  return eb.and([eb('it.state', '=', 'queued'), eb.not(writtenOutside(eb, ownerId))]);
}

/** For these queued items, the earliest personal message written to their contact outside outreach (see above). */
export async function writtenOutsideOf(
  db: Kysely<Database>,
  ownerId: string,
  itemIds: string[],
): Promise<Map<string, { interactionId: string; at: string; kind: string; source: string }>> {
  const out = new Map<string, { interactionId: string; at: string; kind: string; source: string }>();
  for (const batch of chunkIds(itemIds)) {
    const rows = await db
      .selectFrom('outreach_items as it')
      .innerJoin('interaction_contacts as wl', (j) =>
        j.onRef('wl.contact_id', '=', 'it.contact_id').on('wl.owner_id', '=', ownerId),
      )
      .innerJoin('interactions as wi', 'wi.id', 'wl.interaction_id')
      .select(['it.id', 'wi.id as interaction_id', 'wi.occurred_at', 'wi.kind', 'wi.source'])
      .where('it.owner_id', '=', ownerId)
      .where('it.id', 'in', batch)
      .where('it.state', '=', 'queued')
      .where('wi.deleted_at', 'is', null)
      .where('wi.direction', '=', 'outbound')
      .where('wi.kind', 'in', MESSAGE_KINDS)
      .where('wi.occurred_at', '>=', writtenSince)
      .where(toThemAlone)
      .orderBy('wi.occurred_at')
      .orderBy('wi.id')
      .execute();
    for (const r of rows)
      if (!out.has(r.id))
        out.set(r.id, { interactionId: r.interaction_id, at: r.occurred_at, kind: r.kind, source: r.source });
  }
  return out;
}

export type QueueView = 'queued' | 'awaiting' | 'follow-up' | 'replied' | 'closed' | 'dismissed' | 'all';

function viewFilter(view: QueueView, today: string, ownerId: string) {
  return (eb: ItemScope): Expression<SqlBool> => {
    switch (view) {
      case 'queued':
        return waitingInQueue(eb, ownerId);
      case 'replied':
      case 'closed':
      case 'dismissed':
        return eb('it.state', '=', view);
      case 'awaiting':
        return eb.and([eb('it.state', 'in', ['sent', 'followed-up']), eb('it.closed_at', 'is', null)]);
      case 'follow-up':
        return eb.and([eb('it.state', '=', 'sent'), eb('it.follow_up_on', '<=', today)]);
      case 'all':
        return eb.lit(true);
    }
  };
}

const connectionDay = sql<string>`coalesce(it.connected_on, substr(it.queued_at, 1, 10))`;

/**
 * Sort column of each view: newest connections first in the queue (oldest first with `oldest`), soonest follow-up
 * first while awaiting.
 */
export function viewOrder(view: QueueView, oldest = false): { column: string; dir: 'asc' | 'desc' } {
  switch (view) {
    case 'awaiting':
    case 'follow-up':
      return { column: 'follow_up_on', dir: 'asc' };
    case 'replied':
      return { column: 'replied_at', dir: 'desc' };
    case 'closed':
    case 'dismissed':
      return { column: 'closed_at', dir: 'desc' };
    case 'queued':
    case 'all':
      return { column: 'connected_on', dir: oldest ? 'asc' : 'desc' };
  }
}

/** The contact's open item, else its latest one. */
export async function latestItemOfContact(db: Kysely<Database>, ownerId: string, contactId: string) {
  return itemsWithContact(db, ownerId)
    .where('it.contact_id', '=', contactId)
    .orderBy(sql`case when it.closed_at is null then 0 else 1 end`)
    .orderBy('it.id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** One page of the owner's queue in a view; `after` is the last row's sort value and id. */
export async function listItems(
  db: Kysely<Database>,
  engine: Engine,
  ownerId: string,
  opts: {
    view: QueueView;
    oldest?: boolean;
    today: string;
    purposeId?: string;
    words: string[];
    after?: { sort: string; id: string };
    limit: number;
  },
): Promise<(ItemRow & { sort_value: string })[]> {
  const order = viewOrder(opts.view, opts.oldest);
  // An item added by hand without a connection date sorts by the day it was added.
  const sortExpr =
    order.column === 'connected_on'
      ? connectionDay
      : sql<string>`coalesce(${sql.ref(`it.${order.column}`)}, '')`;
  let q = itemsWithContact(db, ownerId)
    .select(sortExpr.as('sort_value'))
    .where(viewFilter(opts.view, opts.today, ownerId));
  if (opts.purposeId) {
    const purposeId = opts.purposeId;
    q = q.where((eb) =>
      eb.or([
        eb('it.purpose_id', '=', purposeId),
        eb.exists(
          eb
            .selectFrom('purpose_items as pi')
            .select('pi.id')
            .whereRef('pi.contact_id', '=', 'it.contact_id')
            .where('pi.owner_id', '=', ownerId)
            .where('pi.purpose_id', '=', purposeId),
        ),
      ]),
    );
  }
  if (opts.words.length > 0) {
    // Words are looked for in the name; digits alone (a phone number's, as searchQueryWords gives it) anywhere,
    // since phones are not in the name.
    const scope = opts.words.every((w) => /^\d+$/.test(w)) ? 'any' : 'name';
    const hits = contactSearchHits(engine, ownerId, opts.words, scope);
    q = q.where('it.contact_id', 'in', (eb) => eb.selectFrom(hits.as('h')).select('h.contact_id'));
  }
  if (opts.after) {
    const { sort, id } = opts.after;
    const cmp = order.dir === 'desc' ? '<' : '>';
    q = q.where((eb) =>
      eb.or([eb(sortExpr, cmp, sort), eb.and([eb(sortExpr, '=', sort), eb('it.id', cmp, id)])]),
    );
  }
  return q.orderBy(sortExpr, order.dir).orderBy('it.id', order.dir).limit(opts.limit).execute();
}

/** Counts for the queue's tabs (queued: those still waiting for a message). */
export async function queueCounts(db: Kysely<Database>, ownerId: string, today: string) {
  const row = await db
    .selectFrom('outreach_items as it')
    .innerJoin('contacts as c', 'c.id', 'it.contact_id')
    .select((eb) => [
      eb.fn.sum<number>(eb.case().when(waitingInQueue(eb, ownerId)).then(1).else(0).end()).as('queued'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.and([eb('it.state', 'in', ['sent', 'followed-up']), eb('it.closed_at', 'is', null)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('awaiting'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.and([eb('it.state', '=', 'sent'), eb('it.follow_up_on', '<=', today)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('follow_up_due'),
      eb.fn.sum<number>(eb.case().when('it.state', '=', 'replied').then(1).else(0).end()).as('replied'),
    ])
    .where('it.owner_id', '=', ownerId)
    .where('c.deleted_at', 'is', null)
    .where('c.merged_into', 'is', null)
    .executeTakeFirst();
  return {
    queued: Number(row?.queued ?? 0),
    awaiting: Number(row?.awaiting ?? 0),
    followUpDue: Number(row?.follow_up_due ?? 0),
    replied: Number(row?.replied ?? 0),
  };
}

/** Newest connections still waiting for a message first (Today shows a few). */
export async function newestQueued(db: Kysely<Database>, ownerId: string, limit: number) {
  return itemsWithContact(db, ownerId)
    .where((eb) => waitingInQueue(eb, ownerId))
    .orderBy(connectionDay, 'desc')
    .orderBy('it.id', 'desc')
    .limit(limit)
    .execute();
}

/** Items whose first message has waited `follow_up_on` days without a reply. */
export async function followUpsDue(db: Kysely<Database>, ownerId: string, today: string, limit: number) {
  return itemsWithContact(db, ownerId)
    .where('it.state', '=', 'sent')
    .where('it.follow_up_on', '<=', today)
    .orderBy('it.follow_up_on')
    .orderBy('it.id')
    .limit(limit)
    .execute();
}

/** Closes quietly every item whose follow-up has waited its own window without a reply. */
export async function closeLapsedItems(db: Kysely<Database>, ownerId: string, today: string, now: string) {
  const r = await db
    .updateTable('outreach_items')
    .set({ state: 'closed', closed_at: now, updated_at: now })
    .where('owner_id', '=', ownerId)
    .where('state', '=', 'followed-up')
    .where('follow_up_on', '<=', today)
    .where('closed_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function insertItems(db: Kysely<Database>, rows: OutreachItemTable[]) {
  await insertRows(db, 'outreach_items', rows as unknown as Record<string, unknown>[]);
}

/** Inserts items, skipping contacts that already have an open one (a concurrent add); returns how many went in. */
export async function insertItemsIfNoneOpen(
  db: Kysely<Database>,
  rows: OutreachItemTable[],
): Promise<number> {
  let added = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const r = await db
      .insertInto('outreach_items')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .execute();
    added += r.length;
  }
  return added;
}

/** Contacts among these that have (or had) an outreach item. */
export async function contactsWithItems(
  db: Kysely<Database>,
  ownerId: string,
  contactIds: string[],
  opts: { openOnly: boolean },
): Promise<Set<string>> {
  const out = new Set<string>();
  for (const batch of chunkIds(contactIds)) {
    let q = db
      .selectFrom('outreach_items')
      .select('contact_id')
      .where('owner_id', '=', ownerId)
      .where('contact_id', 'in', batch);
    if (opts.openOnly) q = q.where('closed_at', 'is', null);
    for (const r of await q.execute()) out.add(r.contact_id);
  }
  return out;
}

/** Each contact's connected-on date. */
export async function connectedOnOf(db: Kysely<Database>, ownerId: string, contactIds: string[]) {
  const out = new Map<string, string | null>();
  for (const batch of chunkIds(contactIds)) {
    const rows = await db
      .selectFrom('contacts')
      .select(['id', 'connected_on'])
      .where(ownerOfIdList(db, 'owner_id', ownerId))
      .where('id', 'in', batch)
      .execute();
    for (const r of rows) out.set(r.id, r.connected_on);
  }
  return out;
}

/**
 * Takes out of the queue, as dismissed, the owner's item that a Rapport connection put there once that connection
 * ends: a new connection on the contact it linked, queued when it was accepted and dated that day, nothing sent yet.
 * An item the contact already had (an import's, dated by LinkedIn) is not the connection's to end.
 */
export async function dismissItemsOfConnection(
  db: Kysely<Database>,
  ownerId: string,
  contactId: string,
  accepted: { at: string; day: string },
  now: string,
): Promise<number> {
  const r = await db
    .updateTable('outreach_items')
    .set({ state: 'dismissed', closed_at: now, updated_at: now })
    .where('owner_id', '=', ownerId)
    .where('contact_id', '=', contactId)
    .where('reason', '=', 'new-connection')
    .where('state', '=', 'queued')
    .where('queued_at', '>=', accepted.at)
    .where('connected_on', '=', accepted.day)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Updates an item if it is still in one of `states`; true when it was (the check-and-set guards races). */
export async function updateItemIf(
  db: Kysely<Database>,
  ownerId: string,
  id: string,
  states: string[],
  patch: Partial<OutreachItemTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('outreach_items')
    .set(patch)
    .where('owner_id', '=', ownerId)
    .where('id', '=', id)
    .where('state', 'in', states)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Whether the contact has an open item other than `exceptId`. */
export async function hasOtherOpenItem(
  db: Kysely<Database>,
  ownerId: string,
  contactId: string,
  exceptId: string,
) {
  const row = await db
    .selectFrom('outreach_items')
    .select('id')
    .where('owner_id', '=', ownerId)
    .where('contact_id', '=', contactId)
    .where('closed_at', 'is', null)
    .where('id', '!=', exceptId)
    .executeTakeFirst();
  return Boolean(row);
}

// Templates

export async function insertTemplate(db: Kysely<Database>, row: OutreachTemplateTable) {
  await db.insertInto('outreach_templates').values(row).execute();
}

export type TemplateRow = OutreachTemplateTable & { purpose_name: string | null };

function templatesWithPurpose(db: Kysely<Database>, ownerId: string) {
  return db
    .selectFrom('outreach_templates as t')
    .leftJoin('purposes as p', (j) => j.onRef('p.id', '=', 't.purpose_id').on('p.deleted_at', 'is', null))
    .selectAll('t')
    .select('p.name as purpose_name')
    .where('t.owner_id', '=', ownerId)
    .where('t.deleted_at', 'is', null);
}

export async function findTemplate(db: Kysely<Database>, ownerId: string, id: string) {
  return templatesWithPurpose(db, ownerId).where('t.id', '=', id).executeTakeFirst();
}

export async function listTemplates(db: Kysely<Database>, ownerId: string): Promise<TemplateRow[]> {
  return templatesWithPurpose(db, ownerId).orderBy('t.name').orderBy('t.id').execute();
}

export async function updateTemplateRow(
  db: Kysely<Database>,
  ownerId: string,
  id: string,
  patch: Partial<OutreachTemplateTable>,
) {
  await db
    .updateTable('outreach_templates')
    .set(patch)
    .where('owner_id', '=', ownerId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .execute();
}

/** The template the owner sent most recently (a default suggestion). */
export async function lastUsedTemplateId(db: Kysely<Database>, ownerId: string): Promise<string | null> {
  const row = await db
    .selectFrom('outreach_messages as m')
    .innerJoin('outreach_templates as t', 't.id', 'm.template_id')
    .select('m.template_id')
    .where('m.owner_id', '=', ownerId)
    .where('t.deleted_at', 'is', null)
    .where('m.status', '=', 'sent')
    .orderBy('m.created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.template_id ?? null;
}

// Messages

export async function findMessageByKey(db: Kysely<Database>, ownerId: string, sendKey: string) {
  return db
    .selectFrom('outreach_messages')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('send_key', '=', sendKey)
    .executeTakeFirst();
}

/** Inserts the message unless its send key is taken; true when this call inserted it. */
export async function insertMessageOnce(db: Kysely<Database>, row: OutreachMessageTable): Promise<boolean> {
  const r = await db
    .insertInto('outreach_messages')
    .values(row)
    .onConflict((oc) => oc.columns(['owner_id', 'send_key']).doNothing())
    .returning('id')
    .execute();
  return r.length === 1;
}

/** Takes a failed (or abandoned `sending`) message back for a retry; true when this caller holds it. */
export async function claimForRetry(
  db: Kysely<Database>,
  ownerId: string,
  id: string,
  staleBefore: string,
  now: string,
): Promise<boolean> {
  const r = await db
    .updateTable('outreach_messages')
    .set({ status: 'sending', updated_at: now })
    .where('owner_id', '=', ownerId)
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        eb('status', '=', 'failed'),
        eb.and([eb('status', '=', 'sending'), eb('updated_at', '<', staleBefore)]),
      ]),
    )
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function updateMessage(
  db: Kysely<Database>,
  ownerId: string,
  id: string,
  patch: Partial<OutreachMessageTable>,
) {
  await db
    .updateTable('outreach_messages')
    .set(patch)
    .where('owner_id', '=', ownerId)
    .where('id', '=', id)
    .execute();
}

/** Deletes a message (one marked sent by mistake and taken back): it counts nowhere any more. */
export async function deleteMessage(db: Kysely<Database>, ownerId: string, id: string) {
  await db.deleteFrom('outreach_messages').where('owner_id', '=', ownerId).where('id', '=', id).execute();
}

export async function findMessage(db: Kysely<Database>, ownerId: string, id: string) {
  return db
    .selectFrom('outreach_messages')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Messages of these items, oldest first. */
export async function messagesOfItems(
  db: Kysely<Database>,
  ownerId: string,
  itemIds: string[],
): Promise<OutreachMessageTable[]> {
  if (itemIds.length === 0) return [];
  return db
    .selectFrom('outreach_messages')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('item_id', 'in', itemIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** A message of this kind on the item that is sent or on its way (failed ones do not count). */
export async function liveMessageOfKind(db: Kysely<Database>, ownerId: string, itemId: string, kind: string) {
  return db
    .selectFrom('outreach_messages')
    .select(['id', 'status'])
    .where('owner_id', '=', ownerId)
    .where('item_id', '=', itemId)
    .where('kind', '=', kind)
    .where('status', '!=', 'failed')
    .executeTakeFirst();
}

/** A message to another contact (sent or on its way) with this fingerprint: the same text to someone else. */
export async function sameFingerprintToOther(
  db: Kysely<Database>,
  ownerId: string,
  contactId: string,
  fingerprint: string,
) {
  return db
    .selectFrom('outreach_messages as m')
    .innerJoin('contacts as c', 'c.id', 'm.contact_id')
    .select(['m.contact_id', 'c.display_name'])
    .where('m.owner_id', '=', ownerId)
    .where('m.fingerprint', '=', fingerprint)
    .where('m.contact_id', '!=', contactId)
    .where('m.status', '!=', 'failed')
    .orderBy('m.created_at')
    .limit(1)
    .executeTakeFirst();
}

/**
 * The messages to other contacts (sent or on its way), oldest first, with what their merge values are made of (the
 * contact's details, the message's purpose): the same text or line is judged with both people's values removed.
 */
export async function messagesToOthers(db: Kysely<Database>, ownerId: string, contactId: string) {
  return db
    .selectFrom('outreach_messages as m')
    .innerJoin('contacts as c', 'c.id', 'm.contact_id')
    .leftJoin('organisations as o', 'o.id', 'c.organisation_id')
    .leftJoin('purposes as p', 'p.id', 'm.purpose_id')
    .select([
      'm.contact_id',
      'm.body',
      'm.personal_line',
      'c.display_name',
      'c.given_name',
      'c.family_name',
      'c.title',
      'c.how_we_met',
      'o.name as organisation_name',
      'p.name as purpose_name',
    ])
    .where('m.owner_id', '=', ownerId)
    .where('m.contact_id', '!=', contactId)
    .where('m.status', '!=', 'failed')
    .orderBy('m.created_at')
    .execute();
}

// How we're connected

/**
 * The newest LinkedIn invitation with the contact: linked at import, or (imported before the contact existed) one
 * naming the contact's LinkedIn profile, as the invitations list matches them when read (ADR 19).
 */
export async function latestInvitation(db: Kysely<Database>, ownerId: string, contactId: string) {
  return db
    .selectFrom('linkedin_invitations')
    .select(['direction', 'message', 'sent_on'])
    .where('owner_id', '=', ownerId)
    .where((eb) =>
      eb.or([
        eb('contact_id', '=', contactId),
        eb(
          'profile_url',
          'in',
          eb
            .selectFrom('contact_channels')
            .select('value_norm')
            .where('owner_id', '=', ownerId)
            .where('contact_id', '=', contactId)
            .where('kind', '=', 'url'),
        ),
      ]),
    )
    .orderBy('sent_on', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function accountName(db: Kysely<Database>, accountId: string) {
  const row = await db
    .selectFrom('accounts')
    .select(['name', 'email'])
    .where('id', '=', accountId)
    .executeTakeFirst();
  return row ?? { name: '', email: '' };
}

// Analytics

/** Every first message sent, with its item's outcome, purpose and template names (the analytics' input). */
export async function firstMessagesSent(
  db: Kysely<Database>,
  ownerId: string,
  opts: { since?: string; purposeId?: string },
) {
  let q = db
    .selectFrom('outreach_messages as m')
    .innerJoin('outreach_items as it', 'it.id', 'm.item_id')
    .innerJoin('contacts as c', 'c.id', 'm.contact_id')
    .leftJoin('purposes as p', 'p.id', 'm.purpose_id')
    .leftJoin('outreach_templates as t', 't.id', 'm.template_id')
    .select([
      'it.id as item_id',
      'm.contact_id',
      'c.display_name',
      'm.channel',
      'm.sent_at',
      'm.purpose_id',
      'p.name as purpose_name',
      'm.template_id',
      't.name as template_name',
      'it.replied_at',
      'it.state',
    ])
    .where('m.owner_id', '=', ownerId)
    .where('m.kind', '=', 'first')
    .where('m.status', '=', 'sent')
    .where('c.deleted_at', 'is', null);
  if (opts.since) q = q.where('m.sent_at', '>=', opts.since);
  if (opts.purposeId) q = q.where('m.purpose_id', '=', opts.purposeId);
  return q.orderBy('m.sent_at').orderBy('m.id').execute();
}

// Replies in LinkedIn conversations

/** Items with a message out and no reply yet (open, or closed quietly), for these contacts or all. */
export async function awaitingReply(db: Kysely<Database>, ownerId: string, contactIds?: string[]) {
  const q = db
    .selectFrom('outreach_items')
    .select(['id', 'contact_id', 'sent_at', 'state', 'followed_up_at', 'purpose_id'])
    .where('owner_id', '=', ownerId)
    .where('state', 'in', ['sent', 'followed-up', 'closed'])
    .where('sent_at', 'is not', null)
    .where('replied_at', 'is', null);
  if (!contactIds) return q.execute();
  const out: Awaited<ReturnType<typeof q.execute>> = [];
  for (const batch of chunkIds(contactIds)) out.push(...(await q.where('contact_id', 'in', batch).execute()));
  return out;
}

/** Conversation messages (interactions with a conversation key) with these contacts since `since`. */
export async function conversationMessages(
  db: Kysely<Database>,
  ownerId: string,
  contactIds: string[],
  since: string,
) {
  const out: {
    contact_id: string;
    id: string;
    direction: string;
    occurred_at: string;
    conversation_key: string | null;
  }[] = [];
  for (const batch of chunkIds(contactIds)) {
    out.push(
      ...(await db
        .selectFrom('interaction_contacts as l')
        .innerJoin('interactions as i', 'i.id', 'l.interaction_id')
        .select(['l.contact_id', 'i.id', 'i.direction', 'i.occurred_at', 'i.conversation_key'])
        .where('l.owner_id', '=', ownerId)
        .where('l.contact_id', 'in', batch)
        .where('i.conversation_key', 'is not', null)
        .where('i.deleted_at', 'is', null)
        .where('i.occurred_at', '>=', since)
        .orderBy('i.occurred_at')
        .execute()),
    );
  }
  return out;
}

// Replies in Rapport threads

/**
 * The contact's items still waiting for a reply whose message went out as a Rapport direct message by `at`: a
 * message from that account in the thread afterwards is their reply.
 */
export async function awaitingRapportReply(
  db: Kysely<Database>,
  ownerId: string,
  contactId: string,
  at: string,
) {
  return db
    .selectFrom('outreach_items as it')
    .select(['it.id', 'it.contact_id', 'it.purpose_id'])
    .where('it.owner_id', '=', ownerId)
    .where('it.contact_id', '=', contactId)
    .where('it.state', 'in', ['sent', 'followed-up', 'closed'])
    .where('it.replied_at', 'is', null)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('outreach_messages as m')
          .select('m.id')
          .whereRef('m.item_id', '=', 'it.id')
          .where('m.owner_id', '=', ownerId)
          .where('m.channel', '=', 'rapport')
          .where('m.status', '=', 'sent')
          .where('m.sent_at', '<=', at),
      ),
    )
    .execute();
}

// Undoing an import

/** Items whose reply was one of this import's messages. */
export async function itemsRepliedByImport(db: Kysely<Database>, ownerId: string, importId: string) {
  return db
    .selectFrom('outreach_items as it')
    .innerJoin('interactions as i', 'i.id', 'it.reply_interaction_id')
    .select(['it.id', 'it.contact_id', 'it.followed_up_at'])
    .where('it.owner_id', '=', ownerId)
    .where('i.import_id', '=', importId)
    .execute();
}

export async function insertImportChanges(db: Kysely<Database>, rows: ImportChangeTable[]) {
  await insertRows(db, 'import_changes', rows as unknown as Record<string, unknown>[]);
}

/** Deletes these items if nothing was sent from them yet (a message makes them the owner's own work). */
export async function deleteUntouchedItems(db: Kysely<Database>, ownerId: string, ids: string[]) {
  for (const batch of chunkIds(ids)) {
    await db
      .deleteFrom('outreach_items')
      .where('owner_id', '=', ownerId)
      .where('id', 'in', batch)
      .where('state', 'in', ['queued', 'dismissed'])
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('outreach_messages as m')
              .select('m.id')
              .whereRef('m.item_id', '=', 'outreach_items.id'),
          ),
        ),
      )
      .execute();
  }
}

// Messages marked sent on LinkedIn that a later messages.csv brings back

/**
 * Interactions logged by messages marked sent in the user's LinkedIn (channel `linkedin`) to these contacts that no
 * LinkedIn import has claimed yet (no external key): the export will bring the same message back.
 */
export async function unclaimedLinkedinSends(db: Kysely<Database>, ownerId: string, contactIds: string[]) {
  const out: {
    interaction_id: string;
    contact_id: string;
    occurred_at: string;
    summary: string | null;
    message_id: string;
    item_id: string;
    kind: string;
    template_id: string | null;
    purpose_id: string | null;
  }[] = [];
  for (const batch of chunkIds(contactIds)) {
    out.push(
      ...(await db
        .selectFrom('outreach_messages as m')
        .innerJoin('interactions as i', 'i.id', 'm.interaction_id')
        .select([
          'i.id as interaction_id',
          'm.contact_id',
          'i.occurred_at',
          'i.summary',
          'm.id as message_id',
          'm.item_id',
          'm.kind',
          'm.template_id',
          'm.purpose_id',
        ])
        .where('m.owner_id', '=', ownerId)
        .where('i.owner_id', '=', ownerId)
        .where('m.contact_id', 'in', batch)
        .where('m.channel', '=', 'linkedin')
        .where('m.status', '=', 'sent')
        .where('i.deleted_at', 'is', null)
        .where('i.external_key', 'is', null)
        .orderBy('i.occurred_at')
        .execute()),
    );
  }
  return out;
}

/** Whether an import has since found this interaction in a LinkedIn export (claimMarkedLinkedinSends). */
export async function isClaimedByExport(db: Kysely<Database>, ownerId: string, interactionId: string) {
  const row = await db
    .selectFrom('interactions')
    .select('external_key')
    .where('owner_id', '=', ownerId)
    .where('id', '=', interactionId)
    .executeTakeFirst();
  return row?.external_key != null;
}

/** The LinkedIn message an outreach interaction is: its key, conversation and time as the export gives them. */
export async function claimInteractionForLinkedin(
  db: Kysely<Database>,
  ownerId: string,
  id: string,
  set: { external_key: string; conversation_key: string; occurred_at: string; updated_at: string },
) {
  await db
    .updateTable('interactions')
    .set(set)
    .where('owner_id', '=', ownerId)
    .where('id', '=', id)
    .where('external_key', 'is', null)
    .execute();
}
