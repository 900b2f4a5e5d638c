import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { emptyPerson, type ImportedPerson } from '../../formats/model';
import { createContact } from '../contacts/create-contact';
import { getContact } from '../contacts/get-contact';
import { listContacts } from '../contacts/list-contacts';
import type { Ctx } from '../context';
import type { ImportKind } from '../db/schema';
import { importCsv } from './import-csv';
import { runImport } from './run-import';

const enc = (s: string) => new TextEncoder().encode(s);
const OUTLOOK =
  'First Name,Last Name,E-mail Address,Mobile Phone,Company\nAnna,Schmidt,anna@firma.example,+49 30 5550001,Firma Eins\n';

const importOutlook = (ctx: Ctx, dryRun: boolean) =>
  importCsv(ctx, { source: enc(OUTLOOK), fileName: 'outlook.csv', dryRun });

const importPeople = (ctx: Ctx, kind: ImportKind, people: ImportedPerson[], dryRun = false) =>
  runImport(ctx, { kind, fileName: 'people', issues: [], people, dryRun });

const person = (fields: Partial<ImportedPerson>): ImportedPerson => ({
  ...emptyPerson({ file: 'people', line: 2 }),
  ...fields,
});

const idOf = async (ctx: Ctx, name: string) => {
  const found = (await listContacts(ctx, { limit: 50 })).items.find((c) => c.displayName === name);
  if (!found) throw new Error(`no contact ${name}`);
  return found.id;
};

