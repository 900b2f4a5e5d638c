import type { Transaction } from 'kysely';
import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { whileHeld } from '../../../test/while-held';
import { exportBackup } from '../backup/export-backup';
import { restoreBackup } from '../backup/restore-backup';
import { createContact } from '../contacts/create-contact';
import { getContact } from '../contacts/get-contact';
import { listContacts } from '../contacts/list-contacts';
import { updateContact } from '../contacts/update-contact';
import * as m0019 from '../db/migrations/0019-tag-merged-names';
import type { Database } from '../db/schema';
import { importVcard } from '../imports/import-vcard';
import { getRelationship } from '../relationships/get-relationship';
import { setTagCadence } from '../relationships/set-tag-cadence';
import { deleteTag } from './delete-tag';
import { listTags } from './list-tags';
import { mergeTags } from './merge-tags';
import { renameTag } from './rename-tag';
import { lockTags, recordMergedTagName } from './tag.queries';

const card = (name: string, tags: string) =>
  new TextEncoder().encode(`BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${name}\r\nCATEGORIES:${tags}\r\nEND:VCARD\r\n`);

describeEngines('a merged tag', (h) => {
  it('leads to the tag it was merged into, for edits and imports, until that one is in the trash', async () => {
    const { ctx } = await h.account();
    await createContact(ctx, { displayName: 'Alan Turing', tags: ['ML', 'machine learning', 'AI'] }, 'web');
    const id = async (name: string) => (await listTags(ctx)).find((t) => t.name === name)?.id as string;
    await mergeTags(ctx, await id('ML'), { into: await id('machine learning') });

    const ada = await createContact(ctx, { displayName: 'Ada Lovelace', tags: ['ml'] }, 'web');
    expect(ada.tags).toEqual(['machine learning']);
    // A list filtered by the old name shows the kept tag's people.
    expect((await listContacts(ctx, { tag: 'ML' })).items.map((c) => c.displayName)).toEqual([
      'Ada Lovelace',
      'Alan Turing',
    ]);
    // Both names at once are one tag.
    await updateContact(ctx, ada.id, { tags: ['machine learning', 'ml', 'AI'] }, 'web');
    expect((await getContact(ctx, ada.id)).tags.sort()).toEqual(['AI', 'machine learning']);
    const run = await importVcard(ctx, {
      source: card('Grace Hopper', 'ml,compilers'),
      fileName: 'g.vcf',
      dryRun: false,
    });
    expect(run.stats.created).toBe(1);
    const grace = (await listContacts(ctx, { q: 'Grace' })).items[0]?.id as string;
    expect((await getContact(ctx, grace)).tags.sort()).toEqual(['compilers', 'machine learning']);
    // A newer file adds the old name to someone who has the tag it leads to.
    await importVcard(ctx, { source: card('Barbara Liskov', 'compilers'), fileName: 'b.vcf', dryRun: false });
    const barbara = (await listContacts(ctx, { q: 'Barbara' })).items[0]?.id as string;
    await updateContact(ctx, barbara, { tags: ['compilers', 'machine learning'] }, 'web');
    const newer = await importVcard(ctx, {
      source: card('Barbara Liskov', 'compilers,ml'),
      fileName: 'b.vcf',
      dryRun: false,
    });
    expect(newer.stats.errors).toBe(0);
    expect((await getContact(ctx, barbara)).tags.sort()).toEqual(['compilers', 'machine learning']);

    // A merge of the kept tag takes the old name along.
    await mergeTags(ctx, await id('machine learning'), { into: await id('AI') });
    expect((await createContact(ctx, { displayName: 'Claude Shannon', tags: ['ML'] }, 'web')).tags).toEqual([
      'AI',
    ]);
    expect((await listTags(ctx)).map((t) => t.name).sort()).toEqual(['AI', 'compilers']);

    // A tag in the trash is not a place to send a name: it makes a new tag.
    await deleteTag(ctx, await id('AI'));
    expect((await createContact(ctx, { displayName: 'John McCarthy', tags: ['ml'] }, 'web')).tags).toEqual([
      'ml',
    ]);
  });

  it('and a renamed tag: the old name leads to it for imports and edits, until a live tag takes that name', async () => {
    const { ctx } = await h.account();
    await createContact(ctx, { displayName: 'Alan Turing', tags: ['speakers'] }, 'web');
    const speakers = (await listTags(ctx)).find((t) => t.name === 'speakers')?.id as string;
    await renameTag(ctx, speakers, { name: 'guest speakers' });
    await importVcard(ctx, {
      source: card('Grace Hopper', 'Speakers'),
      fileName: 'phone.vcf',
      dryRun: false,
    });
    expect((await listTags(ctx)).map((t) => t.name)).toEqual(['guest speakers']);
    const grace = (await listContacts(ctx, { tag: 'speakers' })).items.map((c) => [c.displayName, c.tags]);
    expect(grace).toEqual([
      ['Alan Turing', ['guest speakers']],
      ['Grace Hopper', ['guest speakers']],
    ]);
    // Renamed back and forth, the live name still wins; a rename that changes only the case records nothing.
    await renameTag(ctx, speakers, { name: 'Guest Speakers' });
    const ada = await createContact(ctx, { displayName: 'Ada', tags: ['speakers', 'guest speakers'] }, 'web');
    expect(ada.tags).toEqual(['Guest Speakers']);
  });

  it('keeps leading there after a backup is restored into another account', async () => {
    const { ctx } = await h.account();
    await createContact(ctx, { displayName: 'Alan Turing', tags: ['ml', 'machine learning'] }, 'web');
    const byName = new Map((await listTags(ctx)).map((t) => [t.name, t.id]));
    await mergeTags(ctx, byName.get('ml') as string, { into: byName.get('machine learning') as string });
    const copy = await h.account('Copy');
    await restoreBackup(copy.ctx, JSON.parse(JSON.stringify(await exportBackup(ctx))));
    const ada = await createContact(copy.ctx, { displayName: 'Ada Lovelace', tags: ['ml'] }, 'web');
    expect(ada.tags).toEqual(['machine learning']);
    expect((await listTags(copy.ctx)).map((t) => t.name)).toEqual(['machine learning']);
  });

  it('keeps the keep-in-touch interval of the merged tag: the kept one takes the shorter of the two', async () => {
    const { ctx } = await h.account();
    const ana = await createContact(ctx, { displayName: 'Ana LP', tags: ['Limited partners'] }, 'web');
    const ben = await createContact(ctx, { displayName: 'Ben LP', tags: ['LP'] }, 'web');
    const cy = await createContact(ctx, { displayName: 'Cy Founder', tags: ['founders'] }, 'web');
    const dee = await createContact(ctx, { displayName: 'Dee Founder', tags: ['founder'] }, 'web');
    const byName = new Map((await listTags(ctx)).map((t) => [t.name, t.id]));
    const tag = (name: string) => byName.get(name) as string;
    await setTagCadence(ctx, tag('Limited partners'), { cadenceDays: 60 });
    await setTagCadence(ctx, tag('founders'), { cadenceDays: 30 });
    await setTagCadence(ctx, tag('founder'), { cadenceDays: 90 });
    const anaDue = (await getRelationship(ctx, ana.id)).nextDue;

    // Into a tag without an interval: the merged tag's people keep theirs, and the kept tag's people gain it.
    const lp = await mergeTags(ctx, tag('Limited partners'), { into: tag('LP') });
    expect(lp.cadenceDays).toBe(60);
    const lpTag = { id: tag('LP'), name: 'LP' };
    expect((await getRelationship(ctx, ana.id)).cadence).toEqual({ days: 60, source: 'tag', tag: lpTag });
    expect((await getRelationship(ctx, ana.id)).nextDue).toBe(anaDue);
    expect((await getRelationship(ctx, ben.id)).cadence).toEqual({ days: 60, source: 'tag', tag: lpTag });

    // Both have one: nobody is reminded less often than before.
    expect((await mergeTags(ctx, tag('founders'), { into: tag('founder') })).cadenceDays).toBe(30);
    for (const c of [cy, dee])
      expect((await getRelationship(ctx, c.id)).cadence).toEqual({
        days: 30,
        source: 'tag',
        tag: { id: tag('founder'), name: 'founder' },
      });
    expect((await listTags(ctx)).map((t) => [t.name, t.cadenceDays])).toEqual([
      ['founder', 30],
      ['LP', 60],
    ]);
  });

  it('migration 0019 goes down and up again', async () => {
    const { ctx } = await h.account();
    await m0019.down(ctx.db);
    await m0019.up(ctx.db);
    await createContact(ctx, { displayName: 'Alan Turing', tags: ['ml', 'machine learning'] }, 'web');
    const byName = new Map((await listTags(ctx)).map((t) => [t.name, t.id]));
    await mergeTags(ctx, byName.get('ml') as string, { into: byName.get('machine learning') as string });
    expect((await createContact(ctx, { displayName: 'Ada', tags: ['ml'] }, 'web')).tags).toEqual([
      'machine learning',
    ]);
  });
});

