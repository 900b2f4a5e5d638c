import { type Kysely, sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEngines } from '../../../../test/engines';
import { connect } from '../connect';
import { migrateToLatest } from '../migrate';
import * as m0038 from './0038-introduction-lapse-indexes';

// Migration 0038: lapsed introductions are looked for every few minutes (ADR 15), so both looks go through an index
// instead of reading every introduction ever made. Bound as Kysely binds them (introduction.queries.ts).
const dueToExpire = sql`UPDATE introductions SET state = ${'expired'} WHERE state IN (${'requested'}, ${'awaiting-target'}) AND expires_at <= ${'2026-11-28T00:00:00.000Z'}`;
const untold = sql`SELECT id, requester_id FROM introductions WHERE state = ${'expired'} AND lapse_told_at IS NULL ORDER BY closed_at, id LIMIT ${100}`;

async function sqlitePlan(db: Kysely<any>, query: typeof untold): Promise<string> {
  const r = await sql<{ detail: string }>`EXPLAIN QUERY PLAN ${query}`.execute(db);
  return r.rows.map((row) => row.detail).join('\n');
}

describeEngines('indexes for the lapse look-ups of introductions (0038)', (h) => {
  it('finds requests due to expire, and untold lapses in order, through them', async () => {
    const db = h.handle().db;
    if (h.engine === 'sqlite') {
      // A database of its own: the shared one carries planner statistics from whatever ran before (PRAGMA
      // optimize), and with them SQLite may pick another index in a full run.
      const own = connect({ engine: 'sqlite', file: ':memory:' });
      try {
        await migrateToLatest(own.db);
        expect(await sqlitePlan(own.db, dueToExpire)).toContain(
          'SEARCH introductions USING INDEX introductions_state_expiry_idx (state=? AND expires_at<?)',
        );
        const plan = await sqlitePlan(own.db, untold);
        expect(plan).toContain('SEARCH introductions USING INDEX introductions_untold_lapse_idx (state=?)');
        expect(plan).not.toContain('TEMP B-TREE');
      } finally {
        await own.close();
      }
      return;
    }
    // Planned on an empty table: PostgreSQL is told to avoid a sequential scan where it can.
    const plans = await db.transaction().execute(async (trx) => {
      await sql`SET LOCAL enable_seqscan = off`.execute(trx);
      const explain = async (q: typeof untold) =>
        (await sql<{ 'QUERY PLAN': string }>`EXPLAIN ${q}`.execute(trx)).rows
          .map((row) => row['QUERY PLAN'])
          .join('\n');
      return [await explain(dueToExpire), await explain(untold)];
    });
    // "Index Scan using X on introductions" on an empty table, "Bitmap Index Scan on X" once the shared database's
    // statistics say there are rows (a full run): either way the look-up goes through the index.
    expect(plans[0]).toMatch(/Index Scan (using|on) introductions_state_expiry_idx/);
    expect(plans[1]).toMatch(/Index Scan (using|on) introductions_untold_lapse_idx/);
  });
});

it('migration 0038 goes down and up again (SQLite, a database of its own)', async () => {
  const h = connect({ engine: 'sqlite', file: ':memory:' });
  try {
    await migrateToLatest(h.db);
    await m0038.down(h.db);
    expect(await sqlitePlan(h.db, untold)).not.toContain('introductions_untold_lapse_idx');
    await m0038.up(h.db);
    expect(await sqlitePlan(h.db, untold)).toContain('introductions_untold_lapse_idx');
  } finally {
    await h.close();
  }
});