describeEngines('import matching', (h) => {
  it('re-importing a file leaves a second contact with the same e-mail alone', async () => {
    const { ctx } = await h.account();
    await importOutlook(ctx, false);
    const anna = await idOf(ctx, 'Anna Schmidt');
    const other = await createContact(
      ctx,
      { displayName: 'Anna Schmidt-Weber', emails: [{ value: 'Anna@Firma.example' }] },
      'cli',
    );

    const preview = await importOutlook(ctx, true);
    expect(preview.stats).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    const again = await importOutlook(ctx, false);
    expect(again.stats).toMatchObject({ created: 0, updated: 0, unchanged: 1 });

    const weber = await getContact(ctx, other.id);
    expect(weber.organisation).toBeNull();
    expect(weber.phones).toEqual([]);
    const original = await getContact(ctx, anna);
    expect(original.organisation?.name).toBe('Firma Eins');
    expect(original.phones.map((p) => p.e164)).toEqual(['+49305550001']);
  });

  it('a person matching two contacts by different keys updates the one matching more keys', async () => {
    const { ctx } = await h.account();
    const both = await createContact(
      ctx,
      {
        displayName: 'Anna S.',
        emails: [{ value: 'anna@firma.example' }],
        phones: [{ value: '+49 30 5550001' }],
      },
      'cli',
    );
    const byProfile = await createContact(
      ctx,
      { displayName: 'A. Schmidt', urls: [{ value: 'https://www.linkedin.com/in/anna-schmidt' }] },
      'cli',
    );
    const anna = person({
      givenName: 'Anna',
      familyName: 'Schmidt',
      displayName: 'Anna Schmidt',
      organisation: 'Firma Eins',
      urls: [{ value: 'https://www.linkedin.com/in/anna-schmidt', label: 'LinkedIn' }],
      emails: [{ value: 'anna@firma.example' }],
      phones: [{ value: '+49 30 5550001' }],
    });

    const preview = await importPeople(ctx, 'csv', [anna], true);
    expect(preview.stats).toMatchObject({ created: 0, updated: 1 });
    // The preview names the contact it would change, not the file's name for it.
    expect(preview.samples.updated.map((s) => s.name)).toEqual(['Anna S.']);
    await importPeople(ctx, 'csv', [anna]);

    expect((await getContact(ctx, both.id)).organisation?.name).toBe('Firma Eins');
    expect((await getContact(ctx, byProfile.id)).organisation).toBeNull();
  });

  it("a contact this source recorded under the person's source key wins over one matching more keys", async () => {
    const { ctx } = await h.account();
    const uid = 'c0ffee-anna';
    await importPeople(ctx, 'vcard', [
      person({ displayName: 'Anna Schmidt', sourceKey: uid, emails: [{ value: 'anna@alt.example' }] }),
    ]);
    const recorded = await idOf(ctx, 'Anna Schmidt');
    const other = await createContact(
      ctx,
      {
        displayName: 'Anna Schmidt-Weber',
        emails: [{ value: 'anna@firma.example' }],
        phones: [{ value: '+49 30 5550001' }],
      },
      'cli',
    );

    await importPeople(ctx, 'vcard', [
      person({
        displayName: 'Anna Schmidt',
        sourceKey: uid,
        organisation: 'Firma Eins',
        emails: [{ value: 'anna@firma.example' }],
        phones: [{ value: '+49 30 5550001' }],
      }),
    ]);

    expect((await getContact(ctx, recorded)).organisation?.name).toBe('Firma Eins');
    expect((await getContact(ctx, other.id)).organisation).toBeNull();
  });

  it('a phone number two people share (a switchboard, a landline) joins no one whose first names differ', async () => {
    const { ctx } = await h.account();
    const office = '+44 20 7946 0000';
    const card = (given: string, family: string, email: string, line: number) =>
      person({
        ref: { file: 'people', line },
        displayName: `${given} ${family}`,
        givenName: given,
        familyName: family,
        emails: [{ value: email }],
        phones: [{ value: office, label: 'work' }],
      });
    // In one file: two people, one number; the same person twice is still one contact.
    const first = await importPeople(ctx, 'vcard', [
      card('Alice', 'Office', 'alice@acme.example', 2),
      card('Bob', 'Office', 'bob@acme.example', 3),
      person({
        ref: { file: 'people', line: 4 },
        displayName: 'Bob O.',
        givenName: 'Bob',
        phones: [{ value: office }],
      }),
      // The first holder of the number again, after someone else held it: found too, not made twice.
      person({
        ref: { file: 'people', line: 5 },
        displayName: 'Alice',
        givenName: 'Alice',
        phones: [{ value: office }],
        title: 'Receptionist',
      }),
    ]);
    expect(first.stats).toMatchObject({ created: 2 });
    expect(first.issues.map((i) => [i.line, i.message])).toEqual([
      [4, 'same person as line 3; merged into one contact'],
      [5, 'same person as line 2; merged into one contact'],
    ]);
    const names = async () => (await listContacts(ctx, { limit: 50 })).items.map((c) => c.displayName).sort();
    expect(await names()).toEqual(['Alice Office', 'Bob Office']);
    expect((await getContact(ctx, await idOf(ctx, 'Alice Office'))).title).toBe('Receptionist');
    for (const name of ['Alice Office', 'Bob Office'])
      expect((await getContact(ctx, await idOf(ctx, name))).phones.map((p) => p.e164)).toEqual([
        '+442079460000',
      ]);

    // In a later file: someone else on that number is a new contact; nobody is renamed after them.
    const later = await importPeople(ctx, 'csv', [card('Carol', 'Office', 'carol@acme.example', 2)]);
    expect(later.stats).toMatchObject({ created: 1, updated: 0 });
    expect(await names()).toEqual(['Alice Office', 'Bob Office', 'Carol Office']);
    // Someone whose name agrees is found by the number, as before.
    const again = await importPeople(ctx, 'csv', [
      person({ displayName: 'Bob Office', givenName: 'Bob', phones: [{ value: office }], title: 'Porter' }),
    ]);
    expect(again.stats).toMatchObject({ created: 0, updated: 1 });
    expect((await getContact(ctx, await idOf(ctx, 'Bob Office'))).title).toBe('Porter');

    // Nor does a contact in the trash with that number keep a different person out.
    const { deleteContact } = await import('../contacts/delete-contact');
    await deleteContact(ctx, await idOf(ctx, 'Carol Office'));
    const dave = await importPeople(ctx, 'csv', [card('Dave', 'Office', 'dave@acme.example', 2)]);
    expect(dave.stats).toMatchObject({ created: 1, skipped: 0 });
  });

  it('a name part left blank in a newer file neither clears it nor cuts the shown name', async () => {
    const { ctx } = await h.account();
    const url = [{ value: 'https://www.linkedin.com/in/quentin-rho', label: 'LinkedIn' }];
    const key = 'https://www.linkedin.com/in/quentin-rho';
    await importPeople(ctx, 'linkedin', [
      person({
        displayName: 'Quentin Rho',
        givenName: 'Quentin',
        familyName: 'Rho',
        urls: url,
        sourceKey: key,
      }),
    ]);
    const id = await idOf(ctx, 'Quentin Rho');
    const blank = await importPeople(ctx, 'linkedin', [
      person({ displayName: 'Quentin', givenName: 'Quentin', urls: url, sourceKey: key }),
    ]);
    expect(blank.stats).toMatchObject({ created: 0, updated: 0 });
    expect(await getContact(ctx, id)).toMatchObject({ displayName: 'Quentin Rho', familyName: 'Rho' });
    // A real rename is still followed.
    await importPeople(ctx, 'linkedin', [
      person({
        displayName: 'Quentin Roe',
        givenName: 'Quentin',
        familyName: 'Roe',
        urls: url,
        sourceKey: key,
      }),
    ]);
    expect(await getContact(ctx, id)).toMatchObject({ displayName: 'Quentin Roe', familyName: 'Roe' });
  });
});
