import ICAL from 'ical.js';
import { expect, it } from 'vitest';
import { describeEngines, type Harness } from '../../../test/engines';
import { hashSecret } from '../accounts/account';
import { actOnTodayItem } from '../agenda/act-on-today-item';
import { updateSettings } from '../agenda/update-settings';
import { exportBackup } from '../backup/export-backup';
import { restoreBackup } from '../backup/restore-backup';
import { createContact } from '../contacts/create-contact';
import * as m0017 from '../db/migrations/0017-feed-names';
import { createPromise } from '../promises/create-promise';
import { updatePromise } from '../promises/update-promise';
import { updateRelationship } from '../relationships/update-relationship';
import { createFeedToken } from './create-feed-token';
import { listFeedTokens } from './list-feed-tokens';
import { FEED_DAYS, renderAgendaFeed } from './render-agenda-feed';
import { revokeFeedToken } from './revoke-feed-token';

const NOW = new Date('2026-11-25T09:00:00Z');

function events(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  return cal.getAllSubcomponents('vevent').map((ev) => {
    const start = ev.getFirstProperty('dtstart');
    const end = ev.getFirstProperty('dtend');
    return {
      uid: String(ev.getFirstPropertyValue('uid')),
      summary: String(ev.getFirstPropertyValue('summary')),
      description: String(ev.getFirstPropertyValue('description')),
      start: String(start?.getFirstValue()),
      startType: start?.type,
      end: String(end?.getFirstValue()),
    };
  });
}

/** An account with one Today item and four dated ones within the next two months (and some that must not show). */
async function agendaAccount(h: Harness) {
  const a = await h.account('Ada Lovelace');
  const grace = await createContact(a.ctx, { displayName: 'Grace Hopper' }, 'web');
  const alan = await createContact(a.ctx, { displayName: 'Alan Turing' }, 'web');
  const mary = await createContact(a.ctx, { displayName: 'Mary Somerville', birthday: '1980-12-01' }, 'web');
  const linus = await createContact(a.ctx, { displayName: 'Linus Pauling' }, 'web');
  await createContact(
    a.ctx,
    {
      displayName: 'Katherine Johnson',
      dates: [
        { value: '2015-12-15', label: 'work anniversary' },
        { value: '--01-10', label: 'name day' },
        { value: '--03-01', label: 'too far ahead' },
      ],
    },
    'web',
  );
  const overdue = await createPromise(a.ctx, {
    contactId: grace.id,
    direction: 'mine',
    what: 'Send the COBOL paper',
    dueOn: '2026-11-24',
  });
  const slides = await createPromise(a.ctx, {
    contactId: alan.id,
    direction: 'mine',
    what: 'Send the slides',
    dueOn: '2026-12-05',
  });
  await createPromise(a.ctx, {
    contactId: alan.id,
    direction: 'theirs',
    what: 'Return the book',
    dueOn: '2026-12-10',
  });
  await createPromise(a.ctx, {
    contactId: alan.id,
    direction: 'mine',
    what: 'Far away',
    dueOn: '2027-03-01',
  });
  const kept = await createPromise(a.ctx, {
    contactId: grace.id,
    direction: 'mine',
    what: 'Already kept',
    dueOn: '2026-12-02',
  });
  await updatePromise(a.ctx, kept.id, { status: 'kept' });
  await updateRelationship(a.ctx, linus.id, { cadenceDays: 30 });
  return { ...a, grace, alan, mary, linus, overdue, slides };
}

