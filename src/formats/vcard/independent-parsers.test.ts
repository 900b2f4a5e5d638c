/**
 * Our exports, read by parsers that are not ours: ical.js (the library we generate with, but parsing the text
 * from scratch) and Debian's python3-vobject, an independent implementation that phones' sync tools resemble.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { ImportedPerson } from '../model';
import { personArb } from './arbitraries.test-helper';
import { parseVCards } from './parse-vcard';
import { serializeVCards, type VCardVersion } from './serialize-vcard';

const FIXTURES = join(import.meta.dirname, 'fixtures');

/** Generated persons (fixed seed, so a failure reproduces) and every person of our quirk fixtures (with raw). */
const persons: ImportedPerson[] = [
  ...fc.sample(personArb, { numRuns: 60, seed: 20261125 }),
  ...readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.vcf'))
    .flatMap((f) => parseVCards(new Uint8Array(readFileSync(join(FIXTURES, f))), { file: f }).records),
];
const VERSIONS: VCardVersion[] = ['3.0', '4.0'];

describe.each(VERSIONS)('ical.js reads our %s export', (version) => {
  const text = serializeVCards(persons, { version });

  it('without an error, card for card', () => {
    const parsed = ICAL.parse(text) as unknown[];
    const comps = (parsed.length > 0 && typeof parsed[0] === 'string' ? [parsed] : parsed) as [
      string,
      unknown[],
    ][];
    expect(comps).toHaveLength(persons.length);
    comps.forEach((jcard, i) => {
      const c = new ICAL.Component(jcard);
      expect(c.name).toBe('vcard');
      expect(c.getFirstPropertyValue('version')).toBe(version);
      let fn = String(c.getFirstPropertyValue('fn'));
      // ical.js leaves `\;` in 3.0 text (RFC 2426 requires escaping `;`; ical.js only unescapes it in structured values).
      if (version === '3.0') fn = fn.replace(/\\;/g, ';');
      const p = persons[i] as ImportedPerson;
      if (p.displayName !== undefined) expect(fn).toBe(p.displayName);
      expect(c.getAllProperties('email').map((e) => String(e.getFirstValue()))).toEqual(
        p.emails.map((e) => e.value),
      );
    });
  });
});

function vobjectPython(): string | undefined {
  // Debian's interpreter first: a pyenv or venv python3 earlier on PATH does not see apt's python3-vobject.
  for (const python of ['/usr/bin/python3', 'python3']) {
    if (python.startsWith('/') && !existsSync(python)) continue;
    const r = spawnSync(python, ['-c', 'import vobject'], { encoding: 'utf8' });
    if (r.status === 0) return python;
  }
  return undefined;
}

const READ_WITH_VOBJECT = `
import json, sys, vobject
out = []
for card in vobject.readComponents(sys.stdin.buffer.read().decode('utf-8')):
    photo = card.contents.get('photo', [None])[0]
    out.append({
        'fn': card.fn.value if hasattr(card, 'fn') else None,
        'emails': [e.value for e in card.contents.get('email', [])],
        'tels': [t.value for t in card.contents.get('tel', [])],
        'photo': len(photo.value) if photo is not None and isinstance(photo.value, bytes) else None,
    })
sys.stdout.write(json.dumps(out))
`;

const python = vobjectPython();
// python3-vobject comes from Debian (apt-get install python3-vobject); CI installs it in .ci/run. On a machine
// without it the suite is skipped, except under CI=true, where a missing vobject must fail the build.
const requireVobject = process.env.CI === 'true';

describe.skipIf(python === undefined && !requireVobject)('python3-vobject reads our exports', () => {
  it.each(VERSIONS)('vCard %s: every card, with its name, e-mails, phones and 3.0 photo bytes', (version) => {
    expect(python, 'python3-vobject is missing: apt-get install -y python3-vobject').toBeDefined();
    const text = serializeVCards(persons, { version });
    const r = spawnSync(python as string, ['-c', READ_WITH_VOBJECT], {
      input: text,
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const cards = JSON.parse(r.stdout) as {
      fn: string | null;
      emails: string[];
      tels: string[];
      photo: number | null;
    }[];
    expect(cards).toHaveLength(persons.length);
    cards.forEach((card, i) => {
      const p = persons[i] as ImportedPerson;
      if (p.displayName !== undefined) expect(card.fn).toBe(p.displayName);
      expect(card.emails).toEqual(p.emails.map((e) => e.value));
      expect(card.tels).toEqual(p.phones.map((t) => t.value));
      if (version === '3.0' && p.photo?.kind === 'inline') expect(card.photo).toBe(p.photo.data.length);
    });
  });
});
