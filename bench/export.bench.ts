/**
 * Exports of 30,000 contacts imported from LinkedIn (bench/synthetic.ts through the real `importLinkedin`) on
 * SQLite: the real vCard 3.0 export (`exportVcards`), CSV (`exportCsv`) and JSON backup (`exportBackup` written as
 * `rapport backup` writes it). Peers in the same run, on the same database file: the plain SQL a user would
 * otherwise write with better-sqlite3 — one SELECT of the live contacts, one of their channels — then
 * JSON.stringify for JSON and a straightforward line-per-contact string build for vCard and CSV. Each run is timed
 * RUNS times (BENCH_RUNS, default 3); the best of them is printed, with CPU time next to wall time (on a shared
 * machine wall time also counts the time other processes held the cores).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { createAccount } from '../src/core/accounts/create-account';
import { backupJsonChunks } from '../src/core/backup/backup-json-chunks';
import { exportBackup } from '../src/core/backup/export-backup';
import { actingAs } from '../src/core/context';
import { exportCsv } from '../src/core/exports/export-csv';
import { exportVcards } from '../src/core/exports/export-vcards';
import { importLinkedin } from '../src/core/imports/import-linkedin';
import { openRuntime } from '../src/core/runtime';
import { syntheticConnectionsCsv } from './synthetic';

const N = Number(process.env.BENCH_CONNECTIONS ?? 30_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ONLY = process.env.BENCH_ONLY; // 'vcard' | 'csv' | 'json': one real export only (for --cpu-prof)
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const dir = `/tmp/rapport-bench-export-${process.pid}`;
rmSync(dir, { recursive: true, force: true });

const rt = await openRuntime({ RAPPORT_DATA_DIR: dir } as NodeJS.ProcessEnv, { settings: { scryptN: 1024 } });
const account = await createAccount(rt.ctx(), {
  email: 'bench@example.test',
  password: 'bench password',
  name: 'Bench',
});
const ctx = actingAs(rt.ctx(), account.id);
const bytes = new TextEncoder().encode(syntheticConnectionsCsv(N));
const imported = await importLinkedin(ctx, { source: { name: 'Connections.csv', bytes }, dryRun: false });
const contacts = imported.stats.created;

interface Figure {
  ms: number;
  cpu: number;
  chars: number;
}

async function best(run: () => Promise<number>): Promise<Figure> {
  let out: Figure | undefined;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const c = cpuMs();
    const chars = await run();
    const f = { ms: performance.now() - t, cpu: cpuMs() - c, chars };
    if (!out || f.ms < out.ms) out = f;
  }
  return out as Figure;
}

// The real exports, consumed as the CLI writes them (chunk by chunk for vCards and JSON, whole for CSV).
const real = {
  vcard: () =>
    best(async () => {
      let n = 0;
      for await (const card of exportVcards(ctx, '3.0')) n += card.length;
      return n;
    }),
  csv: () => best(async () => (await exportCsv(ctx)).length),
  json: () =>
    best(async () => {
      let n = 0;
      for (const chunk of backupJsonChunks(await exportBackup(ctx))) n += chunk.length;
      return n;
    }),
};

// BENCH_CPU_PROF=DIR writes a CPU profile of each real export (only them, not the seeding) to DIR/<format>.cpuprofile.
async function profiled(name: string, run: () => Promise<Figure>): Promise<Figure> {
  const out = process.env.BENCH_CPU_PROF;
  if (!out) return run();
  const { Session } = await import('node:inspector/promises');
  const { writeFileSync } = await import('node:fs');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  const f = await run();
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(join(out, `${name}.cpuprofile`), JSON.stringify(profile));
  session.disconnect();
  return f;
}

// Peers: plain better-sqlite3 on the same file.
const plain = new SQLite(join(dir, 'rapport.sqlite'), { readonly: true });
interface Row {
  id: string;
  display_name: string;
  given_name: string | null;
  family_name: string | null;
  title: string | null;
  organisation: string | null;
  connected_on: string | null;
  notes: string | null;
}
interface Channel {
  contact_id: string;
  kind: string;
  value: string;
  label: string | null;
}
function selectPlain(): { rows: Row[]; byContact: Map<string, Channel[]> } {
  const rows = plain
    .prepare(
      `SELECT c.id, c.display_name, c.given_name, c.family_name, c.title, o.name AS organisation, c.connected_on,
              c.notes
       FROM contacts c LEFT JOIN organisations o ON o.id = c.organisation_id
       WHERE c.owner_id = ? AND c.deleted_at IS NULL ORDER BY c.sort_key, c.id`,
    )
    .all(account.id) as Row[];
  const channels = plain
    .prepare(
      `SELECT ch.contact_id, ch.kind, ch.value, ch.label FROM contact_channels ch
       JOIN contacts c ON c.id = ch.contact_id
       WHERE ch.owner_id = ? AND c.deleted_at IS NULL ORDER BY ch.contact_id, ch.position`,
    )
    .all(account.id) as Channel[];
  const byContact = new Map<string, Channel[]>();
  for (const ch of channels) {
    const list = byContact.get(ch.contact_id);
    if (list) list.push(ch);
    else byContact.set(ch.contact_id, [ch]);
  }
  return { rows, byContact };
}
const esc = (s: string) => s.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
const q = (s: string | null | undefined) =>
  s == null ? '' : /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
const peer = {
  vcard: () =>
    best(async () => {
      const { rows, byContact } = selectPlain();
      let out = '';
      for (const r of rows) {
        let card = `BEGIN:VCARD\r\nVERSION:3.0\r\nUID:${r.id}\r\nFN:${esc(r.display_name)}\r\nN:${esc(r.family_name ?? '')};${esc(r.given_name ?? '')};;;\r\n`;
        if (r.organisation) card += `ORG:${esc(r.organisation)}\r\n`;
        if (r.title) card += `TITLE:${esc(r.title)}\r\n`;
        for (const ch of byContact.get(r.id) ?? []) {
          if (ch.kind === 'email') card += `EMAIL;TYPE=INTERNET:${ch.value}\r\n`;
          else if (ch.kind === 'phone') card += `TEL:${ch.value}\r\n`;
          else if (ch.kind === 'url') card += `URL:${ch.value}\r\n`;
        }
        if (r.notes) card += `NOTE:${esc(r.notes)}\r\n`;
        out += `${card}END:VCARD\r\n`;
      }
      return out.length;
    }),
  csv: () =>
    best(async () => {
      const { rows, byContact } = selectPlain();
      const lines = [
        'First Name,Last Name,File As,Organization Name,Organization Title,E-mail,Phone,Website',
      ];
      for (const r of rows) {
        const chs = byContact.get(r.id) ?? [];
        const first = (kind: string) => chs.find((c) => c.kind === kind)?.value;
        lines.push(
          [
            r.given_name,
            r.family_name,
            r.display_name,
            r.organisation,
            r.title,
            first('email'),
            first('phone'),
            first('url'),
          ]
            .map(q)
            .join(','),
        );
      }
      return `${lines.join('\r\n')}\r\n`.length;
    }),
  json: () =>
    best(async () => {
      const { rows, byContact } = selectPlain();
      const out = rows.map((r) => ({ ...r, channels: byContact.get(r.id) ?? [] }));
      return `${JSON.stringify(out, null, 2)}\n`.length;
    }),
};

const rate = (ms: number) => `${Math.round((contacts / ms) * 1000).toLocaleString('en')} contacts/s`;
const line = (label: string, f: Figure) =>
  `${label.padEnd(34)} ${f.ms.toFixed(0).padStart(6)} ms  cpu ${f.cpu.toFixed(0).padStart(6)} ms  ${rate(f.ms).padStart(20)}  ${(f.chars / 1e6).toFixed(1)} M chars`;

console.log(`${contacts} contacts imported from LinkedIn on SQLite; best of ${RUNS}`);
const formats = (ONLY ? [ONLY] : ['vcard', 'csv', 'json']) as (keyof typeof real)[];
for (const f of formats) {
  const name = f === 'vcard' ? 'vCard 3.0' : f === 'csv' ? 'CSV' : 'JSON backup';
  const p = ONLY ? undefined : await peer[f]();
  const r = await profiled(f, real[f]);
  if (p) console.log(line(`peer plain SQL ${name}:`, p));
  console.log(line(`rapport ${name}:`, r));
  if (p)
    console.log(
      `${'ratio rapport / peer:'.padEnd(34)} ${(r.ms / p.ms).toFixed(1)}x wall, ${(r.cpu / p.cpu).toFixed(1)}x cpu`,
    );
}
plain.close();
await rt.close();
rmSync(dir, { recursive: true, force: true });
