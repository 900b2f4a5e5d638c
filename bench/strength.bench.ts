/**
 * Relationship strength (docs/adr/0008). Budgets (issue "relationship engine"): a full recompute over 5 million
 * interactions at ≥ 5M interactions/s, and a single update ≤ 10 µs.
 * Recompute: `foldInteractions` (what `refreshRelationships` and `rapport recompute` run) over 5M interactions of
 * 30,000 contacts, against the plain-SQL way a user would otherwise write it: SQLite summing the decayed
 * weights with GROUP BY over the same rows, in the same process.
 * Single update: `applyInteraction` then `strengthAt` (what logging an interaction computes per contact).
 */
import SQLite from 'better-sqlite3';
import {
  applyInteraction,
  EMPTY_STATE,
  foldInteractions,
  HALF_LIFE_DAYS,
  strengthAt,
  WEIGHTS,
} from '../src/core/relationships/strength';

const N = Number(process.env.BENCH_INTERACTIONS ?? 5_000_000);
const CONTACTS = 30_000;
const NOW = Date.UTC(2026, 10, 25);
const DAY = 86_400_000;

// Deterministic synthetic history: 5 years, every kind and direction.
const cols = {
  count: N,
  contact: new Uint32Array(N),
  kind: new Uint8Array(N),
  direction: new Uint8Array(N),
  answered: new Uint8Array(N),
  at: new Float64Array(N),
};
let seed = 7;
const rnd = () => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
};
for (let i = 0; i < N; i++) {
  cols.contact[i] = Math.floor(rnd() ** 2 * CONTACTS);
  cols.kind[i] = Math.floor(rnd() * 7);
  cols.direction[i] = Math.floor(rnd() * 3);
  cols.answered[i] = rnd() < 0.8 ? 1 : 0;
  cols.at[i] = NOW - Math.floor(rnd() * 5 * 365 * DAY);
}

function best(runs: number, fn: () => void): number {
  let min = Number.POSITIVE_INFINITY;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    fn();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

let check = 0;
const oursMs = best(5, () => {
  check = foldInteractions(cols, CONTACTS, NOW)[0] as number;
});

// Peer: the same sums in SQL.
const db = new SQLite(':memory:');
db.exec('CREATE TABLE i (contact INTEGER, kind INTEGER, direction INTEGER, answered INTEGER, at REAL)');
const ins = db.prepare('INSERT INTO i VALUES (?, ?, ?, ?, ?)');
db.transaction(() => {
  for (let k = 0; k < N; k++)
    ins.run(cols.contact[k], cols.kind[k], cols.direction[k], cols.answered[k], cols.at[k]);
})();
const lambda = Math.LN2 / (HALF_LIFE_DAYS * DAY);
const peerSql = db.prepare(`
  SELECT contact,
    SUM(CASE kind WHEN 0 THEN ${WEIGHTS.meeting} WHEN 1 THEN ${WEIGHTS.event} ELSE 0 END * exp((at - @now) * @l)) AS face,
    SUM(CASE WHEN kind = 2 THEN ${WEIGHTS.video} WHEN kind = 3 AND answered = 1 THEN ${WEIGHTS.call} ELSE 0 END * exp((at - @now) * @l)) AS voice,
    SUM(CASE WHEN kind IN (4, 5) AND direction <> 1 THEN (CASE kind WHEN 4 THEN ${WEIGHTS.email} ELSE ${WEIGHTS.message} END)
             WHEN kind = 3 AND answered = 0 AND direction <> 1 THEN ${WEIGHTS.missedCall} ELSE 0 END * exp((at - @now) * @l)) AS out_w,
    SUM(CASE WHEN kind IN (4, 5) AND direction <> 0 THEN (CASE kind WHEN 4 THEN ${WEIGHTS.email} ELSE ${WEIGHTS.message} END)
             WHEN kind = 3 AND answered = 0 AND direction = 1 THEN ${WEIGHTS.missedCall} ELSE 0 END * exp((at - @now) * @l)) AS in_w,
    MIN(at), MAX(at)
  FROM i WHERE kind <> 6 GROUP BY contact`);
let peerRows = 0;
const peerMs = best(2, () => {
  peerRows = peerSql.all({ now: NOW, l: lambda }).length;
});

// Single update, as logging an interaction computes it.
const UPDATES = 1_000_000;
let s = EMPTY_STATE;
const kinds = ['meeting', 'call', 'video', 'email', 'message', 'event'] as const;
const dirs = ['outbound', 'inbound', 'mutual'] as const;
const updateMs = best(3, () => {
  s = EMPTY_STATE;
  for (let k = 0; k < UPDATES; k++) {
    s = applyInteraction(s, {
      kind: kinds[k % 6] as (typeof kinds)[number],
      direction: dirs[k % 3] as (typeof dirs)[number],
      answered: true,
      at: NOW - (k % 1000) * DAY,
    });
    strengthAt(s, NOW);
  }
});

const rate = (ms: number) => (N / ms / 1000).toFixed(1);
const ours = N / oursMs / 1000;
console.log(
  `${N.toLocaleString('en')} interactions of ${CONTACTS.toLocaleString('en')} contacts (checksum ${check.toFixed(3)}, peer rows ${peerRows})`,
);
console.log(
  `recompute, rapport foldInteractions:  ${oursMs.toFixed(0).padStart(6)} ms  ${rate(oursMs)}M interactions/s   budget ≥ 5M/s: ${ours >= 5 ? 'met' : 'NOT met'}`,
);
console.log(
  `recompute, peer SQLite GROUP BY:      ${peerMs.toFixed(0).padStart(6)} ms  ${rate(peerMs)}M interactions/s   ratio ${(peerMs / oursMs).toFixed(1)}x faster`,
);
const perUpdate = (updateMs / UPDATES) * 1000;
console.log(
  `single update (apply + score):        ${perUpdate.toFixed(2)} µs                     budget ≤ 10 µs: ${perUpdate <= 10 ? 'met' : 'NOT met'}`,
);
