import { describe, expect, it } from 'vitest';
import { withLaterPages } from './trash-pages';

const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

describe('withLaterPages', () => {
  it('lists the first page and every page after it, in order', () => {
    const first = Array.from({ length: 1000 }, (_, i) => ({ id: `f${i}` }));
    const later = [
      { items: [{ id: 'f1000' }, { id: 'f1001' }] },
      { items: [{ id: 'f1002' }, { id: 'f1003' }, { id: 'f1004' }] },
    ];
    const all = withLaterPages(first, later);
    expect(all).toHaveLength(1005);
    expect(ids(all.slice(998))).toEqual(['f998', 'f999', 'f1000', 'f1001', 'f1002', 'f1003', 'f1004']);
  });

  it('lists an item once when pages overlap, and only the first page before any is loaded', () => {
    expect(
      ids(
        withLaterPages(
          [{ id: 'a' }, { id: 'b' }],
          [{ items: [{ id: 'b' }, { id: 'c' }] }, { items: [{ id: 'c' }] }],
        ),
      ),
    ).toEqual(['a', 'b', 'c']);
    expect(ids(withLaterPages([{ id: 'a' }]))).toEqual(['a']);
  });
});
