import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import type { Ctx } from '../context';
import { insertRows } from '../db/portable';
import type { ImportTable } from '../db/schema';
import { AppError } from '../errors';
import { listImports } from './list-imports';

const STATS = JSON.stringify({ created: 1, updated: 0, unchanged: 0, skipped: 0, errors: 0, warnings: 0 });

/** `n` imports of a script that imports daily, written straight to the table: three at each instant. */
async function imports(ctx: Ctx, ownerId: string, n: number) {
  const rows: ImportTable[] = Array.from({ length: n }, (_, i) => ({
    id: ctx.ids.next(),
    owner_id: ownerId,
    kind: 'csv',
    file_name: `day-${i}.csv`,
    status: 'committed',
    stats: STATS,
    created_at: new Date(Date.UTC(2026, 0, 1 + Math.floor(i / 3))).toISOString(),
    undone_at: null,
  }));
  await insertRows(ctx.db, 'imports', rows as unknown as Record<string, unknown>[]);
  return rows;
}

const refused = (e: unknown) =>
  e instanceof AppError && e.code === 'validation' && e.message.startsWith('cursor: ');

describeEngines('the import history, a page at a time', (h) => {
  it('reaches every import exactly once, newest first (ties by id); a cursor of another account is refused', async () => {
    const { ctx, id } = await h.account();
    const rows = await imports(ctx, id, 130);
    const other = await h.account();
    const theirs = await imports(other.ctx, other.id, 3);

    const first = await listImports(ctx);
    // 50 at a time unless asked: the history used to stop there with no way further.
    expect(first.items).toHaveLength(50);
    const seen = first.items.map((i) => i.id);
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await listImports(ctx, { cursor, limit: 7 });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    }
    const expected = [...rows]
      .sort((a, b) => b.created_at.localeCompare(a.created_at) || (a.id < b.id ? 1 : -1))
      .map((r) => r.id);
    expect(seen).toEqual(expected);

    await expect(listImports(other.ctx, { cursor: first.nextCursor as string })).rejects.toSatisfy(refused);
    expect((await listImports(other.ctx)).items.map((i) => i.id)).toEqual(theirs.map((r) => r.id).reverse());
    await expect(listImports(ctx, { limit: 201 })).rejects.toBeInstanceOf(AppError);
  });
});
