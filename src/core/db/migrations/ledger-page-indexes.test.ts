import { CompiledQuery, type Kysely, type KyselyPlugin, sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEngines } from '../../../../test/engines';
import { listFavours } from '../../favours/favour.queries';
import { listPromises } from '../../promises/promise.queries';
import { connect } from '../connect';
import { migrateToLatest } from '../migrate';
import type { Database } from '../schema';
import * as m0039 from './0039-ledger-page-indexes';

// Migration 0039: a page of the favours ledger (newest first) and of the promises (by due date), the first one and
// one from a cursor, reads the owner's rows in the page's order through an index and stops at the page's end,
// instead of sorting every live favour or promise of the owner. Planned from the statements the queries send.

const CURSOR = { on: '2026-01-01', id: '01900000-0000-7000-8000-000000000000' };
const PAGES: [string, string, (db: Kysely<Database>) => Promise<unknown>][] = [
  ['favours', 'favours_owner_occurred_idx', (db) => listFavours(db, 'o', { limit: 51 })],
  ['favours', 'favours_owner_occurred_idx', (db) => listFavours(db, 'o', { before: CURSOR, limit: 51 })],
  ['promises', 'promises_owner_due_id_idx', (db) => listPromises(db, 'o', { limit: 51 })],
  ['promises', 'promises_owner_due_id_idx', (db) => listPromises(db, 'o', { after: CURSOR, limit: 51 })],
];

/** The one statement `run` sends, compiled as the engine receives it. */
async function statementOf(db: Kysely<Database>, run: (db: Kysely<Database>) => Promise<unknown>) {
  const seen: CompiledQuery[] = [];
  const capture: KyselyPlugin = {
    transformQuery: (args) => {
      seen.push(db.getExecutor().compileQuery(args.node, args.queryId));
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  await run(db.withPlugin(capture));
  expect(seen).toHaveLength(1);
  return seen[0] as CompiledQuery;
}

async function sqlitePlan(db: Kysely<Database>, run: (db: Kysely<Database>) => Promise<unknown>) {
  const q = await statementOf(db, run);
  const r = await db.executeQuery<{ detail: string }>(
    CompiledQuery.raw(`EXPLAIN QUERY PLAN ${q.sql}`, [...q.parameters]),
  );
  return r.rows.map((row) => row.detail).join('; ');
}

describeEngines('indexes of the ledger pages (0039)', (h) => {
  it('reads a page of favours or promises in its order through them, without sorting', async () => {
    const db = h.handle().db;
    for (const [table, index, run] of PAGES) {
      if (h.engine === 'sqlite') {
        const plan = await sqlitePlan(db, run);
        expect(plan, table).toMatch(
          new RegExp(`SEARCH (${table}|[fp]) USING INDEX ${index} \\(owner_id=\\?`),
        );
        expect(plan, table).not.toContain('TEMP B-TREE');
        continue;
      }
      const q = await statementOf(db, run);
      // Planned on an empty table: PostgreSQL is told to avoid a sequential scan and a sort where it can.
      const plan = await db.transaction().execute(async (trx) => {
        await sql`SET LOCAL enable_seqscan = off`.execute(trx);
        await sql`SET LOCAL enable_sort = off`.execute(trx);
        const r = await trx.executeQuery<{ 'QUERY PLAN': string }>(
          CompiledQuery.raw(`EXPLAIN ${q.sql}`, [...q.parameters]),
        );
        return r.rows.map((row) => row['QUERY PLAN']).join('\n');
      });
      expect(plan, table).toContain(`${index} on ${table}`);
      expect(plan, table).not.toMatch(/^\s*(->\s+)?Sort\b/m);
    }
  });
});

it('migration 0039 goes down and up again (SQLite, a database of its own)', async () => {
  const h = connect({ engine: 'sqlite', file: ':memory:' });
  try {
    await migrateToLatest(h.db);
    const [, , first] = PAGES[0] as (typeof PAGES)[number];
    await m0039.down(h.db);
    expect(await sqlitePlan(h.db, first)).toContain('TEMP B-TREE');
    await m0039.up(h.db);
    expect(await sqlitePlan(h.db, first)).not.toContain('TEMP B-TREE');
  } finally {
    await h.close();
  }
});
