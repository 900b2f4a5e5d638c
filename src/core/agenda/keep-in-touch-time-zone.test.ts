import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { createContact } from '../contacts/create-contact';
import type { Ctx } from '../context';
import { gatherUpcoming } from '../feeds/gather-upcoming';
import { recordInteraction } from '../interactions/record-interaction';
import { getRelationship } from '../relationships/get-relationship';
import { updateRelationship } from '../relationships/update-relationship';
import { getToday } from './get-today';
import { updateSettings } from './update-settings';

const keepInTouch = async (ctx: Ctx) =>
  (await getToday(ctx)).items.filter((i) => i.kind === 'keep-in-touch').map((i) => i.reason);

describeEngines('Keep in touch counts in the account’s own days', (h) => {
  it('an 8:00 coffee in Auckland falls due a week later there, not a day early', async () => {
    const { ctx } = await h.account();
    await updateSettings(ctx, { timeZone: 'Pacific/Auckland' });
    // Saturday 14 November, 08:00 in Auckland (UTC+13) is still Friday the 13th in UTC.
    ctx.clock.set('2026-11-13T19:00:00Z');
    const c = await createContact(ctx, { displayName: 'Aroha Smith' }, 'web');
    await updateRelationship(ctx, c.id, { cadenceDays: 7 });
    await recordInteraction(ctx, { kind: 'meeting', contactIds: [c.id] });
    expect((await getRelationship(ctx, c.id)).nextDue).toBe('2026-11-21');

    // Friday the 20th, 08:00 in Auckland: six days on, not due yet.
    ctx.clock.set('2026-11-19T19:00:00Z');
    expect(await keepInTouch(ctx)).toEqual([]);
    // Saturday the 21st: due, and it has been a week (not eight days).
    ctx.clock.set('2026-11-20T19:00:00Z');
    expect(await keepInTouch(ctx)).toEqual([
      'last in touch 7 days ago; you keep in touch every 7 days (active): due today, strength 36 when last in touch',
    ]);
  });

  it('an evening call in Los Angeles counts on its own day, and the feed names that day', async () => {
    const { ctx, id } = await h.account();
    await updateSettings(ctx, { timeZone: 'America/Los_Angeles' });
    // Monday 16 November, 17:00 in Los Angeles (UTC−8) is already the 17th in UTC.
    ctx.clock.set('2026-11-17T01:00:00Z');
    const c = await createContact(ctx, { displayName: 'Evening Caller' }, 'web');
    await updateRelationship(ctx, c.id, { cadenceDays: 14 });
    await recordInteraction(ctx, { kind: 'call', contactIds: [c.id], answered: true });
    expect((await getRelationship(ctx, c.id)).nextDue).toBe('2026-11-30');
    const feed = await gatherUpcoming(ctx, id, '2026-11-16', 30);
    expect(feed.find((e) => e.kind === 'keep-in-touch')?.reason).toMatch(/^last in touch on 2026-11-16;/);
  });

  it('moves the due days when the account changes its time zone', async () => {
    const { ctx } = await h.account();
    ctx.clock.set('2026-11-13T19:00:00Z');
    const c = await createContact(ctx, { displayName: 'Moving Abroad' }, 'web');
    await updateRelationship(ctx, c.id, { cadenceDays: 7 });
    await recordInteraction(ctx, { kind: 'meeting', contactIds: [c.id] });
    expect((await getRelationship(ctx, c.id)).nextDue).toBe('2026-11-20');
    await updateSettings(ctx, { timeZone: 'Pacific/Auckland' });
    expect((await getRelationship(ctx, c.id)).nextDue).toBe('2026-11-21');
  });
});
