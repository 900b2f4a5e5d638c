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
  const order = table.id ?? table.columns[0] ?? table.owner;
  const rows = await db
    .selectFrom(table.name)
    .select(table.columns.map((c) => sql.ref(c).as(c)))
    .where(sql.ref(table.owner), '=', ownerId)
    .orderBy(sql.ref(order))
    .execute();
  return rows as Record<string, unknown>[];
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