// Two connections at once need PostgreSQL: on SQLite, writers queue whole, and the race below cannot happen.
describeEngines(
  'a contact edit adding a tag while that tag is being merged into another',
  (h) => {
    it('waits for the merge, then is saved with the tag it was merged into', async () => {
      const { ctx, id: ownerId } = await h.account();
      await createContact(ctx, { displayName: 'Alan Turing', tags: ['ml', 'machine learning'] }, 'web');
      const ada = await createContact(ctx, { displayName: 'Ada Lovelace' }, 'web');
      const byName = new Map((await listTags(ctx)).map((t) => [t.name, t.id]));
      const [gone, kept] = [byName.get('ml') as string, byName.get('machine learning') as string];
      // What mergeTags does, held open: lock both, move the links, delete the merged tag, keep its name.
      const merge = async (trx: Transaction<Database>) => {
        await lockTags(trx, ownerId, [gone, kept]);
        await trx.deleteFrom('contact_tags').where('tag_id', '=', gone).execute();
        await trx.deleteFrom('tags').where('id', '=', gone).execute();
        await recordMergedTagName(trx, ownerId, { nameNorm: 'ml', id: gone }, kept, new Date().toISOString());
      };
      await whileHeld(h.handle().db, merge, () => updateContact(ctx, ada.id, { tags: ['ml'] }, 'web'));
      expect((await getContact(ctx, ada.id)).tags).toEqual(['machine learning']);
    });

    it('an import naming it waits for the merge (both take the account) instead of failing', async () => {
      const { ctx } = await h.account();
      await createContact(ctx, { displayName: 'Alan Turing', tags: ['ml', 'machine learning'] }, 'web');
      const byName = new Map((await listTags(ctx)).map((t) => [t.name, t.id]));
      const [gone, kept] = [byName.get('ml') as string, byName.get('machine learning') as string];
      const card = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nCATEGORIES:ml\r\nEND:VCARD\r\n';
      const run = await whileHeld(
        h.handle().db,
        (trx: Transaction<Database>) => mergeTags({ ...ctx, db: trx }, gone, { into: kept }),
        () =>
          importVcard(ctx, { source: new TextEncoder().encode(card), fileName: 'ada.vcf', dryRun: false }),
      );
      expect(run.stats.created).toBe(1);
      const ada = (await listContacts(ctx, { q: 'Ada' })).items[0];
      expect((await getContact(ctx, ada?.id as string)).tags).toEqual(['machine learning']);
    });
  },
  { engines: ['postgres'] },
);
