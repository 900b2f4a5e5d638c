import { type Kysely, sql } from 'kysely';
import { settingsOf } from '../agenda/agenda.queries';
import { toSettings } from '../agenda/settings';
import { chunkIds } from '../db/chunk';
import { ownerOfIdList } from '../db/portable';
import type { Database, InteractionKind, RelationshipStateTable } from '../db/schema';
import { purposeCadences } from '../purposes/purpose-cadence';
import type { CadenceInput } from './relationship-state';

/** The stored relationship state of each of these contacts (absent: never in touch, no settings). */
export async function statesOf(db: Kysely<Database>, ownerId: string, contactIds: string[]) {
  const out = new Map<string, RelationshipStateTable>();
  for (const ids of chunkIds(contactIds)) {
    const rows = await db
      .selectFrom('relationship_states')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .where('contact_id', 'in', ids)
      .execute();
    for (const r of rows) out.set(r.contact_id, r);
  }
  return out;
}

/**
 * Inserts or replaces these contacts' relationship states, a few hundred rows per statement (an import's undo or a
 * time-zone change saves tens of thousands; one statement each cost more than the rest of the work). A contact listed
 * twice keeps its last row, as one upsert after another would (PostgreSQL refuses one statement touching a row twice).
 */
export async function saveStates(db: Kysely<Database>, rows: RelationshipStateTable[]) {
  const last = new Map<string, RelationshipStateTable>();
  for (const row of rows) {
    const key = `${row.owner_id} ${row.contact_id}`;
    last.delete(key); // re-inserted below, so the map keeps the order of each contact's last row
    last.set(key, row);
  }
  // ~20 columns a row: 200 rows stay far below SQLite's and PostgreSQL's limits on bound values.
  for (const chunk of chunkIds([...last.values()], 200)) {
    await db
      .insertInto('relationship_states')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['owner_id', 'contact_id']).doUpdateSet((eb) => ({
          as_of_ms: eb.ref('excluded.as_of_ms'),
          face: eb.ref('excluded.face'),
          voice: eb.ref('excluded.voice'),
          out_w: eb.ref('excluded.out_w'),
          in_w: eb.ref('excluded.in_w'),
          favours: eb.ref('excluded.favours'),
          first_at: eb.ref('excluded.first_at'),
          last_at: eb.ref('excluded.last_at'),
          closeness: eb.ref('excluded.closeness'),
          cadence_days: eb.ref('excluded.cadence_days'),
          cadence_stopped: eb.ref('excluded.cadence_stopped'),
          next_due: eb.ref('excluded.next_due'),
          updated_at: eb.ref('excluded.updated_at'),
          last_kind: eb.ref('excluded.last_kind'),
          last_direction: eb.ref('excluded.last_direction'),
        })),
      )
      .execute();
  }
}

/** A tag with a keep-in-touch interval. */
export interface TagCadence {
  id: string;
  name: string;
  days: number;
}

/** The owner's live tags that set a keep-in-touch interval, by id (a handful, whatever the rolodex's size). */
export async function tagsWithCadence(db: Kysely<Database>, ownerId: string) {
  const rows = await db
    .selectFrom('tags')
    .select(['id', 'name', 'cadence_days'])
    .where('owner_id', '=', ownerId)
    .where('deleted_at', 'is', null)
    .where('cadence_days', 'is not', null)
    .execute();
  return new Map<string, TagCadence>(
    rows.map((r) => [r.id, { id: r.id, name: r.name, days: Number(r.cadence_days) }]),
  );
}

/**
 * The id of the contact's live tag with the shortest interval (ties: the first by name, in the same byte order on
 * both engines), as a column of a query over contacts: one lookup per row, as the minimum it replaced was.
 */
function shortestCadenceTag(db: Kysely<Database>, contactId: 'c.id' | 's.contact_id') {
  return db
    .selectFrom('contact_tags as ct')
    .innerJoin('tags as t', 't.id', 'ct.tag_id')
    .where('ct.contact_id', '=', sql.ref<string>(contactId))
    .where('t.deleted_at', 'is', null)
    .where('t.cadence_days', 'is not', null)
    .select('t.id')
    .orderBy('t.cadence_days')
    .orderBy('t.name_norm')
    .orderBy('t.id')
    .limit(1)
    .as('tag_id');
}

/**
 * What a keep-in-touch clock starts from when there was no contact yet, the tag with the shortest cadence and the
 * shortest cadence of an active purpose the contact is on.
 */