describeEngines('calendar feed of the agenda', (h) => {
  it('issues a secret once, stores only its hash, and lists feeds without secrets', async () => {
    const a = await h.account();
    const created = await createFeedToken(a.ctx);
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await listFeedTokens(a.ctx)).toEqual([
      { id: created.id, name: null, createdAt: created.createdAt },
    ]);
    const rows = await h
      .ctx()
      .db.selectFrom('feed_tokens')
      .selectAll()
      .where('id', '=', created.id)
      .execute();
    expect(rows).toEqual([
      expect.objectContaining({ token_hash: hashSecret(created.token), revoked_at: null }),
    ]);
    expect(JSON.stringify(rows)).not.toContain(created.token);
  });

  it('names a feed after where it is subscribed, with the rules of API token names', async () => {
    const a = await h.account();
    const phone = await createFeedToken(a.ctx, { name: '  Phone calendar ' });
    expect(phone).toMatchObject({ name: 'Phone calendar' });
    const unnamed = await createFeedToken(a.ctx, {});
    const laptop = await createFeedToken(a.ctx, { name: 'L'.repeat(100) });
    expect((await listFeedTokens(a.ctx)).map((f) => [f.id, f.name])).toEqual([
      [laptop.id, 'L'.repeat(100)],
      [unnamed.id, null],
      [phone.id, 'Phone calendar'],
    ]);
    for (const [name, message] of [
      ['   ', 'is empty'],
      ['L'.repeat(101), expect.stringContaining('100')],
      ['nul\u0000', expect.stringContaining('NUL')],
    ] as const) {
      await expect(createFeedToken(a.ctx, { name })).rejects.toMatchObject({
        code: 'validation',
        details: { issues: [{ path: 'name', message }] },
      });
    }
    await expect(createFeedToken(a.ctx, { label: 'x' } as never)).rejects.toMatchObject({
      details: { issues: [{ path: 'label', message: 'is not a known field' }] },
    });
    // Nothing refused was stored.
    expect(await listFeedTokens(a.ctx)).toHaveLength(3);
  });

  it('stays out of backups, name and all: a feed secret belongs to this server', async () => {
    const a = await h.account();
    await createFeedToken(a.ctx, { name: 'Phone calendar' });
    const backup = await exportBackup(a.ctx);
    expect(Object.keys(backup.tables)).not.toContain('feed_tokens');
    expect(JSON.stringify(backup)).not.toContain('Phone calendar');
    const copy = await h.account('Copy');
    await restoreBackup(copy.ctx, JSON.parse(JSON.stringify(backup)));
    expect(await listFeedTokens(copy.ctx)).toEqual([]);
  });

  it('renders Today on today and the next two months on their days, as all-day events with stable UIDs', async () => {
    const a = await agendaAccount(h);
    const { token } = await createFeedToken(a.ctx);
    const ics = await renderAgendaFeed(h.ctx(), token, NOW, { baseUrl: 'https://rapport.example.test' });
    expect(ics).toContain('X-WR-CALNAME:Rapport — Today');
    expect(ics).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT1H');
    expect(ics).toContain('X-PUBLISHED-TTL:PT1H');
    expect(ics).not.toContain('VTODO');
    expect(ics).toMatch(/^DTSTART;VALUE=DATE:20261125\r$/m);
    const evs = events(ics);
    expect(evs.map((e) => [e.start, e.summary])).toEqual([
      ['2026-11-25', 'Send the COBOL paper — for Grace Hopper'],
      ['2026-12-01', 'Mary Somerville’s birthday'],
      ['2026-12-05', 'Send the slides — for Alan Turing'],
      ['2026-12-10', 'Alan Turing promised: Return the book'],
      ['2026-12-15', 'Katherine Johnson’s work anniversary'],
      ['2026-12-25', 'Get in touch with Linus Pauling'],
      ['2027-01-10', 'Katherine Johnson’s name day'],
    ]);
    expect(evs.every((e) => e.startType === 'date')).toBe(true);
    expect(evs.map((e) => e.end)).toEqual([
      '2026-11-26',
      '2026-12-02',
      '2026-12-06',
      '2026-12-11',
      '2026-12-16',
      '2026-12-26',
      '2027-01-11',
    ]);
    expect(evs[0]?.uid).toBe(`promise:${a.overdue.id}@rapport`);
    expect(evs[0]?.description).toContain('overdue: it was due 1 day ago');
    expect(evs[0]?.description).toContain(`https://rapport.example.test/contacts/${a.grace.id}`);
    expect(evs[1]?.description).toContain('turns 46');
    expect(evs[4]?.description).toContain('11 years since 2015-12-15');
    expect(evs[6]?.uid).toMatch(/^date:[0-9a-f-]{36}:name day:2027@rapport$/);

    // A refresh later the same day gives the same bytes; the next day the same items keep their UIDs.
    expect(await renderAgendaFeed(h.ctx(), token, new Date(NOW.getTime() + 3 * 3600_000))).toBe(
      await renderAgendaFeed(h.ctx(), token, NOW),
    );
    const tomorrow = events(await renderAgendaFeed(h.ctx(), token, new Date('2026-11-26T09:00:00Z')));
    expect(new Map(tomorrow.map((e) => [e.summary, e.uid]))).toEqual(
      new Map(evs.map((e) => [e.summary, e.uid])),
    );
  });

  it('places an item on Today when it reaches Today, keeping its UID', async () => {
    const a = await agendaAccount(h);
    const { token } = await createFeedToken(a.ctx);
    const before = events(await renderAgendaFeed(h.ctx(), token, NOW));
    const slides = before.find((e) => e.summary.startsWith('Send the slides'));
    const later = events(await renderAgendaFeed(h.ctx(), token, new Date('2026-12-04T09:00:00Z')));
    const same = later.filter((e) => e.uid === slides?.uid);
    expect(same).toEqual([expect.objectContaining({ start: '2026-12-04', summary: slides?.summary })]);
  });

  it('leaves out items marked done, and snoozed ones until they come back', async () => {
    const a = await agendaAccount(h);
    const { token } = await createFeedToken(a.ctx);
    a.ctx.clock.set(NOW);
    await actOnTodayItem(a.ctx, `promise:${a.slides.id}`, { action: 'done' });
    await actOnTodayItem(a.ctx, `date:${a.mary.id}:birthday:2026`, { action: 'snooze', until: '2026-11-28' });
    let summaries = events(await renderAgendaFeed(h.ctx(), token, NOW)).map((e) => e.summary);
    expect(summaries).not.toContain('Send the slides — for Alan Turing');
    expect(summaries).toContain('Mary Somerville’s birthday');
    await actOnTodayItem(a.ctx, `date:${a.mary.id}:birthday:2026`, { action: 'snooze', until: '2026-12-03' });
    summaries = events(await renderAgendaFeed(h.ctx(), token, NOW)).map((e) => e.summary);
    expect(summaries).not.toContain('Mary Somerville’s birthday');
  });

  it('uses the account’s own day', async () => {
    const a = await agendaAccount(h);
    await updateSettings(a.ctx, { timeZone: 'Pacific/Auckland' });
    const { token } = await createFeedToken(a.ctx);
    // 09:00Z on the 25th is 22:00 on the 25th in Auckland; 12:00Z is already the 26th there.
    const evs = events(await renderAgendaFeed(h.ctx(), token, new Date('2026-11-25T12:00:00Z')));
    expect(evs[0]).toMatchObject({ start: '2026-11-26', summary: 'Send the COBOL paper — for Grace Hopper' });
    expect(evs[0]?.description).toContain('overdue: it was due 2 days ago');
  });

  it('links to the server’s own address when no base URL is given', async () => {
    const a = await agendaAccount(h);
    const { token } = await createFeedToken(a.ctx);
    const ctx = { ...h.ctx(), settings: { ...h.ctx().settings, publicUrl: 'http://localhost:4161' } };
    const ics = await renderAgendaFeed(ctx, token, NOW);
    const urls = [...ics.replace(/\r\n[ \t]/g, '').matchAll(/https?:\/\/[^\s\\]+/g)].map((m) => m[0]);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url.startsWith('http://localhost:4161/')).toBe(true);
  });

  it('answers not found for unknown, malformed and revoked tokens; only the owner can revoke', async () => {
    const a = await agendaAccount(h);
    const b = await h.account('Intruder');
    const { id, token } = await createFeedToken(a.ctx);
    await expect(renderAgendaFeed(h.ctx(), 'x'.repeat(43), NOW)).rejects.toMatchObject({ code: 'not_found' });
    await expect(renderAgendaFeed(h.ctx(), 'short', NOW)).rejects.toMatchObject({ code: 'not_found' });
    await expect(revokeFeedToken(b.ctx, id)).rejects.toMatchObject({ code: 'not_found' });
    expect(await listFeedTokens(b.ctx)).toEqual([]);
    expect(events(await renderAgendaFeed(h.ctx(), token, NOW))).toHaveLength(7);
    await revokeFeedToken(a.ctx, id);
    await expect(renderAgendaFeed(h.ctx(), token, NOW)).rejects.toMatchObject({ code: 'not_found' });
    await expect(revokeFeedToken(a.ctx, id)).rejects.toMatchObject({ code: 'not_found' });
    expect(await listFeedTokens(a.ctx)).toEqual([]);
  });

  it('never shows another account’s people, promises or dates', async () => {
    const a = await agendaAccount(h);
    const b = await h.account('Someone Else');
    const bob = await createContact(b.ctx, { displayName: 'Secret Bob', birthday: '--12-01' }, 'web');
    await createPromise(b.ctx, {
      contactId: bob.id,
      direction: 'mine',
      what: 'Secret thing',
      dueOn: '2026-11-20',
    });
    const { token } = await createFeedToken(b.ctx);
    const ics = await renderAgendaFeed(h.ctx(), token, NOW);
    expect(events(ics).map((e) => e.summary)).toEqual([
      'Secret thing — for Secret Bob',
      'Secret Bob’s birthday',
    ]);
    for (const name of ['Grace', 'Alan', 'Mary', 'Linus', 'COBOL']) expect(ics).not.toContain(name);
    const mine = await renderAgendaFeed(h.ctx(), (await createFeedToken(a.ctx)).token, NOW);
    expect(mine).not.toContain('Secret');
  });

  it(`looks ${FEED_DAYS} days ahead, and limits live feeds per account`, async () => {
    const a = await agendaAccount(h);
    for (let i = 0; i < 10; i++) await createFeedToken(a.ctx);
    await expect(createFeedToken(a.ctx)).rejects.toMatchObject({ code: 'conflict' });
    const [first] = await listFeedTokens(a.ctx);
    await revokeFeedToken(a.ctx, first?.id as string);
    const { token } = await createFeedToken(a.ctx);
    const evs = events(await renderAgendaFeed(h.ctx(), token, new Date('2027-01-01T09:00:00Z')));
    expect(evs.map((e) => e.summary)).toContain('Far away — for Alan Turing');
  });
});

