import { expect, it, vi } from 'vitest';
import { describeEngines } from '../../test/engines';
import { createContact } from '../core/contacts/create-contact';
import { getContact } from '../core/contacts/get-contact';
import { editContact } from './edit-contact';

// Another edit landing between every read and write cannot be timed from outside: the write is made to meet one.
const refusals = vi.hoisted(() => ({ left: 0, calls: 0 }));
vi.mock('../core/contacts/update-contact', async (actual) => {
  const real = await actual<typeof import('../core/contacts/update-contact')>();
  return {
    ...real,
    updateContact: async (...args: Parameters<typeof real.updateContact>) => {
      refusals.calls += 1;
      if (refusals.left > 0) {
        refusals.left -= 1;
        throw real.changedMeanwhile('"elsewhere"');
      }
      return real.updateContact(...args);
    },
  };
});

const addEmail = (value: string) => ({
  input: {},
  channels: { addEmail: [value] },
  kinds: ['email' as const],
  addTags: ['seen'],
  removeTags: [],
});

describeEngines(
  'rapport edit --add-email when the contact changed since it was read',
  (h) => {
    it('starts again once, then says the contact keeps changing and changes nothing', async () => {
      const { ctx } = await h.account();
      const ada = await createContact(
        ctx,
        { displayName: 'Ada', emails: [{ value: 'ada@work.example' }] },
        'cli',
      );
      Object.assign(refusals, { left: 1, calls: 0 });
      const once = await editContact(ctx, ada.id, addEmail('ada@home.example'));
      expect(refusals.calls).toBe(2);
      expect(once.emails.map((e) => e.value)).toEqual(['ada@work.example', 'ada@home.example']);

      Object.assign(refusals, { left: 2, calls: 0 });
      const twice = await editContact(ctx, ada.id, addEmail('ada@cli.example')).then(
        () => null,
        (e: unknown) => e,
      );
      expect(refusals.calls).toBe(2);
      expect(twice).toMatchObject({
        code: 'precondition_failed',
        message: expect.stringMatching(/changed elsewhere twice.*nothing was changed; run the command again/),
      });
      // Rolled back whole: neither the address nor the tag of the refused edit is there.
      expect(await getContact(ctx, ada.id)).toEqual(once);
    });
  },
  { engines: ['sqlite'] },
);
