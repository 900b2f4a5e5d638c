import { randomUUID } from 'node:crypto';
import { CompiledQuery as Compiled, type CompiledQuery, type Kysely, type KyselyPlugin, sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEngines, openOwnDatabase } from '../../../test/engines';
import {
  contactMergeStates,
  contactNames,
  findContactSummaries,
  findContacts,
} from '../contacts/contact.queries';
import { loadContactsRows } from '../contacts/contact-snapshot.queries';
import { contactIdPage } from '../exports/export.queries';
import { liveContactIds } from '../interactions/interaction.queries';
import { findableAmong, sharingOfContacts } from '../network/sharing.queries';
import { connectedOnOf } from '../outreach/outreach.queries';
import { cadenceInputs } from '../relationships/relationship.queries';
import { insertRows, refreshPlannerStatistics, withDeferredSearchIndex } from './portable';
import type { Database } from './schema';

// Reads of contacts by a list of ids (CardDAV multiget, merges, snapshots, outreach batches) must look each id up
// by primary key on SQLite, whatever the planner statistics say after a bulk load. `PRAGMA optimize` samples them
// (`refreshPlannerStatistics`): for one owner of 5,000 contacts it wrote ~1,000 rows per owner, and the planner then
// walked the owner's index for 500 ids; with many small owners it walks the owner's few rows instead.

const AT = '2026-11-28T00:00:00.000Z';

function contactRow(id: string, ownerId: string, i: number): Record<string, unknown> {
  return {
    id,
    owner_id: ownerId,
    display_name: `Person ${i}`,
    custom_fields: '{}',
    source: 'linkedin',
    created_at: AT,
    updated_at: AT,
    sort_key: `person ${String(i).padStart(6, '0')}`,
    search_name: `person ${i}`,
    search_text: '',
    addresses: '[]',
    dates: '[]',
    connected_on: `2026-01-${String(10 + (i % 19)).padStart(2, '0')}`,
  };
}

/** `owners` accounts of `each` contacts, loaded as an import loads them, then statistics refreshed as it does. */
async function bulkLoad(db: Kysely<Database>, owners: number, each: number) {
  const accounts: string[] = Array.from({ length: owners }, () => randomUUID());
  await insertRows(
    db,
    'accounts',
    accounts.map((id) => ({
      id,
      email: `${id}@example.test`,
      email_norm: `${id}@example.test`,
      name: 'Owner',
      password_hash: 'x',
      created_at: AT,
      updated_at: AT,
      password_changed_at: AT,
    })),
  );
  const ids = new Map(accounts.map((a) => [a, [] as string[]]));
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < owners * each; i++) {
    const owner = accounts[i % owners] as string;
    const id = randomUUID();
    ids.get(owner)?.push(id);
    rows.push(contactRow(id, owner, i));
  }
  await db.transaction().execute(async (trx) => {
    for (const owner of accounts)
      await withDeferredSearchIndex(trx, owner, () =>
        insertRows(
          trx,
          'contacts',
          rows.filter((r) => r.owner_id === owner),
        ),
      );
  });
  await refreshPlannerStatistics(db);
  return { owner: accounts[0] as string, other: accounts[1] as string, ids };
}

