/**
 * LinkedIn import, parse step: a synthetic 30,000-row Connections.csv (Notes preamble, URL column, quoted
 * commas, doubled quotes, some e-mails, a few hidden profiles, newest first as LinkedIn sorts it) through
 * `parseConnections` to `ImportedPerson`s, against udsv parsing the same text into string rows in the same
 * process. Budget (DESIGN.md): ours ≥ 0.8× udsv.
 * udsv cannot read the preamble (its schema inference fails on it), so it gets the text from the header row on,
 * cut outside the timed region: the peer does strictly less work than we do.
 * Printed: the first (cold) call of each; warm medians one parse at a time and five back to back (GC as it
 * falls: our result is a ~20 MB object graph against udsv's ~10 MB of string arrays, and scavenges copy it);
 * and, as a diagnostic in a child process with a young generation too large to fill, the parsing work alone.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { inferSchema, initParser } from 'udsv';
import { parseConnections } from '../src/formats/linkedin/parse-connections';
import { percentile, syntheticConnectionsCsv, time } from './synthetic';

const N = Number(process.env.BENCH_CONNECTIONS ?? 30_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);

const text = syntheticConnectionsCsv(N);
const bytes = new TextEncoder().encode(text);
const body = text.slice(text.indexOf('First Name,'));
const udsv = initParser(inferSchema(body, { col: ',', row: '\n', encl: '"' }));

// Cold: the first call of each, as a one-shot import in a fresh process sees it (JIT warm-up included).
const [check, oursColdMs] = time(() => parseConnections(text));
const [peerRows, peerColdMs] = time(() => udsv.stringArrs(body).length);
console.log(
  `${N} rows, ${(text.length / 1e6).toFixed(1)} MB; ours: ${check.records.length} people + ${check.hiddenProfiles} hidden, ` +
    `${check.issues.length} issue(s); udsv: ${peerRows} rows`,
);
console.log(
  `first call (cold): udsv ${peerColdMs.toFixed(1)} ms, parseConnections ${oursColdMs.toFixed(1)} ms`,
);

// A full collection before each measurement, so that no run pays for the garbage of the one before it.
v8.setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const runPeer = () => udsv.stringArrs(body);
const runOurs = () => parseConnections(text);
const median = (xs: number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );
const rate = (ms: number) => `${(N / ms / 1000).toFixed(2)}M rows/s`;

/** Median ms per parse over `rounds` rounds of `repeat` parses back to back, GC included as it falls. */
function measure(rounds: number, repeat: number) {
  const peer: number[] = [];
  const ours: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? [runPeer, runOurs] : [runOurs, runPeer]; // alternate who goes first
    for (const run of order) {
      gc();
      const [, ms] = time(() => {
        for (let k = 0; k < repeat; k++) run();
      });
      (run === runPeer ? peer : ours).push(ms / repeat);
    }
  }
  return { peer: median(peer), ours: median(ours) };
}

// Warm-up, untimed: both functions optimised before any measurement.
for (let k = 0; k < 10; k++) {
  runPeer();
  runOurs();
}

const verdict = (ratio: number) =>
  `${ratio.toFixed(2)}× (budget ≥ 0.8×: ${ratio >= 0.8 ? 'met' : 'NOT met'})`;
const report = (title: string, m: { peer: number; ours: number }) => {
  console.log(title);
  console.log(`  udsv stringArrs (peer)   ${m.peer.toFixed(1).padStart(5)} ms  ${rate(m.peer)}`);
  console.log(`  parseConnections(text)   ${m.ours.toFixed(1).padStart(5)} ms  ${rate(m.ours)}`);
  console.log(`  ratio ours/peer (rows/s) ${verdict(m.peer / m.ours)}`);
};

if (process.env.BENCH_LARGE_YOUNG_GENERATION) {
  // Child run (see below): only the diagnostic.
  report(
    `same, young generation ${process.env.BENCH_LARGE_YOUNG_GENERATION} MB (GC mostly out of the way):`,
    measure(ROUNDS, 1),
  );
} else {
  report(`one parse at a time from a collected heap, ${ROUNDS} rounds, medians:`, measure(ROUNDS, 1));
  report(
    'five parses back to back (collecting the previous results included), medians:',
    measure(Math.max(3, Math.round(ROUNDS / 3)), 5),
  );
  const bytesMs: number[] = [];
  for (let round = 0; round < 5; round++) {
    gc();
    bytesMs.push(time(() => parseConnections(bytes))[1]);
  }
  console.log(
    `parseConnections(bytes), UTF-8 decoding included: ${median(bytesMs).toFixed(1)} ms (${rate(median(bytesMs))})`,
  );
  // Diagnostic, not the budget: where the time goes. With a young generation large enough that no scavenge
  // has to copy the retained results, what is left is the parsing work itself.
  const semi = '512';
  const child = spawnSync(
    process.execPath,
    [`--max-semi-space-size=${semi}`, '--import', 'tsx', fileURLToPath(import.meta.url)],
    {
      env: { ...process.env, BENCH_LARGE_YOUNG_GENERATION: semi },
      encoding: 'utf8',
    },
  );
  process.stdout.write(child.stdout.split('\n').slice(2).join('\n'));
  if (child.status !== 0) process.stderr.write(child.stderr);
}
