import { SingleBar } from 'cli-progress';
import type { ImportProgress, ProgressListener } from '../core/imports/run-import';
import { formatBytes } from './files';
import type { GlobalOptions } from './output';

const PHASE: Record<ImportProgress['phase'], string> = {
  reading: 'reading ',
  matching: 'matching',
  writing: 'writing ',
  done: 'done    ',
};

/** A progress display for a long import: `onProgress` for the use case, `stop()` once it ended either way. */
export interface ImportProgressBar {
  onProgress?: ProgressListener;
  stop(): void;
}

/**
 * A bar on stderr while an import reads, matches and writes; only for a person at a terminal (stderr is a TTY and
 * no --json), so pipes, scripts and tests see nothing of it.
 */
export function importProgressBar(g: GlobalOptions): ImportProgressBar {
  if (g.json || !process.stderr.isTTY) return { stop: () => {} };
  const bar = new SingleBar({
    stream: process.stderr,
    format: '{phase} [{bar}] {percentage}% {count}',
    barsize: 30,
    hideCursor: true,
    clearOnComplete: true,
    fps: 10,
  });
  let started = false;
  let phase: ImportProgress['phase'] | undefined;
  const stop = () => {
    if (started) bar.stop();
    started = false;
  };
  return {
    onProgress: (p) => {
      if (p.phase === 'done') return stop();
      const count =
        p.phase === 'reading' ? `${formatBytes(p.done)} / ${formatBytes(p.total)}` : `${p.done} / ${p.total}`;
      const payload = { phase: PHASE[p.phase], count };
      if (!started) {
        bar.start(p.total, p.done, payload);
        started = true;
      } else {
        if (p.phase !== phase) bar.setTotal(p.total);
        bar.update(p.done, payload);
      }
      phase = p.phase;
    },
    stop,
  };
}
