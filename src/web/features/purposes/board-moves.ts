import type { PurposeBoard, PurposeItem } from '../../../contracts/purposes';

/**
 * The board as it will be once `itemId` sits in `stageId` at `index` (the end when undefined): used to show a move
 * at once, before the server confirms it. Counts per stage follow.
 */
export function moveLocally(
  board: PurposeBoard,
  itemId: string,
  stageId: string,
  index: number | undefined,
): PurposeBoard {
  const item = board.columns.flatMap((c) => c.items).find((i) => i.id === itemId);
  if (!item) return board;
  const changes = item.stageId !== stageId;
  const moved: PurposeItem = changes
    ? { ...item, stageId, daysInStage: 0, stale: false, staleReason: null }
    : item;
  const columns = board.columns.map((c) => {
    const rest = c.items.filter((i) => i.id !== itemId);
    if (c.stage.id !== stageId) return { ...c, items: rest };
    const at =
      index === undefined ? (changes ? rest.length : c.items.indexOf(item)) : Math.min(index, rest.length);
    return { ...c, items: [...rest.slice(0, at), moved, ...rest.slice(at)] };
  });
  const count = (id: string) => columns.find((c) => c.stage.id === id)?.items.length ?? 0;
  return {
    ...board,
    columns,
    purpose: {
      ...board.purpose,
      progress: {
        ...board.purpose.progress,
        perStage: board.purpose.progress.perStage.map((s) => ({ ...s, count: count(s.stageId) })),
      },
    },
  };
}

/**
 * Where a keyboard move takes a card: ←/→ to the previous/next stage (same place in the column, or its end),
 * ↑/↓ one place up or down in its column. Null when it cannot go that way.
 */
export function keyboardTarget(
  board: PurposeBoard,
  itemId: string,
  key: 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown',
): { stageId: string; index: number } | null {
  const col = board.columns.findIndex((c) => c.items.some((i) => i.id === itemId));
  const column = board.columns[col];
  if (!column) return null;
  const at = column.items.findIndex((i) => i.id === itemId);
  if (key === 'ArrowUp' || key === 'ArrowDown') {
    const to = at + (key === 'ArrowUp' ? -1 : 1);
    return to < 0 || to >= column.items.length ? null : { stageId: column.stage.id, index: to };
  }
  const next = board.columns[col + (key === 'ArrowLeft' ? -1 : 1)];
  if (!next) return null;
  return { stageId: next.stage.id, index: Math.min(at, next.items.length) };
}
