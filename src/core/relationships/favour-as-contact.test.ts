import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { getToday } from '../agenda/get-today';
import { updateSettings } from '../agenda/update-settings';
import { createContact } from '../contacts/create-contact';
import { deleteFavour } from '../favours/delete-favour';
import { recordFavour } from '../favours/record-favour';
import { recordInteraction } from '../interactions/record-interaction';
import { getRelationship } from './get-relationship';
import { recomputeRelationships } from './recompute-relationships';
import { updateRelationship } from './update-relationship';

// The harness's clock: 2026-11-25T09:00:00Z. A favour given or received is contact with the person (ADR 8).
const keepInTouch = async (ctx: Parameters<typeof getToday>[0]) =>
  (await getToday(ctx)).items.filter((i) => i.kind === 'keep-in-touch').map((i) => i.title);

describeEngines('a favour is contact for keeping in touch', (h) => {
  it('moves the due day on, says it was a favour, and moves it back when the favour goes', async () => {
    const { ctx } = await h.account();
    const grace = await createContact(ctx, { displayName: 'Grace Hopper' }, 'web');
    await recordInteraction(ctx, {
      kind: 'call',
      contactIds: [grace.id],
      occurredAt: '2026-09-01T10:00:00Z',
    });
    await updateRelationship(ctx, grace.id, { cadenceDays: 30 });
    expect((await getRelationship(ctx, grace.id)).nextDue).toBe('2026-10-01');
    expect(await keepInTouch(ctx)).toEqual(['Get in touch with Grace Hopper']);

    // I reviewed her talk three days ago: we were in touch, so she is not overdue.
    const f = await recordFavour(ctx, {
      contactId: grace.id,
      direction: 'given',
      what: 'Reviewed her talk',
      occurredOn: '2026-11-22',
    });
    expect(await getRelationship(ctx, grace.id)).toMatchObject({
      nextDue: '2026-12-22',
      lastContactKind: 'favour',
      lastContactDateOnly: true,
    });
    expect(await keepInTouch(ctx)).toEqual([]);
    // One I did them answers what came before: nothing waits on me.
    expect((await getToday(ctx)).items.map((i) => i.kind)).not.toContain('waiting');
    // The same after a full recompute (the other engine path: every interaction and favour read again).
    await recomputeRelationships(ctx);
    expect(await getRelationship(ctx, grace.id)).toMatchObject({
      nextDue: '2026-12-22',
      lastContactKind: 'favour',
    });

    await deleteFavour(ctx, f.id);
    expect(await getRelationship(ctx, grace.id)).toMatchObject({
      nextDue: '2026-10-01',
      lastContactKind: 'call',
    });
    expect(await keepInTouch(ctx)).toEqual(['Get in touch with Grace Hopper']);
  });

  it('counts the favour’s day in the account’s zone, and a favour received the same', async () => {
    const { ctx } = await h.account();
    await updateSettings(ctx, { timeZone: 'America/Los_Angeles' });
    const linus = await createContact(ctx, { displayName: 'Linus Pauling' }, 'web');
    await updateRelationship(ctx, linus.id, { cadenceDays: 14 });
    await recordFavour(ctx, {
      contactId: linus.id,
      direction: 'received',
      what: 'Introduced me to his lab',
      occurredOn: '2026-11-20',
    });
    // Midnight UTC would be the 19th in Los Angeles, and the due day a day early.
    expect((await getRelationship(ctx, linus.id)).nextDue).toBe('2026-12-04');
    // What they did for me is the last word between us: it waits on my thanks, as a message waits on an answer.
    expect((await getToday(ctx)).items.find((i) => i.kind === 'waiting')).toMatchObject({
      title: 'Thank Linus Pauling',
      reason: 'they did you a favour 5 days ago: a word of thanks?',
      action: { label: 'Log my thanks', logAs: 'message' },
    });
    // Their message after it is the last contact again, and can wait on my answer.
    await recordInteraction(ctx, {
      kind: 'message',
      direction: 'inbound',
      contactIds: [linus.id],
      occurredAt: '2026-11-24T18:00:00Z',
    });
    expect(await getRelationship(ctx, linus.id)).toMatchObject({
      nextDue: '2026-12-08',
      lastContactKind: 'message',
    });
    expect((await getToday(ctx)).items.find((i) => i.kind === 'waiting')?.title).toBe(
      'Reply to Linus Pauling',
    );
  });
});