describeEngines('migration 0017 (feed names)', (h) => {
  it('goes down and up again over stored feeds, which keep working unnamed', async () => {
    const a = await h.account();
    const before = await createFeedToken(a.ctx, { name: 'Phone calendar' });
    const rollback = new Error('rollback');
    // Inside a transaction that is rolled back: the PostgreSQL database is shared by test files running at the same
    // time, and DDL is transactional on both engines, so no other file ever sees the column gone.
    await expect(
      a.ctx.db.transaction().execute(async (trx) => {
        const ctx = { ...a.ctx, db: trx };
        await m0017.down(trx);
        const columns = (await trx.introspection.getTables()).find((t) => t.name === 'feed_tokens')?.columns;
        expect(columns?.map((c) => c.name)).not.toContain('name');
        await m0017.up(trx);
        expect(await listFeedTokens(ctx)).toEqual([
          { id: before.id, name: null, createdAt: before.createdAt },
        ]);
        expect(await renderAgendaFeed(ctx, before.token, NOW)).toContain('BEGIN:VCALENDAR');
        const after = await createFeedToken(ctx, { name: 'Laptop' });
        expect((await listFeedTokens(ctx)).map((f) => f.name)).toEqual(['Laptop', null]);
        expect(after.name).toBe('Laptop');
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(await listFeedTokens(a.ctx)).toEqual([
      { id: before.id, name: 'Phone calendar', createdAt: before.createdAt },
    ]);
  });
});
