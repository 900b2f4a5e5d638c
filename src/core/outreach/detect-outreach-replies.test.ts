import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import type { Ctx } from '../context';
import { importLinkedin } from '../imports/import-linkedin';
import { undoImport } from '../imports/undo-import';
import { createPurpose } from '../purposes/create-purpose';
import { listContactPurposes } from '../purposes/list-contact-purposes';
import { listOutreachQueue } from './list-outreach-queue';
import { markOutreachSent } from './mark-outreach-sent';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

/**
 * fixtures/messages.csv holds one conversation per quirk of reply detection:
 * - Ada: our message, then two answers in the same conversation → replied, at the first answer;
 * - Grace: an old conversation from before the outreach → not a reply;
 * - Katherine: our message and no answer → still waiting;
 * - Alan: writes in a group conversation where our last message predates the outreach → not a reply;
 * - Ines: our LinkedIn message went out three hours before it was marked sent, and she answered in between →
 *   replied (our message counts from a day before it was marked).
 */
const LINES: Record<string, string> = {
  'Ada Lovelace': 'Your note on the Analytical Engine was the best thing I read this year.',
  'Grace Hopper': 'Your work on compilers changed how my students think about programming.',
  'Katherine Johnson': 'Your orbital calculations are what got me into mathematics at school.',
  'Alan Turing': 'Your paper on computable numbers is on the reading list for my seminar.',
  'Ines Duarte': 'Your talk on supply chains at MIT was the best of the whole day.',
};

async function states(ctx: Ctx) {
  const page = await listOutreachQueue(ctx, { view: 'all' });
  return Object.fromEntries(page.items.map((i) => [i.contact.displayName, [i.state, i.repliedAt]]));
}

describeEngines('outreach replies found in a LinkedIn messages.csv', (h) => {
  it('an answer in the same conversation after our message is a reply; nothing else is', async () => {
    const { ctx } = await h.account('Bram Okonkwo');
    await importLinkedin(ctx, {
      source: { name: 'Connections.csv', bytes: fixture('Connections.csv') },
      dryRun: false,
    });
    const purpose = await createPurpose(ctx, { name: 'Case-study research leads' });
    for (const item of (await listOutreachQueue(ctx)).items) {
      await markOutreachSent(ctx, item.id, {
        channel: 'linkedin',
        purposeId: item.contact.displayName === 'Ada Lovelace' ? purpose.id : null,
        body: `Hi {firstName}, ${LINES[item.contact.displayName]}`,
        sendKey: `mark-${item.id}`,
      });
    }
    const ada = (await listOutreachQueue(ctx, { view: 'all' })).items.find(
      (i) => i.contact.displayName === 'Ada Lovelace',
    );
    expect((await listContactPurposes(ctx, ada?.contact.id as string)).items[0]?.stage.name).toBe(
      'reached out',
    );

    ctx.clock.set(new Date('2026-11-28T09:00:00Z'));
    const messages = await importLinkedin(ctx, {
      source: { name: 'messages.csv', bytes: fixture('messages.csv') },
      dryRun: false,
    });
    expect(messages.stats).toMatchObject({ messages: 10, outreachReplies: 2 });
    expect(await states(ctx)).toEqual({
      'Ada Lovelace': ['replied', '2026-11-26T10:00:00.000Z'],
      'Grace Hopper': ['sent', null],
      'Katherine Johnson': ['sent', null],
      'Alan Turing': ['sent', null],
      'Ines Duarte': ['replied', '2026-11-25T07:30:00.000Z'],
    });
    expect((await listContactPurposes(ctx, ada?.contact.id as string)).items[0]?.stage.name).toBe(
      'responded',
    );

    // The same file again changes nothing.
    const again = await importLinkedin(ctx, {
      source: { name: 'messages.csv', bytes: fixture('messages.csv') },
      dryRun: false,
    });
    expect(again.stats).toMatchObject({ messages: 0, outreachReplies: 0 });

    // Undoing the import that found the replies takes them back.
    await undoImport(ctx, again.id as string);
    await undoImport(ctx, messages.id as string);
    expect(await states(ctx)).toMatchObject({
      'Ada Lovelace': ['sent', null],
      'Ines Duarte': ['sent', null],
    });
  });
});
