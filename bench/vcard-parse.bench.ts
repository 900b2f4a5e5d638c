/**
 * vCard import of a ~50 MB file with photos (an iCloud/Google export of a large address book), streamed through
 * our splitter + normaliser + ical.js + mapping, one card at a time, against ical.js parsing the same file directly
 * (read whole, `ICAL.parse`, no normaliser: what a user would otherwise write). Prints cards/s, MB/s and the peak
 * RSS growth of each, to show that the streaming import does not hold the file (let alone twice).
 *
 * Run: node --import tsx bench/vcard-parse.bench.ts   (VCARD_BENCH_MB=50 by default)
 */
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import ICAL from 'ical.js';
import { splitVCardStream } from '../src/formats/vcard/normalise-vcard';
import { parseVCardStream } from '../src/formats/vcard/parse-vcard';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const TARGET_MB = Number(process.env.VCARD_BENCH_MB ?? 50);
const GIVEN = [
  'Ada',
  'Élodie',
  'Chen',
  'Grace',
  'Zoë',
  'Mateo',
  'Aisha',
  'Kenji',
  'Björn',
  'Sofía',
  'Olu',
  'Yuki',
];
const FAMILY = [
  'Lovelace',
  'Müller',
  'Wei',
  'Hopper',
  'Okafor',
  'Tanaka',
  'García',
  'Ångström',
  'Novák',
  'Singh',
];
const ORGS = ['Acme, Inc.', 'Globex; Research', 'Initech', 'Umbrella Corp', 'Soylent Green SA', 'Café Noir'];

/** Deterministic pseudo-random numbers (mulberry32), so every run reads the same file. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fold(line: string): string {
  const out: string[] = [];
  for (let i = 0; i < line.length; i += 74) out.push((i === 0 ? '' : ' ') + line.slice(i, i + 74));
  return out.join('\r\n');
}

/** Writes a synthetic vCard 3.0 file of about `mb` MB; half the cards carry a 6–30 KB JPEG-like photo. */
function writeFile(path: string, mb: number): number {
  const random = rng(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)] as T;
  const parts: string[] = [];
  let size = 0;
  let cards = 0;
  let written = 0;
  const flush = () => {
    writeFileSync(path, parts.join(''), { flag: written === 0 ? 'w' : 'a' });
    written += parts.length;
    parts.length = 0;
  };
  while (size < mb * 1024 * 1024) {
    cards++;
    const given = pick(GIVEN);
    const family = pick(FAMILY);
    const lines = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      `UID:00000000-0000-4000-8000-${String(cards).padStart(12, '0')}`,
      `FN:${given} ${family}`,
      `N:${family};${given};;;`,
      `ORG:${pick(ORGS).replace(/[,;]/g, (c) => `\\${c}`)};Dept ${cards % 17}`,
      `TITLE:Engineer\\, level ${cards % 5}`,
      `EMAIL;TYPE=INTERNET,WORK:${given.toLowerCase()}.${cards}@example.test`,
      `item1.EMAIL;TYPE=INTERNET:${family.toLowerCase()}${cards}@home.example.test`,
      'item1.X-ABLabel:_$!<Other>!$_',
      `TEL;TYPE=CELL:+44 7700 ${String(900000 + (cards % 99999)).slice(0, 6)}`,
      `TEL;TYPE=WORK,VOICE:+1 555 ${String(cards % 10000).padStart(4, '0')}`,
      `ADR;TYPE=WORK:;;${cards} Long Street;Springfield;;${10000 + (cards % 89999)};USA`,
      `URL:https://www.linkedin.com/in/${given.toLowerCase()}-${cards}`,
      `BDAY:19${50 + (cards % 50)}-0${1 + (cards % 9)}-1${cards % 10}`,
      fold(`NOTE:Met at conference #${cards}\\, talked about graphs\\nFollow up in spring.`),
      'CATEGORIES:conference,graphs',
      'X-CUSTOM-FIELD:kept on round trip',
    ];
    if (random() < 0.5) {
      const bytes = Buffer.alloc(6000 + Math.floor(random() * 24000));
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
      bytes[0] = 0xff;
      bytes[1] = 0xd8;
      bytes[2] = 0xff;
      lines.push(fold(`PHOTO;ENCODING=b;TYPE=JPEG:${bytes.toString('base64')}`));
    }
    lines.push('END:VCARD', '');
    const card = lines.join('\r\n');
    parts.push(card);
    size += Buffer.byteLength(card);
    if (parts.length >= 500) flush();
  }
  flush();
  return cards;
}

