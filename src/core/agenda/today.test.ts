import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { DAY_MS } from '../clock';
import { createContact } from '../contacts/create-contact';
import { deleteContact } from '../contacts/delete-contact';
import { restoreContact } from '../contacts/restore-contact';
import type { Ctx } from '../context';
import { recordFavour } from '../favours/record-favour';
import { recordInteraction } from '../interactions/record-interaction';
import { createPromise } from '../promises/create-promise';
import { getPromiseStats } from '../promises/get-promise-stats';
import { updatePromise } from '../promises/update-promise';
import { getRelationship } from '../relationships/get-relationship';
import { setTagCadence } from '../relationships/set-tag-cadence';
import { updateRelationship } from '../relationships/update-relationship';
import { listTags } from '../tags/list-tags';
import { actOnTodayItem } from './act-on-today-item';
import { getToday } from './get-today';
import { updateSettings } from './update-settings';

const days = (n: number) => new Date(Date.parse('2026-11-23T09:00:00Z') + n * DAY_MS).toISOString();
const titles = async (ctx: Ctx) => (await getToday(ctx)).items.map((i) => i.title);

describeEngines('Today: a week of keeping promises and relationships alive', (h) => {
  it('tells me, in order, what to do each day', async () => {
    const { ctx } = await h.account();
    ctx.clock.set(days(-200));
    const alan = await createContact(ctx, { displayName: 'Alan Turing' }, 'web');
    await recordInteraction(ctx, { kind: 'meeting', contactIds: [alan.id], occurredAt: days(-200) });
    ctx.clock.set(days(-380));
    const grace = await createContact(ctx, { displayName: 'Grace Hopper' }, 'web');
    for (let d = -380; d <= -30; d += 14) {
      ctx.clock.set(days(d));
      await recordInteraction(ctx, {
        kind: 'call',
        contactIds: [grace.id],
        occurredAt: days(d),
        answered: true,
      });
    }
    ctx.clock.set(days(0));
    const ada = await createContact(
      ctx,
      { displayName: 'Ada Lovelace', tags: ['former students'], connectedOn: '2026-01-01' },
      'web',
    );
    const linus = await createContact(ctx, { displayName: 'Linus Pauling' }, 'web');
    await createContact(ctx, { displayName: 'Mary Somerville', birthday: '--11-26' }, 'web');
    await setTagCadence(ctx, (await listTags(ctx))[0]?.id as string, { cadenceDays: 180 });
    await updateRelationship(ctx, alan.id, { closeness: 2 });
    await recordInteraction(ctx, {
      kind: 'email',
      direction: 'inbound',
      contactIds: [linus.id],
      occurredAt: days(-1),
      summary: 'Can you review my draft?',
    });
    await recordFavour(ctx, {
      contactId: linus.id,
      direction: 'received',
      what: 'Introduced me to a publisher',
      size: 2,
      // Before their e-mail: that stays the last contact, waiting on my answer (a favour is contact too, ADR 8).
      occurredOn: '2026-11-21',
    });
    const toGrace = await createPromise(ctx, {
      contactId: grace.id,
      direction: 'mine',
      what: 'Send the COBOL paper',
      dueOn: '2026-11-22',
    });
    const toAda = await createPromise(ctx, {
      contactId: ada.id,
      direction: 'mine',
      what: 'Write a reference letter',
      dueOn: '2026-11-24',
    });
    await createPromise(ctx, {
      contactId: alan.id,
      direction: 'theirs',
      what: 'Share the Enigma notes',
      dueOn: '2026-11-21',
    });

    // Monday.
    const monday = await getToday(ctx);
    expect(monday.date).toBe('2026-11-23');
    expect(monday.items.map((i) => [i.kind, i.title])).toEqual([
      ['promise', 'Send the COBOL paper — for Grace Hopper'],
      ['promise', 'Write a reference letter — for Ada Lovelace'],
      ['their-promise', 'Alan Turing promised: Share the Enigma notes'],
      ['waiting', 'Reply to Linus Pauling'],
      ['keep-in-touch', 'Get in touch with Grace Hopper'],
      ['keep-in-touch', 'Get in touch with Alan Turing'],
      ['keep-in-touch', 'Get in touch with Ada Lovelace'],
    ]);
    expect(monday.more).toBe(2); // the favour owed to Linus and Mary's birthday wait below the cap of 7
    expect(monday.items[0]?.reason).toBe('overdue: it was due 1 day ago');
    // The reply starts as what they sent: an e-mail is answered by e-mail.
    expect(monday.items.find((i) => i.kind === 'waiting')?.action).toEqual({
      kind: 'log-interaction',
      label: 'Log my reply',
      logAs: 'email',
    });
    // A check-in starts the way the last contact went: Grace and I talk on the phone.
    expect(monday.items.find((i) => i.kind === 'keep-in-touch')?.action.logAs).toBe('call');
    expect(monday.items.map((i) => i.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // Due tomorrow says so, as the digest and the calendar read it, not as a date to work out.
    expect(monday.items.find((i) => i.title.startsWith('Write a reference letter'))?.reason).toBe(
      'you promised it for tomorrow',
    );

    await updatePromise(ctx, toGrace.id, { status: 'kept' });
    await recordInteraction(ctx, {
      kind: 'message',
      direction: 'outbound',
      contactIds: [linus.id],
      summary: 'Happy to, send it over',
    });
    const graceBefore = await getRelationship(ctx, grace.id);
    await recordInteraction(ctx, { kind: 'meeting', contactIds: [grace.id], summary: 'Lunch' });
    const graceAfter = await getRelationship(ctx, grace.id);
    expect(graceAfter.score).toBeGreaterThan(graceBefore.score);
    expect(graceAfter.nextDue).toBe('2026-12-14');
    expect(await titles(ctx)).toEqual([
      'Write a reference letter — for Ada Lovelace',
      'Alan Turing promised: Share the Enigma notes',
      'Get in touch with Alan Turing',
      'Get in touch with Ada Lovelace',
      'You owe Linus Pauling a favour',
      'Mary Somerville’s birthday',
    ]);

    // Tuesday: the reference letter is due today; Alan's item snoozed to Thursday; Ada is not someone to chase.
    ctx.clock.set(days(1));
    const tuesday = await getToday(ctx);
    expect(tuesday.items[0]).toMatchObject({ kind: 'promise', reason: 'you promised it for today' });
    const alanItem = tuesday.items.find((i) => i.title === 'Get in touch with Alan Turing');
    await actOnTodayItem(ctx, alanItem?.key as string, { action: 'snooze', until: '2026-11-26' });
    await updateRelationship(ctx, ada.id, { stopped: true });
    await actOnTodayItem(ctx, 'their-promise:none', { action: 'done' });
    expect(await titles(ctx)).toEqual([
      'Write a reference letter — for Ada Lovelace',
      'Alan Turing promised: Share the Enigma notes',
      'You owe Linus Pauling a favour',
      'Mary Somerville’s birthday',
    ]);
    // Done by mistake: undone, the item is back in its place; done again, it is gone.
    const favour = (await getToday(ctx)).items.find((i) => i.kind === 'favour-owed')?.key as string;
    await actOnTodayItem(ctx, favour, { action: 'done' });
    expect(await titles(ctx)).not.toContain('You owe Linus Pauling a favour');
    await actOnTodayItem(ctx, favour, { action: 'undo' });
    expect(await titles(ctx)).toContain('You owe Linus Pauling a favour');
    await actOnTodayItem(ctx, alanItem?.key as string, { action: 'undo' });
    expect(await titles(ctx)).toContain('Get in touch with Alan Turing');
    await actOnTodayItem(ctx, alanItem?.key as string, { action: 'snooze', until: '2026-11-26' });
    await updatePromise(ctx, toAda.id, { status: 'kept' });

    // Thursday: Mary's birthday is today and outranks keeping in touch; Alan's snooze is over.
    ctx.clock.set(days(3));
    expect((await getToday(ctx)).items.map((i) => [i.kind, i.reason])).toEqual([
      ['their-promise', 'it was due 5 days ago: a friendly nudge?'],
      ['birthday', 'today'],
      [
        'keep-in-touch',
        'last in touch 203 days ago; you keep in touch every 120 days (active): 83 days overdue, strength 36 when last in touch',
      ],
      ['favour-owed', 'they have helped you more than you have helped them'],
    ]);
    const stats = await getPromiseStats(ctx);
    expect(stats).toMatchObject({ keptOnTime90Days: 0.5, open: 0 });

    // A shorter list when I ask for one.
    await updateSettings(ctx, { todayLimit: 2 });
    const short = await getToday(ctx);
    expect(short.items).toHaveLength(2);
    expect(short.more).toBe(2);
  });

  it('a deleted contact leaves Today with its history, and comes back whole when restored', async () => {
    const { ctx } = await h.account();
    const c = await createContact(ctx, { displayName: 'Rosalind Franklin', birthday: '--11-25' }, 'web');
    await recordInteraction(ctx, { kind: 'meeting', contactIds: [c.id], summary: 'Photo 51' });
    await recordFavour(ctx, { contactId: c.id, direction: 'received', what: 'Shared her data', size: 3 });
    await createPromise(ctx, { contactId: c.id, direction: 'mine', what: 'Credit her', dueOn: '2026-11-20' });
    const before = await getRelationship(ctx, c.id);
    const items = (await getToday(ctx)).items.map((i) => i.kind);
    expect(items).toEqual(['promise', 'birthday', 'favour-owed']);
    await deleteContact(ctx, c.id);
    expect((await getToday(ctx)).items).toEqual([]);
    await restoreContact(ctx, c.id);
    expect((await getToday(ctx)).items.map((i) => i.kind)).toEqual(items);
    expect(await getRelationship(ctx, c.id)).toEqual(before);
    await expect(
      recordInteraction(ctx, { kind: 'call', contactIds: [c.id], occurredAt: '2030-01-01T00:00:00Z' }),
    ).rejects.toMatchObject({
      details: { issues: [{ path: 'occurredAt', message: 'is in the future' }] },
    });
    // A mistyped year would count as a tie decades long.
    await expect(
      recordInteraction(ctx, { kind: 'meeting', contactIds: [c.id], occurredAt: '1900-01-01T10:00:00Z' }),
    ).rejects.toMatchObject({
      details: { issues: [{ path: 'occurredAt', message: 'is before 1950: check the year' }] },
    });
    await expect(
      recordFavour(ctx, { contactId: c.id, direction: 'given', what: 'x', size: -1 as 1 }),
    ).rejects.toMatchObject({
      details: { issues: [{ path: 'size' }] },
    });
    await expect(
      recordInteraction(ctx, { kind: 'note', contactIds: [c.id], summary: 'x'.repeat(5001) }),
    ).rejects.toMatchObject({
      details: { issues: [{ path: 'summary' }] },
    });
  });

  it('never shows another account’s promises, people or dates', async () => {
    const a = await h.account();
    const b = await h.account();
    const c = await createContact(a.ctx, { displayName: 'Private Person', birthday: '--11-25' }, 'web');
    await createPromise(a.ctx, { contactId: c.id, direction: 'mine', what: 'Secret', dueOn: '2026-11-20' });
    expect((await getToday(a.ctx)).items.map((i) => i.kind)).toEqual(['promise', 'birthday']);
    expect((await getToday(b.ctx)).items).toEqual([]);
    await expect(
      createPromise(b.ctx, { contactId: c.id, direction: 'mine', what: 'x', dueOn: '2026-12-01' }),
    ).rejects.toMatchObject({
      details: { issues: [{ path: 'contactId' }] },
    });
    // Another account undoing the same key brings nothing of A's back.
    const birthday = (await getToday(a.ctx)).items.find((i) => i.kind === 'birthday')?.key as string;
    await actOnTodayItem(a.ctx, birthday, { action: 'done' });
    await actOnTodayItem(b.ctx, birthday, { action: 'undo' });
    expect((await getToday(a.ctx)).items.map((i) => i.kind)).toEqual(['promise']);
    expect((await getToday(b.ctx)).items).toEqual([]);
  });

  it('undoing Done on my promise reopens it, for its owner only', async () => {
    const a = await h.account();
    const b = await h.account();
    const c = await createContact(a.ctx, { displayName: 'Ada Lovelace' }, 'web');
    const p = await createPromise(a.ctx, {
      contactId: c.id,
      direction: 'mine',
      what: 'Notes',
      dueOn: '2026-11-20',
    });
    const key = `promise:${p.id}`;
    expect((await getToday(a.ctx)).items.map((i) => i.key)).toContain(key);
    await actOnTodayItem(a.ctx, key, { action: 'done' });
    expect((await getPromiseStats(a.ctx)).open).toBe(0);
    await actOnTodayItem(b.ctx, key, { action: 'undo' });
    expect((await getPromiseStats(a.ctx)).open).toBe(0);
    await actOnTodayItem(a.ctx, key, { action: 'undo' });
    expect((await getPromiseStats(a.ctx)).open).toBe(1);
    expect((await getToday(a.ctx)).items.map((i) => i.key)).toContain(key);
  });

  it('snoozes by the account’s own day, not the server’s', async () => {
    const { ctx } = await h.account();
    await updateSettings(ctx, { timeZone: 'Pacific/Kiritimati' });
    // 12:00 UTC on the 25th is 02:00 on the 26th in Kiritimati (UTC+14): "until the 26th" is no snooze at all.
    ctx.clock.set('2026-11-25T12:00:00Z');
    await expect(
      actOnTodayItem(ctx, 'keep-in-touch:x:2026-11-26', { action: 'snooze', until: '2026-11-26' }),
    ).rejects.toMatchObject({
      details: { issues: [{ path: 'until' }] },
    });
    await actOnTodayItem(ctx, 'keep-in-touch:x:2026-11-26', { action: 'snooze', until: '2026-11-27' });
  });

  it('counts promises and favours by the account’s own day', async () => {
    const { ctx } = await h.account();
    await updateSettings(ctx, { timeZone: 'America/New_York' });
    // 03:00 UTC on the 25th is 22:00 on the 24th in New York.
    ctx.clock.set('2026-11-25T03:00:00Z');
    const c = await createContact(ctx, { displayName: 'Evening Person' }, 'web');
    await expect(
      recordFavour(ctx, { contactId: c.id, direction: 'given', what: 'Intro', occurredOn: '2026-11-25' }),
    ).rejects.toMatchObject({ details: { issues: [{ path: 'occurredOn' }] } });
    const due = await createPromise(ctx, {
      contactId: c.id,
      direction: 'mine',
      what: 'Call back',
      dueOn: '2026-11-24',
    });
    expect(due.overdue).toBe(false);
    const kept = await updatePromise(ctx, due.id, { status: 'kept' });
    expect(kept.resolvedOn).toBe('2026-11-24');
    expect((await getPromiseStats(ctx)).keptOnTimeAllTime).toBe(1);
  });

  it('is never stale: a write by anyone, the next minute and the next day all show up at once', async () => {
    const { ctx } = await h.account();
    const other = await h.account('Someone Else');
    ctx.clock.set('2026-11-25T09:00:00Z');
    other.ctx.clock.set('2026-11-25T09:00:00Z');
    const c = await createContact(ctx, { displayName: 'Katherine Johnson' }, 'web');
    expect(await titles(ctx)).toEqual([]);
    await createPromise(ctx, {
      contactId: c.id,
      direction: 'mine',
      what: 'Send the orbit notes',
      dueOn: '2026-11-25',
    });
    expect(await titles(ctx)).toEqual(['Send the orbit notes — for Katherine Johnson']);
    // Another account's write leaves mine as it is, and nothing of theirs appears.
    const theirs = await createContact(other.ctx, { displayName: 'Their Contact' }, 'web');
    await createPromise(other.ctx, {
      contactId: theirs.id,
      direction: 'mine',
      what: 'Theirs',
      dueOn: '2026-11-25',
    });
    expect(await titles(ctx)).toEqual(['Send the orbit notes — for Katherine Johnson']);
    expect(await titles(other.ctx)).toEqual(['Theirs — for Their Contact']);

    ctx.clock.set('2026-11-26T09:00:00Z');
    const nextDay = await getToday(ctx);
    expect(nextDay.date).toBe('2026-11-26');
    expect(nextDay.items[0]?.reason).toBe('overdue: it was due 1 day ago');
    // The same minute asked twice gives the same answer; a limit is its own question.
    expect(await getToday(ctx)).toEqual(nextDay);
    expect((await getToday(ctx, { limit: 1 })).items).toHaveLength(1);
    // Only the clock moves: a message waits for an answer for 14 days to the minute.
    await recordInteraction(ctx, {
      kind: 'message',
      direction: 'inbound',
      contactIds: [c.id],
      occurredAt: '2026-11-12T09:00:30Z',
    });
    expect(await titles(ctx)).toContain('Reply to Katherine Johnson');
    ctx.clock.set('2026-11-26T09:01:00Z');
    expect(await titles(ctx)).not.toContain('Reply to Katherine Johnson');
  });
});
