/**
 * How long a CLI command takes before it does anything: `rapport --version` and `rapport list` on an empty
 * account, as `bin/rapport.js` runs them (a bundle of the source, ADR 6), against the peer a TypeScript CLI would
 * otherwise use, the same source through tsx's loader (`RAPPORT_CLI_FROM_SOURCE=1`). Alternating, in the same run;
 * wall time and the child's CPU time (user + system, from /proc's view of waited-for children via getrusage).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { percentile } from './synthetic';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const bin = fileURLToPath(new URL('../bin/rapport.js', import.meta.url));
const data = mkdtempSync(join(tmpdir(), 'rapport-bench-cli-'));

/** CPU time of every child waited for so far (process.resourceUsage does not count children). */
function childrenCpuMs(): number {
  const r = spawnSync('sh', ['-c', 'cat /proc/$PPID/stat'], { encoding: 'utf8' }).stdout;
  // Fields 16 and 17 (cutime, cstime) after the command name in parentheses, in clock ticks (100 a second).
  const fields = r.slice(r.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

function run(args: string[], fromSource: boolean): { wall: number; cpu: number } {
  const env = {
    ...process.env,
    RAPPORT_CLI_FROM_SOURCE: fromSource ? '1' : '0',
    RAPPORT_PASSWORD: 'bench password',
  };
  const before = childrenCpuMs();
  const t = performance.now();
  const r = spawnSync(process.execPath, [bin, '--data', data, ...args], { env, encoding: 'utf8' });
  const wall = performance.now() - t;
  if (r.status !== 0) throw new Error(`rapport ${args.join(' ')}: ${r.stderr}`);
  return { wall, cpu: childrenCpuMs() - before };
}

run(['account', 'create', '--email', 'bench@example.test', '--name', 'Bench'], false);
run(['--version'], false); // builds the bundle if it is missing or stale: not timed

const median = (xs: number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );
console.log(
  `median of ${ROUNDS} runs each, alternating; load average ${(await import('node:os'))
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
for (const args of [['--version'], ['list']]) {
  const ours = { wall: [] as number[], cpu: [] as number[] };
  const peer = { wall: [] as number[], cpu: [] as number[] };
  for (let i = 0; i < ROUNDS; i++) {
    for (const fromSource of i % 2 === 0 ? [false, true] : [true, false]) {
      const m = run(args, fromSource);
      const into = fromSource ? peer : ours;
      into.wall.push(m.wall);
      into.cpu.push(m.cpu);
    }
  }
  const line = (name: string, m: typeof ours) =>
    `  ${name.padEnd(28)} ${median(m.wall).toFixed(0).padStart(5)} ms wall  ${median(m.cpu).toFixed(0).padStart(5)} ms cpu`;
  console.log(`rapport ${args.join(' ')}`);
  console.log(line('bundle (bin/rapport.js)', ours));
  console.log(line('peer: source through tsx', peer));
  console.log(
    `  ratio ours/peer: ${(median(ours.wall) / median(peer.wall)).toFixed(2)}× wall, ${(median(ours.cpu) / median(peer.cpu)).toFixed(2)}× cpu`,
  );
}
rmSync(data, { recursive: true, force: true });
