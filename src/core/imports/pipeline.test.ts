import type { Transaction } from 'kysely';
import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { whileHeld } from '../../../test/while-held';
import { emptyPerson, type ImportedPerson } from '../../formats/model';
import { DAY_MS } from '../clock';
import { deleteContact } from '../contacts/delete-contact';
import { getContact } from '../contacts/get-contact';
import { listContacts } from '../contacts/list-contacts';
import { restoreContact } from '../contacts/restore-contact';
import { updateContact } from '../contacts/update-contact';
import type { Ctx } from '../context';
import * as m0018 from '../db/migrations/0018-import-change-after';
import type { Database } from '../db/schema';
import { mergeContacts } from '../duplicates/merge-contacts';
import { listFavours } from '../favours/list-favours';
import { recordFavour } from '../favours/record-favour';
import { listOrganisations } from '../organisations/list-organisations';
import { listTags } from '../tags/list-tags';
import { listTrash } from '../trash/list-trash';
import { getImport } from './list-imports';
import { runImport } from './run-import';
import { undoImport } from './undo-import';

function person(line: number, fields: Partial<ImportedPerson>): ImportedPerson {
  return { ...emptyPerson({ file: 'Connections.csv', line }), ...fields };
}

const ada = (over: Partial<ImportedPerson> = {}) =>
  person(5, {
    givenName: 'Ada',
    familyName: 'Lovelace',
    organisation: 'Analytical Engines',
    title: 'Mathematician',
    urls: [{ value: 'https://www.linkedin.com/in/ada-lovelace/', label: 'LinkedIn' }],
    sourceKey: 'https://www.linkedin.com/in/ada-lovelace',
    connectedOn: '2024-02-07',
    ...over,
  });
const grace = (over: Partial<ImportedPerson> = {}) =>
  person(6, {
    givenName: 'Grace',
    familyName: 'Hopper',
    organisation: 'US Navy',
    title: 'Rear Admiral',
    emails: [{ value: 'grace@navy.example' }],
    urls: [{ value: 'https://www.linkedin.com/in/grace-hopper', label: 'LinkedIn' }],
    sourceKey: 'https://www.linkedin.com/in/grace-hopper',
    ...over,
  });

/** A LinkedIn import of these people, as the CLI or web app runs it. */
const importPeople = (
  ctx: Ctx,
  fileName: string,
  people: ImportedPerson[],
  opts: { dryRun?: boolean } = {},
) => runImport(ctx, { kind: 'linkedin', fileName, issues: [], people, dryRun: opts.dryRun ?? false });

const names = async (ctx: Parameters<typeof listContacts>[0]) =>
  (await listContacts(ctx, { limit: 200 })).items.map((c) => c.displayName);

