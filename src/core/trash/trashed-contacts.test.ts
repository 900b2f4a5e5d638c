import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import type { ContactCreateInput } from '../../contracts/contacts';
import { emptyPerson } from '../../formats/model';
import { DAY_MS } from '../clock';
import { createContact } from '../contacts/create-contact';
import { deleteContact } from '../contacts/delete-contact';
import { getContact } from '../contacts/get-contact';
import { listContacts } from '../contacts/list-contacts';
import { updateContact } from '../contacts/update-contact';
import { type Ctx, nowIso } from '../context';
import { mergeContacts } from '../duplicates/merge-contacts';
import { AppError } from '../errors';
import { importFile } from '../imports/import-file';
import { runImport } from '../imports/run-import';
import { undoImport } from '../imports/undo-import';
import { listTrash } from './list-trash';
import { listTrashedContacts } from './list-trashed-contacts';
import { restoreTrashedContacts } from './restore-trashed-contacts';

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a failure');
}

const names = (page: { items: { displayName: string }[] }) => page.items.map((c) => c.displayName);
const trashNames = async (ctx: Ctx, query: Parameters<typeof listTrashedContacts>[1] = {}) =>
  names(await listTrashedContacts(ctx, { limit: 200, ...query })).sort();
const liveTotal = async (ctx: Ctx) => (await listContacts(ctx, {})).total;

/** Adds people, then deletes them one a minute apart (in the order given). Returns their ids by name. */
async function trashed(ctx: Ctx & { clock: { advance(ms: number): void } }, people: ContactCreateInput[]) {
  const ids: Record<string, string> = {};
  for (const p of people) {
    const c = await createContact(ctx, p, 'api');
    ids[c.displayName] = c.id;
  }
  for (const id of Object.values(ids)) {
    ctx.clock.advance(60_000);
    await deleteContact(ctx, id);
  }
  return ids;
}

const CONNECTIONS = [
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,ada@engines.example,Analytical Engines,Mathematician,07 Feb 2024',
  'Grace,Hopper,https://www.linkedin.com/in/grace-hopper,grace@navy.example,US Navy,Rear Admiral,08 Feb 2024',
  'Alan,Turing,https://www.linkedin.com/in/alan-turing,alan@bletchley.example,Bletchley Park,Cryptanalyst,09 Feb 2024',
].join('\n');