export async function cadenceInputs(db: Kysely<Database>, ownerId: string, contactIds: string[]) {
  const out = new Map<string, CadenceInput>();
  const purposeDays = await purposeCadences(db, ownerId, contactIds);
  const { timeZone } = toSettings(await settingsOf(db, ownerId));
  const tags = await tagsWithCadence(db, ownerId);
  for (const ids of chunkIds(contactIds)) {
    const rows = await db
      .selectFrom('contacts as c')
      .select([
        'c.id',
        'c.connected_on',
        'c.created_at',
        // No tag sets an interval (most accounts): nothing to look up per contact.
        tags.size > 0 ? shortestCadenceTag(db, 'c.id') : sql<string | null>`NULL`.as('tag_id'),
      ])
      .where(ownerOfIdList(db, 'c.owner_id', ownerId))
      .where('c.id', 'in', ids)
      .execute();
    for (const r of rows) {
      const tag = r.tag_id ? tags.get(r.tag_id) : undefined;
      out.set(r.id, {
        base: r.connected_on ?? r.created_at,
        tagDays: tag?.days ?? null,
        tag: tag ? { id: tag.id, name: tag.name } : null,
        purposeDays: purposeDays.get(r.id) ?? null,
        timeZone,
      });
    }
  }
  return out;
}

/** Every live interaction of these contacts (for a recompute). */
export async function interactionsOfContacts(db: Kysely<Database>, ownerId: string, contactIds: string[]) {
  const out: {
    contact_id: string;
    kind: string;
    direction: string;
    answered: number | null;
    occurred_at: string;
    /** How many contacts the interaction is with (more than one: a group). */
    people: number | string | null;
  }[] = [];
  for (const ids of chunkIds(contactIds)) {
    out.push(
      ...(await db
        .selectFrom('interaction_contacts as l')
        .innerJoin('interactions as i', 'i.id', 'l.interaction_id')
        .select((eb) => [
          'l.contact_id',
          'i.kind',
          'i.direction',
          'i.answered',
          'i.occurred_at',
          eb
            .selectFrom('interaction_contacts as g')
            .select(eb.fn.countAll<number | string>().as('n'))
            .whereRef('g.interaction_id', '=', 'l.interaction_id')
            .as('people'),
        ])
        .where('l.owner_id', '=', ownerId)
        .where('l.contact_id', 'in', ids)
        .where('i.deleted_at', 'is', null)
        .execute()),
    );
  }
  return out;
}

/** Every live favour with these contacts (for a recompute). */
export async function favoursOfContacts(db: Kysely<Database>, ownerId: string, contactIds: string[]) {
  const out: { contact_id: string; size: number; occurred_on: string; direction: 'given' | 'received' }[] =
    [];
  for (const ids of chunkIds(contactIds)) {
    out.push(
      ...(await db
        .selectFrom('favours')
        .select(['contact_id', 'size', 'occurred_on', 'direction'])
        .where('owner_id', '=', ownerId)
        .where('contact_id', 'in', ids)
        .where('deleted_at', 'is', null)
        .execute()),
    );
  }
  return out;
}

