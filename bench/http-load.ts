/**
 * Load generator for the HTTP benches, in its own process so it never competes with the server's event loop:
 * autocannon against one URL, then the result to the parent. Latencies are kept per response (autocannon's
 * histogram rounds to whole milliseconds, too coarse for a bare server).
 */
import autocannon from 'autocannon';

export interface LoadRequest {
  url: string;
  headers: Record<string, string>;
  connections: number;
  seconds: number;
}
export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  non2xx: number;
}

process.once('message', async (req: LoadRequest) => {
  const latencies: number[] = [];
  const run = autocannon({
    url: req.url,
    headers: req.headers,
    connections: req.connections,
    duration: req.seconds,
  });
  run.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  const r = await run;
  latencies.sort((a, b) => a - b);
  const at = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
  const out: LoadResult = {
    rps: latencies.length / r.duration,
    p50: at(50),
    p99: at(99),
    requests: latencies.length,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
  process.send?.(out, () => process.exit(0));
});
