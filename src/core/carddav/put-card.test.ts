import type { Transaction } from 'kysely';
import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { whileHeld } from '../../../test/while-held';
import { exportBackup } from '../backup/export-backup';
import { restoreBackup } from '../backup/restore-backup';
import { createContact } from '../contacts/create-contact';
import { deleteContact } from '../contacts/delete-contact';
import { getContact } from '../contacts/get-contact';
import { listContacts } from '../contacts/list-contacts';
import { updateContact } from '../contacts/update-contact';
import type { Database } from '../db/schema';
import { mergeContacts } from '../duplicates/merge-contacts';
import { importVcard } from '../imports/import-vcard';
import { listTrash } from '../trash/list-trash';
import { type Card, cardsOf } from './address-book';
import { deleteCard } from './delete-card';
import { listAddressBook } from './list-address-book';
import { putCard } from './put-card';
import { readCards } from './read-cards';
import { trackAddressBook } from './track-address-book';

const CARD = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'UID:ABC-123',
  'FN:Annie Easley',
  'N:Easley;Annie;;;',
  'EMAIL:annie@example.org',
  'item1.X-ABLABEL:Rocket',
  'item1.URL:https://rockets.example',
  'X-CLIENT-ONLY:keep me',
  'END:VCARD',
  '',
].join('\r\n');

