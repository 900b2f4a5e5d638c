import { type Kysely, sql } from 'kysely';
import { normaliseOrganisationName } from '../../organisations/organisation';

// Organisation names now compare without every legal form at their end, not only the last one ("Tyrell Corp, Inc."
// is "Tyrell", as "Tyrell Corp" is; docs/adr/0007). The stored keys are worked out again from the names. Like
// migration 0025 this is not frozen in time on purpose: the keys must be the ones today's imports and forms make,
// whatever the rule is when an old database first reaches this. One owner at a time, so memory stays one account's.
//
// Nothing is merged here: merging two organisations is the owner's call and can be undone (merge-organisations.ts).
// One live organisation per key and owner (organisations_owner_name_uq), so where another live organisation holds
// the new key already, or an earlier-created one takes it here, the later one keeps its old key: both stay, imports
// of either spelling find the one with the key, and the duplicates view, which compares names by today's rule,
// suggests the two as a strong pair. Trashed and merged-away rows are outside that index and always take the new
// key: a merged name keeps leading to the organisation it was merged into.

const WRITE = 500;

interface Row {
  id: string;
  name: string;
  name_norm: string;
  deleted_at: string | null;
}

async function rekeyOwner(db: Kysely<any>, ownerId: string): Promise<void> {
  const rows = (await db
    .selectFrom('organisations')
    .select(['id', 'name', 'name_norm', 'deleted_at'])
    .where('owner_id', '=', ownerId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()) as Row[];
  // A key given up here is not handed on in the same pass: new keys of live rows then clash with no stored one and
  // no other, whatever order one UPDATE writes them in.
  const taken = new Set(rows.filter((r) => !r.deleted_at).map((r) => r.name_norm));
  const changed: { id: string; key: string }[] = [];
  for (const r of rows) {
    const key = normaliseOrganisationName(r.name);
    if (!key || key === r.name_norm) continue;
    if (!r.deleted_at) {
      if (taken.has(key)) continue;
      taken.add(key);
    }
    changed.push({ id: r.id, key });
  }
  for (let i = 0; i < changed.length; i += WRITE) {
    const values = sql.join(changed.slice(i, i + WRITE).map((c) => sql`(${c.id}, ${c.key})`));
    await sql`WITH k(id, key) AS (VALUES ${values})
      UPDATE organisations SET name_norm = k.key FROM k WHERE organisations.id = k.id`.execute(db);
  }
}

async function rekey(db: Kysely<any>): Promise<void> {
  const owners = (await db.selectFrom('organisations').select('owner_id').distinct().execute()) as {
    owner_id: string;
  }[];
  for (const { owner_id } of owners) await rekeyOwner(db, owner_id);
}

export async function up(db: Kysely<any>): Promise<void> {
  if (db.isTransaction) await rekey(db);
  else await db.transaction().execute(rekey);
}

export async function down(): Promise<void> {
  // The shorter keys work with the code before this migration too: its imports of "Tyrell Corp, Inc." look for
  // "tyrell corp" and, not finding it, add a second organisation, as they did before.
}
