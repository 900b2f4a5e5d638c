import { type Kysely, type Migration, type MigrationResultSet, Migrator } from 'kysely';
import * as m0001 from './migrations/0001-foundation';
import * as m0002 from './migrations/0002-portability';
import * as m0003 from './migrations/0003-interactions';
import * as m0004 from './migrations/0004-relationships';
import * as m0005 from './migrations/0005-agenda-indexes';
import * as m0006 from './migrations/0006-purposes-outreach';
import * as m0007 from './migrations/0007-network';
import * as m0008 from './migrations/0008-network-index';
import * as m0009 from './migrations/0009-email-verification';
import * as m0010 from './migrations/0010-search-name-index';
import * as m0011 from './migrations/0011-owner-scoped-search';
import * as m0012 from './migrations/0012-organisation-legal-forms';
import * as m0013 from './migrations/0013-organisation-merges';
import * as m0014 from './migrations/0014-carddav';
import * as m0015 from './migrations/0015-carddav-changes';
import * as m0016 from './migrations/0016-organisation-dismissals';
import * as m0017 from './migrations/0017-feed-names';
import * as m0018 from './migrations/0018-import-change-after';
import * as m0019 from './migrations/0019-tag-merged-names';
import * as m0020 from './migrations/0020-phone-region';
import * as m0021 from './migrations/0021-session-ends';
import * as m0022 from './migrations/0022-deferred-search-reindex';
import * as m0023 from './migrations/0023-search-joined-words-and-phones';
import * as m0024 from './migrations/0024-introduction-decline-cause';
import * as m0025 from './migrations/0025-phone-extension-keys';
import * as m0026 from './migrations/0026-interaction-date-only';
import * as m0027 from './migrations/0027-trashed-ledger-indexes';
import * as m0028 from './migrations/0028-import-file-names';
import * as m0029 from './migrations/0029-reference-indexes';
import * as m0030 from './migrations/0030-api-token-scopes';
import * as m0031 from './migrations/0031-pending-signups';
import * as m0032 from './migrations/0032-organisation-legal-forms-repeated';
import * as m0033 from './migrations/0033-import-issue-rows';
import * as m0034 from './migrations/0034-keep-in-touch-local-days';
import * as m0035 from './migrations/0035-vcard-sources-index';
import * as m0036 from './migrations/0036-introduction-lapse-told';
import * as m0037 from './migrations/0037-search-words-from-every-script';
import * as m0038 from './migrations/0038-introduction-lapse-indexes';
import * as m0039 from './migrations/0039-ledger-page-indexes';
import * as m0040 from './migrations/0040-carddav-sync-tokens';

// Listed statically (not read from disk) so migrations work the same from source, tests and bundles.
const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-portability': m0002,
  '0003-interactions': m0003,
  '0004-relationships': m0004,
  '0005-agenda-indexes': m0005,
  '0006-purposes-outreach': m0006,
  '0007-network': m0007,
  '0008-network-index': m0008,
  '0009-email-verification': m0009,
  '0010-search-name-index': m0010,
  '0011-owner-scoped-search': m0011,
  '0012-organisation-legal-forms': m0012,
  '0013-organisation-merges': m0013,
  '0014-carddav': m0014,
  '0015-carddav-changes': m0015,
  '0016-organisation-dismissals': m0016,
  '0017-feed-names': m0017,
  '0018-import-change-after': m0018,
  '0019-tag-merged-names': m0019,
  '0020-phone-region': m0020,
  '0021-session-ends': m0021,
  '0022-deferred-search-reindex': m0022,
  '0023-search-joined-words-and-phones': m0023,
  '0024-introduction-decline-cause': m0024,
  '0025-phone-extension-keys': m0025,
  '0026-interaction-date-only': m0026,
  '0027-trashed-ledger-indexes': m0027,
  '0028-import-file-names': m0028,
  '0029-reference-indexes': m0029,
  '0030-api-token-scopes': m0030,
  '0031-pending-signups': m0031,
  '0032-organisation-legal-forms-repeated': m0032,
  '0033-import-issue-rows': m0033,
  '0034-keep-in-touch-local-days': m0034,
  '0035-vcard-sources-index': m0035,
  '0036-introduction-lapse-told': m0036,
  '0037-search-words-from-every-script': m0037,
  '0038-introduction-lapse-indexes': m0038,
  '0039-ledger-page-indexes': m0039,
  '0040-carddav-sync-tokens': m0040,
};

/**
 * Brings the schema up to date; throws with the failing migration's name. Safe to call at every start-up.
 *
 * Every pending migration runs in one transaction on both engines, so a migration that fails (or a process killed
 * halfway) leaves the schema and data exactly as they were and the next start tries again. Kysely does that itself
 * on PostgreSQL (with a lock, so two servers starting at once migrate once), but not on SQLite, where a failure
 * used to leave the tables of the finished steps behind and every later start failed on "table already exists".
 * On SQLite the transaction begins IMMEDIATE (connect.ts): a second process starting at the same time waits, then
 * finds nothing left to do. So no migration may rely on `PRAGMA foreign_keys = OFF` (SQLite ignores it inside a
 * transaction): a table is changed in place, never rebuilt by drop and copy.
 *
 * A migration whose number is below one already applied still runs (migrations are numbered as they are planned,
 * and a later number can ship first): refusing it used to stop the server for good with "corrupted migrations".
 */
export async function migrateToLatest(
  db: Kysely<any>,
  list: Record<string, Migration> = migrations,
): Promise<string[]> {
  // Kysely's Migrator uses one transaction only where it believes DDL can be rolled back; SQLite's can.
  const on = db.getExecutor().adapter.supportsTransactionalDdl ? db : withTransactionalDdl(db);
  const result: MigrationResultSet = await new Migrator({
    db: on,
    provider: { getMigrations: async () => list },
    allowUnorderedMigrations: true,
  }).migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName;
    if (failed)
      throw new Error(
        `migration ${failed} failed: ${String(result.error)} (nothing was changed: the database is as it was before)`,
        { cause: result.error },
      );
    // None ran: the database's own record of its migrations does not fit this version's list.
    const missing = /previously executed migration (\S+) is missing/.exec(String(result.error))?.[1];
    throw new Error(
      missing
        ? `the database was brought up to date by a newer Rapport (it has migration ${missing}, which this version does not know): run that version or newer, or restore a backup made with this one`
        : `the database's schema could not be brought up to date: ${String(result.error)}`,
      { cause: result.error },
    );
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** The same database, with an adapter that tells Kysely's Migrator DDL may run inside a transaction. */
function withTransactionalDdl(db: Kysely<any>): Kysely<any> {
  const executor = db.getExecutor();
  const adapter = Object.create(executor.adapter, { supportsTransactionalDdl: { value: true } });
  const bound = <T extends object>(target: T, key: string | symbol) => {
    const value = Reflect.get(target, key, target);
    return typeof value === 'function' ? value.bind(target) : value; // Kysely's classes keep #private fields
  };
  const transactionalExecutor = new Proxy(executor, {
    get: (target, key) => (key === 'adapter' ? adapter : bound(target, key)),
  });
  return new Proxy(db, {
    get: (target, key) => (key === 'getExecutor' ? () => transactionalExecutor : bound(target, key)),
  });
}
