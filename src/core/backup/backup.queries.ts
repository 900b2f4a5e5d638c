import { type Kysely, sql } from 'kysely';
import { chunkIds } from '../db/chunk';
import { insertRows } from '../db/portable';
import type { Database } from '../db/schema';
import type { BackupTable } from './backup-tables';

/** Every row the owner has in one table, only the backed-up columns, in a stable order. */
export async function ownedRows(
  db: Kysely<Database>,
  table: BackupTable,
  ownerId: string,
): Promise<Record<string, unknown>[]> {
  // By id, or by every column of a link table without one: ordering by its first column alone left ties (a
  // contact's tags) in whatever order the engine found them, so two exports of one account could differ.
  const order = table.id ? [table.id] : table.columns.length > 0 ? table.columns : [table.owner];
  let query = db
    .selectFrom(table.name)
    .select(table.columns.map((c) => sql.ref(c).as(c)))
    .where(sql.ref(table.owner), '=', ownerId);
  for (const column of order) query = query.orderBy(sql.ref(column));
  return (await query.execute()) as Record<string, unknown>[];
}

/** How many rows the owner has in one table. */
export async function countOwned(db: Kysely<Database>, table: BackupTable, ownerId: string): Promise<number> {
  const row = await db
    .selectFrom(table.name)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(sql.ref(table.owner), '=', ownerId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Deletes the owner's rows of one table (before a restore replaces them). */
export async function deleteOwned(db: Kysely<Database>, table: BackupTable, ownerId: string): Promise<void> {
  await db.deleteFrom(table.name).where(sql.ref(table.owner), '=', ownerId).execute();
}

/** Whether any of these ids is already used in the table (by anyone). */
export async function anyIdTaken(db: Kysely<Database>, table: BackupTable, ids: string[]): Promise<boolean> {
  if (!table.id) return false;
  for (const batch of chunkIds(ids)) {
    const hit = await db
      .selectFrom(table.name)
      .select(sql.ref(table.id).as('id'))
      .where(sql.ref(table.id), 'in', batch)
      .limit(1)
      .executeTakeFirst();
    if (hit) return true;
  }
  return false;
}

export async function insertOwnedRows(
  db: Kysely<Database>,
  table: BackupTable,
  rows: Record<string, unknown>[],
) {
  await insertRows(db, table.name, rows);
}
