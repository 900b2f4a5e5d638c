import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { getToday } from '../agenda/get-today';
import { DAY_MS } from '../clock';
import { createContact } from '../contacts/create-contact';
import { deleteContact } from '../contacts/delete-contact';
import { restoreContact } from '../contacts/restore-contact';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { deleteFavour } from '../favours/delete-favour';
import { listFavours } from '../favours/list-favours';
import { recordFavour } from '../favours/record-favour';
import { restoreFavour } from '../favours/restore-favour';
import { deleteInteraction } from '../interactions/delete-interaction';
import { listInteractions } from '../interactions/list-interactions';
import { recordInteraction } from '../interactions/record-interaction';
import { restoreInteraction } from '../interactions/restore-interaction';
import { createPromise } from '../promises/create-promise';
import { deletePromise } from '../promises/delete-promise';
import { getPromiseStats } from '../promises/get-promise-stats';
import { listPromises } from '../promises/list-promises';
import { restorePromise } from '../promises/restore-promise';
import { getRelationship } from '../relationships/get-relationship';
import { updateRelationship } from '../relationships/update-relationship';
import { listTrash } from './list-trash';
import { purgeTrash } from './purge-trash';

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return 'ok';
}

const daysAgo = (ctx: Ctx, n: number) => new Date(ctx.clock.now().getTime() - n * DAY_MS).toISOString();

