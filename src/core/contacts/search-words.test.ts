import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { describeEngines, openOwnDatabase, testContext } from '../../../test/engines';
import { emptyPerson } from '../../formats/model';
import { createAccount } from '../accounts/create-account';
import { updateSettings } from '../agenda/update-settings';
import { exportBackup } from '../backup/export-backup';
import { restoreBackup } from '../backup/restore-backup';
import { actingAs, type Ctx } from '../context';
import * as m0023 from '../db/migrations/0023-search-joined-words-and-phones';
import * as m0037 from '../db/migrations/0037-search-words-from-every-script';
import { runImport } from '../imports/run-import';
import { listTrashedContacts } from '../trash/list-trashed-contacts';
import { phoneSearchWords, searchDoc, searchQueryWords } from './contact';
import { createContact } from './create-contact';
import { deleteContact } from './delete-contact';
import { listContacts } from './list-contacts';
import { reindexContacts } from './reindex-contacts';
import { updateContact } from './update-contact';

const doc = (displayName: string, more: Partial<Parameters<typeof searchDoc>[0]> = {}) =>
  searchDoc({
    displayName,
    givenName: null,
    familyName: null,
    organisation: null,
    title: null,
    location: null,
    howWeMet: null,
    notes: null,
    emails: [],
    phones: [],
    tags: [],
    ...more,
  });

