import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { DAY_MS } from '../clock';
import { createContact } from '../contacts/create-contact';
import { deleteContact } from '../contacts/delete-contact';
import { getContact } from '../contacts/get-contact';
import { listContacts } from '../contacts/list-contacts';
import { restoreContact } from '../contacts/restore-contact';
import { updateContact } from '../contacts/update-contact';
import type { AppError } from '../errors';
import { listFavours } from '../favours/list-favours';
import { recordFavour } from '../favours/record-favour';
import { importVcard } from '../imports/import-vcard';
import { createPromise } from '../promises/create-promise';
import { listPromises } from '../promises/list-promises';
import { createPurpose } from '../purposes/create-purpose';
import { getPurposeBoard } from '../purposes/get-purpose-board';
import { listContactPurposes } from '../purposes/list-contact-purposes';
import { placeContacts } from '../purposes/place-contacts';
import { getRelationship } from '../relationships/get-relationship';
import { updateRelationship } from '../relationships/update-relationship';
import { listTrash } from '../trash/list-trash';
import { purgeTrash } from '../trash/purge-trash';
import { dismissDuplicate } from './dismiss-duplicate';
import { findDuplicates } from './find-duplicates';
import { listMerges } from './list-merges';
import { mergeContacts } from './merge-contacts';
import { undoMerge } from './undo-merge';

