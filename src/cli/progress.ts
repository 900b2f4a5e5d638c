import { SingleBar } from 'cli-progress';
import type { OnProgress, Progress } from '../core/progress';
import { formatBytes } from './files';
import type { GlobalOptions } from './output';

/** A progress display for long work: `onProgress` for the use case, `stop()` once it ended either way. */
export interface ProgressBar {
  /** Absent when nothing is shown, so the use case does not even count its total. */
  onProgress?: OnProgress;
  stop(): void;
}

export interface ProgressBarOptions {
  /** The count after the bar (default `done / total`). */
  count?: (p: Progress) => string;
  /** Show nothing even at a terminal (the command's own output goes there). */
  hidden?: boolean;
  /** Where the bar goes; stderr unless a test gives its own. */
  stream?: NodeJS.WriteStream;
}

/**
 * A bar on stderr labelled with the phase the work reports (a phase 'done' takes it away); only for a person at a
 * terminal (stderr is a TTY and no --json), so pipes, scripts and tests see nothing of it.
 */
export function progressBar(g: GlobalOptions, opts: ProgressBarOptions = {}): ProgressBar {
  const stream = opts.stream ?? process.stderr;
  if (g.json || !stream.isTTY || opts.hidden) return { stop: () => {} };
  const bar = new SingleBar({
    stream,
    format: '{phase} [{bar}] {percentage}% {count}',
    barsize: 30,
    hideCursor: true,
    clearOnComplete: true,
    fps: 10,
  });
  let started = false;
  const stop = () => {
    if (started) bar.stop();
    started = false;
  };
  return {
    onProgress: (p) => {
      if (p.phase === 'done') return stop();
      const payload = { phase: p.phase.padEnd(8), count: opts.count?.(p) ?? `${p.done} / ${p.total}` };
      if (!started) {
        bar.start(p.total, p.done, payload);
        started = true;
      } else {
        // Each phase has its own total, and a total may move within one (rows added while a backup reads).
        bar.setTotal(p.total);
        bar.update(p.done, payload);
      }
    },
    stop,
  };
}

/** The import's bar: bytes while it reads the file, records while it matches and writes. */
export function importProgressBar(g: GlobalOptions): ProgressBar {
  return progressBar(g, {
    count: (p) =>
      p.phase === 'reading' ? `${formatBytes(p.done)} / ${formatBytes(p.total)}` : `${p.done} / ${p.total}`,
  });
}

/** Runs `work` with a progress bar (at a terminal), taken away when the work ends either way. */
export async function withProgress<T>(
  g: GlobalOptions,
  work: (onProgress: OnProgress | undefined) => Promise<T>,
  opts: ProgressBarOptions = {},
): Promise<T> {
  const bar = progressBar(g, opts);
  try {
    return await work(bar.onProgress);
  } finally {
    bar.stop();
  }
}
