import { UUID_PATTERN } from '../../contracts/common';
import { lockAccount } from '../accounts/account.queries';
import { contactIdsMatching } from '../contacts/contact.queries';
import { reindexContacts } from '../contacts/reindex-contacts';
import { type Ctx, inTransaction, requireActor } from '../context';
import { withDeferredSearchIndex } from '../db/portable';
import { AppError } from '../errors';
import { rekeyOrganisations } from '../organisations/rekey-organisations';
import type { ProgressOptions } from '../progress';
import { validate } from '../validate';
import { anyIdTaken, countOwned, deleteOwned, insertOwnedRows } from './backup.queries';
import { backupDocument } from './backup-format';
import { BACKUP_TABLES } from './backup-tables';

const UUID = new RegExp(UUID_PATTERN, 'gi');
// Rows inserted between two progress reports (insertRows splits them further under the parameter limits).
const BATCH = 10_000;

/**
 * Restores a backup into the actor's account, which must be empty (`conflict` otherwise); its profile, settings and
 * daily counts do not count and give way to the backup's (`setup` tables). Ids are kept when they
 * are free (a new server, either engine); when some are taken (the original account still lives on this server)
 * every id is replaced, wherever it appears, so references and stored snapshots stay consistent. All or nothing.
 * With `onProgress`, reports rows written ('writing') per table and per batch of rows, from 0 to all of them.
 */
export async function restoreBackup(
  ctx: Ctx,
  input: unknown,
  opts: ProgressOptions = {},
): Promise<{ rows: Record<string, number>; idsKept: boolean }> {
  const ownerId = requireActor(ctx);
  const backup = validate(backupDocument, input, 'backup');
  const { onProgress } = opts;
  return inTransaction(ctx, async (tx) => {
    // The same backup sent twice at once: the second finds the account no longer empty.
    await lockAccount(tx.db, ownerId);
    const held: { name: string; n: number }[] = [];
    for (const table of BACKUP_TABLES) {
      const n = table.setup ? 0 : await countOwned(tx.db, table, ownerId);
      if (n > 0) held.push({ name: table.name, n });
    }
    if (held.length > 0)
      throw new AppError(
        'conflict',
        `this account already has ${whatItHolds(held)}: restore a backup into an empty account`,
      );
    const tables = backup.tables as Record<string, Record<string, string | number | null>[]>;
    // What a new account set up before restoring (a profile, a time zone) gives way to the backup's.
    for (const table of BACKUP_TABLES)
      if (table.setup && (tables[table.name]?.length ?? 0) > 0) await deleteOwned(tx.db, table, ownerId);
    let taken = false;
    for (const table of BACKUP_TABLES) {
      if (
        table.id &&
        (await anyIdTaken(
          tx.db,
          table,
          (tables[table.name] ?? []).map((r) => String(r[table.id as string])),
        ))
      ) {
        taken = true;
        break;
      }
    }
    // New ids are handed out in the old ids' order, so every table keeps its order (ids sort like creation).
    const idMap = new Map<string, string>();
    if (taken) {
      const old = BACKUP_TABLES.flatMap((t) =>
        t.id ? (tables[t.name] ?? []).map((r) => String(r[t.id as string])) : [],
      );
      for (const id of [...new Set(old)].sort()) idMap.set(id, tx.ids.next());
    }
    const remap = (v: string | number | null) =>
      taken && typeof v === 'string' ? v.replace(UUID, (id) => idMap.get(id) ?? id) : v;

    const counts: Record<string, number> = {};
    const total = BACKUP_TABLES.reduce((n, t) => n + (tables[t.name]?.length ?? 0), 0);
    let done = 0;
    onProgress?.({ phase: 'writing', done, total });
    await withDeferredSearchIndex(tx.db, ownerId, async () => {
      for (const table of BACKUP_TABLES) {
        const rows = (tables[table.name] ?? []).map((row) => {
          const out: Record<string, unknown> = { [table.owner]: ownerId };
          for (const c of table.columns) {
            const v = remap(row[c] ?? table.absent?.[c] ?? null);
            out[c] = table.binary?.includes(c) && typeof v === 'string' ? Buffer.from(v, 'base64') : v;
          }
          return out;
        });
        try {
          for (let start = 0; start < rows.length; start += BATCH) {
            const batch = rows.slice(start, start + BATCH);
            await insertOwnedRows(tx.db, table, batch);
            done += batch.length;
            onProgress?.({ phase: 'writing', done, total });
          }
        } catch (e) {
          throw new AppError(
            'validation',
            `backup: the rows of ${table.name} do not fit this database (${(e as Error).message})`,
            {
              issues: [{ path: `backup.tables.${table.name}`, message: (e as Error).message }],
            },
          );
        }
        counts[table.name] = rows.length;
      }
    });
    // Keys are derived from names: a backup made before a rule changed carries the old ones.
    await rekeyOrganisations(tx, ownerId);
    // So are the search words (ADR 27's spelt umlauts, CJK parts, nicknames): written again as today's rules do.
    const restored = [
      ...(await contactIdsMatching(tx.db, { ownerId, deleted: false })),
      ...(await contactIdsMatching(tx.db, { ownerId, deleted: true })),
    ];
    await reindexContacts(tx, ownerId, restored);
    tx.log.info({ rows: counts, idsKept: !taken }, 'backup restored');
    return { rows: counts, idsKept: !taken };
  });
}

// What an owner recognises as theirs, in this order; child tables (channels, sources) only when nothing else shows.
const NAMED = ['contacts', 'organisations', 'interactions', 'favours', 'promises', 'purposes', 'tags'];

/** "2,801 contacts, 3 organisations and 5 interactions": what makes an account not empty, in its owner's words. */
function whatItHolds(held: { name: string; n: number }[]): string {
  const named = held.filter((t) => NAMED.includes(t.name));
  const shown = (named.length > 0 ? named : held)
    .sort((a, b) => NAMED.indexOf(a.name) - NAMED.indexOf(b.name))
    .slice(0, 3)
    .map(({ name, n }) => {
      const words = name.replace(/_/g, ' ');
      return `${n.toLocaleString('en-US')} ${n === 1 ? words.replace(/s$/, '') : words}`;
    });
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}` : (shown[0] as string);
}