describe('search words', () => {
  it('stores a name written with inner apostrophes or hyphens joined too, and sorts by its plain words', () => {
    expect(doc("Conor O'Brien")).toEqual({
      sort_key: 'conor o brien',
      search_name: 'conor o brien obrien',
      search_text: '',
    });
    expect(doc('Jean-Luc Picard').search_name).toBe('jean luc picard jeanluc');
    expect(doc('Dana D’Angelo').search_name).toBe('dana d angelo dangelo');
    // U+02BC is a letter to Unicode: split as the apostrophe it stands for.
    expect(doc('Mary Oʼneil')).toEqual({
      sort_key: 'mary oʼneil',
      search_name: 'mary o neil oneil',
      search_text: '',
    });
    // Every part from each one on: "obrien" and "briensmith" start one of them.
    expect(doc("Anne-Marie O'Brien-Smith", { givenName: 'Anne-Marie', familyName: "O'Brien-Smith" })).toEqual(
      {
        sort_key: 'anne marie o brien smith',
        search_name: 'anne marie o brien smith annemarie obriensmith briensmith',
        search_text: '',
      },
    );
    // Other fields too; a long run (an id, a slug) is not joined.
    expect(
      doc('Ada', {
        title: 'Co-founder',
        organisation: "L'Oréal",
        notes: 'see 0191b2c4-aaaa-bbbb-cccc-0123 on 2026-11-25',
      }).search_text,
    ).toBe(
      'l oreal loreal co founder cofounder see 0191b2c4 aaaa bbbb cccc 0123 on 2026 11 25 20261125 1125',
    );
  });

  it('stores a phone number as the digits of its international and national forms', () => {
    expect(phoneSearchWords('+442079460958')).toEqual(['442079460958', '02079460958']);
    expect(phoneSearchWords('+12025550123')).toEqual(['12025550123', '2025550123']);
    expect(phoneSearchWords('+79161234567')).toEqual(['79161234567', '89161234567']);
    // Read without a country: the digits as written.
    expect(phoneSearchWords('02079460958')).toEqual(['02079460958']);
    expect(phoneSearchWords('1800flowers')).toEqual(['1800']);
    expect(phoneSearchWords('12')).toEqual([]);
    expect(
      doc('Priya Shah', { emails: ['priya@example.com'], phones: ['+442079460958'], tags: ['client'] })
        .search_text,
    ).toBe('priya example com 442079460958 02079460958 client');
  });

  it('folds a query as the stored words, and a phone number into one word of its digits', () => {
    const cases: [string, string[]][] = [
      ['obrien', ['obrien']],
      ["O'Brien", ['o', 'brien']],
      ['o’brien', ['o', 'brien']],
      ['oʼbrien', ['o', 'brien']],
      ['Jean-Luc', ['jean', 'luc']],
      ['020 7946 0958', ['02079460958']],
      ['+44 20 7946', ['44207946']],
      ['+44 (0)20 7946-0958', ['442079460958']],
      ['0044 20 7946 0958', ['442079460958']],
      ['007', ['007']],
      ['(202) 555-0123', ['2025550123']],
      ['202.555.0123', ['2025550123']],
      ['2026-11-25', ['20261125']],
      ['12', ['12']],
      ['1 2', ['1', '2']],
      ['ann 1', ['ann', '1']],
      ['%', []],
      ['a b c d e f g h i j', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']],
    ];
    for (const [q, ws] of cases) expect({ q, ws: searchQueryWords(q) }).toEqual({ q, ws });
  });
});

const names = async (ctx: Ctx, q: string) => (await listContacts(ctx, { q })).items.map((c) => c.displayName);

describeEngines('search by joined names and phone numbers', (h) => {
  it('finds O’Brien by "obrien", "o\'brien" and "o brien", and keeps the list in name order', async () => {
    const { ctx } = await h.account();
    for (const displayName of [
      'Obama Barack',
      "O'Brien Conor",
      'O Connor Liam',
      'Jean-Luc Picard',
      'Dana D’Angelo',
      'Ronald Mcdonald',
    ])
      await createContact(ctx, { displayName }, 'web');
    expect(await names(ctx, 'obrien')).toEqual(["O'Brien Conor"]);
    expect(await names(ctx, "o'brien")).toEqual(["O'Brien Conor"]);
    expect(await names(ctx, 'O’Brien')).toEqual(["O'Brien Conor"]);
    expect(await names(ctx, 'o brien')).toEqual(["O'Brien Conor"]);
    expect(await names(ctx, 'ob')).toEqual(['Obama Barack', "O'Brien Conor"]);
    for (const q of ['jeanluc', 'jean-luc', 'jean luc', 'jeanl'])
      expect(await names(ctx, q), q).toEqual(['Jean-Luc Picard']);
    for (const q of ['dangelo', "d'angelo", 'd’angelo', 'angelo'])
      expect(await names(ctx, q), q).toEqual(['Dana D’Angelo']);
    expect(await names(ctx, 'mcdonald')).toEqual(['Ronald Mcdonald']);
    // The sort key stays the plain words: "o brien" before "o connor" before "obama".
    expect((await listContacts(ctx, {})).items.map((c) => c.displayName)).toEqual([
      'Dana D’Angelo',
      'Jean-Luc Picard',
      "O'Brien Conor",
      'O Connor Liam',
      'Obama Barack',
      'Ronald Mcdonald',
    ]);
  });

  it('finds a contact by any prefix of its phone number, typed nationally or internationally', async () => {
    const { ctx } = await h.account();
    const priya = await createContact(ctx, { displayName: 'Priya Shah' }, 'web');
    await updateContact(ctx, priya.id, { phones: [{ value: '+44 20 7946 0958' }] }, 'web');
    const tom = await createContact(ctx, { displayName: 'Tom Reed', notes: 'met 2026-11-25' }, 'web');
    await updateContact(ctx, tom.id, { phones: [{ value: '(202) 555-0123' }] }, 'web');
    for (const q of [
      '020 7946 0958',
      '020 7946',
      '02079',
      '+44 20 7946 0958',
      '+44 20 7946',
      '+44 (0)20 7946 0958',
      '0044 20 7946',
      '442079460958',
    ])
      expect(await names(ctx, q), q).toEqual(['Priya Shah']);
    // Written without a country code and none set for the account: found by the digits as written.
    for (const q of ['(202) 555-0123', '202-555', '202.555.01'])
      expect(await names(ctx, q), q).toEqual(['Tom Reed']);
    // A trailing part is not a prefix of either form.
    expect(await names(ctx, '7946 0958')).toEqual([]);
    // Given a number when added (the web form, the API, `rapport add --phone`): found by it at once.
    await createContact(ctx, { displayName: 'Ines Duarte', phones: [{ value: '+351 21 123 4567' }] }, 'web');
    expect(await names(ctx, '+351 21 123')).toEqual(['Ines Duarte']);
    // A date typed with hyphens is one word, found joined in the notes.
    expect(await names(ctx, '2026-11-25')).toEqual(['Tom Reed']);
    await deleteContact(ctx, priya.id);
    expect(await names(ctx, '020 7946')).toEqual([]);
    const trashed = await listTrashedContacts(ctx, { q: '+44 20 7946' });
    expect(trashed.items.map((c) => c.displayName)).toEqual(['Priya Shah']);
  });

  it('reads national numbers in the account’s country, and finds them the new way when the country changes', async () => {
    const { ctx } = await h.account();
    const ana = await createContact(ctx, { displayName: 'Ana Silva' }, 'web');
    await updateContact(ctx, ana.id, { phones: [{ value: '020 7946 0958' }] }, 'web');
    expect(await names(ctx, '020 7946')).toEqual(['Ana Silva']);
    expect(await names(ctx, '+44 20 7946')).toEqual([]);
    await updateSettings(ctx, { phoneRegion: 'GB' });
    expect(await names(ctx, '+44 20 7946')).toEqual(['Ana Silva']);
    expect(await names(ctx, '020 7946')).toEqual(['Ana Silva']);
    await updateSettings(ctx, { phoneRegion: null });
    expect(await names(ctx, '+44 20 7946')).toEqual([]);
  });

  it('finds people an import created by their phone numbers and joined names', async () => {
    const { ctx } = await h.account();
    await runImport(ctx, {
      kind: 'csv',
      fileName: 'people.csv',
      issues: [],
      dryRun: false,
      people: [
        {
          ...emptyPerson({ file: 'people.csv', line: 2 }),
          displayName: "Siobhan O'Hara",
          givenName: 'Siobhan',
          familyName: "O'Hara",
          phones: [{ value: '+353 1 234 5678' }],
        },
      ],
    });
    expect(await names(ctx, 'ohara')).toEqual(["Siobhan O'Hara"]);
    expect(await names(ctx, '+353 1 234')).toEqual(["Siobhan O'Hara"]);
    expect(await names(ctx, '01 234 5678')).toEqual(["Siobhan O'Hara"]);
  });
});

describeEngines('restoring a backup made before ADR 27', (h) => {
  it('writes the search words again, so "mueller" finds Müller in the restored account', async () => {
    const a = await h.account();
    await createContact(a.ctx, { displayName: 'Jürgen Müller', nickname: 'Jogi' }, 'web');
    const backup = await exportBackup(a.ctx);
    // As a backup made before the spelt-out umlauts and nicknames carried them.
    for (const row of backup.tables.contacts as { search_name: string }[]) row.search_name = 'jurgen muller';
    const b = await h.account();
    await restoreBackup(b.ctx, JSON.parse(JSON.stringify(backup)));
    expect(await names(b.ctx, 'mueller')).toEqual(['Jürgen Müller']);
    expect(await names(b.ctx, 'jogi')).toEqual(['Jürgen Müller']);
  });
});

describe.each(['sqlite', 'postgres'] as const)('migration 0023 [%s]', (engine) => {
  it('re-indexes contacts stored before it, leaving their order and change times alone', async () => {
    const handle = await openOwnDatabase(engine, 'm0023');
    try {
      const base = testContext(handle.db, engine);
      const made = await createAccount(base, {
        email: 'm@example.test',
        password: 'a long password',
        name: 'M',
      });
      const ctx = actingAs(base, made.id);
      const conor = await createContact(ctx, { displayName: "Conor O'Brien", title: 'Co-founder' }, 'web');
      const priya = await createContact(
        ctx,
        { displayName: 'Priya Shah', emails: [{ value: 'p@example.com' }] },
        'web',
      );
      await updateContact(ctx, priya.id, { phones: [{ value: '+44 20 7946 0958' }] }, 'web');
      const other = await createAccount(base, {
        email: 'o@example.test',
        password: 'a long password',
        name: 'O',
      });
      await createContact(actingAs(base, other.id), { displayName: 'Jean-Luc Picard' }, 'web');
      // As the folding before stored them (plain words, no phone digits), kept in step by the update trigger.
      const old: Record<string, [string, string]> = {
        "Conor O'Brien": ['conor o brien', 'co founder'],
        'Priya Shah': ['priya shah', 'p example com'],
        'Jean-Luc Picard': ['jean luc picard', ''],
      };
      for (const [name, [searchName, searchText]] of Object.entries(old))
        await sql`UPDATE contacts SET search_name = ${searchName}, search_text = ${searchText}
          WHERE display_name = ${name}`.execute(handle.db);
      const stored = () =>
        handle.db
          .selectFrom('contacts')
          .select(['id', 'sort_key', 'updated_at', 'search_name', 'search_text'])
          .orderBy('id')
          .execute();
      const before = await stored();
      for (const q of ['obrien', 'cofounder', '020 7946']) expect(await names(ctx, q), q).toEqual([]);

      await m0023.up(handle.db);
      expect(await names(ctx, 'obrien')).toEqual(["Conor O'Brien"]);
      expect(await names(ctx, 'cofounder')).toEqual(["Conor O'Brien"]);
      expect(await names(ctx, '020 7946')).toEqual(['Priya Shah']);
      expect(await names(ctx, '+44 20')).toEqual(['Priya Shah']);
      expect(await names(actingAs(base, other.id), 'jeanluc')).toEqual(['Jean-Luc Picard']);
      expect(await names(ctx, 'jeanluc')).toEqual([]);
      const after = await stored();
      expect(after.map((r) => [r.id, r.sort_key, r.updated_at])).toEqual(
        before.map((r) => [r.id, r.sort_key, r.updated_at]),
      );
      // What an edit's re-index would write, so a second run (or the next edit) changes nothing.
      await reindexContacts(ctx, made.id, [conor.id, priya.id]);
      await m0023.up(handle.db);
      expect(await stored()).toEqual(after);
    } finally {
      await handle.drop();
    }
  });
});

describe.each(['sqlite', 'postgres'] as const)('migration 0037 [%s]', (engine) => {
  it('re-indexes contacts stored before ADR 27, so they find as a contact created today', async () => {
    const handle = await openOwnDatabase(engine, 'm0037');
    try {
      const base = testContext(handle.db, engine);
      const made = await createAccount(base, {
        email: 'm@example.test',
        password: 'a long password',
        name: 'M',
      });
      const ctx = actingAs(base, made.id);
      await createContact(ctx, { displayName: 'Jürgen Müller' }, 'web');
      await createContact(ctx, { displayName: 'İpek Işık' }, 'web');
      await createContact(ctx, { displayName: '王小明' }, 'web');
      await createContact(ctx, { displayName: 'José Ñúñez', nickname: 'Pepe' }, 'web');
      // As the folding before ADR 27 stored them: no spelt umlauts, a dotless i kept, CJK whole, no nickname.
      const old: Record<string, string> = {
        'Jürgen Müller': 'jurgen muller',
        'İpek Işık': 'ipek işık',
        王小明: '王小明',
        'José Ñúñez': 'jose nunez',
      };
      for (const [name, searchName] of Object.entries(old))
        await sql`UPDATE contacts SET search_name = ${searchName} WHERE display_name = ${name}`.execute(
          handle.db,
        );
      const queries = { mueller: 'Jürgen Müller', isik: 'İpek Işık', 小明: '王小明', pepe: 'José Ñúñez' };
      for (const q of Object.keys(queries)) expect(await names(ctx, q), q).toEqual([]);

      await m0037.up(handle.db);
      for (const [q, name] of Object.entries(queries)) expect(await names(ctx, q), q).toEqual([name]);
    } finally {
      await handle.drop();
    }
  });
});
