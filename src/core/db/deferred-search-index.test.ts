import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/engines';
import type { DatabaseHandle } from './connect';
import { insertRows, withDeferredSearchIndex } from './portable';

// An import (or a restore) indexes the contacts it added by looking for contacts without a full-text entry. It
// looked through every account's contacts, so each import cost what the whole server holds; it looks through its
// owner's alone. SQLite only: PostgreSQL's search column is generated and needs no fill.

const AT = '2026-11-28T00:00:00.000Z';
let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openTestDatabase('sqlite');
});
afterAll(() => handle.close());

const account = (id: string) => ({
  id,
  email: `${id}@example.test`,
  email_norm: `${id}@example.test`,
  name: 'Owner',
  password_hash: 'x',
  created_at: AT,
  updated_at: AT,
  password_changed_at: AT,
});
const contact = (ownerId: string, name: string) => ({
  id: randomUUID(),
  owner_id: ownerId,
  display_name: name,
  custom_fields: '{}',
  source: 'linkedin',
  created_at: AT,
  updated_at: AT,
  sort_key: name.toLowerCase(),
  search_name: name.toLowerCase(),
  search_text: '',
  addresses: '[]',
  dates: '[]',
});

it("fills the index for the loading owner's contacts only, never looking through other accounts'", async () => {
  const db = handle.db;
  const [mine, theirs] = [randomUUID(), randomUUID()];
  await insertRows(db, 'accounts', [account(mine), account(theirs)]);
  const other = contact(theirs, 'Other Person');
  await db
    .transaction()
    .execute((trx) => withDeferredSearchIndex(trx, theirs, () => insertRows(trx, 'contacts', [other])));
  // The other account's contact without an entry: a fill that looks through everyone's contacts would add one.
  await sql`DELETE FROM contact_fts_map WHERE contact_id = ${other.id}`.execute(db);

  const added = [contact(mine, 'Ada Lovelace'), contact(mine, 'Grace Hopper')];
  await db
    .transaction()
    .execute((trx) => withDeferredSearchIndex(trx, mine, () => insertRows(trx, 'contacts', added)));

  const mapped = await sql<{ contact_id: string }>`SELECT contact_id FROM contact_fts_map`.execute(db);
  expect(mapped.rows.map((r) => r.contact_id).sort()).toEqual(added.map((c) => c.id).sort());
  const indexed = await sql<{ n: number }>`SELECT count(*) AS n FROM contact_fts`.execute(db);
  expect(indexed.rows[0]?.n).toBe(2);
});
