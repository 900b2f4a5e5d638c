import { type Kysely, sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { connect } from './connect';
import { migrateToLatest } from './migrate';
import * as m0029 from './migrations/0029-reference-indexes';

// Migration 0029: the columns that point at an interaction, and import_changes by contact, are searched through an
// index instead of read whole. Plans are read on empty tables, so PostgreSQL is told to avoid a sequential scan
// where it can: only an index lets it.

/** SQLite's plan of `query`, one line per step. */
async function sqlitePlan(db: Kysely<any>, query: ReturnType<typeof sql>): Promise<string[]> {
  const r = await sql<{ detail: string }>`EXPLAIN QUERY PLAN ${query}`.execute(db);
  return r.rows.map((row) => row.detail);
}

/** PostgreSQL's plan of `query` with sequential scans ruled out where another way exists. */
async function postgresPlan(db: Kysely<any>, query: ReturnType<typeof sql>): Promise<string> {
  return db.transaction().execute(async (trx) => {
    await sql`SET LOCAL enable_seqscan = off`.execute(trx);
    const r = await sql<{ 'QUERY PLAN': string }>`EXPLAIN ${query}`.execute(trx);
    return r.rows.map((row) => row['QUERY PLAN']).join('\n');
  });
}

// What deleting an interaction makes each engine run on the tables that name it (ON DELETE SET NULL).
const LINKS = [
  ['favours', 'interaction_id', 'favours_interaction_id_idx'],
  ['outreach_messages', 'interaction_id', 'outreach_messages_interaction_id_idx'],
  ['outreach_items', 'reply_interaction_id', 'outreach_items_reply_interaction_id_idx'],
] as const;

// As duplicates.queries.ts and import.queries.ts read it (values bound, as Kysely binds them).
const changesOfContact = sql`SELECT id, before, after FROM import_changes WHERE owner_id = ${'o'} AND entity = ${'contact'} AND action = ${'updated'} AND entity_id = ${'c'}`;

describeEngines('indexes on the columns that refer to interactions and contacts (0029)', (h) => {
  it('purging interactions from the trash searches the rows that name them, scanning none', async () => {
    const db = h.handle().db;
    if (h.engine === 'sqlite') {
      // SQLite lists the foreign-key actions in the DELETE's own plan.
      const plan = await sqlitePlan(db, sql`DELETE FROM interactions WHERE deleted_at < ${'2026-01-01'}`);
      for (const [table, column, index] of LINKS)
        expect(plan).toContain(`SEARCH ${table} USING COVERING INDEX ${index} (${column}=?)`);
      expect(plan.filter((step) => step.startsWith('SCAN'))).toEqual([]);
    } else {
      // PostgreSQL runs the action as a statement of its own per row deleted: the same statement here.
      for (const [table, column, index] of LINKS) {
        const plan = await postgresPlan(
          db,
          sql`UPDATE ${sql.table(table)} SET ${sql.ref(column)} = NULL WHERE ${sql.ref(column)} = ${'x'}`,
        );
        expect(plan).toContain(`using ${index} on ${table}`);
      }
    }
  });

  it("reads what imports did to a contact through an index on the contact's id", async () => {
    const db = h.handle().db;
    if (h.engine === 'sqlite')
      expect(await sqlitePlan(db, changesOfContact)).toEqual([
        'SEARCH import_changes USING INDEX import_changes_entity_idx (entity_id=?)',
      ]);
    else
      expect(await postgresPlan(db, changesOfContact)).toContain(
        'using import_changes_entity_idx on import_changes',
      );
  });
});

it('migration 0029 goes down and up again (SQLite, a database of its own)', async () => {
  const h = connect({ engine: 'sqlite', file: ':memory:' });
  try {
    await migrateToLatest(h.db);
    await m0029.down(h.db);
    expect(await sqlitePlan(h.db, changesOfContact)).toEqual(['SCAN import_changes']);
    await m0029.up(h.db);
    expect(await sqlitePlan(h.db, changesOfContact)).toEqual([
      'SEARCH import_changes USING INDEX import_changes_entity_idx (entity_id=?)',
    ]);
  } finally {
    await h.close();
  }
});
