import { describe, expect, it } from 'vitest';
import type { PurposeBoard, PurposeItem } from '../../../contracts/purposes';
import { keyboardTarget, moveLocally } from './board-moves';

const item = (id: string, stageId: string): PurposeItem => ({
  id,
  purposeId: 'p',
  contact: { id: `c-${id}`, displayName: id, organisation: null, title: null },
  stageId,
  stageSince: '2026-11-01T00:00:00.000Z',
  daysInStage: 20,
  position: 0,
  nextStep: null,
  nextStepOn: null,
  note: null,
  stale: true,
  staleReason: "2 weeks in 'a'",
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
});

function board(layout: Record<string, string[]>): PurposeBoard {
  const stages = Object.keys(layout).map((id) => ({ id, name: id, role: null }));
  return {
    purpose: {
      id: 'p',
      name: 'P',
      description: null,
      targetCount: null,
      deadline: null,
      stages,
      cadenceDays: null,
      followUpDays: null,
      archivedAt: null,
      createdAt: '',
      updatedAt: '',
      progress: {
        total: 0,
        perStage: stages.map((s) => ({ stageId: s.id, name: s.name, count: layout[s.id]?.length ?? 0 })),
        done: null,
        stale: 0,
      },
    },
    columns: stages.map((stage) => ({
      stage,
      items: (layout[stage.id] ?? []).map((i) => item(i, stage.id)),
    })),
  };
}
const layout = (b: PurposeBoard) =>
  Object.fromEntries(b.columns.map((c) => [c.stage.id, c.items.map((i) => i.id)]));

describe('moving a card on the board before the server answers', () => {
  it('moves between columns at a place or the end, resets time in stage and recounts', () => {
    const b = board({ a: ['x', 'y'], b: ['z'] });
    const moved = moveLocally(b, 'x', 'b', 0);
    expect(layout(moved)).toEqual({ a: ['y'], b: ['x', 'z'] });
    expect(moved.columns[1]?.items[0]).toMatchObject({ stageId: 'b', daysInStage: 0, stale: false });
    expect(moved.purpose.progress.perStage.map((s) => s.count)).toEqual([1, 2]);
    expect(layout(moveLocally(b, 'x', 'b', undefined))).toEqual({ a: ['y'], b: ['z', 'x'] });
  });

  it('reorders within a column and keeps time in stage', () => {
    const b = board({ a: ['x', 'y', 'z'] });
    const moved = moveLocally(b, 'z', 'a', 0);
    expect(layout(moved)).toEqual({ a: ['z', 'x', 'y'] });
    expect(moved.columns[0]?.items[0]?.daysInStage).toBe(20);
    expect(moveLocally(b, 'nope', 'a', 0)).toBe(b);
  });

  it('finds where arrow keys take a card, and nowhere past the edges', () => {
    const b = board({ a: ['x', 'y'], b: ['z'], c: [] });
    expect(keyboardTarget(b, 'y', 'ArrowRight')).toEqual({ stageId: 'b', index: 1 });
    expect(keyboardTarget(b, 'z', 'ArrowRight')).toEqual({ stageId: 'c', index: 0 });
    expect(keyboardTarget(b, 'x', 'ArrowLeft')).toBeNull();
    expect(keyboardTarget(b, 'y', 'ArrowUp')).toEqual({ stageId: 'a', index: 0 });
    expect(keyboardTarget(b, 'y', 'ArrowDown')).toBeNull();
  });
});