describeEngines('cards written by an address book', (h) => {
  it('keep every phone number a phone holds past a person form, up to the limit; an import keeps as many', async () => {
    const { ctx } = await h.account();
    const card = (uid: string, n: number, area = '20') =>
      CARD.replace('UID:ABC-123', `UID:${uid}`).replace(
        'END:VCARD',
        `${Array.from({ length: n }, (_, i) => `TEL:+44 ${area} 7946 ${String(1000 + i)}\r\n`).join('')}END:VCARD`,
      );
    expect(await putCard(ctx, 'switchboard.vcf', card('board', 30), {})).toEqual({ status: 'created' });
    const served = (await readCards(ctx, ['switchboard.vcf'])).get('switchboard.vcf');
    const contact = await getContact(ctx, served?.contactId as string);
    expect(contact.phones.map((p) => p.value)).toEqual(
      Array.from({ length: 30 }, (_, i) => `+44 20 7946 ${String(1000 + i)}`),
    );
    // Past the limit the card is refused whole (it stays on the phone), never stored shortened.
    await expect(putCard(ctx, 'abuse.vcf', card('abuse', 101), {})).rejects.toThrow(
      /phones are 101; at most 100 fit: nothing was stored/,
    );
    // A vCard import of the same card keeps every number too.
    const report = await importVcard(ctx, {
      source: new TextEncoder().encode(
        card('file', 30, '161').replace('Annie Easley', 'Annie Imported').replace('annie@', 'annie.file@'),
      ),
      fileName: 'phone.vcf',
      dryRun: false,
    });
    expect(report.issues).toEqual([]);
    const imported = (await listContacts(ctx, {})).items.find((c) => c.displayName === 'Annie Imported')?.id;
    expect((await getContact(ctx, imported as string)).phones).toHaveLength(30);
  });

  it('keep their name, UID and unknown lines through a backup and restore', async () => {
    const { ctx } = await h.account();
    expect(await putCard(ctx, 'Annie Easley.vcf', CARD, { ifNoneMatch: '*' })).toEqual({ status: 'created' });
    const before = (await readCards(ctx, ['Annie Easley.vcf'])).get('Annie Easley.vcf');
    expect(before?.text).toContain('UID:ABC-123');
    expect(before?.text).toContain('X-CLIENT-ONLY:keep me');
    expect(before?.text).toContain('X-ABLABEL:Rocket');

    const copy = await h.account('Copy');
    await restoreBackup(copy.ctx, JSON.parse(JSON.stringify(await exportBackup(ctx))));
    const after = (await readCards(copy.ctx, ['Annie Easley.vcf'])).get('Annie Easley.vcf');
    expect(after?.text).toBe(before?.text);
    expect((await listAddressBook(copy.ctx)).cards.map((c) => c.name)).toEqual(['Annie Easley.vcf']);
    // The same card again under its name is an update of that contact, not a second one.
    expect(
      await putCard(copy.ctx, 'Annie Easley.vcf', CARD.replace('FN:Annie Easley', 'FN:Annie J. Easley'), {}),
    ).toEqual({ status: 'updated' });
    expect((await listContacts(copy.ctx, {})).items.map((c) => c.displayName)).toEqual(['Annie J. Easley']);
  });

  it('keep in the history what a card takes away, so a phone that drops a field loses nothing for good', async () => {
    const { ctx } = await h.account();
    const full = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Annie Easley',
      'N:Easley;Annie;;;',
      'TITLE:Mathematician',
      'EMAIL:annie@example.org',
      'TEL:+1 216 555 0100',
      'CATEGORIES:nasa,rockets',
      'NOTE:Met at Glenn',
      'ADR;TYPE=WORK:;;21000 Brookpark Rd;Cleveland;OH;44135;USA',
      'END:VCARD',
      '',
    ].join('\r\n');
    expect(await putCard(ctx, 'annie.vcf', full, {})).toEqual({ status: 'created' });
    const id = (await listContacts(ctx, {})).items[0]?.id as string;
    expect((await getContact(ctx, id)).history).toEqual([]);
    // The phone sends it back without the note, the work phone, one tag and the address, and a new title.
    const reduced = full
      .replace('TITLE:Mathematician', 'TITLE:Computer scientist')
      .replace('TEL:+1 216 555 0100\r\n', '')
      .replace('CATEGORIES:nasa,rockets', 'CATEGORIES:nasa')
      .replace('NOTE:Met at Glenn\r\n', '')
      .replace(/ADR;[^\r]*\r\n/, '');
    expect(await putCard(ctx, 'annie.vcf', reduced, {})).toEqual({ status: 'updated' });
    const after = await getContact(ctx, id);
    expect(after).toMatchObject({ title: 'Computer scientist', notes: null, tags: ['nasa'], phones: [] });
    expect(
      after.history.filter((x) => x.source === 'carddav').map((x) => [x.field, x.oldValue, x.newValue]),
    ).toEqual(
      expect.arrayContaining([
        ['title', 'Mathematician', 'Computer scientist'],
        ['notes', 'Met at Glenn', null],
        ['phones', '+1 216 555 0100', null],
        ['tags', 'rockets', null],
        ['addresses', expect.stringContaining('21000 Brookpark Rd'), null],
      ]),
    );
    expect(after.history.filter((x) => x.source === 'carddav')).toHaveLength(5);
    // The same card again takes nothing more away.
    await putCard(ctx, 'annie.vcf', reduced, {});
    expect((await getContact(ctx, id)).history.filter((x) => x.source === 'carddav')).toHaveLength(5);
  });

  it('take back their own card unchanged without a line of history, whatever the contact holds', async () => {
    const { ctx } = await h.account();
    const made = await createContact(
      ctx,
      {
        givenName: 'Katherine',
        familyName: 'Johnson',
        additionalNames: 'Coleman',
        namePrefix: 'Dr.',
        nickname: 'Kat',
        organisation: 'NASA',
        department: 'Flight Research',
        title: 'Mathematician',
        location: 'Hampton, VA',
        howWeMet: 'Langley open day',
        notes: 'Orbits\nand re-entry',
        birthday: '--08-26',
        emails: [{ value: 'kj@nasa.example', label: 'work' }],
        phones: [{ value: '+1 757 555 0100', label: 'mobile' }],
        urls: [
          { value: 'https://www.linkedin.com/in/katherine-johnson' },
          { value: 'https://nasa.example/kj' },
        ],
        tags: ['nasa', 'mentors'],
        customFields: { Team: 'Space Task Group' },
        addresses: [
          { label: 'work', street: '1 NASA Dr', locality: 'Hampton', region: 'VA', country: 'USA' },
        ],
        dates: [{ value: '1953-06-01', label: 'Joined' }],
      },
      'web',
    );
    const [card] = await cardsOf(ctx, ctx.actor?.accountId as string, [made.id]);
    expect(card).toBeDefined();
    expect(await putCard(ctx, card?.name as string, card?.text as string, {})).toEqual({ status: 'updated' });
    expect((await getContact(ctx, made.id)).history).toEqual([]);
  });

  it('keep a photo the phone was given but leaves out, and drop one the phone wrote and then took away', async () => {
    const { ctx } = await h.account();
    const jpeg = Buffer.from(Array.from({ length: 3000 }, (_, i) => i % 251)).toString('base64');
    const withPhoto = (body: string, data: string) =>
      body.replace('END:VCARD', `PHOTO;ENCODING=b;TYPE=JPEG:${data}\r\nEND:VCARD`);
    const imported = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Mary Jackson',
      'N:Jackson;Mary;;;',
      'EMAIL:mary@example.org',
      'END:VCARD',
      '',
    ].join('\r\n');
    await importVcard(ctx, {
      source: new TextEncoder().encode(withPhoto(imported, jpeg)),
      fileName: 'google.vcf',
      dryRun: false,
    });
    const id = (await listContacts(ctx, {})).items[0]?.id as string;
    const owner = ctx.actor?.accountId as string;
    const [served] = await cardsOf(ctx, owner, [id]);
    expect(served?.text).toContain('PHOTO;ENCODING=b;TYPE=JPEG:');
    // A phone that cannot keep the photo writes the card back without it, with an edit of its own: the edit is
    // taken, the photo stays (there is no other copy of it) and is served again.
    const dropped = (served?.text ?? '')
      .split('\r\n')
      .filter((l) => !l.startsWith('PHOTO') && !l.startsWith(' '))
      .join('\r\n')
      .replace('EMAIL', 'TITLE:Engineer\r\nEMAIL');
    expect(await putCard(ctx, served?.name as string, dropped, {})).toEqual({ status: 'updated' });
    expect((await getContact(ctx, id)).title).toBe('Engineer');
    expect((await getContact(ctx, id)).photo).not.toBeNull();
    expect((await cardsOf(ctx, owner, [id]))[0]?.text).toContain('PHOTO;ENCODING=b;TYPE=JPEG:');
    // Again without it: still kept.
    expect(await putCard(ctx, served?.name as string, dropped, {})).toEqual({ status: 'updated' });
    expect((await getContact(ctx, id)).photo).not.toBeNull();

    // A photo a phone wrote is the phone's own: a card without it then means it was removed there (RFC 6352: a
    // PUT replaces the card), as Radicale, Nextcloud and Baikal take it.
    const other = jpeg.replace(/A/g, 'B');
    expect(await putCard(ctx, served?.name as string, withPhoto(dropped, other), {})).toEqual({
      status: 'updated',
    });
    expect((await getContact(ctx, id)).photo).not.toBeNull();
    expect(await putCard(ctx, served?.name as string, dropped, {})).toEqual({ status: 'updated' });
    expect((await getContact(ctx, id)).photo).toBeNull();
    expect((await cardsOf(ctx, owner, [id]))[0]?.text).not.toContain('PHOTO');

    // A new card the phone made with a photo, then written without it: removed as well.
    const made = withPhoto(imported.replace('Mary', 'Dorothy').replace('mary@', 'dorothy@'), jpeg);
    expect(await putCard(ctx, 'dorothy.vcf', made, { ifNoneMatch: '*' })).toEqual({ status: 'created' });
    const dorothy = (await readCards(ctx, ['dorothy.vcf'])).get('dorothy.vcf');
    expect(dorothy?.text).toContain('PHOTO');
    expect(await putCard(ctx, 'dorothy.vcf', made.replace(/PHOTO[^\r]*\r\n/, ''), {})).toEqual({
      status: 'updated',
    });
    expect((await getContact(ctx, dorothy?.contactId as string)).photo).toBeNull();
  });

  it('keep what only Rapport holds when a client that drops unknown lines writes the card back', async () => {
    const { ctx } = await h.account();
    const owner = ctx.actor?.accountId as string;
    const made = await createContact(
      ctx,
      {
        displayName: 'Katherine Johnson',
        givenName: 'Katherine',
        familyName: 'Johnson',
        emails: [{ value: 'kj@example.org' }],
        howWeMet: 'Langley open day',
        location: 'Hampton, VA',
        customFields: { Team: 'Space Task Group', 'X-SHOE-SIZE': '38' },
        connectedOn: '2024-02-07',
      },
      'web',
    );
    const [served] = await cardsOf(ctx, owner, [made.id]);
    expect(served?.text).toContain('X-RAPPORT-EXTRA;X-KEY=How we met:Langley open day');
    // The phone shows none of the X- lines and leaves them all out; the owner changed the title there.
    const phone = (served?.text ?? '')
      .split('\r\n')
      .filter((l) => !l.startsWith('X-'))
      .join('\r\n')
      .replace('END:VCARD', 'TITLE:Mathematician\r\nEND:VCARD');
    expect(await putCard(ctx, served?.name as string, phone, {})).toEqual({ status: 'updated' });
    const after = await getContact(ctx, made.id);
    expect(after).toMatchObject({
      title: 'Mathematician',
      howWeMet: 'Langley open day',
      location: 'Hampton, VA',
      connectedOn: '2024-02-07',
    });
    // A property of its own name is one a client may show and remove: that one goes (into the history).
    expect(after.customFields).toEqual({ Team: 'Space Task Group' });
    expect(after.history.map((e) => e.field)).toEqual(['customFields.X-SHOE-SIZE']);
    const again = (await cardsOf(ctx, owner, [made.id]))[0]?.text;
    expect(again).toContain('X-RAPPORT-EXTRA;X-KEY=Team:Space Task Group');

    // A client that carries those lines (a desktop one) and sends back only some: the rest was removed there.
    const desktop = (again ?? '')
      .split('\r\n')
      .filter((l) => !l.includes('X-KEY=How we met') && !l.includes('X-KEY=Location'))
      .join('\r\n');
    expect(await putCard(ctx, served?.name as string, desktop, {})).toEqual({ status: 'updated' });
    expect(await getContact(ctx, made.id)).toMatchObject({
      howWeMet: null,
      location: null,
      customFields: { Team: 'Space Task Group' },
    });
  });

  it('serve a contact known by its display name with an N iOS can show, and take it back without a name', async () => {
    const { ctx } = await h.account();
    const made = await createContact(ctx, { displayName: 'Mary Golda Ross', tags: [] }, 'web');
    const [card] = await cardsOf(ctx, ctx.actor?.accountId as string, [made.id]);
    if (!card) throw new Error('no card');
    expect(card.text).toContain('\r\nN;X-RAPPORT-DERIVED=TRUE:Ross;Mary Golda;;;\r\n');
    // iOS rewrites each card it saves, dropping parameters it does not know.
    const fromPhone = card.text.replace('N;X-RAPPORT-DERIVED=TRUE:', 'N:');
    expect(await putCard(ctx, card.name, fromPhone, {})).toEqual({ status: 'updated' });
    const kept = await getContact(ctx, made.id);
    expect([kept.givenName, kept.familyName, kept.displayName]).toEqual([null, null, 'Mary Golda Ross']);
    expect(kept.history).toEqual([]);
    // A name typed on the phone is a name.
    const typed = fromPhone.replace('N:Ross;Mary Golda;;;', 'N:Ross;Mary;Golda;;');
    expect(await putCard(ctx, card.name, typed, {})).toEqual({ status: 'updated' });
    const named = await getContact(ctx, made.id);
    expect([named.givenName, named.additionalNames, named.familyName]).toEqual(['Mary', 'Golda', 'Ross']);
  });

  it('take a card with only a phone number, called by the number; refuse one with nothing to call it by', async () => {
    const { ctx } = await h.account();
    const numberOnly = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:\r\nTEL;TYPE=CELL:+44 7700 900123\r\nEND:VCARD\r\n';
    expect(await putCard(ctx, 'n.vcf', numberOnly, {})).toEqual({ status: 'created' });
    expect((await listContacts(ctx, {})).items.map((c) => c.displayName)).toEqual(['+44 7700 900123']);
    const nothing = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:\r\nNOTE:who?\r\nEND:VCARD\r\n';
    await expect(putCard(ctx, 'x.vcf', nothing, {})).rejects.toMatchObject({ code: 'validation' });
    expect((await listContacts(ctx, {})).items).toHaveLength(1);
  });

  it('keep every phone number and e-mail address a phone holds, as written (nothing the next sync would delete)', async () => {
    const { ctx } = await h.account();
    const v3 = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Fleur',
      'TEL;TYPE=WORK:1-800-FLOWERS',
      'TEL:*86',
      'TEL:+1 418 656 9254\\,\\,102',
      'TEL:+1 555 0100 p 12',
      'EMAIL;TYPE=INTERNET:josé@exämple.de',
      'EMAIL:用户@例子.广告',
      'EMAIL:admin@localhost',
      'EMAIL:"john doe"@example.org',
      'END:VCARD',
      '',
    ].join('\r\n');
    const v4 = [
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Desk',
      'TEL;VALUE=uri:tel:+1-418-656-9254;ext=102',
      'EMAIL;PREF=1:mailto:pref@example.org',
      'END:VCARD',
      '',
    ].join('\r\n');
    expect(await putCard(ctx, 'fleur.vcf', v3, {})).toEqual({ status: 'created' });
    expect(await putCard(ctx, 'desk.vcf', v4, {})).toEqual({ status: 'created' });
    const [desk, fleur] = await Promise.all(
      (await listContacts(ctx, {})).items.map((c) => getContact(ctx, c.id)),
    );
    expect(fleur?.phones.map((p) => p.value)).toEqual([
      '1-800-FLOWERS',
      '*86',
      '+1 418 656 9254,,102',
      '+1 555 0100 p 12',
    ]);
    expect(fleur?.emails.map((e) => e.value)).toEqual([
      'josé@exämple.de',
      '用户@例子.广告',
      'admin@localhost',
      '"john doe"@example.org',
    ]);
    expect(desk?.phones.map((p) => p.value)).toEqual(['+1-418-656-9254;ext=102']);
    expect(desk?.emails.map((e) => e.value)).toEqual(['pref@example.org']);
    // And the card the phone reads back still has them.
    const served = (await readCards(ctx, ['fleur.vcf'])).get('fleur.vcf')?.text ?? '';
    for (const line of ['TEL;TYPE=WORK:1-800-FLOWERS', 'TEL:*86', 'EMAIL:"john doe"@example.org'])
      expect(served).toContain(`\r\n${line}\r\n`);
  });

  it('bring a contact in the trash back when its card is written again, instead of making a second one', async () => {
    const { ctx, id: ownerId } = await h.account();
    const made = await createContact(
      ctx,
      { givenName: 'Tim', familyName: 'Howes', title: 'Engineer' },
      'web',
    );
    const card = (await cardsOf(ctx, ownerId, [made.id]))[0] as Card;
    const name = card.name;
    await trackAddressBook(ctx); // the phone has seen it
    await deleteContact(ctx, made.id);
    // The phone kept an edited copy and writes it back as new (vdirsyncer, DAVx5).
    const edited = card.text.replace('TITLE:Engineer', 'TITLE:Architect');
    expect(await putCard(ctx, name, edited, { ifNoneMatch: '*' })).toEqual({ status: 'created' });
    expect((await listContacts(ctx, {})).items.map((c) => [c.id, c.title])).toEqual([[made.id, 'Architect']]);
    expect((await listTrash(ctx)).contacts).toEqual([]);
    // One card under that name; the address book can still be listed and synced.
    expect((await trackAddressBook(ctx)).cards.map((c) => c.name)).toEqual([name]);
    // A card the phone named itself comes back the same way.
    expect(await putCard(ctx, 'kept.vcf', CARD, {})).toEqual({ status: 'created' });
    const kept = (await listContacts(ctx, { q: 'annie' })).items[0]?.id as string;
    expect(await deleteCard(ctx, 'kept.vcf')).toBe('deleted');
    expect(await putCard(ctx, 'kept.vcf', CARD, { ifNoneMatch: '*' })).toEqual({ status: 'created' });
    expect((await listContacts(ctx, { q: 'annie' })).items.map((c) => c.id)).toEqual([kept]);
    // If-Match names a version of a card that is gone: still a failed precondition, and nothing comes back.
    await deleteContact(ctx, made.id);
    expect(await putCard(ctx, name, edited, { ifMatch: card.etag })).toEqual({
      status: 'precondition-failed',
    });
    expect((await listTrash(ctx)).contacts.map((c) => c.id)).toEqual([made.id]);
  });

  it('refuse a card whose UID another card of the address book has (no-uid-conflict)', async () => {
    const { ctx, id: ownerId } = await h.account();
    expect(await putCard(ctx, 'annie.vcf', CARD, {})).toEqual({ status: 'created' });
    expect(await putCard(ctx, 'annie-copy.vcf', CARD, { ifNoneMatch: '*' })).toEqual({
      status: 'uid-conflict',
      card: 'annie.vcf',
    });
    // A card Rapport made carries the contact's id as its UID: the same card under a second name is refused too.
    const made = await createContact(ctx, { givenName: 'Tim', familyName: 'Howes' }, 'web');
    const [card] = await cardsOf(ctx, ownerId, [made.id]);
    expect(await putCard(ctx, 'tim-again.vcf', card?.text as string, {})).toEqual({
      status: 'uid-conflict',
      card: `${made.id}.vcf`,
    });
    expect((await listContacts(ctx, {})).items.map((c) => c.displayName)).toEqual([
      'Annie Easley',
      'Tim Howes',
    ]);
    // Under its own name, the same card is an update.
    expect(await putCard(ctx, 'annie.vcf', CARD.replace('FN:Annie', 'FN:Annie J.'), {})).toEqual({
      status: 'updated',
    });
    // Once that contact is gone, its UID is free again.
    await deleteContact(ctx, made.id);
    expect(await putCard(ctx, 'tim-again.vcf', card?.text as string, {})).toEqual({ status: 'created' });
  });

  it('refuse to write the card of a contact merged into another, which would bring the person back twice', async () => {
    const { ctx, id: ownerId } = await h.account();
    const kept = await createContact(ctx, { givenName: 'Grace', familyName: 'Hopper' }, 'web');
    const merged = await createContact(ctx, { givenName: 'Amazing', familyName: 'Grace' }, 'web');
    const [card] = await cardsOf(ctx, ownerId, [merged.id]);
    await mergeContacts(ctx, kept.id, merged.id);
    expect(await putCard(ctx, card?.name as string, card?.text as string, { ifNoneMatch: '*' })).toEqual({
      status: 'merged',
    });
    expect((await listContacts(ctx, {})).items.map((c) => c.id)).toEqual([kept.id]);
  });

  it('refuse a body that is not exactly one whole vCard, leaving the card it would replace as it was', async () => {
    const { ctx } = await h.account();
    expect(await putCard(ctx, 'annie.vcf', CARD, {})).toEqual({ status: 'created' });
    const before = (await readCards(ctx, ['annie.vcf'])).get('annie.vcf');
    for (const [label, body, why] of [
      ['cut before END:VCARD', 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\n', 'END:VCARD'],
      ['cut mid-line', CARD.slice(0, CARD.indexOf('X-CLIENT-ONLY') + 5), 'END:VCARD'],
      ['two cards', `${CARD}${CARD.replace('FN:Annie Easley', 'FN:Other')}`, 'found 2'],
      ['cut, then a whole card', `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\n${CARD}`, 'found 2'],
      ['not a vCard', 'FN:Annie Easley\r\nEMAIL:annie@example.org\r\n', 'found 0'],
    ] as const) {
      await expect(putCard(ctx, 'annie.vcf', body, {}), label).rejects.toMatchObject({
        code: 'validation',
        details: { issues: [{ path: 'card', message: expect.stringContaining(why) }] },
      });
      await expect(putCard(ctx, 'new.vcf', body, {}), label).rejects.toMatchObject({ code: 'validation' });
    }
    expect((await readCards(ctx, ['annie.vcf', 'new.vcf'])).get('annie.vcf')).toEqual(before);
    expect((await readCards(ctx, ['new.vcf'])).size).toBe(0);
    expect((await listContacts(ctx, {})).items.map((c) => c.displayName)).toEqual(['Annie Easley']);
  });

  it('serve custom fields deleted or changed in Rapport as they are now, not from the card the phone wrote', async () => {
    const { ctx } = await h.account();
    const ios = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'N:Becker;Tom;;;',
      'FN:Tom Becker',
      'EMAIL;type=INTERNET;type=pref:tom.becker@nordwind.example',
      'IMPP;X-SERVICE-TYPE=Skype;type=pref:skype:tom.becker',
      'item2.X-ABRELATEDNAMES:Anna Becker',
      'item2.X-ABLabel:_$!<Sister>!$_',
      'X-ABShowAs:PERSON',
      'NOTE:iPhone note',
      'UID:TOM-IOS-0002',
      'END:VCARD',
      '',
    ].join('\r\n');
    await putCard(ctx, 'tom.vcf', ios, {});
    const id = (await listContacts(ctx, {})).items[0]?.id as string;
    const served = async () => (await readCards(ctx, ['tom.vcf'])).get('tom.vcf')?.text ?? '';
    expect((await getContact(ctx, id)).customFields).toEqual({
      IMPP: 'skype:tom.becker',
      'X-ABRELATEDNAMES': 'Anna Becker (Sister)',
    });

    await updateContact(ctx, id, { customFields: { 'X-ABRELATEDNAMES': 'Anna Schmidt (Sister)' } }, 'web');
    const edited = await served();
    expect(edited).not.toContain('IMPP');
    expect(edited.match(/ABRELATEDNAMES/g)).toEqual(['ABRELATEDNAMES']);
    expect(edited).toContain('X-ABRELATEDNAMES:Anna Schmidt (Sister)');
    expect(edited).not.toContain('Sister>');
    // What Rapport never showed as a field is served as the phone wrote it.
    expect(edited).toContain('\r\nX-ABSHOWAS:PERSON\r\n');

    await updateContact(ctx, id, { customFields: {} }, 'web');
    const deleted = await served();
    expect(deleted).not.toMatch(/IMPP|ABRELATEDNAMES|ABLabel/i);
    // The phone edits the note of the card it was served and writes it back: the fields stay deleted.
    await putCard(ctx, 'tom.vcf', deleted.replace('NOTE:iPhone note', 'NOTE:iPhone note\\, edited'), {});
    expect(await getContact(ctx, id)).toMatchObject({ notes: 'iPhone note, edited', customFields: {} });
  });

  it('serve a LinkedIn profile the phone wrote as a social profile back as one, through an edit in Rapport', async () => {
    const { ctx } = await h.account();
    const ios = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'N:Shellstrop;Eleanor;;;',
      'FN:Eleanor Shellstrop',
      'X-SOCIALPROFILE;type=linkedin;x-user=eleanor:http://www.linkedin.com/in/Eleanor/',
      'X-SOCIALPROFILE;type=twitter:https://twitter.com/eleanor',
      'UID:ELEANOR-IOS-1',
      'END:VCARD',
      '',
    ].join('\r\n');
    await putCard(ctx, 'eleanor.vcf', ios, { ifNoneMatch: '*' });
    const id = (await listContacts(ctx, {})).items[0]?.id as string;
    // Rapport keeps the profile by its canonical address (for matching imports)…
    expect((await getContact(ctx, id)).urls.map((u) => u.value)).toContain(
      'https://www.linkedin.com/in/eleanor',
    );
    const card = async () => (await readCards(ctx, ['eleanor.vcf'])).get('eleanor.vcf')?.text ?? '';
    const served = async () => (await card()).replace(/\r\n /g, ''); // unfolded
    // …and the phone gets its social profile back as it wrote it, not a URL it would show elsewhere.
    const first = await served();
    expect(first).toContain(
      'X-SOCIALPROFILE;TYPE=linkedin;X-USER=eleanor:http://www.linkedin.com/in/Eleanor/',
    );
    expect(first).not.toMatch(/^(ITEM\d+\.)?URL/im);
    await updateContact(ctx, id, { notes: 'met at the Good Place' }, 'web');
    const edited = await served();
    expect(edited).toContain(
      'X-SOCIALPROFILE;TYPE=linkedin;X-USER=eleanor:http://www.linkedin.com/in/Eleanor/',
    );
    expect(edited).toContain('X-SOCIALPROFILE;TYPE=twitter:https://twitter.com/eleanor');
    expect(edited).not.toMatch(/^(ITEM\d+\.)?URL/im);
    // Written back as served, nothing changes.
    const before = await card();
    expect(await putCard(ctx, 'eleanor.vcf', before, {})).toEqual({ status: 'updated' });
    expect(await card()).toBe(before);
  });
});

