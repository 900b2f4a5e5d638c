import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { createContact } from '../contacts/create-contact';
import { getRelationship } from '../relationships/get-relationship';
import { getFavourBalance } from './get-favour-balance';
import { listFavours } from './list-favours';
import { recordFavour } from './record-favour';
import { updateFavour } from './update-favour';

describeEngines('correcting a favour', (h) => {
  it('changes only what is sent: a new "what" keeps the size, direction and date', async () => {
    const { ctx } = await h.account();
    const ada = await createContact(ctx, { displayName: 'Ada Lovelace' }, 'web');
    const f = await recordFavour(ctx, {
      contactId: ada.id,
      direction: 'received',
      what: 'Red my paper',
      size: 3,
      occurredOn: '2026-11-01',
    });
    const fixed = await updateFavour(ctx, f.id, { what: 'Read my paper' });
    expect(fixed).toMatchObject({
      what: 'Read my paper',
      size: 3,
      direction: 'received',
      occurredOn: '2026-11-01',
    });
    expect((await listFavours(ctx, { contact: ada.id })).items).toEqual([fixed]);
  });

  it('a new size or direction moves the balance and the relationship', async () => {
    const { ctx } = await h.account();
    const ada = await createContact(ctx, { displayName: 'Ada Lovelace' }, 'web');
    const f = await recordFavour(ctx, {
      contactId: ada.id,
      direction: 'given',
      what: 'Intro to a publisher',
    });
    expect((await getRelationship(ctx, ada.id)).favours).toEqual({
      given: 1,
      received: 0,
      balance: 1,
      givenCount: 1,
      receivedCount: 0,
    });

    await updateFavour(ctx, f.id, { size: 3 });
    expect((await getRelationship(ctx, ada.id)).favours).toEqual({
      given: 3,
      received: 0,
      balance: 3,
      givenCount: 1,
      receivedCount: 0,
    });
    expect((await getFavourBalance(ctx)).people).toEqual([
      { contact: { id: ada.id, displayName: 'Ada Lovelace' }, given: 3, received: 0, balance: 3 },
    ]);

    await updateFavour(ctx, f.id, { direction: 'received', occurredOn: '2026-10-01' });
    expect((await getRelationship(ctx, ada.id)).favours).toEqual({
      given: 0,
      received: 3,
      balance: -3,
      givenCount: 0,
      receivedCount: 1,
    });
    expect(await getFavourBalance(ctx)).toMatchObject({ given: 0, received: 3 });
  });

  it('moved to the right person: the balance follows', async () => {
    const { ctx } = await h.account();
    const ada = await createContact(ctx, { displayName: 'Ada Lovelace' }, 'web');
    const alan = await createContact(ctx, { displayName: 'Alan Turing' }, 'web');
    const f = await recordFavour(ctx, {
      contactId: ada.id,
      direction: 'given',
      what: 'Lent a book',
      size: 2,
    });
    const moved = await updateFavour(ctx, f.id, { contactId: alan.id });
    expect(moved.contact).toEqual({ id: alan.id, displayName: 'Alan Turing' });
    expect((await getRelationship(ctx, ada.id)).favours).toEqual({
      given: 0,
      received: 0,
      balance: 0,
      givenCount: 0,
      receivedCount: 0,
    });
    expect((await getRelationship(ctx, alan.id)).favours).toEqual({
      given: 2,
      received: 0,
      balance: 2,
      givenCount: 1,
      receivedCount: 0,
    });
    expect((await getFavourBalance(ctx)).people.map((p) => p.contact.displayName)).toEqual(['Alan Turing']);
  });

  it('refuses a date in the future, an empty "what", a size out of range and a contact that is not mine', async () => {
    const me = await h.account();
    const other = await h.account();
    const ada = await createContact(me.ctx, { displayName: 'Ada Lovelace' }, 'web');
    const theirs = await createContact(other.ctx, { displayName: 'Charles Babbage' }, 'web');
    const f = await recordFavour(me.ctx, { contactId: ada.id, direction: 'given', what: 'Lent a book' });
    const issue = (path: string) => ({
      code: 'validation',
      details: { issues: [expect.objectContaining({ path })] },
    });
    await expect(updateFavour(me.ctx, f.id, { occurredOn: '2026-11-26' })).rejects.toMatchObject(
      issue('occurredOn'),
    );
    await expect(updateFavour(me.ctx, f.id, { what: '  ' })).rejects.toMatchObject(issue('what'));
    await expect(updateFavour(me.ctx, f.id, { size: 4 as 3 })).rejects.toMatchObject(issue('size'));
    await expect(updateFavour(me.ctx, f.id, { contactId: theirs.id })).rejects.toMatchObject(
      issue('contactId'),
    );
    // Another account's favour answers like a missing one.
    await expect(updateFavour(other.ctx, f.id, { what: 'x' })).rejects.toMatchObject({ code: 'not_found' });
    expect((await listFavours(me.ctx, {})).items).toEqual([f]);
  });
});
