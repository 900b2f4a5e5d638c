import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { createContact } from '../contacts/create-contact';
import { recordFavour } from '../favours/record-favour';
import { recordInteraction } from '../interactions/record-interaction';
import { createPromise } from '../promises/create-promise';
import { getPromiseStats } from '../promises/get-promise-stats';
import { updatePromise } from '../promises/update-promise';
import { getCharts } from './get-charts';

// The harness clock says 2026-11-25 (UTC).
describeEngines('the charts behind the health page', (h) => {
  it('counts my promises by month due: on time, late, broken, and open past the date like the kept rate', async () => {
    const { ctx } = await h.account();
    const ada = await createContact(ctx, { displayName: 'Ada Lovelace' }, 'web');
    const promise = (what: string, dueOn: string, direction: 'mine' | 'theirs' = 'mine') =>
      createPromise(ctx, { contactId: ada.id, direction, what, dueOn });

    const kept = await promise('Send the notes', '2026-11-26');
    await updatePromise(ctx, kept.id, { status: 'kept' }); // kept today, a day early
    const late = await promise('Review the draft', '2026-10-10');
    await updatePromise(ctx, late.id, { status: 'kept' }); // kept today, after its date
    const broken = await promise('Call back', '2026-10-20');
    await updatePromise(ctx, broken.id, { status: 'broken' });
    await promise('Share the slides', '2026-11-20'); // open, five days late
    await promise('Book the room', '2026-12-01'); // open, not due yet: not counted
    const released = await promise('Lend the book', '2026-10-01');
    await updatePromise(ctx, released.id, { status: 'released' });
    await promise('Send me the deck', '2026-11-01', 'theirs'); // theirs: not my word
    // Like the rate, the chart counts a promise once its date has come: the early one is not in yet.
    expect((await getCharts(ctx)).promises.at(-1)).toEqual({
      month: '2026-11',
      onTime: 0,
      late: 0,
      broken: 0,
      overdue: 1,
    });
    ctx.clock.set(new Date('2026-11-27T09:00:00.000Z'));

    const { promises } = await getCharts(ctx);
    expect(promises).toEqual([
      { month: '2026-10', onTime: 0, late: 1, broken: 1, overdue: 0 },
      { month: '2026-11', onTime: 1, late: 0, broken: 0, overdue: 1 },
    ]);
    // The chart and the rate tell the same story: 1 on time out of 4 that fell due.
    const counted = promises.reduce((n, m) => n + m.onTime + m.late + m.broken + m.overdue, 0);
    expect(counted).toBe(4);
    expect((await getPromiseStats(ctx)).keptOnTime90Days).toBe(0.25);
  });

  it('sums favours by month, weighted by size, with the running balance; today ends the tier series', async () => {
    const { ctx } = await h.account();
    const ada = await createContact(ctx, { displayName: 'Ada Lovelace' }, 'web');
    await recordFavour(ctx, {
      contactId: ada.id,
      direction: 'given',
      what: 'Intro',
      size: 3,
      occurredOn: '2026-09-02',
    });
    await recordFavour(ctx, {
      contactId: ada.id,
      direction: 'received',
      what: 'Advice',
      occurredOn: '2026-09-20',
    });
    await recordFavour(ctx, {
      contactId: ada.id,
      direction: 'received',
      what: 'Review',
      occurredOn: '2026-11-03',
    });
    await recordFavour(ctx, {
      contactId: ada.id,
      direction: 'given',
      what: 'Long ago',
      occurredOn: '2025-01-01',
    });
    await recordInteraction(ctx, {
      kind: 'meeting',
      contactIds: [ada.id],
      occurredAt: '2026-11-20T12:00:00.000Z',
    });

    const charts = await getCharts(ctx);
    expect(charts.favours).toEqual([
      { month: '2026-09', given: 3, received: 1, balance: 2 },
      { month: '2026-11', given: 0, received: 1, balance: 1 },
    ]);
    const last = charts.health.at(-1);
    expect(last?.day).toBe('2026-11-25');
    expect((last?.inner ?? 0) + (last?.close ?? 0) + (last?.active ?? 0) + (last?.dormant ?? 0)).toBe(1);
  });

  it("shows nothing of another account's promises or favours", async () => {
    const a = await h.account();
    const b = await h.account();
    const ada = await createContact(a.ctx, { displayName: 'Ada Lovelace' }, 'web');
    await createPromise(a.ctx, {
      contactId: ada.id,
      direction: 'mine',
      what: 'Send it',
      dueOn: '2026-11-01',
    });
    await recordFavour(a.ctx, {
      contactId: ada.id,
      direction: 'given',
      what: 'Intro',
      occurredOn: '2026-11-01',
    });
    const charts = await getCharts(b.ctx);
    expect(charts.promises).toEqual([]);
    expect(charts.favours).toEqual([]);
    expect(charts.health).toEqual([{ day: '2026-11-25', inner: 0, close: 0, active: 0, dormant: 0 }]);
  });
});