describeEngines('trashed contacts', (h) => {
  it('reaches every one of more than 1,000 contacts an undone import sent to the trash, and restores them all', async () => {
    const { ctx, id: ownerId } = await h.account();
    const people = Array.from({ length: 1005 }, (_, i) => ({
      ...emptyPerson({ file: 'big.csv', line: i + 2 }),
      displayName: `Person ${String(i).padStart(4, '0')}`,
    }));
    const big = await runImport(ctx, { kind: 'csv', fileName: 'big.csv', people, issues: [], dryRun: false });
    // A fast seed of what the QA pass did by hand: the owner edited every one of them after the import.
    ctx.clock.advance(DAY_MS);
    await ctx.db
      .updateTable('contacts')
      .set({ updated_at: nowIso(ctx) })
      .where('owner_id', '=', ownerId)
      .execute();
    ctx.clock.advance(DAY_MS);
    expect(await undoImport(ctx, big.id as string)).toMatchObject({ trashed: 1005 });

    const overview = await listTrash(ctx);
    expect(overview.contactsTotal).toBe(1005);
    expect(overview.contacts).toHaveLength(50);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listTrashedContacts(ctx, { limit: 200, cursor });
      expect(page.total).toBe(1005);
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(1005);
    expect((await listTrashedContacts(ctx, { import: big.id as string, limit: 1 })).total).toBe(1005);

    expect(await restoreTrashedContacts(ctx, { all: true, import: big.id as string })).toEqual({
      restored: 1005,
    });
    expect(await liveTotal(ctx)).toBe(1005);
    expect((await listTrashedContacts(ctx)).total).toBe(0);
  });

  it('lists newest deleted first a page at a time, and searches the trash as contact search does', async () => {
    const { ctx } = await h.account();
    await createContact(ctx, { displayName: 'Ada Byron' }, 'api'); // alive: never in the trash
    await trashed(ctx, [
      {
        displayName: 'Ada Lovelace',
        organisation: 'Analytical Engines',
        emails: [{ value: 'ada@engines.example' }],
      },
      { displayName: 'Grace Hopper', organisation: 'US Navy', tags: ['Admirals'] },
      { displayName: 'Émile Zola', notes: 'Wrote of engines' },
      { displayName: 'Alan Turing', title: 'Cryptanalyst' },
    ]);

    const first = await listTrashedContacts(ctx, { limit: 3 });
    expect(names(first)).toEqual(['Alan Turing', 'Émile Zola', 'Grace Hopper']);
    expect(first.total).toBe(4);
    expect(first.items[0]?.purgeAfter).toBe('2026-12-25T09:04:00.000Z');
    const second = await listTrashedContacts(ctx, { limit: 3, cursor: first.nextCursor as string });
    expect(names(second)).toEqual(['Ada Lovelace']);
    expect(second).toMatchObject({ total: 4, nextCursor: null });

    expect(await trashNames(ctx, { q: 'ada' })).toEqual(['Ada Lovelace']);
    expect(await trashNames(ctx, { q: 'navy' })).toEqual(['Grace Hopper']);
    expect(await trashNames(ctx, { q: 'admiral' })).toEqual(['Grace Hopper']);
    expect(await trashNames(ctx, { q: 'ENGINES.example' })).toEqual(['Ada Lovelace']);
    expect(await trashNames(ctx, { q: 'emile' })).toEqual(['Émile Zola']);
    expect(await trashNames(ctx, { q: 'engines' })).toEqual(['Ada Lovelace', 'Émile Zola']);
    expect(await trashNames(ctx, { q: 'crypt tur' })).toEqual(['Alan Turing']);
    const a = await listTrashedContacts(ctx, { q: 'a', limit: 2 });
    expect(names(a)).toEqual(['Alan Turing', 'Grace Hopper']);
    expect(a.total).toBe(3);
    expect(
      names(await listTrashedContacts(ctx, { q: 'a', limit: 2, cursor: a.nextCursor as string })),
    ).toEqual(['Ada Lovelace']);
    expect(await listTrashedContacts(ctx, { q: 'nobody' })).toEqual({
      items: [],
      nextCursor: null,
      total: 0,
    });
    expect(await listTrashedContacts(ctx, { q: '%' })).toEqual({ items: [], nextCursor: null, total: 0 });
    expect((await failure(listTrashedContacts(ctx, { cursor: 'forged' }))).code).toBe('validation');
  });

  it('restores the contacts named, whole and findable again, in one go', async () => {
    const { ctx } = await h.account();
    const ids = await trashed(ctx, [
      { displayName: 'Ada Lovelace', tags: ['speakers'], emails: [{ value: 'ada@engines.example' }] },
      { displayName: 'Grace Hopper' },
      { displayName: 'Alan Turing' },
    ]);
    const ada = ids['Ada Lovelace'] as string;
    const grace = ids['Grace Hopper'] as string;
    expect(await restoreTrashedContacts(ctx, { ids: [ada, grace, ada] })).toEqual({ restored: 2 });
    expect(await trashNames(ctx)).toEqual(['Alan Turing']);
    expect(await getContact(ctx, ada)).toMatchObject({
      deletedAt: null,
      tags: ['speakers'],
      emails: [expect.objectContaining({ value: 'ada@engines.example' })],
    });
    expect(names(await listContacts(ctx, { q: 'ada lo' }))).toEqual(['Ada Lovelace']);
    expect(names(await listContacts(ctx, { tag: 'speakers' }))).toEqual(['Ada Lovelace']);
  });

  it('restores none when an id is not in my trash, and names each such id by its place', async () => {
    const a = await h.account();
    const b = await h.account();
    const mine = await trashed(a.ctx, [{ displayName: 'Ada Lovelace' }]);
    const theirs = await trashed(b.ctx, [{ displayName: 'Bob Theirs' }]);
    const live = await createContact(a.ctx, { displayName: 'Grace Hopper' }, 'api');
    const e = await failure(
      restoreTrashedContacts(a.ctx, {
        ids: [mine['Ada Lovelace'] as string, theirs['Bob Theirs'] as string, live.id, 'no-such-id'],
      }),
    );
    expect(e.code).toBe('validation');
    expect(e.message).toBe('ids.1: is not in your trash (and 2 more)');
    expect(e.details.issues?.map((i) => i.path)).toEqual(['ids.1', 'ids.2', 'ids.3']);
    expect(await trashNames(a.ctx)).toEqual(['Ada Lovelace']);
    expect(await trashNames(b.ctx)).toEqual(['Bob Theirs']);
  });

  it('another account neither sees nor restores my trash, whatever it asks for', async () => {
    const a = await h.account();
    const b = await h.account();
    const mine = await trashed(a.ctx, [{ displayName: 'Ada Lovelace' }, { displayName: 'Alan Turing' }]);
    const linkedin = await importFile(a.ctx, {
      kind: 'linkedin',
      fileName: 'Connections.csv',
      source: new TextEncoder().encode(CONNECTIONS),
      dryRun: false,
    });

    expect(await listTrashedContacts(b.ctx, { q: 'ada' })).toEqual({ items: [], nextCursor: null, total: 0 });
    expect((await listTrash(b.ctx)).contactsTotal).toBe(0);
    expect((await failure(listTrashedContacts(b.ctx, { import: linkedin.id as string }))).code).toBe(
      'not_found',
    );
    expect(await restoreTrashedContacts(b.ctx, { all: true })).toEqual({ restored: 0 });
    expect(await restoreTrashedContacts(b.ctx, { all: true, q: 'ada' })).toEqual({ restored: 0 });
    expect(
      (await failure(restoreTrashedContacts(b.ctx, { all: true, import: linkedin.id as string }))).code,
    ).toBe('not_found');
    expect((await failure(restoreTrashedContacts(b.ctx, { ids: Object.values(mine) }))).code).toBe(
      'validation',
    );
    expect(await trashNames(a.ctx)).toEqual(['Ada Lovelace', 'Alan Turing']);
  });

  it('leaves contacts past the trash window out of the list and out of every restore', async () => {
    const { ctx } = await h.account();
    const old = await trashed(ctx, [{ displayName: 'Old Timer' }]);
    ctx.clock.advance(ctx.settings.trashDays * DAY_MS + 60_000);
    await trashed(ctx, [{ displayName: 'New Comer' }]);

    expect(await listTrashedContacts(ctx)).toMatchObject({ total: 1, items: [{ displayName: 'New Comer' }] });
    expect((await listTrash(ctx)).contactsTotal).toBe(1);
    const e = await failure(restoreTrashedContacts(ctx, { ids: [old['Old Timer'] as string] }));
    expect(e.details.issues).toEqual([{ path: 'ids.0', message: 'is not in your trash' }]);
    expect(await restoreTrashedContacts(ctx, { all: true, q: 'timer' })).toEqual({ restored: 0 });
    expect(await restoreTrashedContacts(ctx, { all: true })).toEqual({ restored: 1 });
    expect(names(await listContacts(ctx, {}))).toEqual(['New Comer']);
  });

  it('restores everything matching a search, or all of it, and never a contact merged away', async () => {
    const { ctx } = await h.account();
    await trashed(ctx, [
      { displayName: 'Ada Lovelace', organisation: 'Analytical Engines' },
      { displayName: 'Charles Babbage', organisation: 'Analytical Engines' },
      { displayName: 'Grace Hopper' },
    ]);
    const kept = await createContact(ctx, { displayName: 'Alan Turing' }, 'api');
    const twin = await createContact(ctx, { displayName: 'A. M. Turing' }, 'api');
    await mergeContacts(ctx, kept.id, twin.id);

    expect(await restoreTrashedContacts(ctx, { all: true, q: 'analytical' })).toEqual({ restored: 2 });
    expect(await trashNames(ctx)).toEqual(['Grace Hopper']);
    expect(await restoreTrashedContacts(ctx, { all: true, q: '!!' })).toEqual({ restored: 0 });
    expect(await restoreTrashedContacts(ctx, { all: true })).toEqual({ restored: 1 });
    expect(names(await listContacts(ctx, {}))).toEqual([
      'Ada Lovelace',
      'Alan Turing',
      'Charles Babbage',
      'Grace Hopper',
    ]);
    expect(
      (await failure(restoreTrashedContacts(ctx, { q: 'ada' }))).details.issues?.map((i) => i.path),
    ).toEqual(['ids', 'all']);
  });

  it('after undoing an import, restores everyone its undo sent to the trash and no one else', async () => {
    const { ctx } = await h.account();
    await trashed(ctx, [{ displayName: 'Deleted By Hand' }]);
    const linkedin = await importFile(ctx, {
      kind: 'linkedin',
      fileName: 'Connections.csv',
      source: new TextEncoder().encode(CONNECTIONS),
      dryRun: false,
    });
    const importId = linkedin.id as string;
    // Not undone yet: nothing of it is in the trash.
    expect(await listTrashedContacts(ctx, { import: importId })).toEqual({
      items: [],
      nextCursor: null,
      total: 0,
    });
    ctx.clock.advance(DAY_MS);
    const worked = (await listContacts(ctx, { q: 'a' })).items.filter((c) => c.displayName !== 'Alan Turing');
    for (const c of worked) await updateContact(ctx, c.id, { notes: 'Met at the conference' }, 'api');
    ctx.clock.advance(DAY_MS);
    expect(await undoImport(ctx, importId)).toMatchObject({ removed: 1, trashed: 2 });

    expect(await trashNames(ctx, { import: importId })).toEqual(['Ada Lovelace', 'Grace Hopper']);
    expect(await trashNames(ctx, { import: importId, q: 'navy' })).toEqual(['Grace Hopper']);
    expect(await restoreTrashedContacts(ctx, { all: true, import: importId })).toEqual({ restored: 2 });
    expect(await trashNames(ctx)).toEqual(['Deleted By Hand']);
    const ada = (await listContacts(ctx, { q: 'ada' })).items[0];
    expect(await getContact(ctx, ada?.id as string)).toMatchObject({
      notes: 'Met at the conference',
      deletedAt: null,
    });
  });
});
