import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { DAY_MS } from '../clock';
import { createContact } from '../contacts/create-contact';
import { getContact } from '../contacts/get-contact';
import { listContacts } from '../contacts/list-contacts';
import { restoreContact } from '../contacts/restore-contact';
import { updateContact } from '../contacts/update-contact';
import type { Ctx } from '../context';
import { listMerges } from '../duplicates/list-merges';
import { mergeContacts } from '../duplicates/merge-contacts';
import { undoMerge } from '../duplicates/undo-merge';
import { listTrash } from '../trash/list-trash';
import { importFile } from './import-file';
import { getImport } from './list-imports';
import { undoImport } from './undo-import';

const enc = (s: string) => new TextEncoder().encode(s);

const CONNECTIONS = [
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,ada@engines.example,Analytical Engines,Mathematician,07 Feb 2024',
  'Grace,Hopper,https://www.linkedin.com/in/grace-hopper,grace@navy.example,US Navy,Rear Admiral,08 Feb 2024',
  'Alan,Turing,https://www.linkedin.com/in/alan-turing,alan@bletchley.example,Bletchley Park,Cryptanalyst,09 Feb 2024',
  'Edsger,Dijkstra,https://www.linkedin.com/in/edsger-dijkstra,,Eindhoven,Professor,10 Feb 2024',
].join('\n');

// The same three people as the connections above (same e-mails), with a phone each.
const PHONE_BOOK = [
  ['Ada Lovelace', 'ada@engines.example', '+44 20 7946 0001'],
  ['Grace Hopper', 'grace@navy.example', '+1 202 555 0100'],
  ['Alan Turing', 'alan@bletchley.example', '+44 20 7946 0018'],
]
  .map(
    ([fn, email, tel]) =>
      `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${fn}\r\nEMAIL:${email}\r\nTEL:${tel}\r\nEND:VCARD`,
  )
  .join('\r\n');

const importText = (ctx: Ctx, kind: 'linkedin' | 'vcard', fileName: string, text: string) =>
  importFile(ctx, { kind, fileName, source: enc(text), dryRun: false });

const names = async (ctx: Ctx) => (await listContacts(ctx, { limit: 200 })).items.map((c) => c.displayName);
const trashNames = async (ctx: Ctx) => (await listTrash(ctx)).contacts.map((c) => c.displayName).sort();
const idOf = async (ctx: Ctx, q: string) => (await listContacts(ctx, { q })).items[0]?.id as string;

