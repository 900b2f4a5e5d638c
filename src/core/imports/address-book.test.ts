import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { emptyPerson, type ImportedPerson } from '../../formats/model';
import { createContact } from '../contacts/create-contact';
import { getContact } from '../contacts/get-contact';
import { listContacts } from '../contacts/list-contacts';
import type { Ctx } from '../context';
import { ADDRESS_BOOK_TAG, cleanAddressBook } from './address-book';
import { importLinkedin } from './import-linkedin';
import { undoImport } from './undo-import';

const enc = (s: string) => new TextEncoder().encode(s);

const CONNECTIONS = [
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'Grace,Hopper,https://www.linkedin.com/in/grace-hopper,grace@navy.example,US Navy,Rear Admiral,25 Nov 2026',
  'Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,,Analytical Engines,Head of Research,07 Feb 2024',
].join('\n');

const IMPORTED_CONTACTS = [
  'FirstName,MiddleName,LastName,MaidenName,NickName,NamePrefix,NameSuffix,Title,Emails,PhoneNumbers,CreatedAt,UpdatedAt,CountryCode,RegionCode,ThirdPartyVerified,Location',
  // Also a connection (same e-mail): one contact, and a phone book's old title does not replace LinkedIn's.
  'Grace,,Hopper,,,,,Programmer,grace@navy.example,202 555 0100,"3/14/24, 9:05 AM",,us,,false,',
  // Already in the rolodex (e-mail in another case), with a title of its own.
  'Hana,,Novak,,,,,Intern,HANA@novak.example,030 1234567,"3/14/24, 9:05 AM",,de,,false,Berlin',
  'Rosa,,Quintero,,,,,,rosa@quintero.example,,"3/14/24, 9:05 AM",,,,false,',
  'Zed,,,,,,,,not-an-email,,,,,,,',
].join('\n');

// The older file of the same export: Rosa again, with her profile.
const CONTACTS = [
  'Source,FirstName,LastName,Companies,Title,Emails,PhoneNumbers,CreatedAt,Addresses,Sites,InstantMessageHandles,FullName,Birthday,Location,BookmarkedAt,Profiles',
  'GOOGLE_CONTACTS,Rosa,Quintero,,,rosa@quintero.example,,,,,,,,,,https://www.linkedin.com/in/rosa-quintero',
].join('\n');

const exportZip = (files: Record<string, string>) =>
  zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, enc(v)])));
const fullExport = () =>
  exportZip({
    'Connections.csv': CONNECTIONS,
    'ImportedContacts.csv': IMPORTED_CONTACTS,
    'Contacts.csv': CONTACTS,
  });

async function find(ctx: Ctx, q: string) {
  const items = (await listContacts(ctx, { q })).items;
  expect(items).toHaveLength(1);
  return getContact(ctx, items[0]?.id as string);
}

async function outreachContacts(ctx: Ctx) {
  const rows = await ctx.db
    .selectFrom('outreach_items')
    .select('contact_id')
    .where('owner_id', '=', ctx.actor?.accountId as string)
    .execute();
  return rows.map((r) => r.contact_id);
}

describe('an address book read before planning', () => {
  const person = (line: number, fields: Partial<ImportedPerson>): ImportedPerson => ({
    ...emptyPerson({ file: 'ImportedContacts.csv', line }),
    ...fields,
  });
  it('makes one of the records of one person, but not of two people on one number (a switchboard)', () => {
    const office = [{ value: '+44 20 7946 0000' }];
    const { people, issues } = cleanAddressBook([
      person(2, { givenName: 'Alice', familyName: 'Office', phones: office }),
      person(3, { givenName: 'Bob', familyName: 'Office', phones: office }),
      person(4, { givenName: 'Alice', familyName: 'Office', phones: office, title: 'Receptionist' }),
    ]);
    expect(people.map((p) => [p.displayName, p.title])).toEqual([
      ['Alice Office', 'Receptionist'],
      ['Bob Office', undefined],
    ]);
    expect(issues.map((i) => [i.ref.line, i.message])).toEqual([
      [4, 'same person as ImportedContacts.csv line 2; merged into one contact'],
    ]);
  });
});

