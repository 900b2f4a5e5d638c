import { type Kysely, type Migration, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ENGINES, openOwnDatabase } from '../../../test/engines';
import { connect } from './connect';
import { migrateToLatest } from './migrate';

describe('migrateToLatest', () => {
  it('says a database a newer version migrated is newer, instead of "migration unknown failed"', async () => {
    const h = connect({ engine: 'sqlite', file: ':memory:' });
    try {
      await migrateToLatest(h.db);
      await sql`INSERT INTO kysely_migration (name, timestamp) VALUES ('9999-from-the-future', '2030-01-01T00:00:00.000Z')`.execute(
        h.db,
      );
      await expect(migrateToLatest(h.db)).rejects.toThrow(
        /brought up to date by a newer Rapport \(it has migration 9999-from-the-future, which this version does not know\)/,
      );
    } finally {
      await h.close();
    }
  });
});

const createTable = (name: string): Migration => ({
  up: async (db: Kysely<any>) => {
    await db.schema
      .createTable(name)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .execute();
  },
});

async function tables(db: Kysely<any>): Promise<string[]> {
  return (await db.introspection.getTables())
    .map((t) => t.name)
    .filter((n) => n.startsWith('t_'))
    .sort();
}

describe.each(ENGINES)('migrateToLatest on an existing database [%s]', (engine) => {
  it('rolls back every step of a run that fails halfway, so the next start applies them all', async () => {
    const h = await openOwnDatabase(engine, 'migrate', { empty: true });
    try {
      await migrateToLatest(h.db, { '0001-a': createTable('t_a') });
      const failing = {
        '0001-a': createTable('t_a'),
        '0002-b': createTable('t_b'),
        '0003-c': {
          up: async (db: Kysely<any>) => {
            await createTable('t_c').up(db);
            throw new Error('disk full');
          },
        },
      };
      await expect(migrateToLatest(h.db, failing)).rejects.toThrow(
        /migration 0003-c failed: Error: disk full \(nothing was changed/,
      );
      // Before, SQLite kept t_b and t_c: the next start failed on "table t_c already exists" for ever.
      expect(await tables(h.db)).toEqual(['t_a']);
      const fixed = { ...failing, '0003-c': createTable('t_c') };
      expect(await migrateToLatest(h.db, fixed)).toEqual(['0002-b', '0003-c']);
      expect(await tables(h.db)).toEqual(['t_a', 't_b', 't_c']);
    } finally {
      await h.drop();
    }
  });

  it('applies a migration numbered below one already applied instead of refusing to start', async () => {
    const h = await openOwnDatabase(engine, 'migrate', { empty: true });
    try {
      await migrateToLatest(h.db, { '0001-a': createTable('t_a'), '0003-c': createTable('t_c') });
      const all = {
        '0001-a': createTable('t_a'),
        '0002-b': createTable('t_b'),
        '0003-c': createTable('t_c'),
      };
      expect(await migrateToLatest(h.db, all)).toEqual(['0002-b']);
      expect(await tables(h.db)).toEqual(['t_a', 't_b', 't_c']);
      expect(await migrateToLatest(h.db, all)).toEqual([]);
    } finally {
      await h.drop();
    }
  });
});