describeEngines('import pipeline', (h) => {
  it('previews without writing, then commits; re-importing the same records changes nothing', async () => {
    const { ctx } = await h.account();
    const input = {
      kind: 'linkedin' as const,
      fileName: 'Connections.csv',
      issues: [],
      people: [ada(), grace()],
    };
    const preview = await runImport(ctx, { ...input, dryRun: true });
    expect(preview).toMatchObject({
      id: null,
      status: 'preview',
      stats: { created: 2, updated: 0, unchanged: 0 },
    });
    expect(preview.samples.created.map((s) => s.name)).toEqual(['Ada Lovelace', 'Grace Hopper']);
    expect(await names(ctx)).toEqual([]);

    const first = await runImport(ctx, { ...input, dryRun: false });
    expect(first).toMatchObject({ status: 'committed', stats: { created: 2 } });
    expect(await names(ctx)).toEqual(['Ada Lovelace', 'Grace Hopper']);
    const adaContact = (await listContacts(ctx, { q: 'ada' })).items[0];
    const before = await getContact(ctx, adaContact?.id as string);
    expect(before).toMatchObject({
      organisation: { name: 'Analytical Engines' },
      title: 'Mathematician',
      connectedOn: '2024-02-07',
      source: 'linkedin',
      linkedinUrl: 'https://www.linkedin.com/in/ada-lovelace',
    });

    ctx.clock.advance(DAY_MS);
    const again = await runImport(ctx, { ...input, people: [ada(), grace()], dryRun: false });
    expect(again.stats).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await getContact(ctx, before.id)).toEqual(before);
    expect(await names(ctx)).toEqual(['Ada Lovelace', 'Grace Hopper']);
  });

  it('a newer export that fills in a title or an organisation ends no job; one that replaces them does', async () => {
    const { ctx } = await h.account();
    await importPeople(ctx, 'a.csv', [ada({ title: undefined }), grace({ organisation: undefined })]);
    await importPeople(ctx, 'b.csv', [ada(), grace()]);
    const [adaNow, graceNow] = await Promise.all(
      ['ada', 'grace'].map(async (q) =>
        getContact(ctx, (await listContacts(ctx, { q })).items[0]?.id as string),
      ),
    );
    expect([adaNow?.title, graceNow?.organisation?.name]).toEqual(['Mathematician', 'US Navy']);
    expect([adaNow?.pastPositions, graceNow?.pastPositions]).toEqual([[], []]);
    await importPeople(ctx, 'c.csv', [ada({ title: 'Countess' }), grace()]);
    expect((await getContact(ctx, adaNow?.id as string)).pastPositions).toMatchObject([
      { organisation: { name: 'Analytical Engines' }, title: 'Mathematician' },
    ]);
  });

  it('a newer export updates what changed, keeps the old value in history, and leaves my own edits alone', async () => {
    const { ctx } = await h.account();
    await importPeople(ctx, 'a.csv', [ada(), grace()]);
    const id = (await listContacts(ctx, { q: 'ada' })).items[0]?.id as string;
    const graceId = (await listContacts(ctx, { q: 'grace' })).items[0]?.id as string;
    await updateContact(ctx, graceId, { title: 'Commodore' }, 'web');
    ctx.clock.advance(30 * DAY_MS);

    const newerPeople = () => [
      ada({ organisation: 'Royal Society', title: 'Fellow', emails: [{ value: 'ada@royal.example' }] }),
      grace(),
    ];
    const preview = await importPeople(ctx, 'b.csv', newerPeople(), { dryRun: true });
    expect(preview.stats).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect((await getContact(ctx, id)).title).toBe('Mathematician');
    const newer = await importPeople(ctx, 'b.csv', [
      ada({ organisation: 'Royal Society', title: 'Fellow', emails: [{ value: 'ada@royal.example' }] }),
      grace(),
    ]);
    expect(newer.stats).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect(newer.samples.updated[0]?.changes?.map((c) => c.field).sort()).toEqual([
      'emails',
      'organisation',
      'title',
    ]);
    const c = await getContact(ctx, id);
    expect(c).toMatchObject({
      organisation: { name: 'Royal Society' },
      title: 'Fellow',
      emails: [{ value: 'ada@royal.example', source: 'linkedin' }],
      pastPositions: [
        { organisation: { name: 'Analytical Engines' }, title: 'Mathematician', source: 'linkedin' },
      ],
    });
    expect(c.history.map((x) => [x.field, x.oldValue, x.newValue]).sort()).toEqual([
      ['organisation', 'Analytical Engines', 'Royal Society'],
      ['title', 'Mathematician', 'Fellow'],
    ]);
    expect((await getContact(ctx, graceId)).title).toBe('Commodore');
  });

  it('does not bring back what I removed, but does bring what the source added since', async () => {
    const { ctx } = await h.account();
    const grace2 = () =>
      grace({
        emails: [{ value: 'grace@navy.example' }, { value: 'amazing@grace.example' }],
        tags: ['navy'],
      });
    await runImport(ctx, { kind: 'vcard', fileName: 'a.vcf', issues: [], people: [grace2()], dryRun: false });
    const id = (await listContacts(ctx, { q: 'grace' })).items[0]?.id as string;
    await updateContact(ctx, id, { emails: [{ value: 'grace@navy.example' }], tags: [] }, 'web');
    ctx.clock.advance(DAY_MS);
    const same = await runImport(ctx, {
      kind: 'vcard',
      fileName: 'a.vcf',
      issues: [],
      people: [grace2()],
      dryRun: false,
    });
    expect(same.stats).toMatchObject({ updated: 0, unchanged: 1 });
    const more = grace2();
    more.phones = [{ value: '+1 202 555 0100' }];
    more.title = 'Rear Admiral';
    const next = await runImport(ctx, {
      kind: 'vcard',
      fileName: 'b.vcf',
      issues: [],
      people: [more],
      dryRun: false,
    });
    expect(next.samples.updated[0]?.changes?.map((c) => c.field)).toEqual(['phones']);
    const c = await getContact(ctx, id);
    expect(c.emails.map((e) => e.value)).toEqual(['grace@navy.example']);
    expect(c.tags).toEqual([]);
    expect(c.phones.map((p) => p.e164)).toEqual(['+12025550100']);
  });

  it('undo removes what an import created and puts back what it changed', async () => {
    const { ctx } = await h.account();
    await importPeople(ctx, 'a.csv', [ada()]);
    const id = (await listContacts(ctx, { q: 'ada' })).items[0]?.id as string;
    const original = await getContact(ctx, id);
    const second = await importPeople(ctx, 'b.csv', [
      ada({ title: 'Fellow', tags: ['pioneers'] }),
      grace({ tags: ['navy'] }),
    ]);
    expect(second.stats).toMatchObject({ created: 1, updated: 1 });
    expect((await listTags(ctx)).map((t) => t.name)).toEqual(['navy', 'pioneers']);

    expect(await undoImport(ctx, second.id as string)).toEqual({ removed: 1, restored: 1, trashed: 0 });
    expect(await names(ctx)).toEqual(['Ada Lovelace']);
    expect(await getContact(ctx, id)).toEqual(original);
    expect(await listTags(ctx)).toEqual([]);
    expect((await listOrganisations(ctx, {})).items.map((o) => o.name)).toEqual(['Analytical Engines']);
    expect((await getImport(ctx, second.id as string)).status).toBe('undone');
    await expect(undoImport(ctx, second.id as string)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('undo takes back what a re-import changed and keeps what I changed since', async () => {
    const { ctx } = await h.account();
    await importPeople(ctx, 'a.csv', [ada()]);
    const id = (await listContacts(ctx, { q: 'ada' })).items[0]?.id as string;
    ctx.clock.advance(DAY_MS);
    const newer = await importPeople(ctx, 'b.csv', [
      ada({
        organisation: 'Royal Society',
        title: 'Fellow',
        emails: [{ value: 'ada@royal.example' }],
        tags: ['pioneers'],
      }),
    ]);
    expect(newer.stats).toMatchObject({ updated: 1 });
    // Edited after the re-import: the title it set, a phone, a note and a tag of my own.
    ctx.clock.advance(DAY_MS);
    const edited = await getContact(ctx, id);
    await updateContact(
      ctx,
      id,
      {
        title: 'Countess',
        phones: [{ value: '+44 20 7946 0001' }],
        notes: 'Wants an intro to Babbage',
        tags: [...edited.tags, 'mentor'],
      },
      'web',
    );
    ctx.clock.advance(DAY_MS);
    expect(await undoImport(ctx, newer.id as string)).toEqual({ removed: 0, restored: 1, trashed: 0 });
    const c = await getContact(ctx, id);
    expect(c).toMatchObject({
      organisation: { name: 'Analytical Engines' },
      title: 'Countess',
      notes: 'Wants an intro to Babbage',
      tags: ['mentor'],
      emails: [],
    });
    expect(c.phones.map((p) => p.e164)).toEqual(['+442079460001']);
    expect(c.history.filter((x) => x.source === 'linkedin')).toEqual([]);
    // The import's past position goes; the one my title edit recorded stays, and keeps its organisation in use.
    expect(c.pastPositions).toMatchObject([
      { organisation: { name: 'Royal Society' }, title: 'Fellow', source: 'web' },
    ]);
    expect(c.updatedAt).toBe(ctx.clock.now().toISOString());
    expect((await listTags(ctx)).map((t) => t.name)).toEqual(['mentor']);
  });

  it('migration 0018 goes down and up again; an import recorded before it undoes as it used to', async () => {
    const { ctx } = await h.account();
    await importPeople(ctx, 'a.csv', [ada()]);
    const id = (await listContacts(ctx, { q: 'ada' })).items[0]?.id as string;
    const original = await getContact(ctx, id);
    const newer = await importPeople(ctx, 'b.csv', [ada({ title: 'Fellow' })]);
    ctx.clock.advance(DAY_MS);
    await updateContact(ctx, id, { notes: 'Lost with the undo, as before' }, 'web');
    const rollback = new Error('rollback');
    // Inside a transaction that is rolled back: the PostgreSQL database is shared by test files running at the same
    // time, and DDL is transactional on both engines, so no other file ever sees the column gone.
    await expect(
      ctx.db.transaction().execute(async (trx) => {
        const inTrx = { ...ctx, db: trx };
        await m0018.down(trx);
        const columns = async () =>
          (await trx.introspection.getTables())
            .find((t) => t.name === 'import_changes')
            ?.columns.map((c) => c.name);
        expect(await columns()).not.toContain('after');
        await m0018.up(trx);
        expect(await columns()).toContain('after');
        expect(await undoImport(inTrx, newer.id as string)).toEqual({ removed: 0, restored: 1, trashed: 0 });
        expect(await getContact(inTrx, id)).toEqual(original);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect((await getContact(ctx, id)).title).toBe('Fellow');
  });

  it('undo sends a contact it created to the trash, not away, once the owner has worked with it', async () => {
    const { ctx } = await h.account();
    const people = [ada(), grace(), person(7, { givenName: 'Alan', familyName: 'Turing' })];
    const done = await runImport(ctx, {
      kind: 'linkedin',
      fileName: 'a.csv',
      issues: [],
      people,
      dryRun: false,
    });
    const idOf = async (q: string) => (await listContacts(ctx, { q })).items[0]?.id as string;
    ctx.clock.advance(DAY_MS);
    // Ada gets a note, Grace a favour; Alan is left as the import made him.
    await updateContact(ctx, await idOf('ada'), { notes: 'Wants an intro to Babbage' }, 'web');
    const favour = await recordFavour(ctx, {
      contactId: await idOf('grace'),
      direction: 'given',
      what: 'COBOL review',
    });
    ctx.clock.advance(DAY_MS);
    expect(await undoImport(ctx, done.id as string)).toEqual({ removed: 1, restored: 0, trashed: 2 });
    expect(await names(ctx)).toEqual([]);
    const trash = (await listTrash(ctx)).contacts.map((c) => c.displayName).sort();
    expect(trash).toEqual(['Ada Lovelace', 'Grace Hopper']);
    const back = await restoreContact(ctx, favour.contact.id);
    expect(back.displayName).toBe('Grace Hopper');
    expect((await listFavours(ctx, { contact: back.id })).items.map((f) => f.what)).toEqual(['COBOL review']);
    expect(await names(ctx)).toEqual(['Grace Hopper']);
    // Importing the file again finds Grace (restored) and Ada (still in the trash, so skipped), not two new people.
    const again = await runImport(ctx, {
      kind: 'linkedin',
      fileName: 'a.csv',
      issues: [],
      people,
      dryRun: false,
    });
    expect(again.stats).toMatchObject({ created: 1, updated: 0, unchanged: 1, skipped: 1 });
    expect(await names(ctx)).toEqual(['Alan Turing', 'Grace Hopper']);
  });

  it('reports each bad record with file, line and reason, and imports the good ones', async () => {
    const { ctx } = await h.account();
    const report = await runImport(ctx, {
      kind: 'csv',
      fileName: 'contacts.csv',
      issues: [{ ref: { file: 'contacts.csv', line: 9 }, message: 'unterminated quote', severity: 'error' }],
      people: [
        person(2, {
          givenName: 'Good',
          emails: [{ value: 'not-an-email' }, { value: 'good@example.com' }],
          birthday: '1990-02-30',
        }),
        person(3, { notes: 'nobody' }),
        person(4, { givenName: 'Also', familyName: 'Good' }),
      ],
      dryRun: false,
    });
    expect(report.stats).toMatchObject({ created: 2, errors: 2, warnings: 2 });
    expect(report.issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: 'contacts.csv',
        line: 9,
        message: 'unterminated quote',
      }),
      expect.objectContaining({ severity: 'error', line: 3, message: expect.stringMatching(/no name/) }),
      expect.objectContaining({
        severity: 'warning',
        line: 2,
        field: 'emails.0',
        message: expect.stringMatching(/not-an-email/),
      }),
      expect.objectContaining({ severity: 'warning', line: 2, field: 'birthday' }),
    ]);
    const good = await getContact(ctx, (await listContacts(ctx, { q: 'good' })).items[0]?.id as string);
    expect(good.emails.map((e) => e.value)).toEqual(['good@example.com']);
    expect((await getImport(ctx, report.id as string)).issues).toHaveLength(4);
  });

  it('merges two records of one file that are the same person, and skips people in the trash', async () => {
    const { ctx } = await h.account();
    await runImport(ctx, {
      kind: 'vcard',
      fileName: 'old.vcf',
      issues: [],
      people: [grace()],
      dryRun: false,
    });
    await deleteContact(ctx, (await listContacts(ctx, { q: 'grace' })).items[0]?.id as string);
    const r = await runImport(ctx, {
      kind: 'vcard',
      fileName: 'phone.vcf',
      issues: [],
      people: [
        person(1, {
          givenName: 'Alan',
          familyName: 'Turing',
          emails: [{ value: 'alan@example.com' }],
          phones: [{ value: '+44 20 7946 0018' }],
        }),
        person(9, {
          displayName: 'A. Turing',
          phones: [{ value: '+442079460018' }],
          emails: [{ value: 'turing@example.org' }],
        }),
        grace(),
      ],
      dryRun: false,
    });
    expect(r.stats).toMatchObject({ created: 1, skipped: 1, warnings: 1 });
    const alan = await getContact(ctx, (await listContacts(ctx, { q: 'alan' })).items[0]?.id as string);
    expect(alan.emails.map((e) => e.value)).toEqual(['alan@example.com', 'turing@example.org']);
    expect(r.issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/trash/),
      expect.stringMatching(/same person as line 1/),
    ]);
  });
  it('a record of a contact merged into another updates the kept one, not the trash', async () => {
    const { ctx } = await h.account();
    const input = { kind: 'linkedin' as const, fileName: 'Connections.csv', issues: [], dryRun: false };
    await runImport(ctx, { ...input, people: [ada(), grace()] });
    const [first, second] = (await listContacts(ctx, { limit: 10 })).items;
    const kept = first?.id as string;
    await mergeContacts(ctx, kept, second?.id as string);
    const again = await runImport(ctx, { ...input, people: [grace({ title: 'Commodore' })] });
    expect(again.stats).toMatchObject({ created: 0, updated: 1, skipped: 0 });
    expect(again.issues).toEqual([]);
    expect(await names(ctx)).toEqual([first?.displayName]);
    expect((await getContact(ctx, kept)).title).toBe('Commodore');
  });
});

