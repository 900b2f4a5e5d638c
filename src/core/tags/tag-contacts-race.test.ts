import type { Transaction } from 'kysely';
import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { whileHeld } from '../../../test/while-held';
import { contactEtag } from '../contacts/contact-etag';
import { createContact } from '../contacts/create-contact';
import { getContact } from '../contacts/get-contact';
import { listContacts } from '../contacts/list-contacts';
import { updateContact } from '../contacts/update-contact';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { deleteTag } from './delete-tag';
import { listTags } from './list-tags';
import { mergeTags } from './merge-tags';
import { renameTag } from './rename-tag';
import { tagContacts } from './tag-contacts';

// Tagging many contacts against another write of the same contact, on PostgreSQL (SQLite runs one transaction at a
// time): the other write holds the contact in a second connection while tagging starts (ADR 20). Tagging reads each
// contact to re-index its search words and writes them back, so without its row lock it wrote back a copy read
// before the other write committed, and the contact was no longer found by what that write gave it.
describeEngines(
  'tagging many contacts while another write holds one',
  (h) => {
    const within = (ctx: Ctx, trx: Transaction<any>) => ({ ...ctx, db: trx }) as Ctx;
    const found = async (ctx: Ctx, q: string) => (await listContacts(ctx, { q })).items.map((c) => c.id);

    it('keeps the tag another tagging gave meanwhile, in the contact and in search', async () => {
      const { ctx } = await h.account();
      const ada = await createContact(ctx, { displayName: 'Ada Lovelace', tags: ['speakers'] }, 'web');
      const result = await whileHeld(
        h.handle().db,
        (trx) => tagContacts(within(ctx, trx), { ids: [ada.id], add: ['Zeppelin Forum'] }),
        () => tagContacts(ctx, { ids: [ada.id], add: ['Board'], remove: ['speakers'] }),
      );
      expect(result).toMatchObject({ matched: 1, changed: 1 });
      expect([...(await getContact(ctx, ada.id)).tags].sort()).toEqual(['Board', 'Zeppelin Forum']);
      expect(await found(ctx, 'zeppelin')).toEqual([ada.id]);
      expect(await found(ctx, 'board')).toEqual([ada.id]);
      expect(await found(ctx, 'speakers')).toEqual([]);
    });

    it('keeps an edit being saved meanwhile, and the edit keeps the tag given while it waited', async () => {
      const { ctx } = await h.account();
      const ada = await createContact(ctx, { displayName: 'Ada Lovelace' }, 'web');
      await whileHeld(
        h.handle().db,
        (trx) => updateContact(within(ctx, trx), ada.id, { title: 'Countess' }, 'web'),
        () => tagContacts(ctx, { ids: [ada.id], add: ['Zeppelin Forum'] }),
      );
      const grace = await createContact(ctx, { displayName: 'Grace Hopper' }, 'web');
      await whileHeld(
        h.handle().db,
        (trx) => tagContacts(within(ctx, trx), { ids: [grace.id], add: ['Navy'] }),
        () => updateContact(ctx, grace.id, { notes: 'Compiler pioneer' }, 'web'),
      );
      expect(await getContact(ctx, ada.id)).toMatchObject({
        title: 'Countess',
        tags: ['Zeppelin Forum'],
      });
      expect(await getContact(ctx, grace.id)).toMatchObject({
        notes: 'Compiler pioneer',
        tags: ['Navy'],
      });
      expect(await found(ctx, 'countess zeppelin')).toEqual([ada.id]);
      expect(await found(ctx, 'compiler navy')).toEqual([grace.id]);
    });

    it('counts a tagging that lands while an edit waits as a change the edit was not made against (If-Match)', async () => {
      const { ctx } = await h.account();
      const ada = await createContact(ctx, { displayName: 'Ada Lovelace' }, 'web');
      const seen = contactEtag(await getContact(ctx, ada.id));
      const outcome = await whileHeld(
        h.handle().db,
        (trx) => tagContacts(within(ctx, trx), { ids: [ada.id], add: ['Zeppelin Forum'] }),
        () => updateContact(ctx, ada.id, { title: 'Countess' }, 'api', { ifMatch: seen }),
      ).then(
        () => 'saved',
        (e: unknown) => (e instanceof AppError ? e.code : String(e)),
      );
      expect(outcome).toBe('precondition_failed');
      expect(await getContact(ctx, ada.id)).toMatchObject({ title: null });
    });

    // Renaming, trashing or merging a tag re-indexes every contact carrying it: each one is locked before it is read,
    // as tagging does, or an edit of it saved meanwhile lost its words from search.
    async function speakers() {
      const { ctx } = await h.account();
      const ada = await createContact(
        ctx,
        { displayName: 'Ada Lovelace', tags: ['speakers', 'navy'] },
        'web',
      );
      const tagId = async (name: string) => (await listTags(ctx)).find((t) => t.name === name)?.id as string;
      return { ctx, ada, tagId };
    }

    it('keeps an edit saved while a tag of the contact is renamed in search', async () => {
      const { ctx, ada, tagId } = await speakers();
      await whileHeld(
        h.handle().db,
        (trx) => updateContact(within(ctx, trx), ada.id, { title: 'Countess' }, 'web'),
        async () => renameTag(ctx, await tagId('speakers'), { name: 'Orators' }),
      );
      expect(await found(ctx, 'countess orators')).toEqual([ada.id]);
      expect(await found(ctx, 'speakers')).toEqual([]);
    });

    it('keeps a tag given while another tag of the contact goes to the trash in search', async () => {
      const { ctx, ada, tagId } = await speakers();
      await whileHeld(
        h.handle().db,
        (trx) => tagContacts(within(ctx, trx), { ids: [ada.id], add: ['Compilers'] }),
        async () => deleteTag(ctx, await tagId('navy')),
      );
      expect(await found(ctx, 'compilers speakers')).toEqual([ada.id]);
      expect(await found(ctx, 'navy')).toEqual([]);
    });

    it('keeps an edit saved while a tag of the contact is merged into another in search', async () => {
      const { ctx, ada, tagId } = await speakers();
      await whileHeld(
        h.handle().db,
        (trx) => updateContact(within(ctx, trx), ada.id, { notes: 'Enigma' }, 'web'),
        async () => mergeTags(ctx, await tagId('speakers'), { into: await tagId('navy') }),
      );
      expect(await found(ctx, 'enigma navy')).toEqual([ada.id]);
      expect((await getContact(ctx, ada.id)).tags).toEqual(['navy']);
    });
  },
  { engines: ['postgres'] },
);
