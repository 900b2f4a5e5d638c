import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { trackAddressBook } from '../carddav/track-address-book';
import { countContacts } from '../contacts/count-contacts';
import { createContact } from '../contacts/create-contact';
import { deleteContact } from '../contacts/delete-contact';
import { getContact } from '../contacts/get-contact';
import { listContacts } from '../contacts/list-contacts';
import { updateContact } from '../contacts/update-contact';
import type { Ctx } from '../context';
import * as m0022 from '../db/migrations/0022-deferred-search-reindex';
import { getRelationship } from '../relationships/get-relationship';
import { setTagCadence } from '../relationships/set-tag-cadence';
import { listTags } from './list-tags';
import { mergeTags } from './merge-tags';
import { tagContacts } from './tag-contacts';

/** Every contact the list shows for `query`, page after page (a small page, so that paging is walked too). */
async function everyListed(ctx: Ctx, query: { q?: string; tag?: string; organisation?: string }) {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listContacts(ctx, { ...query, limit: 2, cursor });
    ids.push(...page.items.map((c) => c.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids.sort();
}

const tagsOf = async (ctx: Ctx, id: string) => (await getContact(ctx, id)).tags;

describeEngines('tagging many contacts at once', (h) => {
  async function rolodex() {
    const account = await h.account();
    const { ctx } = account;
    const add = (displayName: string, more: object = {}) =>
      createContact(ctx, { displayName, ...more }, 'web');
    const ada = await add('Ada Lovelace', { organisation: 'Analytical Engines', tags: ['speakers'] });
    const adam = await add('Adam Smith', { organisation: 'Wealth of Nations', notes: 'economist' });
    const grace = await add('Grace Hopper', { organisation: 'Analytical Engines', title: 'Admiral' });
    const alan = await add('Alan Turing', {
      tags: ['speakers'],
      emails: [{ value: 'alan@adastra.example' }],
    });
    const claude = await add('Claude Shannon', { notes: 'Met at the Adelaide summit' });
    return { ...account, ada, adam, grace, alan, claude, org: ada.organisation?.id as string };
  }

  it('adds by ids and by the list filter, reaching exactly the contacts the list shows', async () => {
    const r = await rolodex();
    const { ctx } = r;
    expect(await tagContacts(ctx, { ids: [r.ada.id, r.claude.id], add: ['conference-2026'] })).toMatchObject({
      matched: 2,
      changed: 2,
    });
    expect(await tagsOf(ctx, r.ada.id)).toEqual(['conference-2026', 'speakers']);
    expect(await tagsOf(ctx, r.claude.id)).toEqual(['conference-2026']);
    expect(await tagsOf(ctx, r.grace.id)).toEqual([]);

    // "ada" finds names that start with it, a name word (Adam) and an e-mail (adastra): every stage of search.
    expect(await everyListed(ctx, { q: 'ada' })).toEqual([r.ada.id, r.adam.id, r.alan.id].sort());
    for (const filter of [
      { q: 'ada' },
      { organisation: r.org },
      { tag: 'Speakers' },
      { q: 'ada', tag: 'speakers' },
    ]) {
      const listed = await everyListed(ctx, filter);
      expect(listed.length, JSON.stringify(filter)).toBeGreaterThan(0);
      const name = `found-${JSON.stringify(filter).replace(/\W+/g, '-')}`;
      const result = await tagContacts(ctx, { filter, add: [name] });
      expect(result.matched, JSON.stringify(filter)).toBe(listed.length);
      expect(await everyListed(ctx, { tag: name }), JSON.stringify(filter)).toEqual(listed);
      expect(await countContacts(ctx, filter)).toEqual({ total: listed.length });
    }
  });

  it('removes, and counts only the contacts whose tags change (adding a tag one has changes nothing)', async () => {
    const r = await rolodex();
    const { ctx } = r;
    const before = await getContact(ctx, r.ada.id);
    ctx.clock.advance(60_000);
    expect(await tagContacts(ctx, { filter: { tag: 'speakers' }, add: ['speakers'] })).toMatchObject({
      matched: 2,
      changed: 0,
    });
    expect((await getContact(ctx, r.ada.id)).updatedAt).toBe(before.updatedAt);

    expect(
      await tagContacts(ctx, { ids: [r.ada.id, r.grace.id], add: ['speakers', 'mentors'] }),
    ).toMatchObject({
      matched: 2,
      changed: 2,
    });
    expect((await getContact(ctx, r.ada.id)).updatedAt).not.toBe(before.updatedAt);
    expect(await tagsOf(ctx, r.grace.id)).toEqual(['mentors', 'speakers']);

    ctx.clock.advance(60_000);
    const claudeBefore = await getContact(ctx, r.claude.id);
    expect(await tagContacts(ctx, { filter: {}, remove: ['Speakers'] })).toMatchObject({
      matched: 5,
      changed: 3,
    });
    expect(await tagsOf(ctx, r.ada.id)).toEqual(['mentors']);
    expect(await tagsOf(ctx, r.alan.id)).toEqual([]);
    expect(await getContact(ctx, r.claude.id)).toEqual(claudeBefore);
    expect((await listTags(ctx)).map((t) => [t.name, t.contactCount])).toEqual([
      ['mentors', 2],
      ['speakers', 0],
    ]);
    // Add and remove in one go.
    expect(await tagContacts(ctx, { ids: [r.ada.id], add: ['alumni'], remove: ['mentors'] })).toMatchObject({
      matched: 1,
      changed: 1,
    });
    expect(await tagsOf(ctx, r.ada.id)).toEqual(['alumni']);
  });

  it('keeps search in step: the contacts are found by the tag they were given, and not by one taken away', async () => {
    const r = await rolodex();
    const { ctx } = r;
    await tagContacts(ctx, { filter: { organisation: r.org }, add: ['Zeppelin Forum'] });
    const found = async (q: string) =>
      (await listContacts(ctx, { q })).items.map((c) => c.displayName).sort();
    expect(await found('zeppelin')).toEqual(['Ada Lovelace', 'Grace Hopper']);
    expect(await found('zep for')).toEqual(['Ada Lovelace', 'Grace Hopper']);
    expect(await countContacts(ctx, { q: 'zeppelin' })).toEqual({ total: 2 });
    await tagContacts(ctx, { ids: [r.ada.id], remove: ['zeppelin forum'] });
    expect(await found('zeppelin')).toEqual(['Grace Hopper']);
    // Names and other words are still found as before.
    expect(await found('lovelace')).toEqual(['Ada Lovelace']);
    expect(await found('analytical')).toEqual(['Ada Lovelace', 'Grace Hopper']);
    // A single edit afterwards indexes as usual.
    await updateContact(ctx, r.grace.id, { notes: 'Compiler pioneer' }, 'web');
    expect(await found('compiler')).toEqual(['Grace Hopper']);
    expect(await found('zeppelin')).toEqual(['Grace Hopper']);
  });

  it('leaves trashed contacts alone, and refuses unknown, trashed or other accounts’ ids changing nothing', async () => {
    const r = await rolodex();
    const { ctx } = r;
    await deleteContact(ctx, r.grace.id);
    expect(await tagContacts(ctx, { filter: { organisation: r.org }, add: ['engines'] })).toMatchObject({
      matched: 1,
      changed: 1,
    });
    const other = await h.account('Other');
    const theirs = await createContact(other.ctx, { displayName: 'Their Ada' }, 'web');
    const missing = '01900000-0000-7000-8000-000000000000';
    for (const bad of [theirs.id, r.grace.id, missing]) {
      const refused = tagContacts(ctx, { ids: [r.adam.id, bad], add: ['refused'], remove: ['speakers'] });
      await expect(refused).rejects.toMatchObject({
        code: 'validation',
        message: 'ids.1: not one of your contacts',
        details: { issues: [{ path: 'ids.1', message: 'is not one of your contacts' }] },
      });
    }
    // Nothing changed: not the named contact, not the tags (the new tag was not left behind), not theirs.
    expect(await tagsOf(ctx, r.adam.id)).toEqual([]);
    expect(await tagsOf(ctx, r.ada.id)).toEqual(['engines', 'speakers']);
    expect((await listTags(ctx)).map((t) => t.name)).toEqual(['engines', 'speakers']);
    expect(await tagsOf(other.ctx, theirs.id)).toEqual([]);
    expect(await listTags(other.ctx)).toEqual([]);
    // Their contacts are not reached by a filter either.
    expect(await tagContacts(other.ctx, { filter: { q: 'ada' }, add: ['x'] })).toMatchObject({
      matched: 1,
      changed: 1,
    });
    expect(await tagsOf(ctx, r.ada.id)).toEqual(['engines', 'speakers']);
  });

  it('moves the CardDAV change marker of exactly the changed cards', async () => {
    const r = await rolodex();
    const { ctx } = r;
    const before = await trackAddressBook(ctx);
    const etag = (book: typeof before, id: string) => book.cards.find((c) => c.name === `${id}.vcf`)?.etag;
    await tagContacts(ctx, { ids: [r.adam.id, r.claude.id], add: ['phone-friends'] });
    const after = await trackAddressBook(ctx);
    expect(after.seq).toBe(before.seq + 1);
    expect(after.ctag).not.toBe(before.ctag);
    expect(etag(after, r.adam.id)).not.toBe(etag(before, r.adam.id));
    expect(etag(after, r.claude.id)).not.toBe(etag(before, r.claude.id));
    expect(etag(after, r.ada.id)).toBe(etag(before, r.ada.id));
    // Nothing changed, nothing new for the phone.
    await tagContacts(ctx, { ids: [r.adam.id], add: ['phone-friends'] });
    expect((await trackAddressBook(ctx)).seq).toBe(after.seq);
  });

  it('says which contacts changed and which tags it made: add and remove swapped on them undoes it exactly', async () => {
    const r = await rolodex();
    const { ctx } = r;
    // Ada and Alan were speakers already: an undo must leave them so.
    const added = await tagContacts(ctx, { filter: {}, add: ['speakers', 'lp'] });
    expect(added).toMatchObject({ matched: 5, changed: 5 });
    expect([...added.changedIds].sort()).toEqual(
      [r.ada.id, r.adam.id, r.grace.id, r.alan.id, r.claude.id].sort(),
    );
    const lp = (await listTags(ctx)).find((t) => t.name === 'lp')?.id;
    expect(added.createdTagIds).toEqual([lp]);
    const speakersOnly = await tagContacts(ctx, { ids: [r.claude.id], add: ['speakers'] });
    expect(speakersOnly).toMatchObject({ changed: 0, changedIds: [], createdTagIds: [] });

    const removed = await tagContacts(ctx, { filter: { q: 'ada' }, remove: ['speakers'] });
    expect([...removed.changedIds].sort()).toEqual([r.ada.id, r.adam.id, r.alan.id].sort());
    await tagContacts(ctx, { ids: removed.changedIds, add: ['speakers'] });
    expect(await tagsOf(ctx, r.adam.id)).toEqual(['lp', 'speakers']);
  });

  it('schedules keep-in-touch as an edit does when the tag has an interval', async () => {
    const r = await rolodex();
    const { ctx } = r;
    await tagContacts(ctx, { ids: [r.claude.id], add: ['alumni'] });
    const alumni = (await listTags(ctx)).find((t) => t.name === 'alumni')?.id as string;
    await setTagCadence(ctx, alumni, { cadenceDays: 180 });
    await tagContacts(ctx, { filter: { q: 'adam' }, add: ['alumni'] });
    await updateContact(ctx, r.grace.id, { tags: ['alumni'] }, 'web');
    for (const c of [r.adam, r.grace]) {
      const rel = await getRelationship(ctx, c.id);
      expect(rel.cadence).toEqual({ days: 180, source: 'tag', tag: { id: alumni, name: 'alumni' } });
      expect(rel.nextDue).toBe((await getRelationship(ctx, r.claude.id)).nextDue);
    }
    await tagContacts(ctx, { filter: { tag: 'alumni' }, remove: ['alumni'] });
    expect((await getRelationship(ctx, r.adam.id)).nextDue).toBeNull();
  });

  it('finds tags by name as edits do, and refuses what cannot be done', async () => {
    const r = await rolodex();
    const { ctx } = r;
    await createContact(ctx, { displayName: 'Barbara Liskov', tags: ['ML', 'machine learning'] }, 'web');
    const byName = new Map((await listTags(ctx)).map((t) => [t.name, t.id]));
    await mergeTags(ctx, byName.get('ML') as string, { into: byName.get('machine learning') as string });
    await tagContacts(ctx, { ids: [r.ada.id], add: ['ml'] });
    expect(await tagsOf(ctx, r.ada.id)).toEqual(['machine learning', 'speakers']);
    await tagContacts(ctx, { ids: [r.ada.id], remove: ['ML'] });
    expect(await tagsOf(ctx, r.ada.id)).toEqual(['speakers']);

    const refused = async (input: Parameters<typeof tagContacts>[1], path: string) =>
      expect(tagContacts(ctx, input)).rejects.toMatchObject({ details: { issues: [{ path }] } });
    await refused({ ids: [r.ada.id], remove: ['no such tag'] }, 'remove.0');
    await refused({ ids: [r.ada.id], add: ['ml'], remove: ['machine learning'] }, 'remove');
    await refused({ ids: [r.ada.id] }, 'add');
    await refused({ ids: [r.ada.id], filter: {}, add: ['x'] }, 'ids');
    await refused({ add: ['x'] }, 'ids');
    await refused({ ids: [], add: ['x'] }, 'ids');
    // A filter that finds no one creates no tag.
    expect(await tagContacts(ctx, { filter: { q: 'nobody' }, add: ['empty'] })).toMatchObject({
      matched: 0,
      changed: 0,
    });
    expect(await tagContacts(ctx, { filter: { q: '%' }, add: ['empty'] })).toMatchObject({
      matched: 0,
      changed: 0,
    });
    expect(await tagContacts(ctx, { filter: { tag: 'unknown' }, add: ['empty'] })).toMatchObject({
      matched: 0,
      changed: 0,
    });
    expect((await listTags(ctx)).map((t) => t.name)).not.toContain('empty');
  });

  it('counts what a search finds, all pages together; nothing for no one', async () => {
    const r = await rolodex();
    const { ctx } = r;
    for (const q of ['a', 'ad', 'analytical eng', 'admiral', 'adelaide', 'adastra', 'zzz']) {
      expect(await countContacts(ctx, { q }), q).toEqual({ total: (await everyListed(ctx, { q })).length });
    }
    expect(await countContacts(ctx, {})).toEqual({ total: 5 });
    expect(await countContacts(ctx, { q: '%' })).toEqual({ total: 0 });
    expect(await countContacts(ctx, { tag: 'unknown' })).toEqual({ total: 0 });
    expect(await countContacts(ctx, { q: 'a', organisation: r.org })).toEqual({ total: 2 });
    await deleteContact(ctx, r.ada.id);
    expect(await countContacts(ctx, { q: 'ada' })).toEqual({ total: 2 }); // Adam, and Alan at adastra
    expect(await countContacts((await h.account()).ctx, { q: 'a' })).toEqual({ total: 0 });
  });

  it('migration 0022 goes down and up again, and search stays in step either way', async () => {
    const { ctx } = await h.account();
    const ada = await createContact(ctx, { displayName: 'Ada Lovelace' }, 'web');
    await m0022.down(ctx.db);
    await updateContact(ctx, ada.id, { notes: 'Countess' }, 'web');
    await m0022.up(ctx.db);
    await tagContacts(ctx, { ids: [ada.id], add: ['mathematicians'] });
    await updateContact(ctx, ada.id, { title: 'Analyst' }, 'web');
    for (const q of ['countess', 'mathematicians', 'analyst'])
      expect(
        (await listContacts(ctx, { q })).items.map((c) => c.id),
        q,
      ).toEqual([ada.id]);
  });
});
