import { type Kysely, sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEngines } from '../../../../test/engines';
import { connect } from '../connect';
import { migrateToLatest } from '../migrate';
import * as m0035 from './0035-vcard-sources-index';

// Migration 0035: the raw vCards of a page of contacts are found through a partial index of the vCard sources,
// instead of reading every source row of those contacts (an export's, a multiget's). Bound as Kysely binds them.
const rawVcards = sql`SELECT contact_id, raw FROM contact_sources WHERE owner_id = ${'o'} AND kind = ${'vcard'} AND raw IS NOT NULL AND contact_id IN (${'a'}, ${'b'}) ORDER BY recorded_at`;

async function sqlitePlan(db: Kysely<any>): Promise<string[]> {
  const r = await sql<{ detail: string }>`EXPLAIN QUERY PLAN ${rawVcards}`.execute(db);
  return r.rows.map((row) => row.detail);
}

describeEngines('an index of the vCard sources (0035)', (h) => {
  it("reads a page's raw vCards through it", async () => {
    const db = h.handle().db;
    if (h.engine === 'sqlite') {
      expect(await sqlitePlan(db)).toContain(
        'SEARCH contact_sources USING INDEX contact_sources_vcard_idx (owner_id=? AND contact_id=?)',
      );
      return;
    }
    // Planned on an empty table: PostgreSQL is told to avoid a sequential scan where it can.
    const plan = await db.transaction().execute(async (trx) => {
      await sql`SET LOCAL enable_seqscan = off`.execute(trx);
      const r = await sql<{ 'QUERY PLAN': string }>`EXPLAIN ${rawVcards}`.execute(trx);
      return r.rows.map((row) => row['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('contact_sources_vcard_idx on contact_sources');
  });
});

it('migration 0035 goes down and up again (SQLite, a database of its own)', async () => {
  const h = connect({ engine: 'sqlite', file: ':memory:' });
  try {
    await migrateToLatest(h.db);
    await m0035.down(h.db);
    expect(await sqlitePlan(h.db)).toContain(
      'SEARCH contact_sources USING INDEX contact_sources_contact_idx (owner_id=? AND contact_id=?)',
    );
    await m0035.up(h.db);
    expect(await sqlitePlan(h.db)).toContain(
      'SEARCH contact_sources USING INDEX contact_sources_vcard_idx (owner_id=? AND contact_id=?)',
    );
  } finally {
    await h.close();
  }
});
