import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContactPage } from '../contracts/contacts';
import type { ImportReport } from '../core/imports/import-report';
import type { ImportSummary } from '../core/imports/list-imports';
import { type Cli, tempCli } from './testing';

// Each spawn is a real `node bin/rapport.js` (~0.5–1 s); the tests share one account and run in order.
const SLOW = 120_000;
const ME = 'https://www.linkedin.com/in/me-myself';
const enc = (s: string) => new TextEncoder().encode(s);
const names = (page: ContactPage) => page.items.map((c) => c.displayName);

function connections(adaTitle: string): string {
  return [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing."',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
    `Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,,"Analytical Engines, Ltd",${adaTitle},07 Feb 2024`,
    'Grace,Hopper,https://www.linkedin.com/in/grace-hopper/,grace@navy.example,US Navy,Rear Admiral,25 Nov 2026',
    ',,,,,,07 Jun 2026',
  ].join('\r\n');
}

const MESSAGES = [
  'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS',
  `c1,,Me Myself,${ME},Ada Lovelace,https://www.linkedin.com/in/ada-lovelace,2026-01-05 10:00:00 UTC,,"Hi Ada, would you speak to my class?",INBOX,`,
  `c1,,Ada Lovelace,https://www.linkedin.com/in/ada-lovelace,Me Myself,${ME},2026-01-06 09:30:00 UTC,,<p>Gladly!</p>,INBOX,`,
  `c2,,Grace Hopper,https://www.linkedin.com/in/grace-hopper,Me Myself,${ME},2026-02-01 08:00:00 UTC,Compilers,Have you seen COBOL?,INBOX,`,
  `c3,,Me Myself,${ME},A Stranger,https://www.linkedin.com/in/stranger,2026-02-02 08:00:00 UTC,,Hello stranger,INBOX,`,
].join('\n');

const INVITATIONS = [
  'From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl',
  `Me Myself,Alan Turing,"9/27/25, 8:41 AM","Loved your paper",OUTGOING,${ME},https://www.linkedin.com/in/alan-turing`,
  `Charles Babbage,Me Myself,"10/02/25, 1:15 PM",,INCOMING,https://www.linkedin.com/in/babbage,${ME}`,
].join('\n');

const VCARDS = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Zoë Field',
  'EMAIL:zoe@field.example',
  'END:VCARD',
  'BEGIN:VCARD',
  'VERSION:3.0',
  'this line is not a property',
  'END:VCARD',
  'BEGIN:VCARD',
  'VERSION:3.0',
  'N:Marsh;Yan;;;',
  'ORG:Marsh & Co',
  'END:VCARD',
  '',
].join('\r\n');

const GENERIC_CSV = [
  'Vorname,Surname,Mail,Handy,Lieblingsfarbe',
  'Pia,Schulz,pia@schulz.example,+49 151 0000000,grün',
  'Ole,Hansen,ole@hansen.example,,blau',
  '',
].join('\n');