describeEngines('deleted interactions, favours and promises', (h) => {
  it('an interaction deleted and restored brings back the strength and keep-in-touch date exactly', async () => {
    const { ctx } = await h.account();
    const ada = await createContact(ctx, { displayName: 'Ada Lovelace' }, 'api');
    const grace = await createContact(ctx, { displayName: 'Grace Hopper' }, 'api');
    await updateRelationship(ctx, ada.id, { cadenceDays: 30 });
    await recordInteraction(ctx, { kind: 'call', contactIds: [ada.id], occurredAt: daysAgo(ctx, 40) });
    const met = await recordInteraction(ctx, {
      kind: 'meeting',
      contactIds: [ada.id, grace.id],
      occurredAt: daysAgo(ctx, 3),
      summary: 'Lunch at the Engine Room',
    });
    const before = [await getRelationship(ctx, ada.id), await getRelationship(ctx, grace.id)];

    await deleteInteraction(ctx, met.id);
    const without = await getRelationship(ctx, ada.id);
    expect(without.lastContactAt).toBe(daysAgo(ctx, 40));
    expect(without.nextDue).not.toBe(before[0]?.nextDue);
    expect(without.score).toBeLessThan(before[0]?.score as number);

    expect(await restoreInteraction(ctx, met.id)).toEqual(met);
    expect([await getRelationship(ctx, ada.id), await getRelationship(ctx, grace.id)]).toEqual(before);
    expect((await listInteractions(ctx, { contact: grace.id })).items.map((i) => i.id)).toEqual([met.id]);
    expect((await listTrash(ctx)).interactions).toEqual([]);
  });

  it('a favour deleted and restored brings back the balance and strength exactly', async () => {
    const { ctx } = await h.account();
    const ada = await createContact(ctx, { displayName: 'Ada Lovelace' }, 'api');
    await recordInteraction(ctx, { kind: 'email', contactIds: [ada.id], occurredAt: daysAgo(ctx, 20) });
    const lent = await recordFavour(ctx, {
      contactId: ada.id,
      direction: 'received',
      what: 'Introduced me to Babbage',
      size: 3,
    });
    const before = await getRelationship(ctx, ada.id);
    expect(before.favours.receivedCount).toBe(1);

    await deleteFavour(ctx, lent.id);
    expect((await getRelationship(ctx, ada.id)).favours.receivedCount).toBe(0);
    expect((await listFavours(ctx, {})).items).toEqual([]);

    expect(await restoreFavour(ctx, lent.id)).toEqual(lent);
    expect(await getRelationship(ctx, ada.id)).toEqual(before);
    expect((await listFavours(ctx, {})).items.map((f) => f.id)).toEqual([lent.id]);
  });

  it('a promise deleted and restored is open and on Today again, as it was', async () => {
    const { ctx } = await h.account();
    const ada = await createContact(ctx, { displayName: 'Ada Lovelace' }, 'api');
    const p = await createPromise(ctx, {
      contactId: ada.id,
      direction: 'mine',
      what: 'Send the Analytical Engine notes',
      dueOn: '2026-11-20',
    });
    const key = `promise:${p.id}`;
    expect((await getToday(ctx)).items.map((i) => i.key)).toContain(key);
    const stats = await getPromiseStats(ctx);

    await deletePromise(ctx, p.id);
    // Read within the same minute: Today's cache must not keep the deleted promise, nor miss the restored one.
    expect((await getToday(ctx)).items.map((i) => i.key)).not.toContain(key);
    expect((await getPromiseStats(ctx)).open).toBe(0);

    expect(await restorePromise(ctx, p.id)).toEqual(p);
    expect((await getToday(ctx)).items.map((i) => i.key)).toContain(key);
    expect(await getPromiseStats(ctx)).toEqual(stats);
    expect((await listPromises(ctx, {})).items.map((x) => x.id)).toEqual([p.id]);
  });

  it('lists them in the trash, recognisably, newest deleted first, with their purge dates', async () => {
    const { ctx } = await h.account();
    const ada = await createContact(ctx, { displayName: 'Ada Lovelace' }, 'api');
    const grace = await createContact(ctx, { displayName: 'Grace Hopper' }, 'api');
    const call = await recordInteraction(ctx, {
      kind: 'call',
      contactIds: [grace.id, ada.id],
      occurredAt: daysAgo(ctx, 2),
      summary: 'Compilers',
    });
    const favour = await recordFavour(ctx, { contactId: ada.id, direction: 'given', what: 'Proofread' });
    const promise = await createPromise(ctx, {
      contactId: grace.id,
      direction: 'theirs',
      what: 'A nanosecond of wire',
      dueOn: '2026-12-01',
    });
    await deleteInteraction(ctx, call.id);
    ctx.clock.advance(60_000);
    await deleteFavour(ctx, favour.id);
    ctx.clock.advance(60_000);
    await deletePromise(ctx, promise.id);

    const trash = await listTrash(ctx);
    expect(trash.interactions).toEqual([
      {
        ...call,
        deletedAt: '2026-11-25T09:00:00.000Z',
        purgeAfter: '2026-12-25T09:00:00.000Z',
      },
    ]);
    expect(trash.interactions[0]?.contacts.map((c) => c.displayName)).toEqual([
      'Ada Lovelace',
      'Grace Hopper',
    ]);
    expect(trash.favours).toEqual([
      { ...favour, deletedAt: '2026-11-25T09:01:00.000Z', purgeAfter: '2026-12-25T09:01:00.000Z' },
    ]);
    expect(trash.promises).toEqual([
      { ...promise, deletedAt: '2026-11-25T09:02:00.000Z', purgeAfter: '2026-12-25T09:02:00.000Z' },
    ]);

    // Another account sees none of it.
    const other = await h.account();
    expect(await listTrash(other.ctx)).toMatchObject({ interactions: [], favours: [], promises: [] });
  });

  it('another account, a live row, an unknown id or a second restore: not_found, and nothing changes', async () => {
    const a = await h.account();
    const b = await h.account();
    const ada = await createContact(a.ctx, { displayName: 'Ada Lovelace' }, 'api');
    const call = await recordInteraction(a.ctx, { kind: 'call', contactIds: [ada.id] });
    const favour = await recordFavour(a.ctx, { contactId: ada.id, direction: 'given', what: 'Proofread' });
    const promise = await createPromise(a.ctx, {
      contactId: ada.id,
      direction: 'mine',
      what: 'Call back',
      dueOn: '2026-12-01',
    });
    // Live: nothing to restore.
    expect(await code(restoreInteraction(a.ctx, call.id))).toBe('not_found');
    expect(await code(restoreFavour(a.ctx, favour.id))).toBe('not_found');
    expect(await code(restorePromise(a.ctx, promise.id))).toBe('not_found');
    await deleteInteraction(a.ctx, call.id);
    await deleteFavour(a.ctx, favour.id);
    await deletePromise(a.ctx, promise.id);

    expect(await code(restoreInteraction(b.ctx, call.id))).toBe('not_found');
    expect(await code(restoreFavour(b.ctx, favour.id))).toBe('not_found');
    expect(await code(restorePromise(b.ctx, promise.id))).toBe('not_found');
    expect(await code(restoreInteraction(a.ctx, 'no-such-id'))).toBe('not_found');
    const trash = await listTrash(a.ctx);
    expect([trash.interactions.length, trash.favours.length, trash.promises.length]).toEqual([1, 1, 1]);

    expect(await code(restoreInteraction(a.ctx, call.id))).toBe('ok');
    expect(await code(restoreInteraction(a.ctx, call.id))).toBe('not_found');
  });

  it('past the trash window they cannot be restored, are not listed, and the purge deletes them for good', async () => {
    const { ctx } = await h.account();
    const ada = await createContact(ctx, { displayName: 'Ada Lovelace' }, 'api');
    const call = await recordInteraction(ctx, { kind: 'call', contactIds: [ada.id] });
    const linked = await recordFavour(ctx, {
      contactId: ada.id,
      direction: 'received',
      what: 'Advice on the call',
      interactionId: call.id,
    });
    const favour = await recordFavour(ctx, { contactId: ada.id, direction: 'given', what: 'Proofread' });
    const promise = await createPromise(ctx, {
      contactId: ada.id,
      direction: 'mine',
      what: 'Call back',
      dueOn: '2026-12-01',
    });
    await deleteInteraction(ctx, call.id);
    await deleteFavour(ctx, favour.id);
    await deletePromise(ctx, promise.id);
    ctx.clock.advance(ctx.settings.trashDays * DAY_MS - 60_000);
    expect((await listTrash(ctx)).interactions).toHaveLength(1);
    expect((await purgeTrash(ctx)).interactions).toBe(0);

    ctx.clock.advance(2 * 60_000);
    expect(await listTrash(ctx)).toMatchObject({ interactions: [], favours: [], promises: [] });
    expect(await code(restoreInteraction(ctx, call.id))).toBe('not_found');
    expect(await code(restoreFavour(ctx, favour.id))).toBe('not_found');
    expect(await code(restorePromise(ctx, promise.id))).toBe('not_found');

    const purged = await purgeTrash(ctx);
    expect(purged.interactions).toBeGreaterThanOrEqual(1);
    expect(purged.favours).toBeGreaterThanOrEqual(1);
    expect(purged.promises).toBeGreaterThanOrEqual(1);
    const left = async (table: 'interactions' | 'favours' | 'promises', id: string) =>
      (await ctx.db.selectFrom(table).select('id').where('id', '=', id).execute()).length;
    expect([
      await left('interactions', call.id),
      await left('favours', favour.id),
      await left('promises', promise.id),
    ]).toEqual([0, 0, 0]);
    const links = await ctx.db
      .selectFrom('interaction_contacts')
      .select('contact_id')
      .where('interaction_id', '=', call.id)
      .execute();
    expect(links).toEqual([]);
    // A live favour that named the purged interaction stays, without the link.
    expect((await listFavours(ctx, {})).items.find((f) => f.id === linked.id)?.interactionId).toBeNull();
  });

  it('an interaction with a contact now in the trash is restored, and comes back with that contact', async () => {
    const { ctx } = await h.account();
    const ada = await createContact(ctx, { displayName: 'Ada Lovelace' }, 'api');
    const met = await recordInteraction(ctx, {
      kind: 'meeting',
      contactIds: [ada.id],
      occurredAt: daysAgo(ctx, 5),
    });
    const before = await getRelationship(ctx, ada.id);
    await deleteInteraction(ctx, met.id);
    await deleteContact(ctx, ada.id);

    expect((await restoreInteraction(ctx, met.id)).id).toBe(met.id);
    // Hidden with the contact, as the rest of its history is, until the contact comes back too.
    expect(await code(getRelationship(ctx, ada.id))).toBe('not_found');
    await restoreContact(ctx, ada.id);
    expect(await getRelationship(ctx, ada.id)).toEqual(before);
  });
});
