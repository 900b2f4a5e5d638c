import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
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
