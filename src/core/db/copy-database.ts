import { existsSync } from 'node:fs';
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
  await vacuumInto(handle.db, target);
  return target;
}
