import { findAccountById } from '../accounts/account.queries';
import { type Ctx, nowIso, requireActor } from '../context';
import { notFound } from '../errors';
import { ownedRows } from './backup.queries';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupV1 } from './backup-format';
import { BACKUP_TABLES } from './backup-tables';

/** Everything the actor owns as one versioned JSON document (bytes in base64), restorable with `restoreBackup`. */
export async function exportBackup(ctx: Ctx): Promise<BackupV1> {
  const ownerId = requireActor(ctx);
  const account = await findAccountById(ctx.db, ownerId);
  if (!account) throw notFound('account');
  const tables: Record<string, Record<string, string | number | null>[]> = {};
  for (const table of BACKUP_TABLES) {
    const rows = await ownedRows(ctx.db, table, ownerId);
    tables[table.name] = rows.map((row) => {
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
      return out;
    });
  }
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: nowIso(ctx),
    account: { name: account.name, email: account.email },
    tables,
  };
}
