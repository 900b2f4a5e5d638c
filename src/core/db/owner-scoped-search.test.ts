import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { describeEngines, openTestDatabase, testContext } from '../../../test/engines';
import { createAccount } from '../accounts/create-account';
import { createContact } from '../contacts/create-contact';
import { listContacts } from '../contacts/list-contacts';
import { actingAs } from '../context';
import * as m0011 from './migrations/0011-owner-scoped-search';
import { contactSearchHitCount } from './portable';

describeEngines('full-text search on a shared server', (h) => {
  it('finds only the owner’s contacts, and SQLite’s index reads only the owner’s words', async () => {
    const me = await h.account('Me');
    const other = await h.account('Other');
    for (const ctx of [me.ctx, other.ctx]) {
      await createContact(ctx, { displayName: 'Ada Lovelace', organisation: 'Analytical Engines' }, 'web');
      await createContact(ctx, { displayName: 'Grace Hopper', title: 'Admiral of analytics' }, 'web');
    }
    await createContact(other.ctx, { displayName: 'Adam Analyst' }, 'web');
    const names = async (q: string) => (await listContacts(me.ctx, { q })).items.map((c) => c.displayName);
    expect(await names('ana')).toEqual(['Ada Lovelace', 'Grace Hopper']);
    expect(await names('ada lov')).toEqual(['Ada Lovelace']);
    if (h.engine === 'sqlite') {
      const count = async (ownerId: string, word: string) => {
        const q = contactSearchHitCount('sqlite', ownerId, [word], 'any', 500);
        return Number((await q?.execute(me.ctx.db))?.rows[0]?.n);
      };
      expect(await count(me.id, 'ana')).toBe(2);
      expect(await count(other.id, 'ana')).toBe(3);
      expect(await count(me.id, 'adam')).toBe(0);
    }
  });
});

describe('migration 0011 on a SQLite database that already has contacts', () => {
  it('indexes every existing contact behind its owner’s key, and can be undone and done again', async () => {
    const handle = await openTestDatabase('sqlite');
    try {
      const base = testContext(handle.db, 'sqlite');
      const account = await createAccount(base, {
        email: 'm@example.test',
        password: 'a long password',
        name: 'M',
      });
      const ctx = actingAs(base, account.id);
      await createContact(ctx, { displayName: 'Ada Lovelace', organisation: 'Analytical Engines' }, 'web');
      const found = async () =>
        (await listContacts(ctx, { q: 'analytical' })).items.map((c) => c.displayName);
      expect(await found()).toEqual(['Ada Lovelace']);
      await m0011.down(handle.db);
      const plain = await sql<{
        n: number;
      }>`SELECT count(*) AS n FROM contact_fts WHERE contact_fts MATCH 'analytical'`.execute(handle.db);
      expect(plain.rows[0]?.n).toBe(1);
      await m0011.up(handle.db);
      expect(await found()).toEqual(['Ada Lovelace']);
      const keyed = await sql<{
        n: number;
      }>`SELECT count(*) AS n FROM contact_fts WHERE contact_fts MATCH 'analytical'`.execute(handle.db);
      expect(keyed.rows[0]?.n).toBe(0);
    } finally {
      await handle.close();
    }
  });
});
