import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { createContact } from '../contacts/create-contact';
import type { Ctx } from '../context';
import { insertRows } from '../db/portable';
import type { FavourTable, PromiseTable } from '../db/schema';
import { AppError } from '../errors';
import { listPromises } from '../promises/list-promises';
import { listFavours } from './list-favours';

const AT = '2026-11-01T00:00:00.000Z';
const DAYS = ['2026-10-01', '2026-10-02', '2026-10-03'];
const STATUSES = ['open', 'kept', 'broken', 'released'] as const;

/** Every page of a list from the first, `limit` at a time: the ids in the order served, and the number of pages. */
async function walk(
  list: (cursor: string | undefined) => Promise<{ items: { id: string }[]; nextCursor: string | null }>,
) {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await list(cursor);
    ids.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor ?? undefined;
    pages++;
  } while (cursor);
  return { ids, pages };
}

const refused = (e: unknown) =>
  e instanceof AppError && e.code === 'validation' && e.message.startsWith('cursor: ');

/** Two people and `n` favours and promises with them, written straight to the tables: many share a day. */
async function ledger(ctx: Ctx, ownerId: string, n: number) {
  const ada = await createContact(ctx, { displayName: 'Ada Lovelace' }, 'api');
  const grace = await createContact(ctx, { displayName: 'Grace Hopper' }, 'api');
  const favours: FavourTable[] = Array.from({ length: n }, (_, i) => ({
    id: ctx.ids.next(),
    owner_id: ownerId,
    contact_id: i % 3 === 0 ? ada.id : grace.id,
    direction: i % 2 === 0 ? 'given' : 'received',
    what: `favour ${i}`,
    size: 1,
    occurred_on: DAYS[i % DAYS.length] as string,
    interaction_id: null,
    source: 'api',
    created_at: AT,
    updated_at: AT,
    // One in the trash: on no page.
    deleted_at: i === 5 ? AT : null,
  }));
  const promises: PromiseTable[] = Array.from({ length: n }, (_, i) => ({
    id: ctx.ids.next(),
    owner_id: ownerId,
    contact_id: i % 3 === 0 ? ada.id : grace.id,
    direction: i % 2 === 0 ? 'mine' : 'theirs',
    what: `promise ${i}`,
    due_on: DAYS[i % DAYS.length] as string,
    status: STATUSES[i % STATUSES.length] as PromiseTable['status'],
    resolved_on: null,
    created_at: AT,
    updated_at: AT,
    deleted_at: i === 5 ? AT : null,
  }));
  await insertRows(ctx.db, 'favours', favours as unknown as Record<string, unknown>[]);
  await insertRows(ctx.db, 'promises', promises as unknown as Record<string, unknown>[]);
  const live = <T extends { deleted_at: string | null }>(rows: T[]) => rows.filter((r) => !r.deleted_at);
  return { ada, grace, favours: live(favours), promises: live(promises) };
}

const newestFirst = (a: FavourTable, b: FavourTable) =>
  b.occurred_on.localeCompare(a.occurred_on) || (a.id < b.id ? 1 : -1);
const byDueDate = (a: PromiseTable, b: PromiseTable) =>
  a.due_on.localeCompare(b.due_on) || (a.id < b.id ? -1 : 1);

