import { describe, expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { updateSettings } from '../agenda/update-settings';
import { getContact } from '../contacts/get-contact';
import { listContacts } from '../contacts/list-contacts';
import { updateContact } from '../contacts/update-contact';
import { importCsv } from './import-csv';
import { importLinkedin } from './import-linkedin';
import { listImports } from './list-imports';
import { undoImport } from './undo-import';

const enc = (s: string) => new TextEncoder().encode(s);
// One made-up person as Google Contacts and Outlook export them: Outlook writes the birthday as the exporting
// machine's locale does (5 April read as May 4th), and the address without Google's label text.
const GOOGLE = [
  'First Name,Last Name,Organization Name,Organization Title,Birthday,Notes,E-mail 1 - Label,E-mail 1 - Value,' +
    'Address 1 - Label,Address 1 - Formatted,Address 1 - Street,Address 1 - City,Address 1 - Postal Code,' +
    'Address 1 - Country',
  'Wren,Halloway,Halloway Works,Principal,1990-04-05,Google note,* Work,wren@halloway.example,Work,' +
    '"7 Test Lane\nSampleton ZZ1 1ZZ",7 Test Lane,Sampleton,ZZ1 1ZZ,Testland',
  'Nico,Fennimore,Fennimore Ltd,Director,,Name only,,,,,,,,',
].join('\n');
const outlook = (notes: string) =>
  [
    '"First Name","Last Name","Company","Job Title","Business Street","Business City","Business Postal Code",' +
      '"Business Country/Region","Birthday","E-mail Address","E-mail Type","Business Phone","Notes"',
    `"Wren","Halloway","Halloway Works","Principal","7 Test Lane","Sampleton","ZZ1 1ZZ","Testland","5/4/1990",` +
      `"wren@halloway.example","SMTP","+44 20 7946 0123","${notes}"`,
  ].join('\n');
const GENERIC =
  'Vorname;Nachname;Mail;Firma;Kürzel\nJürgen;Müller;jm@example.de;Acme GmbH;JM\nAnna;Schmidt;nicht-gültig;;AS\n';

describeEngines('CSV import', (h) => {
  it('asks for a column mapping for a file it cannot read alone, then imports with it', async () => {
    const { ctx } = await h.account();
    const preview = await importCsv(ctx, { source: enc(GENERIC), fileName: 'kontakte.csv', dryRun: true });
    expect(preview.csv).toMatchObject({
      format: 'generic',
      needsMapping: true,
      headers: ['Vorname', 'Nachname', 'Mail', 'Firma', 'Kürzel'],
      sampleRows: [
        ['Jürgen', 'Müller', 'jm@example.de', 'Acme GmbH', 'JM'],
        ['Anna', 'Schmidt', 'nicht-gültig', '', 'AS'],
      ],
    });
    await expect(
      importCsv(ctx, { source: enc(GENERIC), fileName: 'kontakte.csv', dryRun: false }),
    ).rejects.toMatchObject({
      code: 'validation',
      details: { issues: [{ path: 'map' }], csv: { needsMapping: true } },
    });
    expect((await listContacts(ctx, {})).items).toEqual([]);

    const map = 'Vorname=givenName,Nachname=familyName,Mail=email,Firma=organisation,Kürzel=extra';
    const report = await importCsv(ctx, {
      source: enc(GENERIC),
      fileName: 'kontakte.csv',
      dryRun: false,
      map,
    });
    expect(report.stats).toMatchObject({ created: 2, warnings: 1 });
    expect(report.issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        line: 3,
        message: expect.stringMatching(/nicht-gültig/),
      }),
    ]);
    const jurgen = await getContact(ctx, (await listContacts(ctx, { q: 'jurg' })).items[0]?.id as string);
    expect(jurgen).toMatchObject({
      organisation: { name: 'Acme GmbH' },
      emails: [{ value: 'jm@example.de' }],
      customFields: { Kürzel: 'JM' },
    });
  });

  it('takes the mapping as JSON too (the web app sends it that way)', async () => {
    const { ctx } = await h.account();
    const map = JSON.stringify({
      Vorname: 'givenName',
      Nachname: 'familyName',
      Mail: { target: 'email', label: 'work' },
      Firma: 'organisation',
      Kürzel: 'ignore',
    });
    const report = await importCsv(ctx, { source: enc(GENERIC), fileName: 'k.csv', dryRun: false, map });
    expect(report.stats.created).toBe(2);
    const jurgen = await getContact(ctx, (await listContacts(ctx, { q: 'jurg' })).items[0]?.id as string);
    expect(jurgen.emails).toEqual([{ value: 'jm@example.de', label: 'work', source: 'csv' }]);
    expect(jurgen.customFields).toEqual({});
    await expect(
      importCsv(ctx, {
        source: enc(GENERIC),
        fileName: 'k.csv',
        dryRun: true,
        map: '{"Vorname": "shoeSize"}',
      }),
    ).rejects.toMatchObject({
      details: { issues: [{ path: 'map.Vorname' }] },
    });
  });

  it('refuses a file that yields no contact (empty, an image, only bad rows), storing no import', async () => {
    const { ctx } = await h.account();
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0,
      1, 0, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
    ]);
    const cases: [string, Uint8Array, RegExp][] = [
      [
        'empty.csv',
        enc(''),
        /^file: empty\.csv holds no contact to import \(empty\.csv:1: the file is empty/,
      ],
      ['photo.csv', png, /^file: photo\.csv holds no contact to import \(photo\.csv:1: the file is not text/],
      [
        'nameless.csv',
        enc('Name,Email\n,not-an-email\n'),
        /import \(nameless\.csv:2: row has no name, organisation/,
      ],
    ];
    const map = 'Name=displayName,Email=email';
    for (const [fileName, bytes, message] of cases) {
      for (const dryRun of [true, false]) {
        await expect(importCsv(ctx, { source: bytes, fileName, dryRun, map })).rejects.toMatchObject({
          code: 'validation',
          message: expect.stringMatching(message),
          details: {
            issues: [{ path: 'file', message: expect.stringMatching(/^holds no contact to import \(/) }],
          },
        });
      }
    }
    expect((await listImports(ctx)).items).toEqual([]);
  });

  it('refuses a mapping that names a column the file does not have: no import, no contact, nothing changed', async () => {
    const { ctx } = await h.account();
    const map = 'Vorname=givenName,Nachname=familyName,Mail=email,Firma=organisation';
    const first = await importCsv(ctx, { source: enc(GENERIC), fileName: 'k.csv', dryRun: false, map });
    const before = {
      imports: (await listImports(ctx)).items,
      contacts: await listContacts(ctx, {}),
      jurgen: await getContact(ctx, (await listContacts(ctx, { q: 'jurg' })).items[0]?.id as string),
    };
    // The same people a second time, with an e-mail column the file calls "Mail": everyone would lose theirs.
    const renamed = 'Vorname;Nachname;E-Mail;Firma;Kürzel\nJürgen;Müller;jm@example.de;Acme GmbH;JM\n';
    const why =
      'holds no contact to import (k2.csv:1: the mapping names column "Mail", which is not in the file: its ' +
      'columns are Vorname, Nachname, E-Mail, Firma, Kürzel)';
    for (const dryRun of [true, false]) {
      for (const given of [map, JSON.stringify({ Vorname: 'givenName', Mail: 'email' })]) {
        await expect(
          importCsv(ctx, { source: enc(renamed), fileName: 'k2.csv', dryRun, map: given }),
        ).rejects.toMatchObject({
          code: 'validation',
          message: `file: k2.csv ${why}`,
          details: {
            issues: [{ path: 'file', message: why }],
            fileIssues: [{ severity: 'error', file: 'k2.csv', line: 1, field: 'Mail' }],
          },
        });
      }
    }
    // Over a format Rapport reads alone as well.
    await expect(
      importCsv(ctx, {
        source: enc(GOOGLE),
        fileName: 'google.csv',
        dryRun: false,
        map: 'Mobile=phone,Nickname=nickname',
      }),
    ).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringMatching(
        /^file: google\.csv .*the mapping names columns "Mobile" and "Nickname", which/,
      ),
    });
    expect((await listImports(ctx)).items).toEqual(before.imports);
    expect(before.imports.map((i) => i.id)).toEqual([first.id]);
    expect(await listContacts(ctx, {})).toEqual(before.contacts);
    expect(await getContact(ctx, before.jurgen.id)).toEqual(before.jurgen);
  });

  it("reads LinkedIn's Connections.csv sent as a contacts CSV as a LinkedIn import: my edits stay", async () => {
    const { ctx } = await h.account();
    const connections = [
      'Notes:',
      '"When exporting your connection data, you may notice that some of the email addresses are missing."',
      '',
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
      'Dana,Scully,https://www.linkedin.com/in/dana-scully,,Northwind,Engineer,03 Mar 2024',
    ].join('\n');
    await importLinkedin(ctx, {
      source: { name: 'Connections.csv', bytes: enc(connections) },
      dryRun: false,
    });
    const dana = (await listContacts(ctx, { q: 'dana' })).items[0]?.id as string;
    await updateContact(ctx, dana, { organisation: 'Northwind Traders', title: 'Principal Engineer' }, 'web');
    const again = await importCsv(ctx, {
      source: enc(connections),
      fileName: 'my-network.csv',
      dryRun: false,
    });
    expect([again.kind, again.csv?.format, again.stats.unchanged, again.stats.updated]).toEqual([
      'linkedin',
      'linkedin-connections',
      1,
      0,
    ]);
    const after = await getContact(ctx, dana);
    expect([after.organisation?.name, after.title]).toEqual(['Northwind Traders', 'Principal Engineer']);
  });

  it('refuses an unknown mapping target, naming it, before reading anything', async () => {
    const { ctx } = await h.account();
    await expect(
      importCsv(ctx, { source: enc(GENERIC), fileName: 'k.csv', dryRun: false, map: 'Vorname=firstname' }),
    ).rejects.toMatchObject({
      code: 'validation',
      details: { issues: [{ path: 'map', message: expect.stringMatching(/firstname/) }] },
    });
  });

  describe('a CSV of another app (ADR 7)', () => {
    const csv = (ctx: Parameters<typeof importCsv>[0], text: string, fileName: string) =>
      importCsv(ctx, { source: enc(text), fileName, dryRun: false });
    const wrenOf = async (ctx: Parameters<typeof importCsv>[0]) =>
      getContact(ctx, (await listContacts(ctx, { q: 'wren' })).items[0]?.id as string);

    it("reads an English Outlook's 5/4/1990 as the account's country writes dates", async () => {
      const birthdayWith = async (region?: string) => {
        const { ctx } = await h.account();
        if (region) await updateSettings(ctx, { phoneRegion: region });
        await csv(ctx, outlook('x'), 'outlook.csv');
        return (await wrenOf(ctx)).birthday;
      };
      expect(await birthdayWith()).toBe('1990-05-04'); // no country named: as Outlook in the US writes it
      expect(await birthdayWith('US')).toBe('1990-05-04');
      expect(await birthdayWith('GB')).toBe('1990-04-05');
    });

    it('only fills blanks on its first sight of a contact, one place stored once; undo gives it all back', async () => {
      const { ctx } = await h.account();
      await csv(ctx, GOOGLE, 'google.csv');
      const before = await wrenOf(ctx);
      const first = await csv(ctx, outlook('Outlook note'), 'outlook.csv');
      expect([first.csv?.format, first.stats.updated, first.stats.created]).toEqual(['outlook', 1, 0]);
      const wren = await wrenOf(ctx);
      expect([wren.notes, wren.birthday, wren.phones.map((p) => p.value)]).toEqual([
        'Google note',
        '1990-04-05',
        ['+44 20 7946 0123'],
      ]);
      expect(wren.addresses).toEqual([before.addresses[0]]);
      expect(wren.addresses[0]).toMatchObject({ label: 'Work', formatted: '7 Test Lane\nSampleton ZZ1 1ZZ' });

      // The same app's newer file brings what that app changed since.
      const newer = await csv(ctx, outlook('Outlook note, newer'), 'outlook-2.csv');
      expect((await wrenOf(ctx)).notes).toBe('Outlook note, newer');
      const again = await csv(ctx, GOOGLE, 'google.csv');
      expect([again.stats.unchanged, again.stats.updated]).toEqual([2, 0]);

      await undoImport(ctx, newer.id as string);
      expect(await wrenOf(ctx)).toEqual(wren);
      await undoImport(ctx, first.id as string);
      expect(await wrenOf(ctx)).toEqual(before);
    });

    it("fills the stored address's blanks when the same place comes with more to say", async () => {
      const { ctx } = await h.account();
      await csv(ctx, outlook('Outlook note'), 'outlook.csv');
      const before = await wrenOf(ctx);
      const google = await csv(ctx, GOOGLE, 'google.csv');
      const wren = await wrenOf(ctx);
      expect([wren.notes, wren.birthday]).toEqual(['Outlook note', '1990-05-04']);
      expect(wren.addresses).toEqual([
        {
          label: 'Work',
          street: '7 Test Lane',
          locality: 'Sampleton',
          postalCode: 'ZZ1 1ZZ',
          country: 'Testland',
          formatted: '7 Test Lane\nSampleton ZZ1 1ZZ',
        },
      ]);
      await undoImport(ctx, google.id as string);
      expect(await wrenOf(ctx)).toEqual(before);
    });

    it('gives the stored address back when the import that filled its blanks is undone after an edit', async () => {
      const { ctx } = await h.account();
      await csv(ctx, outlook('Outlook note'), 'outlook.csv');
      const plain = (await wrenOf(ctx)).addresses;
      const google = await csv(ctx, GOOGLE, 'google.csv');
      const wren = await wrenOf(ctx);
      const home = { label: 'Home', street: '1 Other Road', locality: 'Sampleton' };
      await updateContact(ctx, wren.id, { addresses: [...wren.addresses, home] }, 'web');
      await undoImport(ctx, google.id as string);
      expect((await wrenOf(ctx)).addresses).toEqual([home, ...plain]);
    });

    it('keeps using the records of CSVs imported before each app was a source of its own', async () => {
      const { ctx, id } = await h.account();
      const google = await csv(ctx, GOOGLE, 'google.csv');
      // As an older Rapport recorded every CSV: one source, `csv`.
      await ctx.db.updateTable('contact_sources').set({ kind: 'csv' }).where('owner_id', '=', id).execute();
      const wrenId = (await wrenOf(ctx)).id;
      await updateContact(ctx, wrenId, { notes: 'My own note' }, 'web');
      const edited = await wrenOf(ctx);

      const again = await csv(ctx, GOOGLE, 'google.csv');
      expect([again.stats.unchanged, again.stats.updated, again.stats.created]).toEqual([2, 0, 0]);
      expect(await wrenOf(ctx)).toEqual(edited);

      // Google's file took the old records: Outlook's is a first sight, and fills blanks only.
      await csv(ctx, outlook('Outlook note'), 'outlook.csv');
      const wren = await wrenOf(ctx);
      expect([wren.notes, wren.birthday, wren.addresses.length]).toEqual(['My own note', '1990-04-05', 1]);
      expect(google.stats.created).toBe(2);
      expect((await listContacts(ctx, {})).items).toHaveLength(2);
    });
  });
});
