import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { DAY_MS } from '../clock';
import { createContact } from '../contacts/create-contact';
import { listContacts } from '../contacts/list-contacts';
import type { Ctx } from '../context';
import { recordFavour } from '../favours/record-favour';
import { importLinkedin } from '../imports/import-linkedin';
import { recordInteraction } from '../interactions/record-interaction';
import { describeHistory } from './describe-history';
import { getRelationship } from './get-relationship';
import { updateRelationship } from './update-relationship';

const ME = 'https://www.linkedin.com/in/me-myself';
const JURGEN = 'https://www.linkedin.com/in/juergen-habermas';

/** A LinkedIn export holding one message Jürgen sent on 1 Feb 2026 (and one of mine to Ada, so the owner is known). */
function exportWithOneReceivedMessage() {
  const enc = (s: string) => new TextEncoder().encode(s);
  return zipSync({
    'Connections.csv': enc(
      [
        'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
        `Jürgen,Habermas,${JURGEN},,,,07 Feb 2024`,
        'Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,,,,07 Feb 2024',
      ].join('\n'),
    ),
    'messages.csv': enc(
      [
        'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS',
        `c1,,Jürgen Habermas,${JURGEN},Me Myself,${ME},2026-02-01 08:00:00 UTC,,Guten Tag!,INBOX,`,
        `c2,,Me Myself,${ME},Ada Lovelace,https://www.linkedin.com/in/ada-lovelace,2026-02-02 08:00:00 UTC,,Hi Ada,INBOX,`,
      ].join('\n'),
    ),
  });
}

const daysAgo = (ctx: Ctx, days: number) => new Date(ctx.clock.now().getTime() - days * DAY_MS).toISOString();

describeEngines('why a relationship scores what it does', (h) => {
  it('with nothing logged, or only notes, there is no factor to show', async () => {
    const { ctx } = await h.account();
    const c = await createContact(ctx, { displayName: 'Nobody Yet' }, 'web');
    expect(await getRelationship(ctx, c.id)).toMatchObject({ score: 0, factors: [], lastContactAt: null });
    // A note is not contact with the person (ADR 8): still nothing that counts, and no last contact.
    await recordInteraction(ctx, { kind: 'note', contactIds: [c.id], summary: 'Likes Kafka' });
    expect(await getRelationship(ctx, c.id)).toMatchObject({ score: 0, factors: [], lastContactAt: null });
  });

  it('an imported LinkedIn message they sent in February counts, and says why it adds almost nothing by November', async () => {
    const { ctx } = await h.account();
    await importLinkedin(ctx, {
      source: { name: 'Basic_LinkedInDataExport.zip', bytes: exportWithOneReceivedMessage() },
      dryRun: false,
    });
    const jurgen = (await listContacts(ctx, { q: 'Habermas' })).items[0]?.id as string;
    const r = await getRelationship(ctx, jurgen);
    // 1.5 (a message) · ¼ (one way) · 2^(−297/100) (297 days old): 0.05 of effective weight, 0.2 points.
    expect(r).toMatchObject({ score: 0.2, tier: 'dormant', lastContactAt: '2026-02-01T08:00:00.000Z' });
    expect(r.factors).toEqual([
      {
        kind: 'one-way',
        points: 0.2,
        text: '1 message from them, 297 days ago: one-way messages count a quarter until you answer, and what it adds halves every 100 days',
      },
    ]);

    // Answering makes it count both ways: the old message is now reciprocated, not one-way.
    await recordInteraction(ctx, { kind: 'message', contactIds: [jurgen], direction: 'outbound' });
    expect((await getRelationship(ctx, jurgen)).factors).toEqual([
      { kind: 'reciprocated', points: 1.7, text: 'messages both ways: +1.7' },
      { kind: 'one-way', points: 1.5, text: 'messages that went one way only: +1.5' },
      { kind: 'duration', points: 0.1, text: 'a long-standing relationship: +0.1' },
    ]);
  });

  it('interactions too old to count are named with their age and the half-life', async () => {
    const { ctx } = await h.account();
    const c = await createContact(ctx, { displayName: 'Old Friend' }, 'web');
    await recordInteraction(ctx, { kind: 'meeting', contactIds: [c.id], occurredAt: daysAgo(ctx, 1200) });
    await recordInteraction(ctx, { kind: 'event', contactIds: [c.id], occurredAt: daysAgo(ctx, 1000) });
    await recordInteraction(ctx, { kind: 'email', contactIds: [c.id], occurredAt: daysAgo(ctx, 800) });
    for (const days of [900, 850])
      await recordInteraction(ctx, {
        kind: 'message',
        contactIds: [c.id],
        direction: 'inbound',
        occurredAt: daysAgo(ctx, days),
      });
    await recordFavour(ctx, {
      contactId: c.id,
      direction: 'received',
      what: 'An introduction',
      size: 2,
      occurredOn: daysAgo(ctx, 700).slice(0, 10),
    });
    const r = await getRelationship(ctx, c.id);
    // Each part is under half a point, so none is a factor of its own. The favour is the last contact (ADR 8).
    expect(r).toMatchObject({
      score: 0.4,
      tier: 'dormant',
      lastContactAt: `${daysAgo(ctx, 700).slice(0, 10)}T00:00:00.000Z`,
      lastContactKind: 'favour',
    });
    expect(r.factors).toEqual([
      {
        kind: 'favours',
        points: 0.2,
        text: '1 favour, 700 days ago: what it adds halves every 100 days, so almost nothing is left of it',
      },
      {
        kind: 'reciprocated',
        points: 0.1,
        text: '1 email both ways and 2 messages from them, the last 800 days ago: what they add halves every 100 days, so almost nothing is left of them',
      },
      {
        kind: 'face',
        points: 0,
        text: '1 meeting and 1 event, the last 1000 days ago: what they add halves every 100 days, so almost nothing is left of them',
      },
    ]);

    // The owner's closeness rating holds the score up and comes first; the history still says why it is not higher.
    const rated = await updateRelationship(ctx, c.id, { closeness: 1 });
    expect(rated.score).toBe(15);
    expect(rated.factors.map((f) => f.kind)).toEqual(['floor', 'favours', 'reciprocated', 'face']);
  });
});

