import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { updateSettings } from '../agenda/update-settings';
import { DAY_MS } from '../clock';
import { AppError } from '../errors';
import { purgeTrash } from '../trash/purge-trash';
import { createContact } from './create-contact';
import { deleteContact } from './delete-contact';
import { getContact } from './get-contact';
import { listContacts } from './list-contacts';
import { restoreContact } from './restore-contact';
import { updateContact } from './update-contact';

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return 'ok';
}

describeEngines('contacts', (h) => {
  it('stores every field and reads it back', async () => {
    const { ctx } = await h.account();
    const c = await createContact(
      ctx,
      {
        givenName: 'Ada',
        familyName: 'Lovelace',
        organisation: 'Analytical Engines Ltd',
        title: 'Mathematician',
        location: 'London',
        howWeMet: 'Babbage salon',
        notes: 'Wants guest lectures',
        emails: [{ value: 'ada@example.com', label: 'work' }, { value: 'ADA@example.com' }],
        phones: [{ value: '+44 20 7946 0018', label: 'mobile' }],
        urls: [{ value: 'linkedin.com/in/Ada-Lovelace/' }, { value: 'https://ada.example.com' }],
        tags: ['Speakers', 'speakers', 'London'],
        customFields: { pronouns: 'she/her' },
        connectedOn: '2025-03-01',
      },
      'api',
    );
    expect(c).toMatchObject({
      displayName: 'Ada Lovelace',
      organisation: { name: 'Analytical Engines Ltd' },
      title: 'Mathematician',
      emails: [{ value: 'ada@example.com', label: 'work', source: 'api' }],
      phones: [{ value: '+44 20 7946 0018', e164: '+442079460018', label: 'mobile' }],
      urls: [
        { value: 'https://www.linkedin.com/in/ada-lovelace', kind: 'linkedin' },
        { value: 'https://ada.example.com', kind: 'web' },
      ],
      linkedinUrl: 'https://www.linkedin.com/in/ada-lovelace',
      tags: ['London', 'Speakers'],
      customFields: { pronouns: 'she/her' },
      connectedOn: '2025-03-01',
      source: 'api',
      deletedAt: null,
    });
    expect(await getContact(ctx, c.id)).toEqual(c);
  });

  it('needs something to call the contact by, and names the bad field', async () => {
    const { ctx } = await h.account();
    await expect(createContact(ctx, { notes: 'who?' }, 'api')).rejects.toMatchObject({
      code: 'validation',
      details: { issues: [{ path: 'displayName' }] },
    });
    await expect(
      createContact(ctx, { displayName: 'X', emails: [{ value: 'nope' }] }, 'api'),
    ).rejects.toMatchObject({
      code: 'validation',
      details: { issues: [{ path: 'emails.0.value', message: 'must be an email address' }] },
    });
    await expect(
      createContact(ctx, { displayName: 'X', phones: [{ value: 'call me' }] }, 'api'),
    ).rejects.toMatchObject({
      details: { issues: [{ path: 'phones.0.value' }] },
    });
    await expect(
      createContact(ctx, { displayName: 'X', favouriteColour: 'y' } as never, 'api'),
    ).rejects.toMatchObject({
      details: { issues: [{ path: 'favouriteColour', message: 'is not a known field' }] },
    });
    expect((await listContacts(ctx, {})).items).toEqual([]);
  });

  it('takes the phone numbers and e-mail addresses address books hold, as written (E.164 only to match)', async () => {
    const { ctx } = await h.account();
    const c = await createContact(
      ctx,
      {
        displayName: 'Switchboard',
        phones: [
          { value: '1-800-FLOWERS' },
          { value: '1-800-DENTIST' },
          { value: '*86' },
          { value: '+1 418 656 9254,,102' },
          { value: '+1-418-656-9254;ext=102', label: 'desk' },
          { value: '+1 555 0100 p 12' },
        ],
        emails: [
          { value: 'mailto:pref@example.org' },
          { value: 'josé@exämple.de' },
          { value: '用户@例子.广告' },
          { value: 'admin@localhost' },
          { value: '"john doe"@example.org' },
        ],
      },
      'api',
    );
    expect(c.phones.map((p) => [p.value, p.e164])).toEqual([
      ['1-800-FLOWERS', null],
      // Two vanity numbers are two numbers, not the same "1800".
      ['1-800-DENTIST', null],
      ['*86', null],
      ['+1 418 656 9254,,102', '+14186569254'],
      // The same line as the one above for matching: a contact holds it once.
      ['+1 555 0100 p 12', null],
    ]);
    expect(c.emails.map((e) => e.value)).toEqual([
      'pref@example.org',
      'josé@exämple.de',
      '用户@例子.广告',
      'admin@localhost',
      '"john doe"@example.org',
    ]);
    expect(await getContact(ctx, c.id)).toEqual(c);
  });

  it('keeps name parts, department, birthday, addresses and other dates', async () => {
    const { ctx } = await h.account();
    const c = await createContact(
      ctx,
      {
        givenName: 'Mary',
        familyName: 'Somerville',
        additionalNames: 'Fairfax',
        namePrefix: 'Dr.',
        nameSuffix: 'FRS',
        nickname: 'Polly',
        organisation: 'Royal Society',
        department: 'Astronomy',
        birthday: '--12-26',
        addresses: [{ label: 'home', street: '1 Chelsea Row', locality: 'London', country: 'UK' }],
        dates: [{ label: 'anniversary', value: '18040512' }],
      },
      'api',
    );
    expect(c).toMatchObject({
      additionalNames: 'Fairfax',
      namePrefix: 'Dr.',
      nameSuffix: 'FRS',
      nickname: 'Polly',
      department: 'Astronomy',
      birthday: '--12-26',
      addresses: [{ label: 'home', street: '1 Chelsea Row', locality: 'London', country: 'UK' }],
      dates: [{ label: 'anniversary', value: '1804-05-12' }],
      photo: null,
      history: [],
    });
    const u = await updateContact(ctx, c.id, { birthday: '1780-12-26', addresses: [] }, 'web');
    expect(u).toMatchObject({ birthday: '1780-12-26', addresses: [], nickname: 'Polly' });
    await expect(updateContact(ctx, c.id, { birthday: '1780-02-30' }, 'web')).rejects.toMatchObject({
      details: { issues: [{ path: 'birthday', message: 'is not a real date' }] },
    });
  });

  it('keeps the old organisation and title as a past position', async () => {
    const { ctx } = await h.account();
    const c = await createContact(
      ctx,
      { displayName: 'Grace Hopper', organisation: 'Navy', title: 'Officer' },
      'web',
    );
    ctx.clock.advance(10 * DAY_MS);
    const u = await updateContact(ctx, c.id, { organisation: 'Remington Rand', title: 'Programmer' }, 'web');
    expect(u.organisation?.name).toBe('Remington Rand');
    expect(u.pastPositions).toEqual([
      {
        organisation: { id: c.organisation?.id, name: 'Navy' },
        title: 'Officer',
        endedOn: '2026-12-05',
        source: 'web',
      },
    ]);
  });

  it('ends no job when a title or an organisation is only filled in', async () => {
    const { ctx } = await h.account();
    const c = await createContact(ctx, { displayName: 'Grace Hopper', organisation: 'Navy' }, 'web');
    expect((await updateContact(ctx, c.id, { title: 'Officer' }, 'web')).pastPositions).toEqual([]);
    const d = await createContact(ctx, { displayName: 'Ada Lovelace', title: 'Mathematician' }, 'web');
    expect((await updateContact(ctx, d.id, { organisation: 'Engines' }, 'web')).pastPositions).toEqual([]);
    // A promotion in the same organisation is a job that ended.
    expect((await updateContact(ctx, c.id, { title: 'Commodore' }, 'web')).pastPositions).toMatchObject([
      { organisation: { name: 'Navy' }, title: 'Officer' },
    ]);
  });

  it('changes only the fields sent, keeps the source of facts it already had', async () => {
    const { ctx } = await h.account();
    const c = await createContact(
      ctx,
      { givenName: 'Alan', familyName: 'Turing', emails: [{ value: 'alan@example.com' }] },
      'cli',
    );
    const u = await updateContact(
      ctx,
      c.id,
      { familyName: 'M. Turing', emails: [{ value: 'alan@example.com' }, { value: 'turing@example.org' }] },
      'web',
    );
    expect(u.displayName).toBe('Alan M. Turing');
    expect(u.givenName).toBe('Alan');
    expect(u.emails.map((e) => [e.value, e.source])).toEqual([
      ['alan@example.com', 'cli'],
      ['turing@example.org', 'web'],
    ]);
    const cleared = await updateContact(ctx, c.id, { notes: 'x', location: '' }, 'web');
    expect(cleared.location).toBeNull();
  });

  it('refuses a connected-on day in the future by the account’s own calendar: today is fine, tomorrow is not', async () => {
    const { ctx } = await h.account();
    const future = {
      code: 'validation',
      details: { issues: [{ path: 'connectedOn', message: 'is in the future' }] },
    };
    // The harness's clock: 09:00 UTC on the 25th, and the account's time zone is UTC.
    const met = await createContact(ctx, { displayName: 'Met Today', connectedOn: '2026-11-25' }, 'cli');
    expect(met.connectedOn).toBe('2026-11-25');
    await expect(
      createContact(ctx, { displayName: 'Not Yet', connectedOn: '2026-11-26' }, 'cli'),
    ).rejects.toMatchObject(future);
    await expect(
      updateContact(ctx, met.id, { notes: 'changed', connectedOn: '2026-11-26' }, 'web'),
    ).rejects.toMatchObject(future);
    expect(await getContact(ctx, met.id)).toEqual(met);
    expect((await listContacts(ctx, {})).items.map((c) => c.id)).toEqual([met.id]);

    // 03:00 UTC on the 25th is still the 24th in New York: the 25th is tomorrow there.
    await updateSettings(ctx, { timeZone: 'America/New_York' });
    ctx.clock.set('2026-11-25T03:00:00Z');
    await expect(
      createContact(ctx, { displayName: 'Not Yet', connectedOn: '2026-11-25' }, 'api'),
    ).rejects.toMatchObject(future);
    // The day it already has is not a new claim: a whole-form save sends it back unchanged.
    const saved = await updateContact(ctx, met.id, { notes: 'kept', connectedOn: '2026-11-25' }, 'web');
    expect([saved.notes, saved.connectedOn]).toEqual(['kept', '2026-11-25']);
    expect((await updateContact(ctx, met.id, { connectedOn: '2026-11-24' }, 'web')).connectedOn).toBe(
      '2026-11-24',
    );
    await expect(updateContact(ctx, met.id, { connectedOn: '2026-11-25' }, 'web')).rejects.toMatchObject(
      future,
    );
  });

  it('hides other accounts’ contacts exactly like missing ones', async () => {
    const a = await h.account();
    const b = await h.account();
    const c = await createContact(a.ctx, { displayName: 'Private Person' }, 'api');
    expect(await code(getContact(b.ctx, c.id))).toBe('not_found');
    expect(await code(getContact(b.ctx, 'no-such-id'))).toBe('not_found');
    expect(await code(updateContact(b.ctx, c.id, { notes: 'x' }, 'api'))).toBe('not_found');
    expect(await code(deleteContact(b.ctx, c.id))).toBe('not_found');
    expect(await code(restoreContact(b.ctx, c.id))).toBe('not_found');
    expect((await listContacts(b.ctx, { q: 'private' })).items).toEqual([]);
    expect((await getContact(a.ctx, c.id)).notes).toBeNull();
  });

  it('trashes, restores whole, and purges after the window', async () => {
    const { ctx } = await h.account();
    const c = await createContact(
      ctx,
      { displayName: 'Temp Person', tags: ['t'], emails: [{ value: 't@example.com' }] },
      'api',
    );
    const { purgeAfter } = await deleteContact(ctx, c.id);
    expect(purgeAfter).toBe('2026-12-25T09:00:00.000Z');
    expect(await code(getContact(ctx, c.id))).toBe('not_found');
    expect((await listContacts(ctx, { q: 'temp' })).items).toEqual([]);
    expect((await listContacts(ctx, {}, { deleted: true })).items.map((x) => x.id)).toEqual([c.id]);
    expect(await restoreContact(ctx, c.id)).toEqual({ ...c, deletedAt: null });
    expect((await listContacts(ctx, { q: 'temp' })).items).toHaveLength(1);

    await deleteContact(ctx, c.id);
    ctx.clock.advance(31 * DAY_MS);
    expect(await code(restoreContact(ctx, c.id))).toBe('not_found');
    const purged = await purgeTrash(ctx);
    expect(purged.contacts).toBeGreaterThanOrEqual(1);
    expect((await listContacts(ctx, {}, { deleted: true })).items).toEqual([]);
  });
});

