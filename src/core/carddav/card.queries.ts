import type { Kysely } from 'kysely';
import type { CarddavCardTable, Database } from '../db/schema';

/** The address-book cards stored for these contacts (those a client wrote). */
export async function storedCardsOf(
  db: Kysely<Database>,
  ownerId: string,
  contactIds: string[],
): Promise<CarddavCardTable[]> {
  const out: CarddavCardTable[] = [];
  for (let i = 0; i < contactIds.length; i += 500) {
    out.push(
      ...(await db
        .selectFrom('carddav_cards')
        .selectAll()
        .where('owner_id', '=', ownerId)
        .where('contact_id', 'in', contactIds.slice(i, i + 500))
        .execute()),
    );
  }
  return out;
}

/** The address-book cards stored under these names. */
export async function storedCardsNamed(
  db: Kysely<Database>,
  ownerId: string,
  names: string[],
): Promise<CarddavCardTable[]> {
  const out: CarddavCardTable[] = [];
  for (let i = 0; i < names.length; i += 500) {
    out.push(
      ...(await db
        .selectFrom('carddav_cards')
        .selectAll()
        .where('owner_id', '=', ownerId)
        .where('name', 'in', names.slice(i, i + 500))
        .execute()),
    );
  }
  return out;
}

/** The contacts whose stored card carries this UID. */
export async function storedCardsWithUid(
  db: Kysely<Database>,
  ownerId: string,
  uid: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('carddav_cards')
    .select('contact_id')
    .where('owner_id', '=', ownerId)
    .where('uid', '=', uid)
    .execute();
  return rows.map((r) => r.contact_id);
}

/** Stores what a client wrote for a contact (one card per contact: a new name replaces the old one). */
export async function saveStoredCard(db: Kysely<Database>, row: CarddavCardTable): Promise<void> {
  await db
    .deleteFrom('carddav_cards')
    .where('owner_id', '=', row.owner_id)
    .where((eb) => eb.or([eb('contact_id', '=', row.contact_id), eb('name', '=', row.name)]))
    .execute();
  await db.insertInto('carddav_cards').values(row).execute();
}

/** What clients were last told of every card of the owner: name → ETag (null once removed), and the last change. */
export async function knownCards(db: Kysely<Database>, ownerId: string) {
  const rows = await db
    .selectFrom('carddav_changes')
    .select(['name', 'etag', 'seq'])
    .where('owner_id', '=', ownerId)
    .execute();
  let seq = 0;
  const etags = new Map<string, string | null>();
  for (const r of rows) {
    etags.set(r.name, r.etag);
    seq = Math.max(seq, Number(r.seq));
  }
  return { etags, seq };
}

/** Records cards as changed (an ETag) or removed (null) by change number `seq`; returns the rows written. */
export async function recordCardChanges(
  db: Kysely<Database>,
  ownerId: string,
  seq: number,
  changes: { name: string; etag: string | null }[],
): Promise<number> {
  let rows = 0;
  for (let i = 0; i < changes.length; i += 500) {
    const slice = changes.slice(i, i + 500);
    const deleted = await db
      .deleteFrom('carddav_changes')
      .where('owner_id', '=', ownerId)
      .where(
        'name',
        'in',
        slice.map((c) => c.name),
      )
      .executeTakeFirst();
    const inserted = await db
      .insertInto('carddav_changes')
      .values(slice.map((c) => ({ owner_id: ownerId, name: c.name, etag: c.etag, seq })))
      .executeTakeFirst();
    rows += Number(deleted.numDeletedRows) + Number(inserted.numInsertedOrUpdatedRows ?? 0);
  }
  return rows;
}

/**
 * Cards changed or removed after change `since` (past the card named `after` within that change, when given), in
 * the order of the changes: `live` leaves out removed ones, `limit` stops after that many.
 */
export async function cardChangesSince(
  db: Kysely<Database>,
  ownerId: string,
  since: number,
  opts: { after?: string; live?: boolean; limit?: number } = {},
) {
  const { after, live, limit } = opts;
  let q = db
    .selectFrom('carddav_changes')
    .select(['name', 'etag', 'seq'])
    .where('owner_id', '=', ownerId)
    .where((eb) =>
      after === undefined
        ? eb('seq', '>', since)
        : eb.or([eb('seq', '>', since), eb.and([eb('seq', '=', since), eb('name', '>', after)])]),
    )
    .orderBy('seq')
    .orderBy('name');
  if (live) q = q.where('etag', 'is not', null);
  if (limit !== undefined) q = q.limit(limit);
  const rows = await q.execute();
  return rows.map((r) => ({ name: r.name, etag: r.etag, seq: Number(r.seq) }));
}

/** The cards clients were last told of (removed ones left out), by name. */
export async function currentCardEtags(db: Kysely<Database>, ownerId: string) {
  const rows = await db
    .selectFrom('carddav_changes')
    .select(['name', 'etag'])
    .where('owner_id', '=', ownerId)
    .where('etag', 'is not', null)
    .orderBy('name')
    .execute();
  return rows.map((r) => ({ name: r.name, etag: r.etag as string }));
}

/** Keeps a change number as given out: a sync token this address book may be asked about later. Returns the rows written. */
export async function recordSyncToken(db: Kysely<Database>, ownerId: string, seq: number): Promise<number> {
  const r = await db.insertInto('carddav_sync_tokens').values({ owner_id: ownerId, seq }).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0);
}

/** Whether this change number was given out as a token or numbers a recorded change, and the first token kept (0040). */
export async function syncTokenKnown(db: Kysely<Database>, ownerId: string, seq: number) {
  const row = await db
    .selectFrom('carddav_sync_tokens')
    .select((eb) => [eb.fn.min('seq').as('first'), eb.fn.countAll().filterWhere('seq', '=', seq).as('hits')])
    .where('owner_id', '=', ownerId)
    .executeTakeFirst();
  // A change still recorded under that number was made by this log too (a token kept before 0040 may be missing).
  const recorded =
    Number(row?.hits ?? 0) > 0 ||
    (await db
      .selectFrom('carddav_changes')
      .select('name')
      .where('owner_id', '=', ownerId)
      .where('seq', '=', seq)
      .limit(1)
      .executeTakeFirst()) !== undefined;
  return {
    known: recorded,
    first: row?.first === null || row?.first === undefined ? null : Number(row.first),
  };
}
