import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
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
