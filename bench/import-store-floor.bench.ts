/**
 * How fast can SQLite store a 30,000-connection LinkedIn import at all, with Rapport's schema, before any of our
 * JavaScript runs? The real import (`importLinkedin`) fills a database once; its rows are then written again into
 * fresh databases of the same schema with better-sqlite3 directly (one prepared INSERT per table, one
 * transaction, nothing else), and again with parts of the schema taken away. This bounds what any import code can
 * reach on this schema (docs/adr/0016-import-write-path.md). Peer in the same run: the import bench's plain SQL
 * insert (the same people into one index-free table).
 */
import { rmSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { createAccount } from '../src/core/accounts/create-account';
import { actingAs } from '../src/core/context';
import { importLinkedin } from '../src/core/imports/import-linkedin';
import { openRuntime } from '../src/core/runtime';
import { syntheticConnectionsCsv } from './synthetic';

const N = Number(process.env.BENCH_CONNECTIONS ?? 30_000);
const dir = `/tmp/rapport-bench-floor-${process.pid}`;
const TABLES = ['contacts', 'contact_channels', 'contact_sources'] as const;
type Row = unknown[];

rmSync(dir, { recursive: true, force: true });
const rt = await openRuntime({ RAPPORT_DATA_DIR: dir } as NodeJS.ProcessEnv, { settings: { scryptN: 1024 } });
const account = await createAccount(rt.ctx(), {
  email: 'floor@example.test',
  password: 'bench password',
  name: 'F',
});
const bytes = new TextEncoder().encode(syntheticConnectionsCsv(N));
const t = performance.now();
await importLinkedin(actingAs(rt.ctx(), account.id), {
  source: { name: 'Connections.csv', bytes },
  dryRun: false,
});
const importMs = performance.now() - t;
await rt.close();

const source = new SQLite(`${dir}/rapport.sqlite`, { readonly: true });
const columnsOf = (table: string) =>
  source
    .prepare(`SELECT * FROM "${table}" LIMIT 1`)
    .columns()
    .map((c) => c.name);
const rowsOf = (table: string) => source.prepare(`SELECT * FROM "${table}"`).raw().all() as Row[];
const data = Object.fromEntries(
  TABLES.map((name) => [name, { columns: columnsOf(name), rows: rowsOf(name) }]),
);
const parents = ['accounts', 'imports', 'organisations'].map((name) => ({
  name,
  columns: columnsOf(name),
  rows: rowsOf(name),
}));
const schema = source
  .prepare("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'")
  .all() as { type: string; name: string; sql: string }[];
source.close();

const insertSql = (table: string, columns: string[]) =>
  `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;

interface Variant {
  name: string;
  dropIndexes?: string[];
  skipTables?: string[];
  noAutoCheckpoint?: boolean;
}

/** Writes the import's rows into a fresh database shaped by `v`; milliseconds from BEGIN to the end of COMMIT. */
function store(v: Variant): number {
  const file = `${dir}/floor.sqlite`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  if (v.noAutoCheckpoint) db.pragma('wal_autocheckpoint = 0');
  // Tables, indexes and the FTS table as migrations left them; triggers off (the import indexes in bulk too).
  for (const o of schema) {
    if (o.type === 'trigger' || (o.type === 'index' && v.dropIndexes?.includes(o.name))) continue;
    if (o.type === 'table' && /^contact_fts_/.test(o.name)) continue; // FTS5 creates its shadow tables itself
    db.exec(o.sql);
  }
  for (const p of parents) {
    const insert = db.prepare(insertSql(p.name, p.columns));
    for (const r of p.rows) insert.run(r);
  }
  const start = performance.now();
  db.exec('BEGIN');
  for (const table of TABLES) {
    if (v.skipTables?.includes(table)) continue;
    const { columns, rows } = data[table] as { columns: string[]; rows: Row[] };
    const insert = db.prepare(insertSql(table, columns));
    for (const r of rows) insert.run(r);
  }
  db.exec('COMMIT');
  const ms = performance.now() - start;
  db.close();
  return ms;
}

// The peer: the import bench's plain SQL, the same people into one 7-column table without indexes.
function peer(): number {
  const db = new SQLite(':memory:');
  db.exec(
    'CREATE TABLE p (id INTEGER PRIMARY KEY, first TEXT, last TEXT, url TEXT, email TEXT, company TEXT, position TEXT, connected TEXT)',
  );
  const insert = db.prepare(
    'INSERT INTO p (first, last, url, email, company, position, connected) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const contacts = data.contacts as { columns: string[]; rows: Row[] };
  const col = (name: string) => contacts.columns.indexOf(name);
  const [g, f, o, ti, c] = ['given_name', 'family_name', 'organisation_id', 'title', 'connected_on'].map(col);
  const start = performance.now();
  db.transaction(() => {
    for (const r of contacts.rows)
      insert.run(r[g as number], r[f as number], null, null, r[o as number], r[ti as number], r[c as number]);
  })();
  const ms = performance.now() - start;
  db.close();
  return ms;
}

const CONTACT_INDEXES = ['contacts_owner_created_idx', 'contacts_owner_connected_idx', 'contacts_org_idx'];
const variants: Variant[] = [
  { name: 'the schema as it is (contacts, channels, sources)' },
  { name: 'without the WAL checkpoint at commit', noAutoCheckpoint: true },
  { name: 'without a source row per contact', skipTables: ['contact_sources'] },
  { name: 'without 3 of the contact indexes', dropIndexes: CONTACT_INDEXES },
  {
    name: 'all three cuts, and one channel index less',
    noAutoCheckpoint: true,
    skipTables: ['contact_sources'],
    dropIndexes: [...CONTACT_INDEXES, 'contact_channels_contact_idx'],
  },
  {
    name: 'contacts alone, primary key only',
    skipTables: ['contact_channels', 'contact_sources'],
    dropIndexes: [...CONTACT_INDEXES, 'contacts_owner_sort_idx', 'contacts_share_idx'],
  },
];

const ROUNDS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const peerMs = median(Array.from({ length: ROUNDS }, peer));
console.log(
  `${N} connections; the real import took ${importMs.toFixed(0)} ms (parse, plan, write, search index)`,
);
console.log(
  `rows written: ${TABLES.map((n) => `${n} ${(data[n] as { rows: Row[] }).rows.length}`).join(', ')}`,
);
console.log(`peer plain SQL insert (one table, no index): ${peerMs.toFixed(0)} ms\n`);
console.log(
  "SQLite alone, the import's rows through prepared INSERTs (median of 3), and the ratio to the peer:",
);
for (const v of variants) {
  const ms = median(Array.from({ length: ROUNDS }, () => store(v)));
  console.log(
    `  ${v.name.padEnd(52)} ${ms.toFixed(0).padStart(5)} ms  ${(ms / peerMs).toFixed(1).padStart(5)}x`,
  );
}
console.log(
  '\nbudget for the whole import (parse + store): 500 ms; the search index and our JavaScript come on top.',
);
rmSync(dir, { recursive: true, force: true });
