import { findAccountById } from '../accounts/account.queries';
import { type Ctx, nowIso, requireActor } from '../context';
import { notFound } from '../errors';
import type { ProgressOptions } from '../progress';
import { countOwned, ownedRows } from './backup.queries';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupV1 } from './backup-format';
import { BACKUP_TABLES } from './backup-tables';

// Rows converted between two progress reports inside one large table (interactions, photos).
const REPORT_EVERY = 10_000;

/**
 * Everything the actor owns as one versioned JSON document (bytes in base64), restorable with `restoreBackup`.
 * With `onProgress`, reports rows read ('reading') per table and per batch of rows, from 0 to all of them.
 */
export async function exportBackup(ctx: Ctx, opts: ProgressOptions = {}): Promise<BackupV1> {
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
    tables[table.name] = rows.map((row, i) => {
      const out: Record<string, string | number | null> = {};
      for (const c of table.columns) {
        const v = row[c];
        out[c] =
          v === undefined || v === null
            ? null
            : table.binary?.includes(c)
              ? Buffer.from(v as Uint8Array).toString('base64')
              : (v as string | number);
      }
      if (onProgress && (i + 1) % REPORT_EVERY === 0)
        onProgress({ phase: 'reading', done: done + i + 1, total });
      return out;
    });
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