describeEngines('LinkedIn address books', (h) => {
  it('imports nothing from them without the option, and only counts their people', async () => {
    const { ctx } = await h.account();
    for (const dryRun of [true, false]) {
      const report = await importLinkedin(ctx, {
        source: { name: 'export.zip', bytes: fullExport() },
        dryRun,
      });
      expect(report.stats).toMatchObject({ created: 2, errors: 0, warnings: 0, addressBookPeople: 5 });
      expect(report.stats.addressBookCreated).toBeUndefined();
      expect(report.issues.filter((i) => i.file !== 'Connections.csv')).toEqual([]);
    }
    expect((await listContacts(ctx, {})).items.map((c) => c.displayName).sort()).toEqual([
      'Ada Lovelace',
      'Grace Hopper',
    ]);
    expect((await listContacts(ctx, { tag: ADDRESS_BOOK_TAG })).items).toEqual([]);
    expect((await find(ctx, 'grace')).phones).toEqual([]);
  });

  it('with the option: tagged people, no connected-on or outreach, matched to connections and contacts; re-import adds nothing; undo removes them', async () => {
    const { ctx } = await h.account();
    const hana = await createContact(
      ctx,
      { givenName: 'Hana', familyName: 'Novak', title: 'CTO', emails: [{ value: 'hana@novak.example' }] },
      'web',
    );

    const preview = await importLinkedin(ctx, {
      source: { name: 'export.zip', bytes: fullExport() },
      dryRun: true,
      addressBook: true,
    });
    const expected = {
      created: 2,
      addressBookPeople: 5,
      addressBookCreated: 2, // Rosa (both files: one person), Zed
      addressBookUpdated: 2, // Grace (the connection this import creates), Hana
      addressBookUnchanged: 0,
      warnings: 2, // Zed's e-mail; Rosa twice
    };
    expect(preview.stats).toMatchObject(expected);
    expect((await listContacts(ctx, {})).items).toHaveLength(1);

    const report = await importLinkedin(ctx, {
      source: { name: 'export.zip', bytes: fullExport() },
      dryRun: false,
      addressBook: true,
    });
    expect(report.stats).toMatchObject(expected);
    expect(report.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'ImportedContacts.csv', line: 5, field: 'Emails' }),
        expect.objectContaining({ file: 'Contacts.csv', line: 2, severity: 'warning' }),
      ]),
    );

    const grace = await find(ctx, 'grace');
    expect(grace).toMatchObject({
      connectedOn: '2026-11-25',
      title: 'Rear Admiral',
      emails: [expect.objectContaining({ value: 'grace@navy.example' })],
      phones: [expect.objectContaining({ e164: '+12025550100' })],
      tags: [ADDRESS_BOOK_TAG],
    });
    const hanaNow = await getContact(ctx, hana.id);
    expect(hanaNow).toMatchObject({
      title: 'CTO',
      location: 'Berlin',
      emails: [expect.objectContaining({ value: 'hana@novak.example' })],
      phones: [expect.objectContaining({ e164: '+49301234567' })],
      tags: [ADDRESS_BOOK_TAG],
    });
    const rosa = await find(ctx, 'rosa');
    expect(rosa).toMatchObject({
      connectedOn: null,
      source: 'linkedin',
      linkedinUrl: 'https://www.linkedin.com/in/rosa-quintero',
      emails: [expect.objectContaining({ value: 'rosa@quintero.example' })],
      tags: [ADDRESS_BOOK_TAG],
    });
    expect(
      (await listContacts(ctx, { tag: ADDRESS_BOOK_TAG })).items.map((c) => c.displayName).sort(),
    ).toEqual(['Grace Hopper', 'Hana Novak', 'Rosa Quintero', 'Zed']);
    // Only the connection made today waits for a personal message.
    expect(await outreachContacts(ctx)).toEqual([grace.id]);

    const again = await importLinkedin(ctx, {
      source: { name: 'export.zip', bytes: fullExport() },
      dryRun: false,
      addressBook: true,
    });
    expect(again.stats).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 2,
      addressBookCreated: 0,
      addressBookUpdated: 0,
      addressBookUnchanged: 4,
    });
    expect((await listContacts(ctx, {})).items).toHaveLength(5);

    await undoImport(ctx, again.id as string);
    await undoImport(ctx, report.id as string);
    expect((await listContacts(ctx, {})).items.map((c) => c.id)).toEqual([hana.id]);
    expect(await getContact(ctx, hana.id)).toMatchObject({
      title: 'CTO',
      location: null,
      phones: [],
      tags: [],
    });
    expect(await outreachContacts(ctx)).toEqual([]);
    const tags = await ctx.db
      .selectFrom('tags')
      .select('name')
      .where('owner_id', '=', ctx.actor?.accountId as string)
      .execute();
    expect(tags).toEqual([]);
  });

  it('takes an address book alone only when asked for it', async () => {
    const { ctx } = await h.account();
    const source = { name: 'ImportedContacts.csv', bytes: enc(IMPORTED_CONTACTS) };
    const preview = await importLinkedin(ctx, { source, dryRun: true });
    expect(preview.stats).toMatchObject({ created: 0, addressBookPeople: 4 });
    await expect(importLinkedin(ctx, { source, dryRun: false })).rejects.toMatchObject({
      code: 'validation',
      details: { issues: [{ path: 'addressBook' }] },
    });
    expect((await listContacts(ctx, {})).items).toEqual([]);
    const report = await importLinkedin(ctx, { source, dryRun: false, addressBook: true });
    expect(report.stats).toMatchObject({ created: 0, addressBookCreated: 4 });
    expect((await listContacts(ctx, { tag: ADDRESS_BOOK_TAG })).items).toHaveLength(4);
  });
});
