import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { DAY_MS } from '../clock';
import { createContact } from '../contacts/create-contact';
import type { Ctx } from '../context';
import { insertRows } from '../db/portable';
import type { FavourTable } from '../db/schema';
import { AppError } from '../errors';
import { deleteFavour } from '../favours/delete-favour';
import { recordFavour } from '../favours/record-favour';
import { deleteInteraction } from '../interactions/delete-interaction';
import { recordInteraction } from '../interactions/record-interaction';
import { createPromise } from '../promises/create-promise';
import { deletePromise } from '../promises/delete-promise';
import { listTrash } from './list-trash';
import { listTrashedFavours, listTrashedInteractions, listTrashedPromises } from './list-trashed-ledger';

const ago = (ctx: Ctx, ms: number) => new Date(ctx.clock.now().getTime() - ms).toISOString();

/** `n` favours already in the trash, written straight to the table: removing 1,005 one by one is not the point. */
async function trashedFavours(ctx: Ctx, ownerId: string, contactId: string, n: number) {
  const rows: FavourTable[] = Array.from({ length: n }, (_, i) => ({
    id: ctx.ids.next(),
    owner_id: ownerId,
    contact_id: contactId,
    direction: 'given',
    what: `favour ${i}`,
    size: 1,
    occurred_on: '2026-11-01',
    interaction_id: null,
    source: 'api',
    created_at: ago(ctx, 20 * DAY_MS),
    updated_at: ago(ctx, 20 * DAY_MS),
    // Ten at each instant: a page may end in the middle of favours removed at the same moment.
    deleted_at: ago(ctx, DAY_MS + Math.floor(i / 10) * 1000),
  }));
  await insertRows(ctx.db, 'favours', rows as unknown as Record<string, unknown>[]);
  return rows;
}

describeEngines('the trash of interactions, favours and promises, a page at a time', (h) => {
  it('reaches every one of 1,005 deleted favours: the newest 1,000 in the trash, the rest on the next pages', async () => {
    const { ctx, id } = await h.account();
    const ada = await createContact(ctx, { displayName: 'Ada Lovelace' }, 'api');
    const rows = await trashedFavours(ctx, id, ada.id, 1005);
    // Older than the trash keeps: not listed, on any page.
    const [old] = await trashedFavours(ctx, id, ada.id, 1);
    await ctx.db
      .updateTable('favours')
      .set({ deleted_at: ago(ctx, 31 * DAY_MS) })
      .where('id', '=', old?.id as string)
      .execute();
    // Another account's deleted favour is never in this one's trash.
    const other = await h.account();
    const grace = await createContact(other.ctx, { displayName: 'Grace Hopper' }, 'api');
    await deleteFavour(
      other.ctx,
      (await recordFavour(other.ctx, { contactId: grace.id, direction: 'given', what: 'x', size: 1 })).id,
    );

    const trash = await listTrash(ctx);
    expect(trash.favours).toHaveLength(1000);
    expect(trash.favoursNextCursor).toEqual(expect.any(String));
    expect(trash.interactionsNextCursor).toBeNull();
    expect(trash.promisesNextCursor).toBeNull();
    const seen = trash.favours.map((f) => f.id);
    let cursor = trash.favoursNextCursor;
    let pages = 0;
    while (cursor) {
      const page = await listTrashedFavours(ctx, { cursor, limit: 2 });
      seen.push(...page.items.map((f) => f.id));
      cursor = page.nextCursor;
      pages++;
    }
    expect(pages).toBe(3);
    // Each exactly once, most recently deleted first (the newer id first among those removed at one instant).
    const expected = [...rows]
      .sort((a, b) =>
        a.deleted_at === b.deleted_at
          ? a.id < b.id
            ? 1
            : -1
          : (a.deleted_at ?? '') < (b.deleted_at ?? '')
            ? 1
            : -1,
      )
      .map((r) => r.id);
    expect(seen).toEqual(expected);

    // Paged from the start too, 200 at a time, with what the trash shows of each.
    const all = [];
    cursor = null;
    do {
      const page = await listTrashedFavours(ctx, { limit: 200, cursor: cursor ?? undefined });
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(all.map((f) => f.id)).toEqual(expected);
    expect(all[1004]).toMatchObject({
      contact: { id: ada.id, displayName: 'Ada Lovelace' },
      deletedAt: rows[1004]?.deleted_at,
      purgeAfter: new Date(Date.parse(rows[1004]?.deleted_at ?? '') + 30 * DAY_MS).toISOString(),
    });
  });

  it('pages interactions and promises the same way, as their lists show them', async () => {
    const { ctx } = await h.account();
    const ada = await createContact(ctx, { displayName: 'Ada Lovelace' }, 'api');
    const interactions = [];
    const promises = [];
    for (const day of [3, 2, 1]) {
      const i = await recordInteraction(ctx, {
        kind: 'call',
        contactIds: [ada.id],
        occurredAt: ago(ctx, day * DAY_MS),
        summary: `call ${day}`,
      });
      await deleteInteraction(ctx, i.id);
      const p = await createPromise(ctx, {
        contactId: ada.id,
        direction: 'mine',
        what: `send notes ${day}`,
        dueOn: '2026-12-01',
      });
      await deletePromise(ctx, p.id);
      interactions.unshift(i.id);
      promises.unshift(p.id);
      ctx.clock.advance(1000);
    }
    const first = await listTrashedInteractions(ctx, { limit: 2 });
    expect(first.items.map((i) => i.id)).toEqual(interactions.slice(0, 2));
    expect(first.items[0]).toMatchObject({
      summary: 'call 1',
      contacts: [{ id: ada.id, displayName: 'Ada Lovelace' }],
    });
    const rest = await listTrashedInteractions(ctx, { limit: 2, cursor: first.nextCursor ?? '' });
    expect(rest).toMatchObject({
      items: [expect.objectContaining({ id: interactions[2] })],
      nextCursor: null,
    });

    const promisePage = await listTrashedPromises(ctx, { limit: 2 });
    expect(promisePage.items.map((p) => p.id)).toEqual(promises.slice(0, 2));
    expect(promisePage.items[0]).toMatchObject({ what: 'send notes 1', status: 'open' });
    const lastPromise = await listTrashedPromises(ctx, { limit: 2, cursor: promisePage.nextCursor ?? '' });
    expect(lastPromise.items.map((p) => p.id)).toEqual([promises[2]]);
    expect(lastPromise.nextCursor).toBeNull();
  });

  it('refuses a cursor it did not give out, naming it', async () => {
    const { ctx } = await h.account();
    const e = await listTrashedFavours(ctx, { cursor: 'not-a-cursor' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect(e).toMatchObject({ code: 'validation', message: expect.stringContaining('cursor') });
  });
});
