import type { Transaction } from 'kysely';
import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { whileHeld } from '../../../test/while-held';
import { createContact } from '../contacts/create-contact';
import { getContact } from '../contacts/get-contact';
import { listContacts } from '../contacts/list-contacts';
import { updateContact } from '../contacts/update-contact';
import type { Database } from '../db/schema';
import { importVcard } from '../imports/import-vcard';
import { listTags } from './list-tags';
import { mergeTags } from './merge-tags';
import { lockTags } from './tag.queries';

// Two connections at once need PostgreSQL: on SQLite, writers queue whole, and the race below cannot happen.
describeEngines(
  'a contact edit adding a tag while that tag is being merged into another',
  (h) => {
    it('waits for the merge, then is saved with the tag by that name', async () => {
      const { ctx, id: ownerId } = await h.account();
      await createContact(ctx, { displayName: 'Alan Turing', tags: ['ml', 'machine learning'] }, 'web');
      const ada = await createContact(ctx, { displayName: 'Ada Lovelace' }, 'web');
      const byName = new Map((await listTags(ctx)).map((t) => [t.name, t.id]));
      const [gone, kept] = [byName.get('ml') as string, byName.get('machine learning') as string];
      // What mergeTags does, held open: lock both, move the links, delete the merged tag.
      const merge = async (trx: Transaction<Database>) => {
        await lockTags(trx, ownerId, [gone, kept]);
        await trx.deleteFrom('contact_tags').where('tag_id', '=', gone).execute();
        await trx.deleteFrom('tags').where('id', '=', gone).execute();
      };
      await whileHeld(h.handle().db, merge, () => updateContact(ctx, ada.id, { tags: ['ml'] }, 'web'));
      expect((await getContact(ctx, ada.id)).tags).toEqual(['ml']);
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
      expect((await getContact(ctx, ada?.id as string)).tags).toEqual(['ml']);
    });
  },
  { engines: ['postgres'] },
);