describe('rapport CLI: imports', () => {
  let cli: Cli;
  beforeAll(async () => {
    cli = await tempCli();
    const files = join(cli.dir, 'files');
    await mkdir(join(files, 'export'), { recursive: true });
    const exportFiles = {
      'Connections.csv': connections('Head of Research'),
      'messages.csv': MESSAGES,
      'Invitations.csv': INVITATIONS,
    };
    await writeFile(
      join(files, 'export.zip'),
      zipSync(Object.fromEntries(Object.entries(exportFiles).map(([k, v]) => [k, enc(v)]))),
    );
    // The same export unzipped, a few weeks later: Ada has a new title.
    for (const [name, text] of Object.entries({
      ...exportFiles,
      'Connections.csv': connections('Chief Scientist'),
    })) {
      await writeFile(join(files, 'export', name), text);
    }
    await writeFile(join(files, 'contacts.vcf'), VCARDS);
    await writeFile(join(files, 'people.csv'), GENERIC_CSV);
    const r = await cli.run(['account', 'create', '--email', 'me@example.test', '--name', 'Me'], {
      env: { RAPPORT_PASSWORD: 'a long enough password' },
    });
    if (r.code !== 0) throw new Error(r.stderr);
  }, SLOW);
  afterAll(async () => {
    await cli.cleanup();
  });

  it('imports a LinkedIn zip, re-imports it unzipped without duplicates, and undoes both', {
    timeout: SLOW,
  }, async () => {
    const first = await cli.run(['import', 'linkedin', 'files/export.zip']);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    const zipId = /^imported export\.zip \(linkedin\) as import ([0-9a-f-]{36})$/m.exec(first.stdout)?.[1];
    expect(zipId).toBeDefined();
    expect(first.stdout).toContain(
      'created 2 · updated 0 · unchanged 0 · skipped 1 · errors 0 · warnings 0\n',
    );
    expect(first.stdout).toContain(
      'messages 3 · messages without contact 1 · outreach replies 0 · invitations 2 · profile 0 · hidden profiles 1\n',
    );
    expect(first.stdout).toMatch(/^ {2}Connections\.csv:7 \[skipped\] /m);
    expect(first.stdout).toContain(`undo with: rapport import undo ${zipId}`);

    const [ada, grace, list, shown, oneCsv] = await Promise.all([
      cli.json<ContactPage>(['search', 'ada']),
      cli.json<ContactPage>(['search', 'hopper']),
      cli.json<{ items: ImportSummary[] }>(['imports']),
      cli.run(['imports', 'show', zipId as string]),
      cli.json<ImportReport>(['import', 'linkedin', 'files/export/Connections.csv', '--dry-run']),
    ]);
    expect(ada.items).toMatchObject([{ displayName: 'Ada Lovelace', title: 'Head of Research' }]);
    expect(names(grace)).toEqual(['Grace Hopper']);
    expect(list.items).toMatchObject([
      { id: zipId, kind: 'linkedin', status: 'committed', stats: { created: 2 } },
    ]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/^ {2}Connections\.csv:7 \[skipped\] /m);
    // A single CSV of the export is read too; as a preview it stores nothing.
    expect(oneCsv).toMatchObject({
      status: 'preview',
      id: null,
      stats: { created: 0, updated: 1, unchanged: 1 },
    });

    const again = await cli.run(['import', 'linkedin', 'files/export']);
    expect(again.code).toBe(0);
    const folderId = /as import ([0-9a-f-]{36})$/m.exec(again.stdout)?.[1];
    expect(again.stdout).toContain('created 0 · updated 1 · unchanged 1 ·');
    expect(again.stdout).toContain('messages 0 ·');
    expect(again.stdout).toMatch(
      /^changes to people already in your rolodex:\n {2}Ada Lovelace {2}\(Connections\.csv line 5\)\n {4}title: "Head of Research" → "Chief Scientist"$/m,
    );

    expect(await cli.run(['import', 'undo', folderId as string])).toMatchObject({
      code: 0,
      stdout: `undid import ${folderId}: removed 0 contacts, took back what it changed in 1 contact\n`,
    });
    expect((await cli.json<ContactPage>(['search', 'ada'])).items).toMatchObject([
      { title: 'Head of Research' },
    ]);
    expect(await cli.json(['import', 'undo', zipId as string])).toEqual({
      id: zipId,
      removed: 2,
      trashed: 0,
      restored: 0,
    });
    const [gone, twice, unknown] = await Promise.all([
      cli.json<ContactPage>(['list']),
      cli.run(['import', 'undo', zipId as string]),
      cli.run(['import', 'linkedin', 'files/nope.zip']),
    ]);
    expect(gone.items).toEqual([]);
    expect(twice).toMatchObject({ code: 6, stderr: 'error: this import has already been undone\n' });
    expect(unknown).toMatchObject({ code: 5, stderr: 'error: no such file: files/nope.zip\n' });
  });

  it('imports a vCard file with a bad card: exit 0, the card reported by number', {
    timeout: SLOW,
  }, async () => {
    const r = await cli.run(['import', 'vcard', 'files/contacts.vcf']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('created 2 · updated 0 · unchanged 0 · skipped 0 · errors 1 · warnings 0\n');
    expect(r.stdout).toMatch(/^ {2}contacts\.vcf:8 \(card 2\) \[error\] .*this line is not a property/m);
    expect(names(await cli.json<ContactPage>(['list']))).toEqual(['Yan Marsh', 'Zoë Field']);
  });

  it('shows the columns and a --map to edit for a CSV it cannot read alone; imports it with --map', {
    timeout: SLOW,
  }, async () => {
    const [plain, dry, json, badTarget] = await Promise.all([
      cli.run(['import', 'csv', 'files/people.csv']),
      cli.run(['import', 'csv', 'files/people.csv', '--dry-run']),
      cli.run(['--json', 'import', 'csv', 'files/people.csv']),
      cli.run(['import', 'csv', 'files/people.csv', '--map', 'Vorname=givenName,Lieblingsfarbe=colour']),
    ]);
    const suggestion =
      "  rapport import csv files/people.csv --map 'Vorname=givenName,Surname=familyName,Mail=email,Handy=phone," +
      "Lieblingsfarbe=extra'\n";
    for (const r of [plain, dry]) {
      expect(r).toMatchObject({ code: 2, stdout: '' });
      expect(r.stderr).toMatch(/^error: --map: /);
      expect(r.stderr).toMatch(/^ {2}Vorname +Pia \| Ole$/m);
      expect(r.stderr).toMatch(/^ {2}Handy +\+49 151 0000000$/m);
      expect(r.stderr).toContain(suggestion);
    }
    expect(json).toMatchObject({ code: 2, stdout: '' });
    expect(JSON.parse(json.stderr).error).toMatchObject({
      code: 'validation',
      details: {
        csv: {
          needsMapping: true,
          headers: ['Vorname', 'Surname', 'Mail', 'Handy', 'Lieblingsfarbe'],
          suggestedMapping: { Vorname: 'givenName', Surname: 'familyName', Mail: 'email', Handy: 'phone' },
        },
      },
    });
    expect(badTarget.code).toBe(2);
    expect(badTarget.stderr).toContain('unknown target "colour"');

    const mapped = await cli.json<ImportReport>([
      'import',
      'csv',
      'files/people.csv',
      '--map',
      'Vorname=givenName,Surname=familyName,Mail=email,Handy=phone:Mobile,Lieblingsfarbe=extra',
    ]);
    expect(mapped).toMatchObject({ status: 'committed', stats: { created: 2, errors: 0 } });
    const pia = await cli.json<ContactPage>(['search', 'schulz']);
    expect(pia.items).toMatchObject([{ displayName: 'Pia Schulz', primaryEmail: 'pia@schulz.example' }]);
  });

  it('refuses a --map naming a column the file does not have: exit 2, the columns it has, nothing imported', {
    timeout: SLOW,
  }, async () => {
    const before = await cli.json<{ items: ImportSummary[] }>(['imports']);
    const [plain, dry, json] = await Promise.all([
      cli.run(['import', 'csv', 'files/people.csv', '--map', 'Vorname=givenName,Email=email']),
      cli.run(['import', 'csv', 'files/people.csv', '--map', 'Vorname=givenName,Email=email', '--dry-run']),
      cli.run(['--json', 'import', 'csv', 'files/people.csv', '--map', 'Vorname=givenName,Email=email']),
    ]);
    for (const r of [plain, dry]) {
      expect(r).toMatchObject({ code: 2, stdout: '' });
      expect(r.stderr).toMatch(
        /^error: file: people\.csv holds no contact to import \(people\.csv:1: the mapping names column "Email", which is not in the file: its columns are Vorname, Surname, Mail, Handy, Lieblingsfarbe\)$/m,
      );
    }
    expect(json).toMatchObject({ code: 2, stdout: '' });
    expect(JSON.parse(json.stderr).error).toMatchObject({
      code: 'validation',
      details: { fileIssues: [{ severity: 'error', line: 1, field: 'Email' }] },
    });
    expect(await cli.json<{ items: ImportSummary[] }>(['imports'])).toEqual(before);
    expect(names(await cli.json<ContactPage>(['search', 'hansen']))).toEqual(['Ole Hansen']);
  });
});
