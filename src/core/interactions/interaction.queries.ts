import type { Kysely } from 'kysely';
import { ownerOfIdList } from '../db/portable';
import type { Database, InteractionTable } from '../db/schema';

export async function insertInteraction(db: Kysely<Database>, row: InteractionTable, contactIds: string[]) {
  await db.insertInto('interactions').values(row).execute();
  await db
    .insertInto('interaction_contacts')
    .values(contactIds.map((contact_id) => ({ owner_id: row.owner_id, interaction_id: row.id, contact_id })))
    .execute();
}

export async function findInteraction(db: Kysely<Database>, ownerId: string, id: string) {
  return db
    .selectFrom('interactions')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** The contacts of each interaction, with their names. */
export async function contactsOfInteractions(db: Kysely<Database>, ownerId: string, ids: string[]) {
  const out = new Map<string, { id: string; displayName: string }[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('interaction_contacts as l')
    .innerJoin('contacts as c', 'c.id', 'l.contact_id')
    .select(['l.interaction_id', 'c.id', 'c.display_name'])
    .where('l.owner_id', '=', ownerId)
    .where('l.interaction_id', 'in', ids)
    // A merge links the kept contact too and leaves the merged one's links for its undo: one person, shown once.
    .where('c.merged_into', 'is', null)
    .orderBy('c.sort_key')
    .execute();
  for (const r of rows)
    out.set(r.interaction_id, [
      ...(out.get(r.interaction_id) ?? []),
      { id: r.id, displayName: r.display_name },
    ]);
  return out;
}

/** A page of the owner's live interactions, newest first, optionally with one contact. */
export async function listInteractions(
  db: Kysely<Database>,
  ownerId: string,
  opts: { contactId?: string; before?: { at: string; id: string }; limit: number },
) {
  let q = db
    .selectFrom('interactions as i')
    .selectAll('i')
    .where('i.owner_id', '=', ownerId)
    .where('i.deleted_at', 'is', null);
  const contactId = opts.contactId;
  if (contactId) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('interaction_contacts as l')
          .select('l.contact_id')
          .whereRef('l.interaction_id', '=', 'i.id')
          .where('l.contact_id', '=', contactId),
      ),
    );
  }
  const before = opts.before;
  if (before) {
    q = q.where((eb) =>
      eb.or([
        eb('i.occurred_at', '<', before.at),
        eb.and([eb('i.occurred_at', '=', before.at), eb('i.id', '<', before.id)]),
      ]),
    );
  }
  return q.orderBy('i.occurred_at', 'desc').orderBy('i.id', 'desc').limit(opts.limit).execute();
}

export async function updateInteractionRow(
  db: Kysely<Database>,
  ownerId: string,
  id: string,
  patch: Partial<Omit<InteractionTable, 'id' | 'owner_id'>>,
) {
  await db
    .updateTable('interactions')
    .set(patch)
    .where('owner_id', '=', ownerId)
    .where('id', '=', id)
    .execute();
}

export async function replaceInteractionContacts(
  db: Kysely<Database>,
  ownerId: string,
  id: string,
  contactIds: string[],
) {
  await db
    .deleteFrom('interaction_contacts')
    .where('owner_id', '=', ownerId)
    .where('interaction_id', '=', id)
    .execute();
  await db
    .insertInto('interaction_contacts')
    .values(contactIds.map((contact_id) => ({ owner_id: ownerId, interaction_id: id, contact_id })))
    .execute();
}

/** Which of these ids are the owner's live contacts. */
export async function liveContactIds(
  db: Kysely<Database>,
  ownerId: string,
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('contacts')
    .select('id')
    .where(ownerOfIdList(db, 'owner_id', ownerId))
    .where('id', 'in', ids)
    .where('deleted_at', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.id));
}