describeEngines('undoing imports', (h) => {
  it('undoing every import that touched a contact, oldest first, leaves nothing of it to block a re-import', async () => {
    const { ctx } = await h.account();
    const linkedin = await importText(ctx, 'linkedin', 'Connections.csv', CONNECTIONS);
    expect(linkedin.stats).toMatchObject({ created: 4 });
    ctx.clock.advance(DAY_MS);
    const phones = await importText(ctx, 'vcard', 'phones.vcf', PHONE_BOOK);
    expect(phones.stats).toMatchObject({ created: 0, updated: 3 });
    ctx.clock.advance(DAY_MS);

    // Another import worked with three of them: to the trash, not away, while that import stands.
    expect(await undoImport(ctx, linkedin.id as string)).toEqual({ removed: 1, restored: 0, trashed: 3 });
    expect(await names(ctx)).toEqual([]);
    expect(await trashNames(ctx)).toEqual(['Ada Lovelace', 'Alan Turing', 'Grace Hopper']);
    ctx.clock.advance(DAY_MS);

    // Once that one is undone too, nothing of them is left.
    expect(await undoImport(ctx, phones.id as string)).toEqual({ removed: 3, restored: 0, trashed: 0 });
    expect(await trashNames(ctx)).toEqual([]);
    expect((await getImport(ctx, phones.id as string)).status).toBe('undone');

    const again = await importText(ctx, 'linkedin', 'Connections.csv', CONNECTIONS);
    expect(again.stats).toMatchObject({ created: 4, skipped: 0 });
    expect(again.issues).toEqual([]);
    expect(await names(ctx)).toEqual(['Ada Lovelace', 'Alan Turing', 'Edsger Dijkstra', 'Grace Hopper']);
    expect((await getContact(ctx, await idOf(ctx, 'grace'))).phones).toEqual([]);
  });

  it('undoing an older export after a newer one keeps what the newer one says too', async () => {
    const { ctx } = await h.account();
    const dmitri = await createContact(
      ctx,
      {
        displayName: 'Dmitri Ivanov',
        organisation: 'Volga Systems',
        urls: [{ value: 'https://www.linkedin.com/in/dmitri-ivanov' }],
      },
      'cli',
    );
    const header = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';
    const row = (title: string) =>
      `Dmitri,"Ivanov, PhD",https://www.linkedin.com/in/dmitri-ivanov,,Volga Systems,${title},15 Aug 2022`;
    const older = await importText(
      ctx,
      'linkedin',
      'Connections.csv',
      `${header}\n${row('Senior Engineer')}`,
    );
    ctx.clock.advance(DAY_MS);
    const newer = await importText(ctx, 'linkedin', 'Connections.csv', `${header}\n${row('Staff Engineer')}`);
    expect(newer.stats).toMatchObject({ updated: 1 });
    ctx.clock.advance(DAY_MS);

    await undoImport(ctx, older.id as string);
    expect(await getContact(ctx, dmitri.id)).toMatchObject({
      nameSuffix: 'PhD',
      title: 'Staff Engineer',
      connectedOn: '2022-08-15',
    });
    // What the older one alone brought goes; the newer one, undone too, leaves the contact as the owner made it.
    await undoImport(ctx, newer.id as string);
    expect(await getContact(ctx, dmitri.id)).toMatchObject({
      nameSuffix: null,
      title: null,
      connectedOn: null,
    });
  });

  it('a contact kept in the trash for two later imports goes once both are undone', async () => {
    const { ctx } = await h.account();
    const linkedin = await importText(ctx, 'linkedin', 'Connections.csv', CONNECTIONS);
    ctx.clock.advance(DAY_MS);
    const phones = await importText(ctx, 'vcard', 'phones.vcf', PHONE_BOOK);
    ctx.clock.advance(DAY_MS);
    const ada =
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nEMAIL:ada@engines.example\r\nTEL:+44 20 7946 0002\r\nEND:VCARD';
    const more = await importText(ctx, 'vcard', 'ada.vcf', ada);
    expect(more.stats).toMatchObject({ updated: 1 });
    ctx.clock.advance(DAY_MS);
    expect(await undoImport(ctx, linkedin.id as string)).toMatchObject({ trashed: 3 });
    ctx.clock.advance(DAY_MS);
    // Ada still holds what the last file brought: she stays in the trash until that one is undone too.
    expect(await undoImport(ctx, phones.id as string)).toEqual({ removed: 2, restored: 1, trashed: 0 });
    expect(await trashNames(ctx)).toEqual(['Ada Lovelace']);
    ctx.clock.advance(DAY_MS);
    expect(await undoImport(ctx, more.id as string)).toEqual({ removed: 1, restored: 0, trashed: 0 });
    expect(await trashNames(ctx)).toEqual([]);
  });

  it('keeps in the trash a contact I edited, or restored, whatever else was undone', async () => {
    const { ctx } = await h.account();
    const linkedin = await importText(ctx, 'linkedin', 'Connections.csv', CONNECTIONS);
    ctx.clock.advance(DAY_MS);
    // An edit before the other import (which then writes to the contact again), and one after it.
    await updateContact(ctx, await idOf(ctx, 'ada'), { notes: 'Wants an intro to Babbage' }, 'web');
    ctx.clock.advance(DAY_MS);
    const phones = await importText(ctx, 'vcard', 'phones.vcf', PHONE_BOOK);
    ctx.clock.advance(DAY_MS);
    await updateContact(ctx, await idOf(ctx, 'grace'), { location: 'Arlington' }, 'web');
    ctx.clock.advance(DAY_MS);
    expect(await undoImport(ctx, linkedin.id as string)).toMatchObject({ trashed: 3 });
    ctx.clock.advance(DAY_MS);
    const alan = (await listTrash(ctx)).contacts.find((c) => c.displayName === 'Alan Turing');
    await restoreContact(ctx, alan?.id as string);
    ctx.clock.advance(DAY_MS);

    expect(await undoImport(ctx, phones.id as string)).toEqual({ removed: 0, restored: 3, trashed: 0 });
    expect(await trashNames(ctx)).toEqual(['Ada Lovelace', 'Grace Hopper']);
    expect(await names(ctx)).toEqual(['Alan Turing']);
    const trashed = (await listTrash(ctx)).contacts;
    const ada = await restoreContact(
      ctx,
      trashed.find((c) => c.displayName === 'Ada Lovelace')?.id as string,
    );
    const grace = await restoreContact(
      ctx,
      trashed.find((c) => c.displayName === 'Grace Hopper')?.id as string,
    );
    expect([ada.notes, grace.location]).toEqual(['Wants an intro to Babbage', 'Arlington']);
    // The undone import's phones went with it.
    expect([ada.phones, grace.phones, (await getContact(ctx, alan?.id as string)).phones]).toEqual([
      [],
      [],
      [],
    ]);
  });

  it('undoing the later import first still works as before', async () => {
    const { ctx } = await h.account();
    const linkedin = await importText(ctx, 'linkedin', 'Connections.csv', CONNECTIONS);
    ctx.clock.advance(DAY_MS);
    const phones = await importText(ctx, 'vcard', 'phones.vcf', PHONE_BOOK);
    ctx.clock.advance(DAY_MS);
    expect(await undoImport(ctx, phones.id as string)).toEqual({ removed: 0, restored: 3, trashed: 0 });
    expect(await undoImport(ctx, linkedin.id as string)).toEqual({ removed: 4, restored: 0, trashed: 0 });
    expect(await trashNames(ctx)).toEqual([]);
  });

  it('refuses to undo an import whose contact was merged into another, until that merge is undone', async () => {
    const { ctx } = await h.account();
    const martha = await createContact(ctx, { givenName: 'Martha', familyName: 'Jones' }, 'web');
    const original = await getContact(ctx, martha.id);
    ctx.clock.advance(DAY_MS);
    const linkedin = await importText(
      ctx,
      'linkedin',
      'Connections.csv',
      [
        'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
        'Xavier,Quinn,https://www.linkedin.com/in/xavier-quinn,xavier@kettle.example,Kettle Co,Founder,12 Mar 2025',
      ].join('\n'),
    );
    const xavier = await idOf(ctx, 'xavier');
    ctx.clock.advance(DAY_MS);
    const merged = await mergeContacts(ctx, martha.id, xavier);
    expect(merged.contact.emails.map((e) => e.value)).toEqual(['xavier@kettle.example']);
    ctx.clock.advance(DAY_MS);

    await expect(undoImport(ctx, linkedin.id as string)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/Xavier Quinn has since been merged into Martha Jones; undo that merge/),
    });
    // Nothing changed: the merge is still there and can still be undone.
    expect((await getImport(ctx, linkedin.id as string)).status).toBe('committed');
    expect((await getContact(ctx, martha.id)).organisation?.name).toBe('Kettle Co');
    expect((await listMerges(ctx)).map((m) => [m.id, m.undoneAt])).toEqual([[merged.mergeId, null]]);
    await undoMerge(ctx, merged.mergeId);
    expect(await undoImport(ctx, linkedin.id as string)).toEqual({ removed: 1, restored: 0, trashed: 0 });
    expect(await getContact(ctx, martha.id)).toEqual(original);
    expect(await names(ctx)).toEqual(['Martha Jones']);
  });

  it('refuses to undo an import that changed a contact merged into another since', async () => {
    const { ctx } = await h.account();
    const alice = await createContact(
      ctx,
      { givenName: 'Alice', familyName: 'Example', emails: [{ value: 'alice@example.com' }] },
      'web',
    );
    const m = await createContact(ctx, { givenName: 'M', familyName: 'Keeper' }, 'web');
    const [aliceBefore, mBefore] = [await getContact(ctx, alice.id), await getContact(ctx, m.id)];
    ctx.clock.advance(DAY_MS);
    const card = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Alice Example',
      'EMAIL:alice@example.com',
      'TEL:+44 20 7946 0099',
      'CATEGORIES:climbing',
      'NOTE:Met at the crag',
      'END:VCARD',
    ].join('\r\n');
    const phones = await importText(ctx, 'vcard', 'alice.vcf', card);
    expect(phones.stats).toMatchObject({ updated: 1 });
    expect(await getContact(ctx, alice.id)).toMatchObject({ tags: ['climbing'], notes: 'Met at the crag' });
    ctx.clock.advance(DAY_MS);
    const merged = await mergeContacts(ctx, m.id, alice.id);
    ctx.clock.advance(DAY_MS);

    await expect(undoImport(ctx, phones.id as string)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/Alice Example has since been merged into M Keeper; undo that merge/),
    });
    expect((await getContact(ctx, m.id)).phones.map((p) => p.e164)).toEqual(['+442079460099']);
    const split = await undoMerge(ctx, merged.mergeId);
    expect(split.restored.id).toBe(alice.id);
    expect(await undoImport(ctx, phones.id as string)).toEqual({ removed: 0, restored: 1, trashed: 0 });
    const [aliceAfter, mAfter] = [await getContact(ctx, alice.id), await getContact(ctx, m.id)];
    expect(aliceAfter).toMatchObject({ phones: [], tags: [], notes: null });
    expect(aliceAfter).toEqual(aliceBefore);
    expect(mAfter).toEqual(mBefore);
  });
});
