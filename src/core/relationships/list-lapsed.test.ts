import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { getToday } from '../agenda/get-today';
import { DAY_MS } from '../clock';
import { createContact } from '../contacts/create-contact';
import { recordInteraction } from '../interactions/record-interaction';
import { listLapsed } from './list-lapsed';
import { updateRelationship } from './update-relationship';

const ago = (days: number) => new Date(Date.parse('2026-11-25T09:00:00Z') - days * DAY_MS).toISOString();

describeEngines('lapsed contacts', (h) => {
  it('lists everyone past their keep-in-touch date, strongest and longest overdue first', async () => {
    const { ctx } = await h.account();
    const close = await createContact(ctx, { displayName: 'Close Friend' }, 'web');
    const acquaintance = await createContact(ctx, { displayName: 'Acquaintance' }, 'web');
    const recent = await createContact(ctx, { displayName: 'Seen Yesterday' }, 'web');
    const stopped = await createContact(ctx, { displayName: 'Not This Person' }, 'web');
    for (const days of [200, 180, 150]) {
      await recordInteraction(ctx, { kind: 'meeting', contactIds: [close.id], occurredAt: ago(days) });
    }
    await updateRelationship(ctx, close.id, { closeness: 4, cadenceDays: 30 });
    await recordInteraction(ctx, {
      kind: 'message',
      direction: 'outbound',
      contactIds: [acquaintance.id],
      occurredAt: ago(400),
    });
    await updateRelationship(ctx, acquaintance.id, { cadenceDays: 90 });
    await recordInteraction(ctx, { kind: 'meeting', contactIds: [recent.id], occurredAt: ago(1) });
    await recordInteraction(ctx, { kind: 'meeting', contactIds: [stopped.id], occurredAt: ago(300) });
    await updateRelationship(ctx, stopped.id, { stopped: true });

    const list = await listLapsed(ctx);
    expect(list.date).toBe('2026-11-25');
    expect(list.items.map((i) => i.contact.displayName)).toEqual(['Close Friend', 'Acquaintance']);
    expect(list.items[0]).toMatchObject({ cadenceDays: 30, daysOverdue: 120, nextDue: '2026-07-28' });
    expect(list.items[1]).toMatchObject({ cadenceDays: 90, daysOverdue: 310 });
    expect(list.more).toBe(false);

    const one = await listLapsed(ctx, { limit: 1 });
    expect(one.items).toHaveLength(1);
    expect(one.more).toBe(true);

    const other = await h.account();
    expect((await listLapsed(other.ctx)).items).toEqual([]);
  });

  it('ranks the one further behind first when the ties were equally close, however long the silence', async () => {
    const { ctx } = await h.account();
    // The same friendship (three monthly coffees), the same three-week rhythm; one lapsed 80 days ago, one 200.
    for (const [displayName, last] of [
      ['Lapsed Lately', 80],
      ['Lapsed Long Ago', 200],
    ] as const) {
      const c = await createContact(ctx, { displayName }, 'web');
      for (const days of [last + 60, last + 30, last])
        await recordInteraction(ctx, { kind: 'meeting', contactIds: [c.id], occurredAt: ago(days) });
      await updateRelationship(ctx, c.id, { cadenceDays: 21 });
    }
    const items = (await listLapsed(ctx)).items;
    // Today's score has decayed further for the longer silence; that must not sink them below the fresher lapse.
    expect(items.map((i) => [i.contact.displayName, i.daysOverdue])).toEqual([
      ['Lapsed Long Ago', 179],
      ['Lapsed Lately', 59],
    ]);
    expect((items[0]?.score ?? 0) < (items[1]?.score ?? 0)).toBe(true);
    const today = (await getToday(ctx)).items.filter((i) => i.kind === 'keep-in-touch');
    expect(today.map((i) => i.title)).toEqual([
      'Get in touch with Lapsed Long Ago',
      'Get in touch with Lapsed Lately',
    ]);
    // The reason says what the rank rests on: how far behind, and how close the tie was when last in touch.
    expect(today[0]?.reason).toMatch(
      /^last in touch 200 days ago; you keep in touch every 21 days \(\w+\): 179 days overdue \(8 intervals missed\), strength \d+ when last in touch$/,
    );
    expect(today[0]?.action).toMatchObject({ label: 'Log a check-in', logAs: 'meeting' });
  });

  it('starts a check-in the way the last contact went, and as a message after an event (never a meeting)', async () => {
    const { ctx } = await h.account();
    const logAs = async () =>
      Object.fromEntries(
        (await getToday(ctx)).items
          .filter((i) => i.kind === 'keep-in-touch')
          .map((i) => [i.contact?.displayName, i.action.logAs]),
      );
    for (const [displayName, kind] of [
      ['Rang Me', 'call'],
      ['Met At A Conference', 'event'],
      ['Wrote To Me', 'email'],
    ] as const) {
      const c = await createContact(ctx, { displayName }, 'web');
      await recordInteraction(ctx, { kind, answered: true, contactIds: [c.id], occurredAt: ago(100) });
      await updateRelationship(ctx, c.id, { cadenceDays: 30 });
    }
    expect(await logAs()).toEqual({
      'Rang Me': 'call',
      'Met At A Conference': 'message',
      'Wrote To Me': 'email',
    });
  });

  it('orders equal urgency by how long overdue, then by name: the same order every day', async () => {
    const { ctx } = await h.account();
    const people: [string, number][] = [
      ['Zoe Long Ago', 900],
      ['Amy Long Ago', 900],
      ['Bea Longer Ago', 1200],
      ['Cal Long Ago', 900],
    ];
    for (const [displayName, days] of people) {
      const c = await createContact(ctx, { displayName }, 'web');
      await recordInteraction(ctx, {
        kind: 'message',
        direction: 'outbound',
        contactIds: [c.id],
        occurredAt: ago(days),
      });
      await updateRelationship(ctx, c.id, { cadenceDays: 30 });
    }
    const items = (await listLapsed(ctx)).items;
    expect(items.map((i) => i.contact.displayName)).toEqual([
      'Bea Longer Ago',
      'Amy Long Ago',
      'Cal Long Ago',
      'Zoe Long Ago',
    ]);
  });
});
