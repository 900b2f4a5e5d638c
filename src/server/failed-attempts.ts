/**
 * Counts failed attempts per key in a fixed window that starts at a key's first attempt (as @fastify/rate-limit
 * does). An attempt takes its place *before* it runs, so a burst of parallel guesses cannot all pass the check
 * before the first of them has failed; one that turns out not to be a failure (the right password, a server too
 * busy to check) gives back just its own place, and nobody else's.
 */
export class FailedAttempts {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  private untilSweep = SWEEP_EVERY;

  constructor(
    readonly limit: { max: number; timeWindow: number },
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until `key` may try again, or 0 while it is under the limit. */
  waitFor(key: string): number {
    const w = this.live(key);
    return w && w.count >= this.limit.max ? Math.max(1, Math.ceil((w.resetAt - this.now()) / 1000)) : 0;
  }

  /** Counts one attempt for `key` (check `waitFor` first); the returned function gives it back. */
  take(key: string): () => void {
    this.sweepNowAndThen();
    const w = this.live(key) ?? { count: 0, resetAt: this.now() + this.limit.timeWindow };
    w.count++;
    this.windows.set(key, w);
    let given = false;
    return () => {
      // Only into the window it was taken from: a new window starts with its own count.
      if (given || this.windows.get(key) !== w) return;
      given = true;
      w.count--;
    };
  }

  private live(key: string) {
    const w = this.windows.get(key);
    if (w && w.resetAt <= this.now()) {
      this.windows.delete(key);
      return undefined;
    }
    return w;
  }

  /** Forgets ended windows from time to time, so keys tried once do not stay in memory. */
  private sweepNowAndThen() {
    if (--this.untilSweep > 0) return;
    this.untilSweep = SWEEP_EVERY;
    const now = this.now();
    for (const [key, w] of this.windows) if (w.resetAt <= now) this.windows.delete(key);
  }
}

const SWEEP_EVERY = 1000;
