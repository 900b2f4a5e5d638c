import type { Transaction } from 'kysely';
import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { whileHeld } from '../../../test/while-held';
import type { Contact } from '../../contracts/contacts';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { contactEtag } from './contact-etag';
import { createContact } from './create-contact';
import { getContact } from './get-contact';
import { updateContact } from './update-contact';

const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof AppError)) throw new Error(`expected an AppError, got ${String(e)}`);
  return { code: e.code, message: e.message };
};

describeEngines('updating a contact against the version read (If-Match)', (h) => {
  it('changes the contact while it is the version read, refuses once it changed, and keeps the other edit', async () => {
    const { ctx } = await h.account();
    const ada = await createContact(ctx, { displayName: 'Ada Lovelace', title: 'Analyst' }, 'api');
    const seen = contactEtag(await getContact(ctx, ada.id));
    expect(seen).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    // Someone else's edit lands first: the ETag read no longer matches.
    const theirs = await updateContact(ctx, ada.id, { notes: 'met at the RI' }, 'web');
    expect(contactEtag(theirs)).not.toBe(seen);
    expect(
      await refusal(updateContact(ctx, ada.id, { title: 'Mathematician' }, 'api', { ifMatch: seen })),
    ).toEqual({
      code: 'precondition_failed',
      message: expect.stringMatching(/changed by someone else since it was read.*read it again/),
    });
    expect(await getContact(ctx, ada.id)).toEqual(theirs);
    // Against the current ETag (alone, in a list, or `*`) it goes through; without one, as before.
    const now = contactEtag(theirs);
    const mine = await updateContact(ctx, ada.id, { title: 'Mathematician' }, 'api', { ifMatch: now });
    expect(mine).toMatchObject({ title: 'Mathematician', notes: 'met at the RI' });
    const listed = await updateContact(ctx, ada.id, { location: 'London' }, 'api', {
      ifMatch: `${seen}, ${contactEtag(mine)}`,
    });
    expect(listed.location).toBe('London');
    expect((await updateContact(ctx, ada.id, { location: 'Paris' }, 'api', { ifMatch: '*' })).location).toBe(
      'Paris',
    );
    expect((await updateContact(ctx, ada.id, { location: 'Rome' }, 'api')).location).toBe('Rome');
    // A weak form of the current ETag does not count: If-Match compares strongly.
    const current = contactEtag(await getContact(ctx, ada.id));
    expect(
      (await refusal(updateContact(ctx, ada.id, { location: 'Oslo' }, 'api', { ifMatch: `W/${current}` })))
        .code,
    ).toBe('precondition_failed');
  });

  it('takes back what a GET answered, read-only fields and all, and changes nothing', async () => {
    const { ctx } = await h.account();
    const made = await createContact(
      ctx,
      {
        givenName: 'Grace',
        familyName: 'Hopper',
        organisation: 'Navy',
        title: 'Officer',
        emails: [{ value: 'grace@navy.example', label: 'work' }, { value: 'grace@home.example' }],
        phones: [{ value: '+1 212 555 0100', label: 'cell' }],
        urls: [{ value: 'https://www.linkedin.com/in/grace-hopper' }, { value: 'https://grace.example' }],
        tags: ['navy', 'computing'],
        customFields: { Ship: 'USS Hopper' },
        connectedOn: '2026-01-02',
        birthday: '1906-12-09',
        addresses: [{ label: 'home', locality: 'Arlington', country: 'USA' }],
        dates: [{ value: '--06-01', label: 'commissioned' }],
        howWeMet: 'COBOL meetup',
        notes: 'nanoseconds',
      },
      'api',
    );
    // A past position too (a new organisation), so every part of the view has something in it.
    await updateContact(ctx, made.id, { organisation: 'Harvard' }, 'api');
    const before = await getContact(ctx, made.id);
    expect(before.pastPositions).toHaveLength(1);
    const after = await updateContact(ctx, made.id, before, 'api', { ifMatch: contactEtag(before) });
    expect(after).toEqual(before);
    expect(await getContact(ctx, made.id)).toEqual(before);
    // The id, if sent, must be this contact's: the view of another contact is not written over this one.
    const other = await createContact(ctx, { displayName: 'Someone Else' }, 'api');
    expect(await refusal(updateContact(ctx, other.id, before, 'api'))).toEqual({
      code: 'validation',
      message: 'id: is not the id of the contact changed',
    });
  });
});

describeEngines(
  'updating a contact against the version read, while another edit is being saved',
  (h) => {
    it('refuses the write once the other edit commits, and keeps that edit', async () => {
      const { ctx } = await h.account();
      const ada = await createContact(ctx, { displayName: 'Ada Lovelace', title: 'Analyst' }, 'api');
      const seen = contactEtag(await getContact(ctx, ada.id));
      // The other edit holds the contact (its row lock) while this one starts: this one waits, then sees it.
      const other = (trx: Transaction<any>) =>
        updateContact({ ...ctx, db: trx } as Ctx, ada.id, { notes: 'theirs', title: 'Countess' }, 'web');
      const outcome = await refusal(
        whileHeld(h.handle().db, other, () =>
          updateContact(ctx, ada.id, { title: 'Mathematician' }, 'api', { ifMatch: seen }),
        ),
      );
      expect(outcome.code).toBe('precondition_failed');
      expect(await getContact(ctx, ada.id)).toMatchObject<Partial<Contact>>({
        notes: 'theirs',
        title: 'Countess',
      });
    });
  },
  { engines: ['postgres'] },
);