describeEngines('favours and promises, a page at a time', (h) => {
  it('serves every live favour exactly once across pages, newest first, ties by id; with one person too', async () => {
    const { ctx, id } = await h.account();
    const l = await ledger(ctx, id, 40);
    const all = await walk((cursor) => listFavours(ctx, { limit: 4, cursor }));
    expect(all.pages).toBe(10);
    expect(all.ids).toEqual([...l.favours].sort(newestFirst).map((f) => f.id));

    const ada = await walk((cursor) => listFavours(ctx, { contact: l.ada.id, limit: 3, cursor }));
    const adas = l.favours.filter((f) => f.contact_id === l.ada.id);
    expect(ada.ids).toEqual([...adas].sort(newestFirst).map((f) => f.id));
    expect(ada.pages).toBe(Math.ceil(adas.length / 3));
    // A page that is exactly the last one says so: no cursor to an empty page.
    expect((await listFavours(ctx, { limit: l.favours.length })).nextCursor).toBeNull();
  });

  it('serves every live promise exactly once across pages, by due date, ties by id; in one status too', async () => {
    const { ctx, id } = await h.account();
    const l = await ledger(ctx, id, 40);
    const all = await walk((cursor) => listPromises(ctx, { limit: 7, cursor }));
    expect(all.ids).toEqual([...l.promises].sort(byDueDate).map((p) => p.id));

    const open = await walk((cursor) => listPromises(ctx, { status: 'open', limit: 2, cursor }));
    expect(open.ids).toEqual(
      l.promises
        .filter((p) => p.status === 'open')
        .sort(byDueDate)
        .map((p) => p.id),
    );
    const gracesKept = await walk((cursor) =>
      listPromises(ctx, { contact: l.grace.id, status: 'kept', limit: 2, cursor }),
    );
    expect(gracesKept.ids).toEqual(
      l.promises
        .filter((p) => p.status === 'kept' && p.contact_id === l.grace.id)
        .sort(byDueDate)
        .map((p) => p.id),
    );
  });

  it("refuses a cursor made for another filter or another account, and never serves the other account's rows", async () => {
    const me = await h.account();
    const mine = await ledger(me.ctx, me.id, 12);
    const other = await h.account();
    await ledger(other.ctx, other.id, 12);

    const everyone = await listFavours(me.ctx, { limit: 2 });
    const withAda = await listFavours(me.ctx, { contact: mine.ada.id, limit: 2 });
    const open = await listPromises(me.ctx, { status: 'open', limit: 1 });
    const anyStatus = await listPromises(me.ctx, { limit: 2 });
    for (const c of [everyone, withAda, open, anyStatus]) expect(c.nextCursor).toEqual(expect.any(String));
    // A cursor of everyone's favours would skip Ada's favours newer than its place in that list, and vice versa.
    await expect(
      listFavours(me.ctx, { contact: mine.ada.id, cursor: everyone.nextCursor as string }),
    ).rejects.toSatisfy(refused);
    await expect(listFavours(me.ctx, { cursor: withAda.nextCursor as string })).rejects.toSatisfy(refused);
    await expect(
      listPromises(me.ctx, { status: 'kept', cursor: open.nextCursor as string }),
    ).rejects.toSatisfy(refused);
    await expect(listPromises(me.ctx, { cursor: open.nextCursor as string })).rejects.toSatisfy(refused);
    await expect(
      listPromises(me.ctx, { contact: mine.ada.id, cursor: anyStatus.nextCursor as string }),
    ).rejects.toSatisfy(refused);

    // My cursor in the other account's hands: refused, and its own pages hold none of my rows.
    await expect(listFavours(other.ctx, { cursor: everyone.nextCursor as string })).rejects.toSatisfy(
      refused,
    );
    await expect(listPromises(other.ctx, { cursor: anyStatus.nextCursor as string })).rejects.toSatisfy(
      refused,
    );
    const theirs = await walk((cursor) => listFavours(other.ctx, { limit: 5, cursor }));
    const theirPromises = await walk((cursor) => listPromises(other.ctx, { limit: 5, cursor }));
    const myIds = new Set([...mine.favours, ...mine.promises].map((r) => r.id));
    expect([...theirs.ids, ...theirPromises.ids].filter((i) => myIds.has(i))).toEqual([]);
    expect(theirs.ids).toHaveLength(mine.favours.length);
    // Even with my filter (my contact's id): nothing of mine.
    expect((await listFavours(other.ctx, { contact: mine.ada.id })).items).toEqual([]);

    // A forged cursor, or one with its values changed, is refused as any list refuses one.
    await expect(listFavours(me.ctx, { cursor: 'not-a-cursor' })).rejects.toSatisfy(refused);
    const forged = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(everyone.nextCursor as string, 'base64url').toString()),
        s: 'x',
      }),
    ).toString('base64url');
    await expect(listFavours(me.ctx, { cursor: forged })).rejects.toSatisfy(refused);
  });
});