// Two connections at once need PostgreSQL: on SQLite, writers queue whole, and the race below cannot happen.
describeEngines(
  'an import or its undo while an edit of one of its contacts is being saved',
  (h) => {
    // The edit holds its contact's row, as updateContact does, while the import or undo starts beside it.
    const edit =
      (id: string, set: { notes?: string; custom_fields?: string }) => (trx: Transaction<Database>) =>
        trx.updateTable('contacts').set(set).where('id', '=', id).execute();

    it('has the undo wait for the edit and keep it', async () => {
      const { ctx } = await h.account();
      await importPeople(ctx, 'a.csv', [ada()]);
      const id = (await listContacts(ctx, { q: 'ada' })).items[0]?.id as string;
      const newer = await importPeople(ctx, 'b.csv', [ada({ title: 'Fellow' })]);
      await whileHeld(h.handle().db, edit(id, { notes: 'Saved during the undo' }), () =>
        undoImport(ctx, newer.id as string),
      );
      expect(await getContact(ctx, id)).toMatchObject({
        title: 'Mathematician',
        notes: 'Saved during the undo',
      });
    });

    it('has an import wait for an edit of a contact it updates, and keep it', async () => {
      const { ctx } = await h.account();
      await importPeople(ctx, 'a.csv', [ada()]);
      const id = (await listContacts(ctx, { q: 'ada' })).items[0]?.id as string;
      await whileHeld(h.handle().db, edit(id, { custom_fields: JSON.stringify({ Team: 'Engines' }) }), () =>
        importPeople(ctx, 'b.csv', [ada({ title: 'Fellow' })]),
      );
      expect(await getContact(ctx, id)).toMatchObject({ title: 'Fellow', customFields: { Team: 'Engines' } });
    });
  },
  { engines: ['postgres'] },
);
