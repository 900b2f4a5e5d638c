import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { createContact } from '../contacts/create-contact';
import { deleteContact } from '../contacts/delete-contact';
import { findableAmong } from './sharing.queries';

describeEngines('the sharing rule', (h) => {
  it('finds a contact by its own choice or a findable tag; private wins; the trash hides', async () => {
    const { ctx, id: owner } = await h.account();
    const db = ctx.db;
    const plain = await createContact(ctx, { displayName: 'Plain' }, 'web');
    const tagged = await createContact(ctx, { displayName: 'Tagged', tags: ['speakers'] }, 'web');
    const chosen = await createContact(ctx, { displayName: 'Chosen' }, 'web');
    const hidden = await createContact(ctx, { displayName: 'Hidden', tags: ['speakers'] }, 'web');
    const trashed = await createContact(ctx, { displayName: 'Trashed', tags: ['speakers'] }, 'web');
    const all = [plain, tagged, chosen, hidden, trashed].map((c) => c.id);

    expect(await findableAmong(db, owner, all)).toEqual(new Set());
    await db.updateTable('tags').set({ findable: 1 }).where('owner_id', '=', owner).execute();
    await db.updateTable('contacts').set({ share: 'findable' }).where('id', '=', chosen.id).execute();
    await db.updateTable('contacts').set({ share: 'private' }).where('id', '=', hidden.id).execute();
    await deleteContact(ctx, trashed.id);
    expect(await findableAmong(db, owner, all)).toEqual(new Set([tagged.id, chosen.id]));

    // Another owner asking about the same ids finds nothing.
    const other = await h.account();
    expect(await findableAmong(db, other.id, all)).toEqual(new Set());
  });
});
