/**
 * Where a long use case is, for a caller's progress display (the CLI's bar): units done of those expected in the
 * current phase. Reported per table, batch or page, never per row, and only to a listener the caller gave; the
 * imports' `ImportProgress` (imports/run-import.ts) has the same shape with phases of its own.
 */
export interface Progress {
  phase: string;
  done: number;
  total: number;
}

export type OnProgress = (p: Progress) => void;

/** The optional last argument of a use case that can report its progress. */
export interface ProgressOptions {
  onProgress?: OnProgress;
}