const mb = (bytes: number) => bytes / 1024 / 1024;
const fmt = (n: number, digits = 1) => n.toFixed(digits);

const dir = mkdtempSync(join(tmpdir(), 'rapport-vcard-bench-'));
const path = join(dir, 'contacts.vcf');
try {
  const written = writeFile(path, TARGET_MB);
  const fileMb = mb(statSync(path).size);
  console.log(`synthetic file: ${fmt(fileMb)} MB, ${written} cards (half with a 6–30 KB photo)`);

  // --- Ours: streamed, one card at a time ---------------------------------------------------------------------
  gc();
  const base1 = process.memoryUsage.rss();
  let peak1 = base1;
  let records = 0;
  let issues = 0;
  let photos = 0;
  const t1 = performance.now();
  for await (const event of parseVCardStream(createReadStream(path, { highWaterMark: 1 << 16 }), {
    file: 'contacts.vcf',
  })) {
    if (event.kind === 'record') {
      records++;
      if (event.record.photo) photos++;
    } else issues++;
    if ((records & 63) === 0) peak1 = Math.max(peak1, process.memoryUsage.rss());
  }
  const s1 = (performance.now() - t1) / 1000;
  peak1 = Math.max(peak1, process.memoryUsage.rss());

  // --- Breakdown: the streaming splitter alone (bytes → decoded cards) ---------------------------------------
  gc();
  const base3 = process.memoryUsage.rss();
  let peak3 = base3;
  let split = 0;
  const t3 = performance.now();
  for await (const item of splitVCardStream(createReadStream(path, { highWaterMark: 1 << 16 }))) {
    if (item.kind === 'card' && (++split & 63) === 0) peak3 = Math.max(peak3, process.memoryUsage.rss());
  }
  const s3 = (performance.now() - t3) / 1000;

  // --- Peer: ical.js on the same file, directly ---------------------------------------------------------------
  gc();
  const base2 = process.memoryUsage.rss();
  const t2 = performance.now();
  const text = readFileSync(path, 'utf8');
  const parsed = ICAL.parse(text) as unknown[];
  const s2 = (performance.now() - t2) / 1000;
  const peak2 = process.memoryUsage.rss();
  const peerCards = Array.isArray(parsed[0]) ? parsed.length : 1;

  const rows = [
    ['', 'cards', 'seconds', 'cards/s', 'MB/s', 'peak RSS growth (MB)'],
    [
      'Rapport (stream: split + normalise + ical.js + map)',
      String(records),
      fmt(s1, 2),
      fmt(records / s1, 0),
      fmt(fileMb / s1),
      fmt(mb(peak1 - base1)),
    ],
    [
      '  of which: splitter alone (bytes → cards)',
      String(split),
      fmt(s3, 2),
      fmt(split / s3, 0),
      fmt(fileMb / s3),
      fmt(mb(peak3 - base3)),
    ],
    [
      'peer: ical.js ICAL.parse(whole file), no normaliser',
      String(peerCards),
      fmt(s2, 2),
      fmt(peerCards / s2, 0),
      fmt(fileMb / s2),
      fmt(mb(peak2 - base2)),
    ],
  ];
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  '));
  console.log(
    `ratio (Rapport / ical.js): throughput ${fmt(s2 / s1, 2)}×, peak RSS growth ${fmt((peak1 - base1) / Math.max(1, peak2 - base2), 2)}×`,
  );
  console.log(`records ${records} (${photos} with photos), issues ${issues}; file ${fmt(fileMb)} MB`);
  if (records !== written || issues !== 0) {
    console.error(`expected ${written} records and no issues`);
    process.exitCode = 1;
  }
  // Keep the peer's result alive until it has been measured.
  if (text.length === 0 || peerCards === 0) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
