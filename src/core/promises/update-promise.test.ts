import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { actOnTodayItem } from '../agenda/act-on-today-item';
import { getToday } from '../agenda/get-today';
import { createContact } from '../contacts/create-contact';
import { createPromise } from './create-promise';
import { getPromiseStats } from './get-promise-stats';
import { listPromises } from './list-promises';
import { updatePromise } from './update-promise';

describeEngines('correcting a promise', (h) => {
  it('records the day it was kept when that was not today, and the rate counts it on time', async () => {
    const { ctx } = await h.account(); // today is 2026-11-25
    const ada = await createContact(ctx, { displayName: 'Ada Lovelace' }, 'web');
    const p = await createPromise(ctx, {
      contactId: ada.id,
      direction: 'mine',
      what: 'Notes',
      dueOn: '2026-11-24',
    });
    // Marked this morning: late, unless it says it was kept yesterday.
    expect(await updatePromise(ctx, p.id, { status: 'kept' })).toMatchObject({ resolvedOn: '2026-11-25' });
    expect((await getPromiseStats(ctx)).keptOnTimeAllTime).toBe(0);
    expect(await updatePromise(ctx, p.id, { resolvedOn: '2026-11-24' })).toMatchObject({
      status: 'kept',
      resolvedOn: '2026-11-24',
    });
    expect((await getPromiseStats(ctx)).keptOnTimeAllTime).toBe(1);
    // In one step, too.
    const q = await createPromise(ctx, {
      contactId: ada.id,
      direction: 'mine',
      what: 'Slides',
      dueOn: '2026-11-20',
    });
    expect(await updatePromise(ctx, q.id, { status: 'broken', resolvedOn: '2026-11-22' })).toMatchObject({
      status: 'broken',
      resolvedOn: '2026-11-22',
    });
    // Never in the future, and never on an open promise; nothing changes.
    await expect(updatePromise(ctx, p.id, { resolvedOn: '2026-11-26' })).rejects.toMatchObject({
      code: 'validation',
      details: { issues: [{ path: 'resolvedOn', message: 'cannot be after today' }] },
    });
    await expect(
      updatePromise(ctx, p.id, { status: 'open', resolvedOn: '2026-11-24' }),
    ).rejects.toMatchObject({
      details: { issues: [{ path: 'resolvedOn' }] },
    });
    expect((await listPromises(ctx, {})).items.map((x) => [x.what, x.status, x.resolvedOn])).toEqual([
      ['Slides', 'broken', '2026-11-22'],
      ['Notes', 'kept', '2026-11-24'],
    ]);
  });

  it('Done on my promise in Today keeps it instead of hiding it open; on theirs (a nudge) it only hides it', async () => {
    const me = await h.account();
    const other = await h.account();
    const ada = await createContact(me.ctx, { displayName: 'Ada Lovelace' }, 'web');
    const mine = await createPromise(me.ctx, {
      contactId: ada.id,
      direction: 'mine',
      what: 'Send the notes',
      dueOn: '2026-11-24',
    });
    const theirs = await createPromise(me.ctx, {
      contactId: ada.id,
      direction: 'theirs',
      what: 'Share the draft',
      dueOn: '2026-11-23',
    });
    const keys = (await getToday(me.ctx)).items.map((i) => i.key);
    expect(keys).toEqual(expect.arrayContaining([`promise:${mine.id}`, `their-promise:${theirs.id}`]));
    // Another account cannot resolve my promise through its key.
    await expect(actOnTodayItem(other.ctx, `promise:${mine.id}`, { action: 'done' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await actOnTodayItem(me.ctx, `promise:${mine.id}`, { action: 'done' });
    await actOnTodayItem(me.ctx, `their-promise:${theirs.id}`, { action: 'done' });
    expect((await listPromises(me.ctx, {})).items.map((x) => [x.what, x.status, x.resolvedOn])).toEqual([
      ['Share the draft', 'open', null],
      ['Send the notes', 'kept', '2026-11-25'],
    ]);
    expect((await getPromiseStats(me.ctx)).open).toBe(0); // the stats count my promises only
    const after = (await getToday(me.ctx)).items.map((i) => i.key);
    expect(after).not.toContain(`promise:${mine.id}`);
    expect(after).not.toContain(`their-promise:${theirs.id}`);
  });

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
    expect((await listPromises(ctx, {})).items).toEqual([fixed]);
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
    expect((await listPromises(me.ctx, { contact: ada.id })).items).toEqual([]);

    await expect(updatePromise(me.ctx, p.id, { contactId: theirs.id })).rejects.toMatchObject({
      code: 'validation',
      details: { issues: [{ path: 'contactId' }] },
    });
    await expect(updatePromise(me.ctx, p.id, { what: '' })).rejects.toMatchObject({
      code: 'validation',
      details: { issues: [expect.objectContaining({ path: 'what' })] },
    });
    await expect(updatePromise(other.ctx, p.id, { what: 'x' })).rejects.toMatchObject({ code: 'not_found' });
    expect((await listPromises(me.ctx, {})).items[0]).toEqual(fixed);
  });
});
