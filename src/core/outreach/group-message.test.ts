import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { type Ctx, requireActor } from '../context';
import { importLinkedin } from '../imports/import-linkedin';
import { recordInteraction } from '../interactions/record-interaction';
import { refreshRelationships } from '../relationships/refresh-relationships';
import { statesOf } from '../relationships/relationship.queries';
import { getOutreachStats } from './get-outreach-stats';
import { listOutreachQueue } from './list-outreach-queue';

const fixture = (name: string) =>
  readFileSync(new URL(`../../formats/linkedin/fixtures/${name}`, import.meta.url));

async function setUp(h: Parameters<Parameters<typeof describeEngines>[1]>[0]) {
  const { ctx } = await h.account('Nadia Rahman');
  ctx.clock.set(new Date('2026-11-22T08:00:00Z'));
  await importLinkedin(ctx, {
    source: { name: 'Connections.csv', bytes: fixture('weekly-connections.csv') },
    dryRun: false,
  });
  const page = await listOutreachQueue(ctx, { view: 'all' });
  const id = new Map(page.items.map((i) => [i.contact.displayName, i.contact.id]));
  return { ctx, id: (name: string) => id.get(name) as string };
}

const waiting = async (ctx: Ctx) =>
  (await listOutreachQueue(ctx, {})).items.map((i) => i.contact.displayName).sort();

/** The written weight each way, valued at one moment so that people can be compared. */
async function written(ctx: Ctx, contactIds: string[]) {
  const ownerId = requireActor(ctx);
  await refreshRelationships(ctx, ownerId, contactIds);
  const states = await statesOf(ctx.db, ownerId, contactIds);
  return contactIds.map((c) => {
    const s = states.get(c);
    return { out: Number(s?.out_w.toFixed(3)), in: Number(s?.in_w.toFixed(3)) };
  });
}

/**
 * messages-one-group-alone.csv: Nadia writes to Amara alone (two people), to Bastian and Chiara together (three
 * people: Chiara answers in the group), and a note to herself (Nadia alone).
 */
describeEngines('a message to a group is not a personal message to each of its people', (h) => {
  it('one to one takes them out of the queue and counts in full; a group message does neither; the owner alone is nobody', async () => {
    const { ctx, id } = await setUp(h);
    expect(await waiting(ctx)).toEqual(['Amara Okafor', 'Bastian Volkov', 'Chiara Romano', 'Zainab Qureshi']);

    ctx.clock.set(new Date('2026-11-23T14:00:00Z'));
    const report = await importLinkedin(ctx, {
      source: { name: 'messages.csv', bytes: fixture('messages-one-group-alone.csv') },
      dryRun: false,
    });
    expect(report.stats).toMatchObject({ messages: 3, messagesWithoutContact: 1 });

    // Amara had a message of her own; Bastian and Chiara were only in a group, and still wait for one.
    expect(await waiting(ctx)).toEqual(['Bastian Volkov', 'Chiara Romano', 'Zainab Qureshi']);
    expect((await getOutreachStats(ctx)).queue.queued).toBe(3);

    // Strength: the group message counts a third of a message to one person (ADR 8's `group` weight), both ways.
    const [amara, bastian, chiara, zainab] = await written(ctx, [
      id('Amara Okafor'),
      id('Bastian Volkov'),
      id('Chiara Romano'),
      id('Zainab Qureshi'),
    ]);
    expect(amara?.out).toBeGreaterThan(0);
    expect(bastian?.out).toBeCloseTo((amara?.out ?? 0) / 3, 3);
    expect(chiara?.out).toBe(bastian?.out);
    expect(chiara?.in).toBeGreaterThan(0);
    expect(chiara?.in).toBeLessThan(amara?.out ?? 0);
    // Chiara's answer is linked to everyone in the conversation, so it counts (as a group message) for Bastian
    // too: the log does not keep who wrote an inbound message.
    expect(bastian?.in).toBe(chiara?.in);
    // The note to herself is with nobody.
    expect(zainab).toEqual({ out: 0, in: 0 });
  });

  it('an email logged by hand to two people counts as a group one, as it is logged and once recomputed', async () => {
    const { ctx, id } = await setUp(h);
    ctx.clock.set(new Date('2026-11-23T14:00:00Z'));
    const both = [id('Bastian Volkov'), id('Chiara Romano')];
    await recordInteraction(ctx, {
      kind: 'email',
      direction: 'outbound',
      contactIds: both,
      occurredAt: '2026-11-23T09:00:00Z',
      summary: 'Agenda for the freight roundtable',
    });
    await recordInteraction(ctx, {
      kind: 'email',
      direction: 'outbound',
      contactIds: [id('Amara Okafor')],
      occurredAt: '2026-11-23T09:00:00Z',
      summary: 'The pilot report you asked for',
    });
    expect(await waiting(ctx)).toEqual(['Bastian Volkov', 'Chiara Romano', 'Zainab Qureshi']);

    const ownerId = requireActor(ctx);
    const logged = await statesOf(ctx.db, ownerId, [...both, id('Amara Okafor')]);
    const outOf = (c: string) => Number(logged.get(c)?.out_w.toFixed(6));
    // As logged (the incremental path): a quarter of a one-to-one email.
    expect(outOf(id('Bastian Volkov'))).toBeCloseTo(outOf(id('Amara Okafor')) / 4, 5);
    // Recomputed from the log: the same.
    const [bastian, , amara] = await written(ctx, [...both, id('Amara Okafor')]);
    expect(bastian?.out).toBeCloseTo((amara?.out ?? 0) / 4, 2);
    expect(bastian?.out).toBeCloseTo(outOf(id('Bastian Volkov')), 2);
  });
});
