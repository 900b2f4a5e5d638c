import type { Transaction } from 'kysely';
import { expect, it } from 'vitest';
import { describeEngines } from '../../test/engines';
import { whileHeld } from '../../test/while-held';
import { createContact } from '../core/contacts/create-contact';
import { getContact } from '../core/contacts/get-contact';
import { updateContact } from '../core/contacts/update-contact';
import type { Ctx } from '../core/context';
import { type ContactEdit, editContact } from './edit-contact';

const addEmail = (value: string, addTags: string[] = []): ContactEdit => ({
  input: {},
  channels: { addEmail: [value] },
  kinds: ['email'],
  addTags,
  removeTags: [],
});
const emailsOf = async (ctx: Ctx, id: string) => (await getContact(ctx, id)).emails.map((e) => e.value);

describeEngines('rapport edit --add-email, read then written back', (h) => {
  it('adds to the list read, with the fields and tags in the same write', async () => {
    const { ctx } = await h.account();
    const ada = await createContact(
      ctx,
      { displayName: 'Ada', emails: [{ value: 'ada@work.example' }] },
      'cli',
    );
    const edited = await editContact(ctx, ada.id, {
      ...addEmail('ada@home.example', ['friends']),
      input: { title: 'Countess' },
    });
    expect(edited).toMatchObject({ title: 'Countess', tags: ['friends'] });
    expect(edited.emails.map((e) => e.value)).toEqual(['ada@work.example', 'ada@home.example']);
  });
});

describeEngines(
  'rapport edit --add-email while another edit of the contact is being saved',
  (h) => {
    it('starts again from the other edit instead of writing over it', async () => {
      const { ctx } = await h.account();
      const ada = await createContact(
        ctx,
        { displayName: 'Ada', emails: [{ value: 'ada@work.example' }] },
        'cli',
      );
      // The web app saves a new address list while the command has read the old one and waits for the contact.
      const web = (trx: Transaction<any>) =>
        updateContact(
          { ...ctx, db: trx } as Ctx,
          ada.id,
          { emails: [{ value: 'ada@work.example' }, { value: 'ada@web.example' }] },
          'web',
        );
      const edited = await whileHeld(h.handle().db, web, () =>
        editContact(ctx, ada.id, addEmail('ada@cli.example')),
      );
      expect(edited.emails.map((e) => e.value)).toEqual([
        'ada@work.example',
        'ada@web.example',
        'ada@cli.example',
      ]);
      expect(await emailsOf(ctx, ada.id)).toEqual(['ada@work.example', 'ada@web.example', 'ada@cli.example']);
    });
  },
  { engines: ['postgres'] },
);
