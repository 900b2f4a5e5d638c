import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressBar, withProgress } from './progress';

/** A stream standing in for stderr, at a terminal or not, keeping what was written. */
function terminal(isTTY: boolean) {
  let written = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written += chunk.toString();
      done();
    },
  });
  const stream = Object.assign(sink, { isTTY, columns: 100 });
  return { stream: stream as unknown as NodeJS.WriteStream, written: () => written };
}

function run(g: { json?: boolean }, isTTY: boolean) {
  const t = terminal(isTTY);
  const bar = progressBar(g, { stream: t.stream });
  bar.onProgress?.({ phase: 'reading', done: 0, total: 10 });
  bar.onProgress?.({ phase: 'reading', done: 5, total: 10 });
  bar.stop();
  return { bar, written: t.written() };
}

describe('progress bar', () => {
  it('draws a labelled bar for a person at a terminal', () => {
    const { bar, written } = run({}, true);
    expect(bar.onProgress).toBeDefined();
    expect(written).toContain('reading  [');
    expect(written).toContain('0 / 10');
  });

  it('shows nothing with --json or when stderr is not a terminal, and asks for no progress', () => {
    for (const [g, tty] of [
      [{ json: true }, true],
      [{}, false],
    ] as const) {
      const { bar, written } = run(g, tty);
      expect(written).toBe('');
      // Without a listener the use case does not even count its total.
      expect(bar.onProgress).toBeUndefined();
    }
  });

  it('shows nothing when the command hides it, and stops the bar when the work fails', async () => {
    const t = terminal(true);
    await withProgress({}, async (onProgress) => expect(onProgress).toBeUndefined(), {
      hidden: true,
      stream: t.stream,
    });
    expect(t.written()).toBe('');
    await expect(
      withProgress(
        {},
        async (onProgress) => {
          onProgress?.({ phase: 'writing', done: 1, total: 4 });
          throw new Error('boom');
        },
        { stream: t.stream },
      ),
    ).rejects.toThrow('boom');
    // hideCursor: a stopped bar shows the cursor again.
    expect(t.written()).toContain('\x1B[?25h');
  });
});
