import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { createContact } from '../contacts/create-contact';
import { createPromise } from './create-promise';
import { getPromiseStats } from './get-promise-stats';
import { listPromises } from './list-promises';
import { updatePromise } from './update-promise';

describeEngines('correcting a promise', (h) => {
  it('a new what and due date keep the status; a due date moved past today makes it overdue', async () => {
    const { ctx } = await h.account();
    const ada = await createContact(ctx, { displayName: 'Ada Lovelace' }, 'web');
    const p = await createPromise(ctx, {
      contactId: ada.id,
      direction: 'mine',
      what: 'Send teh notes',
      dueOn: '2026-12-01',
    });
    const fixed = await updatePromise(ctx, p.id, { what: 'Send the notes', dueOn: '2026-11-20' });
    expect(fixed).toMatchObject({
      what: 'Send the notes',
      dueOn: '2026-11-20',
      status: 'open',
      overdue: true,
    });
    expect(await getPromiseStats(ctx)).toMatchObject({ open: 1, overdue: 1 });
    expect(await listPromises(ctx, {})).toEqual([fixed]);
  });

  it('corrects which way and with whom; a contact that is not mine is refused like a missing one', async () => {
    const me = await h.account();
    const other = await h.account();
    const ada = await createContact(me.ctx, { displayName: 'Ada Lovelace' }, 'web');
    const alan = await createContact(me.ctx, { displayName: 'Alan Turing' }, 'web');
    const theirs = await createContact(other.ctx, { displayName: 'Charles Babbage' }, 'web');
    const p = await createPromise(me.ctx, {
      contactId: ada.id,
      direction: 'mine',
      what: 'A paper',
      dueOn: '2026-12-01',
    });
    const fixed = await updatePromise(me.ctx, p.id, { contactId: alan.id, direction: 'theirs' });
    expect(fixed).toMatchObject({
      contact: { id: alan.id, displayName: 'Alan Turing' },
      direction: 'theirs',
    });
    expect(await listPromises(me.ctx, { contactId: ada.id })).toEqual([]);

    await expect(updatePromise(me.ctx, p.id, { contactId: theirs.id })).rejects.toMatchObject({
      code: 'validation',
      details: { issues: [{ path: 'contactId' }] },
    });
    await expect(updatePromise(me.ctx, p.id, { what: '' })).rejects.toMatchObject({
      code: 'validation',
      details: { issues: [expect.objectContaining({ path: 'what' })] },
    });
    await expect(updatePromise(other.ctx, p.id, { what: 'x' })).rejects.toMatchObject({ code: 'not_found' });
    expect((await listPromises(me.ctx, {}))[0]).toEqual(fixed);
  });
});
