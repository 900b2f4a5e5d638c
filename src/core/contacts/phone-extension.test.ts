import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { emptyPerson, type ImportedPerson } from '../../formats/model';
import { updateSettings } from '../agenda/update-settings';
import type { Ctx } from '../context';
import * as m0025 from '../db/migrations/0025-phone-extension-keys';
import { findDuplicates } from '../duplicates/find-duplicates';
import { runImport } from '../imports/run-import';
import { normalisePhone, phoneSearchWords } from './contact';
import { createContact } from './create-contact';
import { getContact } from './get-contact';
import { listContacts } from './list-contacts';

// One office switchboard; each person behind it has an extension.
const SWITCHBOARD = '+1 212 555 0100';

const importCsvPeople = (ctx: Ctx, people: Partial<ImportedPerson>[]) =>
  runImport(ctx, {
    kind: 'csv',
    fileName: 'contacts.csv',
    issues: [],
    dryRun: false,
    people: people.map((p, i) => ({ ...emptyPerson({ file: 'contacts.csv', line: i + 2 }), ...p })),
  });

describe('phone matching keys keep the extension', () => {
  it('in every way an extension is written, internationally or in the account country', () => {
    for (const written of [
      `${SWITCHBOARD} ext. 42`,
      `${SWITCHBOARD} x42`,
      `${SWITCHBOARD} #42`,
      '+12125550100;ext=42',
    ])
      expect(normalisePhone(written, null), written).toBe('+12125550100;ext=42');
    expect(normalisePhone('020 7946 0958 ext 5', 'GB')).toBe('+442079460958;ext=5');
    expect(normalisePhone(SWITCHBOARD, null)).toBe('+12125550100');
  });

  it('search finds the number by its own digits, as without an extension', () => {
    expect(phoneSearchWords('+442079460958;ext=5')).toEqual(phoneSearchWords('+442079460958'));
  });
});

describeEngines('phone numbers with extensions', (h) => {
  it('a contact keeps two extensions of one number as two numbers, and says which extension each is', async () => {
    const { ctx } = await h.account();
    const ada = await createContact(
      ctx,
      {
        givenName: 'Ada',
        familyName: 'Lovelace',
        phones: [
          { value: `${SWITCHBOARD} ext. 42`, label: 'desk' },
          { value: `${SWITCHBOARD} ext. 43`, label: 'lab' },
          { value: SWITCHBOARD, label: 'reception' },
        ],
      },
      'web',
    );
    expect((await getContact(ctx, ada.id)).phones).toEqual([
      expect.objectContaining({ value: `${SWITCHBOARD} ext. 42`, e164: '+12125550100', extension: '42' }),
      expect.objectContaining({ value: `${SWITCHBOARD} ext. 43`, e164: '+12125550100', extension: '43' }),
      expect.objectContaining({ value: SWITCHBOARD, e164: '+12125550100', extension: null }),
    ]);
  });

  it('two colleagues behind one switchboard are two people to an import and to the duplicates view', async () => {
    const { ctx } = await h.account();
    await createContact(
      ctx,
      { givenName: 'Grace', familyName: 'Hopper', phones: [{ value: `${SWITCHBOARD} x42` }] },
      'vcard',
    );
    const report = await importCsvPeople(ctx, [
      { givenName: 'Grace', familyName: 'Murray', phones: [{ value: `${SWITCHBOARD} ext. 43` }] },
    ]);
    expect(report.stats).toMatchObject({ created: 1, updated: 0 });
    expect((await findDuplicates(ctx)).items).toEqual([]);
    // The same line written another way is still the same number.
    const again = await importCsvPeople(ctx, [
      {
        givenName: 'Grace',
        familyName: 'Hopper',
        phones: [{ value: '+1-212-555-0100 ext 42' }],
        title: 'Admiral',
      },
    ]);
    expect(again.stats).toMatchObject({ created: 0, updated: 1 });
    const people = await listContacts(ctx, { limit: 10 });
    expect(people.items.map((c) => c.displayName).sort()).toEqual(['Grace Hopper', 'Grace Murray']);
  });

  it('migration 0025 gives numbers stored before it their extension, in the owner country', async () => {
    const { ctx, id: accountId } = await h.account();
    await updateSettings(ctx, { phoneRegion: 'GB' });
    const kay = await createContact(
      ctx,
      {
        displayName: 'Kay Brown',
        phones: [{ value: '020 7946 0958 ext 5' }, { value: '020 7946 0958' }, { value: '+1 212 555 0100' }],
      },
      'web',
    );
    const keys = () =>
      ctx.db
        .selectFrom('contact_channels')
        .select(['value', 'value_norm'])
        .where('owner_id', '=', accountId)
        .where('contact_id', '=', kay.id)
        .orderBy('position')
        .execute();
    // As the code before stored it: the extension dropped from the key.
    await sql`UPDATE contact_channels SET value_norm = '+442079460958'
      WHERE owner_id = ${accountId} AND value = '020 7946 0958 ext 5'`.execute(ctx.db);
    await m0025.up(ctx.db);
    expect(await keys()).toEqual([
      { value: '020 7946 0958 ext 5', value_norm: '+442079460958;ext=5' },
      { value: '020 7946 0958', value_norm: '+442079460958' },
      { value: '+1 212 555 0100', value_norm: '+12125550100' },
    ]);
  });
});