describeEngines('contact search and lists', (h) => {
  it('finds by any field, accent- and case-insensitively, from the first letter, best first', async () => {
    const { ctx } = await h.account();
    const mk = (displayName: string, extra: object = {}) =>
      createContact(ctx, { displayName, ...extra }, 'api');
    const elodie = await mk('Élodie Müller', { organisation: 'Société Générale', title: 'CFO' });
    const ella = await mk('Ella Fitzgerald', { emails: [{ value: 'ella@jazz.example' }] });
    const bob = await mk('Bob Elmore', { notes: 'likes elephants' });
    const carol = await mk('Carol King', { tags: ['Elite'] });
    const names = async (q: string) => (await listContacts(ctx, { q })).items.map((c) => c.displayName);

    expect(await names('el')).toEqual(['Ella Fitzgerald', 'Élodie Müller', 'Bob Elmore', 'Carol King']);
    expect(await names('E')).toContain('Élodie Müller');
    expect(await names('ELODIE')).toEqual(['Élodie Müller']);
    expect(await names('muller')).toEqual(['Élodie Müller']);
    expect(await names('societe')).toEqual(['Élodie Müller']);
    expect(await names('cfo')).toEqual(['Élodie Müller']);
    expect(await names('jazz')).toEqual(['Ella Fitzgerald']);
    expect(await names('ella@jazz')).toEqual(['Ella Fitzgerald']);
    expect(await names('eleph')).toEqual(['Bob Elmore']);
    expect(await names('elit')).toEqual(['Carol King']);
    expect(await names('fitz el')).toEqual(['Ella Fitzgerald']);
    expect(await names('zzz')).toEqual([]);
    expect(await names('  ')).toHaveLength(4);
    expect([elodie, ella, bob, carol]).toHaveLength(4);
  });

  it('ranks an exact name above a longer name that starts with it', async () => {
    const { ctx } = await h.account();
    await createContact(ctx, { displayName: 'Anna Bell' }, 'api');
    await createContact(ctx, { displayName: 'Ann' }, 'api');
    await createContact(ctx, { displayName: 'Zed', notes: 'ann arbor' }, 'api');
    expect((await listContacts(ctx, { q: 'ann' })).items.map((c) => c.displayName)).toEqual([
      'Ann',
      'Anna Bell',
      'Zed',
    ]);
  });

  it('pages through every contact once, in order, for every sort', async () => {
    const { ctx } = await h.account();
    for (let i = 0; i < 7; i++) {
      await createContact(
        ctx,
        {
          displayName: `Person ${String.fromCharCode(71 - i)}`,
          connectedOn: i % 3 === 0 ? null : `2025-01-0${i + 1}`,
        },
        'api',
      );
      ctx.clock.advance(1000);
    }
    for (const sort of ['name', '-name', 'created', '-created', 'connected', '-connected'] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listContacts(ctx, { sort, limit: 3, cursor });
        seen.push(...page.items.map((c) => c.displayName));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(new Set(seen).size, sort).toBe(7);
      const all = (await listContacts(ctx, { sort, limit: 50 })).items.map((c) => c.displayName);
      expect(seen, sort).toEqual(all);
    }
    // Connected longest ago first, and the undated last whichever way: they were never connected at all.
    const dates = async (sort: 'connected' | '-connected') =>
      (await listContacts(ctx, { sort, limit: 50 })).items.map((c) => c.connectedOn);
    expect(await dates('connected')).toEqual([
      '2025-01-02',
      '2025-01-03',
      '2025-01-05',
      '2025-01-06',
      null,
      null,
      null,
    ]);
    expect(await dates('-connected')).toEqual([
      '2025-01-06',
      '2025-01-05',
      '2025-01-03',
      '2025-01-02',
      null,
      null,
      null,
    ]);
    const byName = (await listContacts(ctx, { sort: 'name' })).items.map((c) => c.displayName);
    expect(byName[0]).toBe('Person A');
    const search: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listContacts(ctx, { q: 'pers', limit: 2, cursor });
      search.push(...page.items.map((c) => c.displayName));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(search).toEqual(byName);
  });

  it('filters by tag, organisation and connected-on range', async () => {
    const { ctx } = await h.account();
    const a = await createContact(
      ctx,
      { displayName: 'A', tags: ['Students'], organisation: 'Acme', connectedOn: '2024-05-01' },
      'api',
    );
    await createContact(ctx, { displayName: 'B', tags: ['students'], connectedOn: '2025-05-01' }, 'api');
    await createContact(ctx, { displayName: 'C', organisation: 'Acme' }, 'api');
    const names = async (q: object) => (await listContacts(ctx, q)).items.map((c) => c.displayName);
    expect(await names({ tag: 'STUDENTS' })).toEqual(['A', 'B']);
    expect(await names({ tag: 'unknown' })).toEqual([]);
    expect(await names({ organisation: a.organisation?.id })).toEqual(['A', 'C']);
    expect(await names({ connectedFrom: '2025-01-01' })).toEqual(['B']);
    expect(await names({ connectedTo: '2024-12-31', tag: 'students' })).toEqual(['A']);
    // The first page of a sorted list says how long the whole list is, filters included; searches and later pages
    // do not count.
    const total = async (q: object) => (await listContacts(ctx, q)).total;
    expect(await total({})).toBe(3);
    expect(await total({ limit: 1 })).toBe(3);
    expect(await total({ tag: 'students', limit: 1 })).toBe(2);
    expect(await total({ tag: 'unknown' })).toBe(0);
    expect(await total({ organisation: a.organisation?.id, limit: 1 })).toBe(2);
    expect(await total({ q: 'a' })).toBeNull();
    const first = await listContacts(ctx, { limit: 1 });
    expect(await total({ limit: 1, cursor: first.nextCursor })).toBeNull();
    const other = await h.account();
    expect((await listContacts(other.ctx, {})).total).toBe(0);
    await expect(listContacts(ctx, { cursor: 'garbage' })).rejects.toMatchObject({
      details: { issues: [{ path: 'cursor' }] },
    });
    await expect(listContacts(ctx, { connectedFrom: '2025-13-01' })).rejects.toMatchObject({
      details: { issues: [{ path: 'connectedFrom' }] },
    });
  });
});
