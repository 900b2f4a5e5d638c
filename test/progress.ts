import { expect } from 'vitest';
import type { OnProgress, Progress } from '../src/core/progress';

/** A listener that keeps every report, for `expectProgress`. */
export function recordProgress(): { onProgress: OnProgress; reports: Progress[] } {
  const reports: Progress[] = [];
  return { onProgress: (p) => reports.push({ ...p }), reports };
}

/**
 * The reports of one use case: all in `phase`, starting at 0, never going backwards nor past their total, and
 * ending at done === total === `total`.
 */
export function expectProgress(reports: Progress[], phase: string, total: number): void {
  expect(reports.length).toBeGreaterThan(0);
  expect(reports.every((p) => p.phase === phase)).toBe(true);
  expect(reports[0]?.done).toBe(0);
  reports.forEach((p, i) => {
    expect(p.done).toBeLessThanOrEqual(p.total);
    if (i > 0) expect(p.done).toBeGreaterThanOrEqual(reports[i - 1]?.done ?? 0);
  });
  expect(reports.at(-1)).toEqual({ phase, done: total, total });
}