// Two connections at once need PostgreSQL: on SQLite, writers queue whole, and the race below cannot happen.
describeEngines(
  'a card written while the contact is being edited elsewhere',
  (h) => {
    it('is checked against the edited contact: its old ETag no longer matches', async () => {
      const { ctx, id: ownerId } = await h.account();
      expect(await putCard(ctx, 'annie.vcf', CARD, { ifNoneMatch: '*' })).toEqual({ status: 'created' });
      const id = (await listContacts(ctx, {})).items[0]?.id as string;
      const etagNow = async () => (await cardsOf(ctx, ownerId, [id]))[0]?.etag as string;
      // The web edit holds its contact's row, as updateContact does, while the phone's write arrives.
      const editTitle = (title: string) => (trx: Transaction<Database>) =>
        trx.updateTable('contacts').set({ title }).where('id', '=', id).execute();
      const etag = await etagNow();
      const renamed = CARD.replace('FN:Annie Easley', 'FN:Annie J. Easley');
      expect(
        await whileHeld(h.handle().db, editTitle('Rocket scientist'), () =>
          putCard(ctx, 'annie.vcf', renamed, { ifMatch: etag }),
        ),
      ).toEqual({ status: 'precondition-failed' });
      expect(await getContact(ctx, id)).toMatchObject({
        displayName: 'Annie Easley',
        title: 'Rocket scientist',
      });
      // Nor does a removal made against the ETag from before an edit.
      const seen = await etagNow();
      expect(
        await whileHeld(h.handle().db, editTitle('Mathematician'), () => deleteCard(ctx, 'annie.vcf', seen)),
      ).toBe('precondition-failed');
      expect((await getContact(ctx, id)).deletedAt).toBeNull();
    });
  },
  { engines: ['postgres'] },
);