/** Every contact of the owner that has a state row or took part in an interaction or favour. */
export async function contactsWithHistory(db: Kysely<Database>, ownerId: string): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    SELECT contact_id AS id FROM relationship_states WHERE owner_id = ${ownerId}
    UNION SELECT contact_id FROM interaction_contacts WHERE owner_id = ${ownerId}
    UNION SELECT contact_id FROM favours WHERE owner_id = ${ownerId}`.execute(db);
  return rows.rows.map((r) => r.id);
}

/** States whose keep-in-touch date is on or before `day`, live contacts only. */
export async function dueStates(db: Kysely<Database>, ownerId: string, day: string, limit: number) {
  return db
    .selectFrom('relationship_states as s')
    .innerJoin('contacts as c', 'c.id', 's.contact_id')
    .selectAll('s')
    .select(['c.display_name', shortestCadenceTag(db, 's.contact_id')])
    .where('s.owner_id', '=', ownerId)
    .where('s.next_due', '<=', day)
    .where('c.deleted_at', 'is', null)
    .orderBy('s.next_due')
    .limit(limit)
    .execute();
}

/** Contacts carrying a tag (for a tag's cadence change). */
export async function contactIdsOfTag(db: Kysely<Database>, ownerId: string, tagId: string) {
  const rows = await db
    .selectFrom('contact_tags')
    .select('contact_id')
    .where('owner_id', '=', ownerId)
    .where('tag_id', '=', tagId)
    .execute();
  return rows.map((r) => r.contact_id);
}

export async function setTagCadence(
  db: Kysely<Database>,
  ownerId: string,
  tagId: string,
  days: number | null,
) {
  await db
    .updateTable('tags')
    .set({ cadence_days: days })
    .where('owner_id', '=', ownerId)
    .where('id', '=', tagId)
    .execute();
}

export interface FavourTotals {
  /** Weighted by size (small 1, medium 2, large 3): what the balance compares. */
  given: number;
  received: number;
  /** How many favours, whatever their size. */
  givenCount: number;
  receivedCount: number;
}

/** Favours given and received with each of these contacts: weighted by size, and counted. */
export async function favourTotals(db: Kysely<Database>, ownerId: string, contactIds: string[]) {
  const out = new Map<string, FavourTotals>();
  for (const ids of chunkIds(contactIds)) {
    const rows = await db
      .selectFrom('favours')
      .select([
        'contact_id',
        'direction',
        (eb) => eb.fn.sum<number>('size').as('total'),
        (eb) => eb.fn.countAll<number>().as('n'),
      ])
      .where('owner_id', '=', ownerId)
      .where('contact_id', 'in', ids)
      .where('deleted_at', 'is', null)
      .groupBy(['contact_id', 'direction'])
      .execute();
    for (const r of rows) {
      const t = out.get(r.contact_id) ?? { given: 0, received: 0, givenCount: 0, receivedCount: 0 };
      t[r.direction] = Number(r.total);
      t[r.direction === 'given' ? 'givenCount' : 'receivedCount'] = Number(r.n);
      out.set(r.contact_id, t);
    }
  }
  return out;
}

/**
 * What the contact's last contact (`at`, an instant as the relationship state stores it) was: the kind of the live
 * interaction with them at that instant (notes are not contact), and whether it was logged with its day only (every
 * one at that instant is date-only); with none there, it was a favour (a day, no kind of interaction). Reads the
 * newest few, newest first, and compares instants, as the state writes its own ISO string.
 */
export async function lastContactOf(
  db: Kysely<Database>,
  ownerId: string,
  contactId: string,
  at: string,
): Promise<{ kind: InteractionKind | 'favour'; dateOnly: boolean }> {
  const rows = await db
    .selectFrom('interaction_contacts as l')
    .innerJoin('interactions as i', 'i.id', 'l.interaction_id')
    .select(['i.occurred_at', 'i.date_only', 'i.kind'])
    .where('l.owner_id', '=', ownerId)
    .where('l.contact_id', '=', contactId)
    .where('i.deleted_at', 'is', null)
    .where('i.kind', '!=', 'note')
    .orderBy('i.occurred_at', 'desc')
    .limit(10)
    .execute();
  const last = rows.filter((r) => Date.parse(r.occurred_at) === Date.parse(at));
  if (last.length === 0) return { kind: 'favour', dateOnly: true };
  return { kind: last[0]?.kind as InteractionKind, dateOnly: last.every((r) => Boolean(r.date_only)) };
}

/**
 * A contact's live interactions (notes left out: they are not contact) counted by kind, direction and whether a
 * call was answered, with the latest of each; and their live favours, counted with the latest.
 */
export async function loggedActivityOf(db: Kysely<Database>, ownerId: string, contactId: string) {
  const [interactions, favours] = await Promise.all([
    db
      .selectFrom('interaction_contacts as l')
      .innerJoin('interactions as i', 'i.id', 'l.interaction_id')
      .select((eb) => [
        'i.kind',
        'i.direction',
        'i.answered',
        eb.fn.countAll<number | string>().as('n'),
        eb.fn.max('i.occurred_at').as('last'),
      ])
      .where('l.owner_id', '=', ownerId)
      .where('l.contact_id', '=', contactId)
      .where('i.deleted_at', 'is', null)
      .where('i.kind', '!=', 'note')
      .groupBy(['i.kind', 'i.direction', 'i.answered'])
      .execute(),
    db
      .selectFrom('favours')
      .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.max('occurred_on').as('last')])
      .where('owner_id', '=', ownerId)
      .where('contact_id', '=', contactId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst(),
  ]);
  return {
    interactions: interactions.map((r) => ({
      kind: r.kind,
      direction: r.direction,
      answered: r.answered === null ? null : Boolean(r.answered),
      count: Number(r.n),
      lastAt: r.last,
    })),
    favours: { count: Number(favours?.n ?? 0), lastOn: favours?.last ?? null },
  };
}
