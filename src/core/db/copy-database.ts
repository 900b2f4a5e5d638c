import { closeSync, existsSync, openSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../errors';
import type { DatabaseHandle } from './connect';
import { vacuumInto } from './copy-database.queries';

/**
 * A whole-server copy of a SQLite database (every account, password hashes included) taken while the server runs:
 * copying rapport.sqlite by hand can catch it halfway through a write and miss what is still in rapport.sqlite-wal.
 * PostgreSQL has pg_dump for that.
 */
export async function copyDatabase(handle: DatabaseHandle, file: string): Promise<string> {
  if (handle.engine !== 'sqlite')
    throw new AppError(
      'validation',
      'the database is PostgreSQL (DATABASE_URL): copy it with pg_dump, e.g. pg_dump -Fc "$DATABASE_URL" > rapport.dump',
    );
  const target = resolve(file);
  if (existsSync(target)) throw new AppError('conflict', `${target} already exists: name a new file`);
  // Made empty first, readable by its owner only: a copy VACUUM INTO makes itself took the umask's 0644, and with it
  // every password hash was readable by anyone on the host. SQLite writes into an empty file.
  closeSync(openSync(target, 'wx', 0o600));
  try {
    await vacuumInto(handle.db, target);
  } catch (err) {
    rmSync(target, { force: true });
    throw err;
  }
  return target;
}
