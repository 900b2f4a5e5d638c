import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { emptyPerson, type ImportedPerson } from '../../formats/model';
import { getSettings } from '../agenda/get-settings';
import { updateSettings } from '../agenda/update-settings';
import type { Ctx } from '../context';
import { findDuplicates } from '../duplicates/find-duplicates';
import { runImport } from '../imports/run-import';
import { createContact } from './create-contact';
import { getContact } from './get-contact';
import { listContacts } from './list-contacts';
import { updateContact } from './update-contact';

// One UK mobile number, as a phone keeps it and as a CSV from elsewhere writes it.
const NATIONAL = '07700 900777';
const INTERNATIONAL = '+44 7700 900777';

const importCsvPeople = (ctx: Ctx, people: Partial<ImportedPerson>[]) =>
  runImport(ctx, {
    kind: 'csv',
    fileName: 'contacts.csv',
    issues: [],
    dryRun: false,
    people: people.map((p, i) => ({ ...emptyPerson({ file: 'contacts.csv', line: i + 2 }), ...p })),
  });

const names = async (ctx: Ctx) =>
  (await listContacts(ctx, { limit: 50 })).items.map((c) => c.displayName).sort();

const pairs = async (ctx: Ctx) =>
  (await findDuplicates(ctx)).items.map((p) => [p.a.displayName, p.b.displayName].sort().join(' + '));

describeEngines("phone numbers read in the account's country", (h) => {
  it('without a country, a national number does not find the same number written internationally', async () => {
    const { ctx } = await h.account();
    await createContact(
      ctx,
      { givenName: 'Ada', familyName: 'Lovelace', phones: [{ value: NATIONAL }] },
      'vcard',
    );
    const report = await importCsvPeople(ctx, [
      { givenName: 'Ada', familyName: 'Lovelace', phones: [{ value: INTERNATIONAL }], title: 'Analyst' },
    ]);
    expect(report.stats).toMatchObject({ created: 1, updated: 0 });
    expect(await names(ctx)).toEqual(['Ada Lovelace', 'Ada Lovelace']);
  });

  it('with it, an import finds the contact by either form and the number gets its E.164 form', async () => {
    const { ctx } = await h.account();
    expect((await updateSettings(ctx, { phoneRegion: 'gb' })).phoneRegion).toBe('GB');
    const ada = await createContact(
      ctx,
      { givenName: 'Ada', familyName: 'Lovelace', phones: [{ value: NATIONAL }] },
      'vcard',
    );
    expect(ada.phones).toEqual([expect.objectContaining({ value: NATIONAL, e164: '+447700900777' })]);
    const report = await importCsvPeople(ctx, [
      { givenName: 'Ada', familyName: 'Lovelace', phones: [{ value: INTERNATIONAL }], title: 'Analyst' },
    ]);
    expect(report.stats).toMatchObject({ created: 0, updated: 1 });
    expect(await names(ctx)).toEqual(['Ada Lovelace']);
    const after = await getContact(ctx, ada.id);
    expect(after.title).toBe('Analyst');
    // One number, kept as the owner wrote it: the import did not add it a second time.
    expect(after.phones.map((p) => p.value)).toEqual([NATIONAL]);
    // Someone else on the number (a family's landline) is still someone else.
    const other = await importCsvPeople(ctx, [
      { givenName: 'Byron', familyName: 'Lovelace', phones: [{ value: INTERNATIONAL }] },
    ]);
    expect(other.stats).toMatchObject({ created: 1 });
  });

  it('setting the country reads the numbers already there again; clearing it undoes that', async () => {
    const { ctx } = await h.account();
    const a = await createContact(
      ctx,
      { givenName: 'Grace', familyName: 'Hopper', phones: [{ value: NATIONAL }] },
      'vcard',
    );
    // Her maiden name in another address book: no pair by name alone.
    await createContact(
      ctx,
      { givenName: 'Grace', familyName: 'Murray', phones: [{ value: INTERNATIONAL }] },
      'csv',
    );
    expect(await pairs(ctx)).toEqual([]);

    await updateSettings(ctx, { phoneRegion: 'GB' });
    expect(await pairs(ctx)).toEqual(['Grace Hopper + Grace Murray']);
    expect((await getContact(ctx, a.id)).phones[0]?.e164).toBe('+447700900777');
    // An edit that keeps the number keeps it matched.
    await updateContact(ctx, a.id, { notes: 'met at the conference', phones: [{ value: NATIONAL }] }, 'web');
    expect(await pairs(ctx)).toEqual(['Grace Hopper + Grace Murray']);

    await updateSettings(ctx, { phoneRegion: null });
    expect(await pairs(ctx)).toEqual([]);
    expect((await getContact(ctx, a.id)).phones[0]?.e164).toBeNull();
    expect((await getSettings(ctx)).phoneRegion).toBeNull();
  });

  it('refuses a country whose numbers cannot be read, changing nothing', async () => {
    const { ctx } = await h.account();
    await updateSettings(ctx, { phoneRegion: 'FR' });
    for (const bad of ['XX', 'GBR', 'U', '12'])
      await expect(updateSettings(ctx, { phoneRegion: bad }), bad).rejects.toMatchObject({
        code: 'validation',
        details: { issues: [expect.objectContaining({ path: 'phoneRegion' })] },
      });
    expect((await getSettings(ctx)).phoneRegion).toBe('FR');
  });

  it("is each account's own: another account's numbers are not read in it", async () => {
    const { ctx } = await h.account();
    const { ctx: other } = await h.account();
    const theirs = await createContact(
      other,
      { givenName: 'Ada', familyName: 'Lovelace', phones: [{ value: NATIONAL }] },
      'vcard',
    );
    await updateSettings(ctx, { phoneRegion: 'GB' });
    expect((await getContact(other, theirs.id)).phones[0]?.e164).toBeNull();
    expect((await getSettings(other)).phoneRegion).toBeNull();
  });
});
