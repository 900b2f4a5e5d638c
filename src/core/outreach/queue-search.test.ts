import { expect, it } from 'vitest';
import { describeEngines, type Harness } from '../../../test/engines';
import { createContact } from '../contacts/create-contact';
import { listContacts } from '../contacts/list-contacts';
import { listOutreachQueue } from './list-outreach-queue';

// The harness clock: 2026-11-25T09:00Z; both connected within the queue's 30 days.
describeEngines('outreach queue: found by what finds the contact', (h: Harness) => {
  it('a phone number (any prefix, national or international) and a name written any way', async () => {
    const { ctx } = await h.account('Bram Okonkwo');
    await createContact(
      ctx,
      { displayName: "Siobhán O'Brien", connectedOn: '2026-11-20', phones: [{ value: '+44 20 7946 0958' }] },
      'web',
    );
    await createContact(
      ctx,
      { displayName: 'Ada Lovelace', connectedOn: '2026-11-10', phones: [{ value: '+1 212 555 0100' }] },
      'web',
    );
    const queue = async (q: string) =>
      (await listOutreachQueue(ctx, { q })).items.map((i) => i.contact.displayName);
    const contacts = async (q: string) => (await listContacts(ctx, { q })).items.map((c) => c.displayName);

    for (const q of ['020 7946', '+44 20 7946 0958', '0044 20 7946', '+44 (0)20 7946-0958', '4420']) {
      expect([q, await queue(q)]).toEqual([q, ["Siobhán O'Brien"]]);
      expect(await queue(q)).toEqual(await contacts(q));
    }
    expect(await queue('212 555')).toEqual(['Ada Lovelace']);
    // Joined, with a modifier-letter apostrophe (as phones type it), accents left out: as contact search folds them.
    for (const q of ['obrien', 'Oʼbrien', 'siobhan o’brien', 'SIOBHÁN']) {
      expect([q, await queue(q)]).toEqual([q, ["Siobhán O'Brien"]]);
      expect(await queue(q)).toEqual(await contacts(q));
    }
    // Words still search the name only; a query with no word in it finds no one, as in contact search.
    expect(await queue('Ada')).toEqual(['Ada Lovelace']);
    expect(await queue('!!')).toEqual([]);
    expect(await contacts('!!')).toEqual([]);
    expect((await listOutreachQueue(ctx, { q: '20' })).items).toEqual([]);
  });
});
