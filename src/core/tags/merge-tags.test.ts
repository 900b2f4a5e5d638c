import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testContext } from '../../../test/engines';
import { createAccount } from '../accounts/create-account';
import { createContact } from '../contacts/create-contact';
import { getContact } from '../contacts/get-contact';
import { updateContact } from '../contacts/update-contact';
import { actingAs } from '../context';
import type { DatabaseHandle } from '../db/connect';
import { listTags } from './list-tags';

// Two connections at once need PostgreSQL: on SQLite, writers queue whole, and the race below cannot happen.
describe('a contact edit adding a tag while that tag is being merged into another [postgres]', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase('postgres');
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('waits for the merge, then is saved with the tag by that name', async () => {
    const base = testContext(handle.db, 'postgres');
    const account = await createAccount(base, {
      email: `tag-race-${process.pid}-${Date.now()}@example.test`,
      password: 'a long password',
      name: 'Race',
    });
    const ctx = { ...actingAs(base, account.id), clock: base.clock };
    await createContact(ctx, { displayName: 'Alan Turing', tags: ['ml', 'machine learning'] }, 'web');
    const ada = await createContact(ctx, { displayName: 'Ada Lovelace' }, 'web');
    const byName = new Map((await listTags(ctx)).map((t) => [t.name, t.id]));
    const [gone, kept] = [byName.get('ml') as string, byName.get('machine learning') as string];
    let edited: Promise<unknown> = Promise.resolve();
    // What mergeTags does, held open: lock both, move the links, delete the merged tag.
    await handle.db.transaction().execute(async (trx) => {
      await trx
        .selectFrom('tags')
        .select('id')
        .where('id', 'in', [gone, kept].sort())
        .orderBy('id')
        .forNoKeyUpdate()
        .execute();
      await trx.deleteFrom('contact_tags').where('tag_id', '=', gone).execute();
      await trx.deleteFrom('tags').where('id', '=', gone).execute();
      edited = updateContact(ctx, ada.id, { tags: ['ml'] }, 'web');
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    await edited;
    expect((await getContact(ctx, ada.id)).tags).toEqual(['ml']);
  });
});