describe('describeHistory', () => {
  const NOW = Date.parse('2026-11-25T09:00:00.000Z');
  const none = { face: 0, voice: 0, reciprocated: 0, 'one-way': 0, favours: 0 };
  const at = (days: number) => new Date(NOW - days * DAY_MS).toISOString();

  it('says who would have to answer one-way contact, and names calls', () => {
    const lines = describeHistory(
      {
        interactions: [
          { kind: 'message', direction: 'outbound', answered: null, count: 3, lastAt: at(400) },
          { kind: 'call', direction: 'outbound', answered: false, count: 1, lastAt: at(420) },
          { kind: 'video', direction: 'mutual', answered: null, count: 1, lastAt: at(700) },
          { kind: 'call', direction: 'inbound', answered: true, count: 2, lastAt: at(600) },
          { kind: 'call', direction: 'outbound', answered: null, count: 1, lastAt: at(650) },
        ],
        favours: { count: 0, lastOn: null },
      },
      { ...none, voice: 0.3, 'one-way': 0.1 },
      NOW,
    );
    expect(lines).toEqual([
      {
        kind: 'voice',
        points: 0.3,
        text: '3 calls and 1 video call, the last 600 days ago: what they add halves every 100 days, so almost nothing is left of them',
      },
      {
        kind: 'one-way',
        points: 0.1,
        text: '3 messages from you and 1 unanswered call from you, the last 400 days ago: one-way contact counts a quarter until they answer, and what they add halves every 100 days',
      },
    ]);
    expect(
      describeHistory(
        {
          interactions: [{ kind: 'email', direction: 'outbound', answered: null, count: 1, lastAt: at(250) }],
          favours: { count: 0, lastOn: null },
        },
        { ...none, 'one-way': 0.4 },
        NOW,
      )[0]?.text,
    ).toBe(
      '1 email from you, 250 days ago: one-way messages count a quarter until they answer, and what it adds halves every 100 days',
    );
  });
});
