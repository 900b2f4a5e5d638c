import { findAccountById } from '../accounts/account.queries';
import { type Ctx, nowIso, requireActor } from '../context';
import { notFound } from '../errors';
import type { ProgressOptions } from '../progress';
import { countOwned, ownedRows } from './backup.queries';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupDocument } from './backup-format';
import { BACKUP_TABLES, type BackupTable } from './backup-tables';

// Rows converted between two progress reports inside one large table (interactions, photos).
const REPORT_EVERY = 10_000;

/**
 * Everything the actor owns as one versioned JSON document (bytes in base64), restorable with `restoreBackup`.
 * With `onProgress`, reports rows read ('reading') per table and per batch of rows, from 0 to all of them.
 */
export async function exportBackup(ctx: Ctx, opts: ProgressOptions = {}): Promise<BackupDocument> {
  const ownerId = requireActor(ctx);
  const account = await findAccountById(ctx.db, ownerId);
  if (!account) throw notFound('account');
  const { onProgress } = opts;
  // The total costs one count per table, so it is only counted for someone watching.
  const counted = new Map<string, number>();
  if (onProgress) for (const t of BACKUP_TABLES) counted.set(t.name, await countOwned(ctx.db, t, ownerId));
  let total = [...counted.values()].reduce((a, b) => a + b, 0);
  let done = 0;
  onProgress?.({ phase: 'reading', done, total });
  const tables: Record<string, Record<string, string | number | null>[]> = {};
  for (const table of BACKUP_TABLES) {
    const rows = await ownedRows(ctx.db, table, ownerId);
    // Not one transaction: rows written or removed since the count keep the total true (and done ≤ total).
    total += rows.length - (counted.get(table.name) ?? rows.length);
    tables[table.name] = table.binary ? rows.map((row) => withBase64(table, row)) : backupRows(rows);
    if (onProgress)
      for (let i = REPORT_EVERY; i <= rows.length; i += REPORT_EVERY)
        onProgress({ phase: 'reading', done: done + i, total });
    done += rows.length;
    if (rows.length > 0) onProgress?.({ phase: 'reading', done, total });
  }
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: nowIso(ctx),
    account: { name: account.name, email: account.email },
    tables,
  };
}

type BackupRow = Record<string, string | number | null>;

/**
 * Rows as the backup holds them. A row comes back with exactly the backed-up columns, in their order, and only
 * text, numbers or null outside binary columns: it is written as it is (copying 30,000 rows of 30 columns made an
 * export spend more time collecting garbage than reading).
 */
function backupRows(rows: Record<string, unknown>[]): BackupRow[] {
  return rows as BackupRow[];
}

/** A row of a table with binary columns, the bytes as base64. */
function withBase64(table: BackupTable, row: Record<string, unknown>): BackupRow {
  const out: BackupRow = {};
  for (const c of table.columns) {
    const v = row[c];
    out[c] =
      v === undefined || v === null
        ? null
        : table.binary?.includes(c)
          ? Buffer.from(v as Uint8Array).toString('base64')
          : (v as string | number);
  }
  return out;
}
