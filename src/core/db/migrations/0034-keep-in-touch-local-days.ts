import { type Kysely, sql } from 'kysely';

// Keep-in-touch due days now count from the local day of the last contact in the account's time zone (ADR 9), not
// its UTC day: an 8:00 coffee in Auckland fell due a day early. Stored due days move by the difference between the
// two days of what they were counted from (the last contact, else the contact's date added; a date connected is a
// day already and moves nothing), so nothing waits for the next interaction to be right. Accounts in UTC, or in a
// zone this runtime does not know (left as they were), change nothing. One owner at a time. Today items carry their
// due day in their key, so a keep-in-touch item done or snoozed under the old day can show once more under the new.

const WRITE = 500;
const DAY = 86_400_000;

interface Row {
  contact_id: string;
  next_due: string;
  last_at: string | null;
  connected_on: string | null;
  created_at: string;
}

/** Days from the UTC day of `at` to its day in the zone: -1, 0 or 1. */
function shiftOf(format: Intl.DateTimeFormat, at: string): number {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) return 0;
  const local = Date.parse(`${format.format(new Date(ms))}T00:00:00Z`);
  const utc = Date.parse(`${new Date(ms).toISOString().slice(0, 10)}T00:00:00Z`);
  return Math.round((local - utc) / DAY);
}

async function moveOwner(db: Kysely<any>, ownerId: string, timeZone: string): Promise<void> {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
  } catch {
    return;
  }
  const rows = (await db
    .selectFrom('relationship_states as s')
    .innerJoin('contacts as c', 'c.id', 's.contact_id')
    .select(['s.contact_id', 's.next_due', 's.last_at', 'c.connected_on', 'c.created_at'])
    .where('s.owner_id', '=', ownerId)
    .where('s.next_due', 'is not', null)
    .execute()) as Row[];
  const moved: { id: string; due: string }[] = [];
  for (const r of rows) {
    const from = r.last_at ?? (r.connected_on ? null : r.created_at);
    const days = from ? shiftOf(format, from) : 0;
    if (days === 0) continue;
    const due = new Date(Date.parse(`${r.next_due}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
    moved.push({ id: r.contact_id, due });
  }
  for (let i = 0; i < moved.length; i += WRITE) {
    const values = sql.join(moved.slice(i, i + WRITE).map((m) => sql`(${m.id}, ${m.due})`));
    await sql`WITH k(id, due) AS (VALUES ${values})
      UPDATE relationship_states SET next_due = k.due FROM k
      WHERE relationship_states.owner_id = ${ownerId} AND relationship_states.contact_id = k.id`.execute(db);
  }
}

async function move(db: Kysely<any>): Promise<void> {
  const accounts = (await db
    .selectFrom('account_settings')
    .select(['account_id', 'time_zone'])
    .where('time_zone', '!=', 'UTC')
    .execute()) as { account_id: string; time_zone: string }[];
  for (const a of accounts) await moveOwner(db, a.account_id, a.time_zone);
}

export async function up(db: Kysely<any>): Promise<void> {
  if (db.isTransaction) await move(db);
  else await db.transaction().execute(move);
}

export async function down(): Promise<void> {
  // Due days a day apart work with the code before this migration too; it counts them again at the next change.
}
