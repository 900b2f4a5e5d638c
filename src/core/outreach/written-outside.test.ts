import { expect, it } from 'vitest';
import { describeEngines, type Harness } from '../../../test/engines';
import { markEmailVerified } from '../accounts/mark-email-verified';
import { getToday } from '../agenda/get-today';
import { createContact } from '../contacts/create-contact';
import type { Ctx } from '../context';
import { deleteInteraction } from '../interactions/delete-interaction';
import { recordInteraction } from '../interactions/record-interaction';
import { acceptConnection } from '../network/accept-connection';
import { inviteToConnect } from '../network/invite-to-connect';
import { sendDirectMessage } from '../network/send-direct-message';
import { addToOutreachQueue } from './add-to-outreach-queue';
import { getOutreachItem } from './get-outreach-item';
import { getOutreachStats } from './get-outreach-stats';
import { listOutreachQueue } from './list-outreach-queue';
import { markOutreachSent } from './mark-outreach-sent';

/** Who Today asks me to write to. */
async function writeTo(ctx: Ctx) {
  return (await getToday(ctx, { limit: 50 })).items
    .filter((i) => i.kind === 'new-connection')
    .map((i) => i.title);
}

async function queued(ctx: Ctx) {
  const page = await listOutreachQueue(ctx);
  return { names: page.items.map((i) => i.contact.displayName), count: page.counts.queued };
}

async function itemOf(ctx: Ctx, contactId: string) {
  const item = (await listOutreachQueue(ctx, { view: 'all' })).items.find((i) => i.contact.id === contactId);
  if (!item) throw new Error('not in the queue');
  return item;
}

// The harness clock: 2026-11-25T09:00Z.
describeEngines(
  'outreach: a personal message written outside outreach takes the person out of the queue',
  (h: Harness) => {
    it('a Rapport direct message (rapport message "Cole Tran" …): out of the queue and off Today, in no response rate', async () => {
      const me = await h.account('Bram Okonkwo');
      const cole = await h.account('Cole Tran');
      for (const a of [me, cole]) await markEmailVerified(a.ctx, a.email);
      const contact = await createContact(
        me.ctx,
        { givenName: 'Cole', familyName: 'Tran', connectedOn: '2026-11-20', emails: [{ value: cole.email }] },
        'web',
      );
      await createContact(me.ctx, { displayName: 'Maya Okafor', connectedOn: '2026-11-19' }, 'web');
      const invited = await inviteToConnect(me.ctx, { email: cole.email });
      await acceptConnection(cole.ctx, invited.connection?.id as string);
      expect(await writeTo(me.ctx)).toEqual(['Write to Cole Tran', 'Write to Maya Okafor']);

      await sendDirectMessage(me.ctx, {
        toAccountId: cole.id,
        body: 'Hi Cole, great to be connected here too!',
      });

      expect(await queued(me.ctx)).toEqual({ names: ['Maya Okafor'], count: 1 });
      expect(await writeTo(me.ctx)).toEqual(['Write to Maya Okafor']);
      const item = await itemOf(me.ctx, contact.id);
      // Still the queue's item (outreach may yet record a message of its own), saying why it waits no more.
      expect(item).toMatchObject({
        state: 'queued',
        writtenOutside: { kind: 'message', source: 'rapport', at: '2026-11-25T09:00:00.000Z' },
      });
      expect((await getOutreachItem(me.ctx, item.id)).writtenOutside).toMatchObject({ source: 'rapport' });
      // Not an outreach send: no response rate counts it.
      const stats = await getOutreachStats(me.ctx);
      expect(stats.total.sent).toBe(0);
      expect(stats.queue.queued).toBe(1);

      // On Cole's side the message came in: his contact for me still waits for his own first message.
      const mine = (await listOutreachQueue(cole.ctx)).items.map((i) => [
        i.contact.displayName,
        i.writtenOutside,
      ]);
      expect(mine).toEqual([['Bram Okonkwo', null]]);
    });

    it('an outbound email or message logged by hand (rapport log … --out) counts; calls, inbound ones and older ones do not', async () => {
      const { ctx } = await h.account();
      const noah = await createContact(ctx, { displayName: 'Noah Klein', connectedOn: '2026-11-20' }, 'web');
      const maya = await createContact(ctx, { displayName: 'Maya Okafor', connectedOn: '2026-11-18' }, 'web');
      const log = (
        contactId: string,
        kind: 'email' | 'message' | 'call',
        direction: 'outbound' | 'inbound',
        at: string,
      ) =>
        recordInteraction(
          ctx,
          { kind, direction, contactIds: [contactId], occurredAt: at, summary: 'hello' },
          'cli',
        );
      // Maya: she wrote to me, I called her, and I wrote to her before we connected. None is my first message.
      await log(maya.id, 'email', 'inbound', '2026-11-21T10:00:00Z');
      await log(maya.id, 'call', 'outbound', '2026-11-21T11:00:00Z');
      await log(maya.id, 'message', 'outbound', '2026-11-17T11:00:00Z');
      expect((await queued(ctx)).names).toEqual(['Noah Klein', 'Maya Okafor']);

      const emailed = await log(noah.id, 'email', 'outbound', '2026-11-20T16:00:00Z');
      expect(await queued(ctx)).toEqual({ names: ['Maya Okafor'], count: 1 });
      expect(await writeTo(ctx)).toEqual(['Write to Maya Okafor']);
      expect((await itemOf(ctx, noah.id)).writtenOutside).toEqual({
        interactionId: emailed.id,
        at: '2026-11-20T16:00:00.000Z',
        kind: 'email',
        source: 'cli',
      });

      // Taken out of the log, the email no longer counts: Noah waits again.
      await deleteInteraction(ctx, emailed.id);
      expect((await queued(ctx)).names).toEqual(['Noah Klein', 'Maya Okafor']);
      expect((await itemOf(ctx, noah.id)).writtenOutside).toBeNull();
    });

    it('someone added by hand waits for a message written after they were added; outreach can still record one', async () => {
      const { ctx } = await h.account();
      const old = await createContact(ctx, { displayName: 'Alan Turing', connectedOn: '2019-05-01' }, 'web');
      await recordInteraction(
        ctx,
        { kind: 'email', direction: 'outbound', contactIds: [old.id], occurredAt: '2026-11-01T10:00:00Z' },
        'cli',
      );
      await addToOutreachQueue(ctx, { contactIds: [old.id] });
      // Last month's email is why I wrote them down again, not the message they wait for.
      expect((await queued(ctx)).names).toEqual(['Alan Turing']);
      ctx.clock.set(new Date('2026-11-25T10:00:00Z'));
      await recordInteraction(ctx, { kind: 'message', direction: 'outbound', contactIds: [old.id] }, 'web');
      expect((await queued(ctx)).names).toEqual([]);

      // Recording it in outreach after all is allowed: then it is an outreach send like any other.
      const item = await itemOf(ctx, old.id);
      const sent = await markOutreachSent(ctx, item.id, {
        channel: 'linkedin',
        body: 'Hi {firstName}, your paper on computable numbers still shapes how I teach.',
        sendKey: 'written-outside-then-marked',
      });
      expect(sent.item).toMatchObject({ state: 'sent', writtenOutside: null });
      expect((await getOutreachStats(ctx)).total.sent).toBe(1);
    });
  },
);
