/**
 * Undoing a 30,000-connection LinkedIn import (bench/synthetic.ts) on SQLite through the real use case
 * (`undoImport`: the checks, the trash for contacts in use, the contacts it created deleted with their channels,
 * sources, history and search rows, organisations nobody else uses, relationships refreshed). QA (2026-11-27) saw
 * 3.5–21 s for it depending on load. Peer in the same run: plain SQL on a copy of the same database file deleting
 * the same rows by import id in one transaction (history, sources, invitations, interactions, contacts with their
 * cascades, the organisations left unused), the least an undo does. First the undo of a later export of the same
 * people that updated 10,000 of them (`BENCH_UPDATED`; each put back as it was), then the undo of the one that
 * created them.
 */
import { copyFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import SQLite from 'better-sqlite3';
import { createAccount } from '../src/core/accounts/create-account';
import { actingAs } from '../src/core/context';
import { importLinkedin } from '../src/core/imports/import-linkedin';
import { undoImport } from '../src/core/imports/undo-import';
import { openRuntime } from '../src/core/runtime';
import { syntheticConnectionsCsv } from './synthetic';

const N = Number(process.env.BENCH_CONNECTIONS ?? 30_000);
// How many of them a later export changes (all of them when fewer).
const UPDATED = Math.min(N, Number(process.env.BENCH_UPDATED ?? 10_000));
// CPU time next to wall time: on a loaded shared machine wall time also counts other processes' time.
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const dir = `/tmp/rapport-bench-import-undo-${process.pid}`;
const peerFile = `${dir}-peer.sqlite`;
rmSync(dir, { recursive: true, force: true });
const bytes = new TextEncoder().encode(syntheticConnectionsCsv(N));
const env = { RAPPORT_DATA_DIR: dir } as NodeJS.ProcessEnv;

let rt = await openRuntime(env, { settings: { scryptN: 1024 } });
const account = await createAccount(rt.ctx(), {
  email: 'bench@example.test',
  password: 'bench password',
  name: 'Bench',
});
const ctx = () => actingAs(rt.ctx(), account.id);
const report = await importLinkedin(ctx(), { source: { name: 'Connections.csv', bytes }, dryRun: false });
const importId = report.id as string;
// A later export of the same people, the first `UPDATED` of them connected a year earlier: an import that updates
// those, whose undo puts each back as it was (the restore path, not the delete one).
let toUpdate = UPDATED;
const later = new TextEncoder().encode(
  syntheticConnectionsCsv(N).replace(/ (\d{4})$/gm, (date: string, y: string) =>
    toUpdate-- > 0 ? ` ${Number(y) - 1}` : date,
  ),
);
const update = await importLinkedin(ctx(), {
  source: { name: 'Connections.csv', bytes: later },
  dryRun: false,
});
const updateId = update.id as string;
await rt.close(); // checkpoints the WAL: the file alone is the database
copyFileSync(`${dir}/rapport.sqlite`, peerFile);

// Peers: plain SQL, one transaction each, by import id.
const plain = new SQLite(peerFile);
plain.pragma('foreign_keys = ON');
const timed = (fn: () => void) => {
  const t = performance.now();
  const c = cpuMs();
  fn();
  return { ms: performance.now() - t, cpu: cpuMs() - c };
};
const deleteTraces = (id: string) => {
  for (const table of ['contact_history', 'contact_sources', 'linkedin_invitations', 'interactions']) {
    plain.prepare(`DELETE FROM ${table} WHERE import_id = ?`).run(id);
  }
};
// The updating import: its history and sources go, and each contact's date connected is what it recorded before.
const peerRestore = timed(() =>
  plain.transaction(() => {
    deleteTraces(updateId);
    const n = plain
      .prepare(
        `UPDATE contacts SET connected_on = json_extract(ch.before, '$.row.connected_on'),
           updated_at = json_extract(ch.before, '$.row.updated_at')
         FROM import_changes ch WHERE ch.import_id = ? AND ch.entity = 'contact' AND ch.entity_id = contacts.id`,
      )
      .run(updateId).changes;
    plain.prepare("UPDATE imports SET status = 'undone' WHERE id = ?").run(updateId);
    if (n !== update.stats.updated) throw new Error(`peer restored ${n} contacts`);
  })(),
);
// The creating import: its contacts go (their channels cascade), and the organisations nobody uses any more.
const peerDelete = timed(() =>
  plain.transaction(() => {
    deleteTraces(importId);
    const contacts = plain.prepare('DELETE FROM contacts WHERE import_id = ?').run(importId).changes;
    plain
      .prepare(
        `DELETE FROM organisations WHERE id IN (SELECT entity_id FROM import_changes WHERE import_id = ? AND entity = 'organisation')
           AND NOT EXISTS (SELECT 1 FROM contacts WHERE organisation_id = organisations.id)
           AND NOT EXISTS (SELECT 1 FROM contact_positions WHERE organisation_id = organisations.id)`,
      )
      .run(importId);
    plain.prepare("UPDATE imports SET status = 'undone' WHERE id = ?").run(importId);
    if (contacts !== report.stats.created) throw new Error(`peer deleted ${contacts} contacts`);
  })(),
);
plain.close();

rt = await openRuntime(env, { settings: { scryptN: 1024 } });
let undone = { removed: 0, restored: 0, trashed: 0 };
const t = performance.now();
const c = cpuMs();
undone = await undoImport(ctx(), updateId);
const restore = { ms: performance.now() - t, cpu: cpuMs() - c, ...undone };
const t2 = performance.now();
const c2 = cpuMs();
undone = await undoImport(ctx(), importId);
const remove = { ms: performance.now() - t2, cpu: cpuMs() - c2, ...undone };
await rt.close();
rmSync(dir, { recursive: true, force: true });
rmSync(peerFile, { force: true });
if (restore.restored !== update.stats.updated) throw new Error(`undo restored ${restore.restored}`);
if (remove.removed !== report.stats.created) throw new Error(`undo removed ${remove.removed}`);

const cpu = (ms: number) => `cpu ${ms.toFixed(0).padStart(5)} ms`;
const line = (label: string, r: { ms: number; cpu: number }, what = '') =>
  console.log(`${label.padEnd(44)}${r.ms.toFixed(0).padStart(6)} ms  ${cpu(r.cpu)}${what}`);
const ratio = (label: string, a: { ms: number; cpu: number }, b: { ms: number; cpu: number }) =>
  console.log(`${label.padEnd(44)}${(a.ms / b.ms).toFixed(1)}x wall, ${(a.cpu / b.cpu).toFixed(1)}x cpu`);
console.log(
  `${N} connections: ${report.stats.created} contacts created, then ${update.stats.updated} updated by a later export; load ${(loadavg()[0] ?? 0).toFixed(1)}`,
);
line('peer plain SQL, undo the update:', peerRestore);
line('rapport undo import, the update:', restore, `  restored ${restore.restored}`);
ratio('ratio undo / plain SQL, the update:', restore, peerRestore);
line('peer plain SQL, undo the creation:', peerDelete);
line('rapport undo import, the creation:', remove, `  removed ${remove.removed}`);
ratio('ratio undo / plain SQL, the creation:', remove, peerDelete);