/** The statements `run` sends, compiled as the engine receives them. */
async function statementsOf(db: Kysely<Database>, run: (db: Kysely<Database>) => Promise<unknown>) {
  const seen: CompiledQuery[] = [];
  const capture: KyselyPlugin = {
    transformQuery: (args) => {
      seen.push(db.getExecutor().compileQuery(args.node, args.queryId));
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  await run(db.withPlugin(capture));
  return seen;
}

/** SQLite's plan of each statement on `contacts`, one string of steps per statement. */
async function contactPlans(db: Kysely<Database>, run: (db: Kysely<Database>) => Promise<unknown>) {
  const out: string[] = [];
  for (const q of await statementsOf(db, run)) {
    if (!/ from "contacts"/.test(q.sql)) continue;
    const r = await db.executeQuery<{ detail: string }>(
      Compiled.raw(`EXPLAIN QUERY PLAN ${q.sql}`, [...q.parameters]),
    );
    // The steps that read contacts (aliased `c` in some statements).
    out.push(
      r.rows
        .map((row) => row.detail)
        .filter((d) => /^(SEARCH|SCAN) (contacts|c)\b/.test(d))
        .join('; '),
    );
  }
  return out;
}

const BY_ID = /^SEARCH (contacts|c) USING INDEX sqlite_autoindex_contacts_1 \(id=\?\)$/;

// Every id-list read of contacts, given the owner and a list of ids.
const ID_LIST_READS: [string, (db: Kysely<Database>, owner: string, ids: string[]) => Promise<unknown>][] = [
  ['findContacts', findContacts],
  ['findContactSummaries', findContactSummaries],
  ['contactMergeStates', contactMergeStates],
  ['contactNames', contactNames],
  ['loadContactsRows', loadContactsRows],
  ['liveContactIds', liveContactIds],
  ['connectedOnOf', connectedOnOf],
  ['findableAmong', findableAmong],
  ['sharingOfContacts', sharingOfContacts],
  ['cadenceInputs', cadenceInputs],
];

for (const [shape, owners, each] of [
  ['one owner of 5,000 contacts', 1, 5000],
  ['1,000 owners of 6 contacts', 1000, 6],
] as const) {
  it(`SQLite reads contacts by id list through the primary key after a bulk load: ${shape}`, async () => {
    const own = await openOwnDatabase('sqlite', 'id_lists');
    try {
      const db = own.db;
      const { owner, ids } = await bulkLoad(db, owners, each);
      const mine = ids.get(owner) as string[];
      // As many ids as a multiget sends: the owner's, and others' (none of which may come back).
      const list = [...mine.slice(0, 250), ...[...ids.values()].flat().slice(-250)];
      for (const [name, read] of ID_LIST_READS) {
        const plans = await contactPlans(db, (d) => read(d, owner, list));
        expect(plans.length, name).toBeGreaterThan(0);
        for (const plan of plans) expect(plan, name).toMatch(BY_ID);
      }
      // A read of the owner's whole list still walks the owner's index.
      expect(await contactPlans(db, (d) => contactIdPage(d, owner, null, 50))).toEqual([
        'SEARCH contacts USING INDEX contacts_owner_sort_idx (owner_id=?)',
      ]);
    } finally {
      await own.drop();
    }
  });
}

describeEngines('reads by id list', (h) => {
  it("finds the owner's contacts among the ids given, and no other owner's", async () => {
    const db = h.handle().db;
    const a = await h.account();
    const b = await h.account();
    const rows = [
      ...Array.from({ length: 3 }, (_, i) => contactRow(randomUUID(), a.id, i)),
      ...Array.from({ length: 2 }, (_, i) => contactRow(randomUUID(), b.id, i)),
    ];
    await insertRows(db, 'contacts', rows);
    const all = rows.map((r) => r.id as string);
    const ofA = all.slice(0, 3).sort();
    expect((await findContacts(db, a.id, all)).map((c) => c.id).sort()).toEqual(ofA);
    expect((await findContactSummaries(db, a.id, all)).map((c) => c.id).sort()).toEqual(ofA);
    expect((await contactMergeStates(db, a.id, all)).map((c) => c.id).sort()).toEqual(ofA);
    expect([...(await contactNames(db, a.id, all)).keys()].sort()).toEqual(ofA);
    expect([...(await liveContactIds(db, a.id, all))].sort()).toEqual(ofA);
    expect([...(await connectedOnOf(db, a.id, all)).keys()].sort()).toEqual(ofA);
    expect((await loadContactsRows(db, b.id, all)).map((c) => c.row.id).sort()).toEqual(all.slice(3).sort());
    // PostgreSQL gets the plain column: no unary plus in what it is sent.
    const sent = await statementsOf(db, (d) => findContacts(d, a.id, all));
    if (h.engine === 'postgres') expect(sent[0]?.sql).not.toContain('+');
    else expect(sent[0]?.sql).toContain('+"contacts"."owner_id"');
    await sql`DELETE FROM contacts WHERE id IN (${sql.join(all)})`.execute(db);
  });
});
