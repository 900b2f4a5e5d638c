import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContactPage } from '../contracts/contacts';
import { type Cli, tempCli } from './testing';

// Each spawn is a real `node bin/rapport.js` (~0.5–1 s): three accounts on one data dir, named explicitly.
const SLOW = 120_000;
const A = 'ana@example.test';
const B = 'bea@example.test';
const C = 'cai@example.test';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
/** A list with every id blanked: a restore onto the same server has to give its rows new ids. */
const withoutIds = (page: ContactPage) => JSON.parse(JSON.stringify(page).replace(UUID, 'ID')) as ContactPage;

const VCARDS = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Zoë Field',
  'N:Field;Zoë;;;',
  'ORG:Field & Sons',
  'TITLE:Founder',
  'EMAIL;TYPE=work:zoe@field.example',
  'TEL;TYPE=cell:+44 20 7946 0001',
  'NOTE:Met at the harbour',
  'END:VCARD',
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Yan Marsh',
  'N:Marsh;Yan;;;',
  'URL:https://www.linkedin.com/in/yan-marsh',
  'END:VCARD',
  '',
].join('\r\n');

describe('rapport CLI: export, backup and restore', () => {
  let cli: Cli;
  const as = (account: string, args: string[]) => ['--account', account, ...args];
  beforeAll(async () => {
    cli = await tempCli();
    await writeFile(join(cli.dir, 'in.vcf'), VCARDS);
    for (const email of [A, B, C]) {
      await cli.createAccount(email, email.split('@')[0] as string);
    }
    for (const args of [
      ['import', 'vcard', 'in.vcf'],
      ['add', 'Xu Li', '--tag', 'mentor', '--field', 'pronouns=she/her', '--connected', '2024-05-01'],
    ]) {
      const r = await cli.run(as(A, args));
      if (r.code !== 0) throw new Error(r.stderr);
    }
  }, SLOW);
  afterAll(async () => {
    await cli.cleanup();
  });

  it('exports vCards, CSV and JSON; a backup restores into another account as the same list', {
    timeout: SLOW,
  }, async () => {
    const [vcf3, vcf4, csv, json, backup, list, notVcard] = await Promise.all([
      cli.run(as(A, ['export', 'vcard'])),
      cli.run(as(A, ['export', 'vcard', '--vcard-version', '4.0', '--out', 'out.vcf'])),
      cli.run(as(A, ['export', 'csv'])),
      cli.run(as(A, ['export', 'json', '--out', 'export.json'])),
      cli.run(as(A, ['backup', 'backup.json'])),
      cli.json<ContactPage>(as(A, ['list', '--all'])),
      cli.run(as(A, ['export', 'csv', '--vcard-version', '4.0'])),
    ]);
    expect(list.items.map((c) => c.displayName)).toEqual(['Xu Li', 'Yan Marsh', 'Zoë Field']);

    expect(vcf3).toMatchObject({ code: 0, stderr: '' });
    expect(vcf3.stdout.match(/^BEGIN:VCARD\r?$/gm)).toHaveLength(3);
    expect(vcf3.stdout).toMatch(/^VERSION:3\.0\r?$/m);
    for (const fn of ['FN:Zoë Field', 'FN:Yan Marsh', 'FN:Xu Li']) expect(vcf3.stdout).toContain(fn);
    expect(vcf4).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^wrote 3 vCards \(4\.0\) to out\.vcf \(/),
    });
    const v4 = await readFile(join(cli.dir, 'out.vcf'), 'utf8');
    expect(v4).toMatch(/^VERSION:4\.0\r?$/m);
    expect(v4).toContain('zoe@field.example');

    expect(csv.code).toBe(0);
    const [header, ...rows] = csv.stdout
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(header).toMatch(/^First Name,/);
    expect(rows).toHaveLength(3);
    expect(csv.stdout).toContain('zoe@field.example');
    expect(notVcard.code).toBe(2);
    expect(notVcard.stderr).toContain('only applies to the vcard format');

    expect(json).toMatchObject({ code: 0, stdout: expect.stringMatching(/^wrote JSON to export\.json/) });
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(
      new RegExp(`^backed up ${A} to backup\\.json: 3 contacts, \\d+ rows in all`),
    );
    const exported = JSON.parse(await readFile(join(cli.dir, 'export.json'), 'utf8'));
    const backedUp = JSON.parse(await readFile(join(cli.dir, 'backup.json'), 'utf8'));
    expect(backedUp).toMatchObject({ format: 'rapport-backup', version: 2, account: { email: A } });
    expect({ ...exported, exportedAt: null }).toEqual({ ...backedUp, exportedAt: null });

    // B gets the backup; C gets the vCard export through an ordinary import.
    await writeFile(join(cli.dir, 'out3.vcf'), vcf3.stdout);
    const restored = await cli.json<{ rows: Record<string, number>; idsKept: boolean }>(
      as(B, ['restore', 'backup.json']),
    );
    expect(restored).toMatchObject({ rows: { contacts: 3 }, idsKept: false });
    expect(await cli.run(as(C, ['import', 'vcard', 'out3.vcf']))).toMatchObject({ code: 0 });

    const [listB, listC, intoB, intoA, notJson] = await Promise.all([
      cli.json<ContactPage>(as(B, ['list', '--all'])),
      cli.json<ContactPage>(as(C, ['list', '--all'])),
      cli.run(as(B, ['restore', 'backup.json'])),
      cli.run(as(A, ['--json', 'restore', 'export.json'])),
      cli.run(as(C, ['restore', 'in.vcf'])),
    ]);
    expect(withoutIds(listB)).toEqual(withoutIds(list));
    expect(listC.items.map((c) => [c.displayName, c.organisation?.name, c.title, c.primaryEmail])).toEqual(
      list.items.map((c) => [c.displayName, c.organisation?.name, c.title, c.primaryEmail]),
    );
    // Restoring is only into an empty account.
    expect(intoB.code).toBe(6);
    expect(intoB.stderr).toMatch(
      /^error: this account already has .*: restore a backup into an empty account\n$/,
    );
    expect(intoA.code).toBe(6);
    expect(JSON.parse(intoA.stderr).error.code).toBe('conflict');
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/^error: in\.vcf: not a JSON backup/);
  });
});