describeEngines('duplicates and merge', (h) => {
  it('suggests pairs that share an email or look alike, strongest first, and forgets dismissed pairs', async () => {
    const { ctx } = await h.account();
    const a = await createContact(
      ctx,
      { displayName: 'Chen Wei', emails: [{ value: 'chen@acme.example' }] },
      'web',
    );
    const b = await createContact(
      ctx,
      { displayName: 'Wei Chen', emails: [{ value: 'CHEN@acme.example' }] },
      'vcard',
    );
    const c = await createContact(ctx, { displayName: 'Zoë Müller', organisation: 'Acme' }, 'web');
    const d = await createContact(ctx, { displayName: 'Zoe Muller' }, 'csv');
    await createContact(ctx, { displayName: 'Someone Else', emails: [{ value: 'else@example.com' }] }, 'web');
    const pairs = (await findDuplicates(ctx)).items;
    expect(pairs.map((p) => [p.strength, [p.a.id, p.b.id].sort(), p.reasons])).toEqual([
      ['strong', [a.id, b.id].sort(), ['same email: chen@acme.example']],
      ['possible', [c.id, d.id].sort(), ['similar name']],
    ]);
    await dismissDuplicate(ctx, d.id, c.id);
    expect((await findDuplicates(ctx)).items.map((p) => p.strength)).toEqual(['strong']);
  });

  it('does not suggest two people with the same name and different LinkedIn profiles', async () => {
    const { ctx } = await h.account();
    const li = (slug: string) => [{ value: `linkedin.com/in/${slug}` }];
    const one = await createContact(ctx, { displayName: 'Wei Chen', urls: li('wei-chen-1') }, 'linkedin');
    await createContact(ctx, { displayName: 'Wei Chen', urls: li('wei-chen-2') }, 'linkedin');
    expect((await findDuplicates(ctx)).items).toEqual([]);
    // The same profile, or a profile on one side only, is still worth a look.
    const same = await createContact(ctx, { displayName: 'Ana Lima', urls: li('ana-lima') }, 'linkedin');
    const again = await createContact(
      ctx,
      { displayName: 'Ana Lima', urls: [{ value: 'https://www.linkedin.com/in/Ana-Lima/' }] },
      'vcard',
    );
    const bare = await createContact(ctx, { displayName: 'Wei Chen' }, 'vcard');
    const pairs = (await findDuplicates(ctx)).items;
    expect(pairs.map((p) => [p.strength, [p.a.id, p.b.id].sort()])).toEqual(
      expect.arrayContaining([
        ['strong', [same.id, again.id].sort()],
        ['possible', [one.id, bare.id].sort()],
      ]),
    );
    expect(pairs.filter((p) => p.strength === 'possible')).toHaveLength(2);
  });

  it('merges without losing a fact, and undo puts both contacts back exactly', async () => {
    const { ctx } = await h.account();
    const keep = await createContact(
      ctx,
      {
        givenName: 'Grace',
        familyName: 'Hopper',
        title: 'Rear Admiral',
        emails: [{ value: 'grace@navy.example' }],
        tags: ['navy'],
        notes: 'Met at Harvard',
        connectedOn: '2020-01-01',
      },
      'web',
    );
    ctx.clock.advance(1000);
    const dup = await createContact(
      ctx,
      {
        displayName: 'Amazing Grace',
        title: 'Computer scientist',
        location: 'Arlington',
        emails: [{ value: 'grace@navy.example' }, { value: 'grace@cobol.example', label: 'home' }],
        phones: [{ value: '+1 202 555 0100' }],
        tags: ['cobol'],
        notes: 'Invented the compiler',
        customFields: { nickname: 'Amazing Grace' },
        connectedOn: '2019-05-05',
      },
      'vcard',
    );
    const before = { keep: await getContact(ctx, keep.id), dup: await getContact(ctx, dup.id) };
    ctx.clock.advance(1000);
    const { mergeId, contact } = await mergeContacts(ctx, keep.id, dup.id);
    expect(contact).toMatchObject({
      displayName: 'Grace Hopper',
      title: 'Rear Admiral',
      location: 'Arlington',
      notes: 'Met at Harvard\n\nInvented the compiler',
      connectedOn: '2019-05-05',
      customFields: { nickname: 'Amazing Grace' },
      tags: ['cobol', 'navy'],
    });
    expect(contact.emails.map((e) => [e.value, e.source])).toEqual([
      ['grace@navy.example', 'web'],
      ['grace@cobol.example', 'vcard'],
    ]);
    expect(contact.phones.map((p) => p.e164)).toEqual(['+12025550100']);
    expect(contact.history.map((x) => [x.field, x.oldValue, x.source]).sort()).toEqual([
      ['displayName', 'Amazing Grace', 'merge'],
      ['title', 'Computer scientist', 'merge'],
    ]);
    expect((await listContacts(ctx, {})).items.map((c) => c.id)).toEqual([keep.id]);
    expect((await listContacts(ctx, { q: 'cobol' })).items.map((c) => c.id)).toEqual([keep.id]);
    expect((await listTrash(ctx)).contacts).toEqual([]);
    // The merged-away contact is gone, but says where it lives now (a bookmark leads there).
    await expect(getContact(ctx, dup.id)).rejects.toMatchObject({
      code: 'not_found',
      details: { mergedInto: keep.id },
    });

    // Merged-away contacts outlive the trash window, so a merge can always be undone.
    ctx.clock.advance(40 * DAY_MS);
    await purgeTrash(ctx);
    const undone = await undoMerge(ctx, mergeId);
    expect(undone.kept).toEqual(before.keep);
    expect(undone.restored).toEqual(before.dup);
    expect((await listContacts(ctx, {})).items).toHaveLength(2);
    await expect(undoMerge(ctx, mergeId)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('keeps the merged channel’s label on the same value and names history fields as the API does', async () => {
    const { ctx } = await h.account();
    const keep = await createContact(
      ctx,
      {
        givenName: 'Jürgen',
        familyName: 'Müller',
        emails: [{ value: 'juergen@beispiel.example' }],
        phones: [{ value: '+49 30 1234567', label: 'home' }],
      },
      'web',
    );
    ctx.clock.advance(1000);
    const dup = await createContact(
      ctx,
      {
        givenName: 'Juergen',
        familyName: 'Mueller',
        emails: [{ value: 'Juergen@Beispiel.example', label: 'work' }],
        phones: [{ value: '+49 30 1234567', label: 'mobile' }],
      },
      'vcard',
    );
    const before = { keep: await getContact(ctx, keep.id), dup: await getContact(ctx, dup.id) };
    ctx.clock.advance(1000);
    const { mergeId, contact } = await mergeContacts(ctx, keep.id, dup.id);
    // A label fills the kept channel's blank one; a label it already has stays. Value and source stay the kept one's.
    expect(contact.emails).toEqual([{ value: 'juergen@beispiel.example', label: 'work', source: 'web' }]);
    expect(contact.phones.map((p) => [p.e164, p.label])).toEqual([['+49301234567', 'home']]);
    expect(contact.history.map((x) => [x.field, x.oldValue]).sort()).toEqual([
      ['displayName', 'Juergen Mueller'],
      ['familyName', 'Mueller'],
      ['givenName', 'Juergen'],
    ]);

    ctx.clock.advance(1000);
    const undone = await undoMerge(ctx, mergeId);
    expect(undone.kept).toEqual(before.keep);
    expect(undone.restored).toEqual(before.dup);
  });

  it('undo after an edit takes back the labels a merge gave', async () => {
    const { ctx } = await h.account();
    const email = (value: string, label?: string) => ({ value, label });
    const keep = await createContact(
      ctx,
      { displayName: 'Jürgen Müller', emails: [email('juergen@beispiel.example'), email('jm@home.example')] },
      'web',
    );
    const dup = await createContact(
      ctx,
      {
        displayName: 'Juergen Mueller',
        emails: [email('Juergen@Beispiel.example', 'work'), email('JM@home.example', 'home')],
      },
      'vcard',
    );
    const before = await getContact(ctx, dup.id);
    ctx.clock.advance(1000);
    const { mergeId, contact } = await mergeContacts(ctx, keep.id, dup.id);
    expect(contact.emails.map((e) => e.label)).toEqual(['work', 'home']);
    ctx.clock.advance(1000);
    await updateContact(ctx, keep.id, { notes: 'Prefers email' }, 'web');
    ctx.clock.advance(1000);
    const { kept, restored } = await undoMerge(ctx, mergeId);
    expect(kept.notes).toBe('Prefers email');
    expect(kept.emails.map((e) => [e.value, e.label])).toEqual([
      ['juergen@beispiel.example', null],
      ['jm@home.example', null],
    ]);
    expect(restored).toEqual(before);
  });

  it('undo keeps what changed since the merge and takes away only what the merge brought', async () => {
    const { ctx } = await h.account();
    const keep = await createContact(
      ctx,
      {
        givenName: 'Grace',
        familyName: 'Hopper',
        title: 'Rear Admiral',
        emails: [{ value: 'grace@navy.example' }],
        tags: ['navy'],
        notes: 'Met at Harvard',
      },
      'web',
    );
    const dup = await createContact(
      ctx,
      {
        displayName: 'Amazing Grace',
        title: 'Computer scientist',
        location: 'Arlington',
        emails: [{ value: 'grace@cobol.example' }],
        phones: [{ value: '+1 202 555 0100' }],
        tags: ['cobol'],
        notes: 'Invented the compiler',
        customFields: { nickname: 'Amazing Grace', team: 'Mark I' },
      },
      'vcard',
    );
    await updateRelationship(ctx, dup.id, { closeness: 4, cadenceDays: 30 });
    const before = await getContact(ctx, dup.id);
    ctx.clock.advance(1000);
    const { mergeId, contact } = await mergeContacts(ctx, keep.id, dup.id);
    expect(contact.location).toBe('Arlington');
    expect((await getRelationship(ctx, keep.id)).closeness).toBe(4);

    // Edited after the merge: a new title, one more phone and tag, a line in the notes, a field changed, a rating.
    ctx.clock.advance(1000);
    await updateContact(
      ctx,
      keep.id,
      {
        title: 'Commodore',
        phones: [...contact.phones.map((p) => ({ value: p.value })), { value: '+1 202 555 0199' }],
        tags: [...contact.tags, 'mentor'],
        notes: `${contact.notes}\n\nCalled in May`,
        customFields: { ...contact.customFields, team: 'Mark II' },
      },
      'web',
    );
    await updateRelationship(ctx, keep.id, { cadenceDays: 14 });
    ctx.clock.advance(1000);
    const { kept, restored } = await undoMerge(ctx, mergeId);
    expect(kept).toMatchObject({
      displayName: 'Grace Hopper',
      title: 'Commodore',
      location: null,
      notes: 'Met at Harvard\n\nCalled in May',
      customFields: { team: 'Mark II' },
      tags: ['mentor', 'navy'],
    });
    expect(kept.emails.map((e) => e.value)).toEqual(['grace@navy.example']);
    expect(kept.phones.map((p) => p.e164)).toEqual(['+12025550199']);
    expect(kept.history.filter((x) => x.source === 'merge')).toEqual([]);
    expect(kept.updatedAt).toBe(ctx.clock.now().toISOString());
    // Closeness is back to the kept contact's own; the cadence chosen since stays.
    expect(await getRelationship(ctx, keep.id)).toMatchObject({ closeness: 0, cadence: { days: 14 } });
    expect(restored).toEqual(before);
    expect((await getRelationship(ctx, dup.id)).closeness).toBe(4);
  });

  it('undo after an edit gives the merged contact back its own past positions and sources', async () => {
    const { ctx } = await h.account();
    const keep = await createContact(ctx, { givenName: 'Ada', familyName: 'Lovelace' }, 'web');
    // Imported, so the merged contact has a source record; a new title then gives it a past position.
    await importVcard(ctx, {
      source: new TextEncoder().encode(
        'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:ada-king\r\nFN:Ada King\r\nN:King;Ada;;;\r\nORG:Analytical Society\r\nTITLE:Analyst\r\nEND:VCARD\r\n',
      ),
      fileName: 'ada.vcf',
      dryRun: false,
    });
    const dup = (await listContacts(ctx, { q: 'Ada King' })).items[0] as { id: string };
    ctx.clock.advance(1000);
    await updateContact(ctx, dup.id, { title: 'Countess' }, 'web');
    const before = await getContact(ctx, dup.id);
    expect(before.pastPositions).toHaveLength(1);
    ctx.clock.advance(1000);
    const { mergeId } = await mergeContacts(ctx, keep.id, dup.id);
    ctx.clock.advance(1000);
    await updateContact(ctx, keep.id, { notes: 'Poet of science' }, 'web');
    ctx.clock.advance(1000);
    const { kept, restored } = await undoMerge(ctx, mergeId);
    expect(kept.notes).toBe('Poet of science');
    expect(kept.pastPositions).toEqual([]);
    expect(restored).toEqual(before);
  });

  it('undoes an earlier merge only once the kept contact is back in the rolodex', async () => {
    const { ctx } = await h.account();
    const a = await createContact(ctx, { displayName: 'Ada L', emails: [{ value: 'ada@l.example' }] }, 'web');
    const b = await createContact(ctx, { displayName: 'Ada Lovelace' }, 'web');
    const c = await createContact(ctx, { displayName: 'Augusta Ada King' }, 'web');
    const first = await mergeContacts(ctx, b.id, a.id);
    const second = await mergeContacts(ctx, c.id, b.id);
    // The list of merges says up front which undo would be refused, and why.
    const keptNow = async () => (await listMerges(ctx)).find((m) => m.id === first.mergeId)?.keptNow;
    expect(await keptNow()).toBe('merged');
    // Splitting A out of B now would bring B back beside C, which holds it.
    await expect(undoMerge(ctx, first.mergeId)).rejects.toMatchObject({
      code: 'conflict',
      message: 'Ada Lovelace has since been merged into another contact; undo that merge first',
    });
    await undoMerge(ctx, second.mergeId);
    await deleteContact(ctx, b.id);
    expect(await keptNow()).toBe('trashed');
    await expect(undoMerge(ctx, first.mergeId)).rejects.toMatchObject({
      code: 'conflict',
      message: 'Ada Lovelace is in the trash; restore it first',
    });
    await restoreContact(ctx, b.id);
    expect(await keptNow()).toBe('live');
    await undoMerge(ctx, first.mergeId);
    expect((await getContact(ctx, a.id)).emails.map((e) => e.value)).toEqual(['ada@l.example']);
    expect((await getContact(ctx, b.id)).emails).toEqual([]);
    expect((await listContacts(ctx, {})).items).toHaveLength(3);
  });

  it('leads a merged-away contact to where it lives now, through merges of merges, and nowhere from the trash', async () => {
    const { ctx } = await h.account();
    const a = await createContact(ctx, { displayName: 'Ada L' }, 'web');
    const b = await createContact(ctx, { displayName: 'Ada Lovelace' }, 'web');
    const c = await createContact(ctx, { displayName: 'Augusta Ada King' }, 'web');
    await mergeContacts(ctx, b.id, a.id);
    const second = await mergeContacts(ctx, c.id, b.id);
    for (const id of [a.id, b.id]) {
      await expect(getContact(ctx, id)).rejects.toMatchObject({
        code: 'not_found',
        details: { mergedInto: c.id },
      });
    }
    // Undone, B is itself again and A leads to it.
    await undoMerge(ctx, second.mergeId);
    expect((await getContact(ctx, b.id)).displayName).toBe('Ada Lovelace');
    await expect(getContact(ctx, a.id)).rejects.toMatchObject({ details: { mergedInto: b.id } });
    // A chain ending in the trash leads nowhere: a plain not found.
    await deleteContact(ctx, b.id);
    for (const id of [a.id, b.id]) {
      const e = await getContact(ctx, id).catch((x: unknown) => x);
      expect(e).toMatchObject({ code: 'not_found', message: 'contact not found' });
      expect((e as AppError).details).toEqual({});
    }
  });

  it('never merges, dismisses or undoes across accounts', async () => {
    const a = await h.account();
    const b = await h.account();
    const mine = await createContact(
      a.ctx,
      { displayName: 'Mine', emails: [{ value: 'x@example.com' }] },
      'web',
    );
    const theirs = await createContact(
      b.ctx,
      { displayName: 'Theirs', emails: [{ value: 'x@example.com' }] },
      'web',
    );
    await expect(mergeContacts(a.ctx, mine.id, theirs.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(mergeContacts(a.ctx, theirs.id, mine.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(dismissDuplicate(a.ctx, mine.id, theirs.id)).rejects.toMatchObject({ code: 'not_found' });
    expect((await findDuplicates(a.ctx)).items).toEqual([]);
    const other = await createContact(
      b.ctx,
      { displayName: 'Theirs too', emails: [{ value: 'x@example.com' }] },
      'web',
    );
    const { mergeId } = await mergeContacts(b.ctx, theirs.id, other.id);
    await expect(undoMerge(a.ctx, mergeId)).rejects.toMatchObject({ code: 'not_found' });
    expect((await getContact(b.ctx, theirs.id)).displayName).toBe('Theirs');
    // Another account's merged-away contact looks like any unknown id: nothing says where it went.
    const e = await getContact(a.ctx, other.id).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'not_found', message: 'contact not found' });
    expect((e as AppError).details).toEqual({});
    await expect(getContact(b.ctx, other.id)).rejects.toMatchObject({ details: { mergedInto: theirs.id } });
  });
});

describeEngines('merge carries the relationship with it', (h) => {
  it('moves favours, promises and purpose places to the kept contact, and undo moves them back', async () => {
    const { ctx } = await h.account();
    const keep = await createContact(ctx, { displayName: 'Grace Hopper' }, 'web');
    const dup = await createContact(ctx, { displayName: 'G. Hopper' }, 'vcard');
    const both = await createPurpose(ctx, { name: 'Guest speakers' });
    const only = await createPurpose(ctx, { name: 'Advisers' });
    await placeContacts(ctx, both.id, { contactIds: [keep.id, dup.id] });
    await placeContacts(ctx, only.id, { contactIds: [dup.id] });
    await recordFavour(ctx, {
      contactId: dup.id,
      direction: 'received',
      what: 'An intro to the Navy',
      size: 2,
    });
    await createPromise(ctx, {
      contactId: dup.id,
      direction: 'mine',
      what: 'Send the slides',
      dueOn: '2026-12-01',
    });

    const { mergeId } = await mergeContacts(ctx, keep.id, dup.id);
    expect((await listFavours(ctx, { contact: keep.id })).items.map((f) => f.what)).toEqual([
      'An intro to the Navy',
    ]);
    expect((await listPromises(ctx, { contact: keep.id })).items.map((p) => p.what)).toEqual([
      'Send the slides',
    ]);
    // Already on "Guest speakers" itself: the kept contact keeps its own place there and gains "Advisers".
    expect((await listContactPurposes(ctx, keep.id)).items.map((p) => p.purposeName).sort()).toEqual([
      'Advisers',
      'Guest speakers',
    ]);
    expect((await getPurposeBoard(ctx, both.id)).columns.flatMap((c) => c.items)).toHaveLength(1);

    await undoMerge(ctx, mergeId);
    expect((await listFavours(ctx, { contact: keep.id })).items).toEqual([]);
    expect((await listFavours(ctx, { contact: dup.id })).items.map((f) => f.what)).toEqual([
      'An intro to the Navy',
    ]);
    expect((await listPromises(ctx, { contact: dup.id })).items.map((p) => p.what)).toEqual([
      'Send the slides',
    ]);
    expect((await listContactPurposes(ctx, keep.id)).items.map((p) => p.purposeName)).toEqual([
      'Guest speakers',
    ]);
    expect((await listContactPurposes(ctx, dup.id)).items.map((p) => p.purposeName).sort()).toEqual([
      'Advisers',
      'Guest speakers',
    ]);
  });
});
