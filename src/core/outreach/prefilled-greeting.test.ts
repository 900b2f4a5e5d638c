import { expect, it } from 'vitest';
import { describeEngines, type Harness } from '../../../test/engines';
import { createContact } from '../contacts/create-contact';
import { getOutreachItem } from './get-outreach-item';
import { listOutreachQueue } from './list-outreach-queue';
import { markOutreachSent } from './mark-outreach-sent';
import { previewOutreachMessage } from './preview-outreach-message';

let keys = 0;
const sendKey = () => `prefilled-${++keys}`;

// The harness clock: 2026-11-25 (Wen connected this month, so she waits in the queue).
describeEngines(
  'outreach: the pre-filled greeting and sign-off are not a line of one’s own',
  (h: Harness) => {
    async function wenItem() {
      const a = await h.account('Ana Ferreira');
      await createContact(a.ctx, { displayName: 'Wen Schmidt', connectedOn: '2026-11-20' }, 'web');
      const item = (await listOutreachQueue(a.ctx, { view: 'all' })).items.find(
        (i) => i.contact.displayName === 'Wen Schmidt',
      );
      if (!item) throw new Error('Wen is not queued');
      const draft = (await getOutreachItem(a.ctx, item.id)).suggestion.body;
      // The suggested draft without a template, with a line typed where the cursor starts.
      const withLine = (line: string) => draft.replace('\n\n\n\n', `\n\n${line}\n\n`);
      return { ctx: a.ctx, id: item.id, draft, withLine };
    }

    it('refuses "Hi Wen, … Best, Ana" around three words of one’s own, saying what to add', async () => {
      const { ctx, id, draft, withLine } = await wenItem();
      expect(draft).toBe('Hi {firstName},\n\n\n\nBest,\n{myFirstName}');
      // Three words and 26 characters: the greeting and sign-off made it five words before.
      const body = withLine('Enjoyed your presentation');
      const preview = await previewOutreachMessage(ctx, id, { channel: 'linkedin', body });
      expect(preview.body).toBe('Hi Wen,\n\nEnjoyed your presentation\n\nBest,\nAna');
      expect(preview.personal).toMatchObject({ ok: false, words: 3, line: 'enjoyed your presentation' });
      expect(preview.personal.reason).toBe(
        'add a line of your own about them (a personal line needs at least 5 words and 25 characters beyond the greeting and sign-off and their details)',
      );
      await expect(
        markOutreachSent(ctx, id, { channel: 'linkedin', body, sendKey: sendKey() }),
      ).rejects.toMatchObject({
        code: 'validation',
        message: expect.stringContaining('body: add a line of your own about them'),
        details: { issues: [{ path: 'body' }] },
      });
      expect((await getOutreachItem(ctx, id)).state).toBe('queued');
    });

    it('sends the same draft around five words of one’s own, storing only those as the personal line', async () => {
      const { ctx, id, withLine } = await wenItem();
      const body = withLine('Enjoyed your presentation on compilers');
      const preview = await previewOutreachMessage(ctx, id, { channel: 'linkedin', body });
      expect(preview.personal).toMatchObject({
        ok: true,
        words: 5,
        line: 'enjoyed your presentation on compilers',
      });
      const sent = await markOutreachSent(ctx, id, { channel: 'linkedin', body, sendKey: sendKey() });
      expect(sent.item.state).toBe('sent');
    });

    it('asks a fresh draft for a line of its own, not quoting the greeting and sign-off back as too short', async () => {
      const { ctx, id, draft } = await wenItem();
      const preview = await previewOutreachMessage(ctx, id, { channel: 'linkedin', body: draft });
      expect(preview.personal).toMatchObject({ ok: false, words: 0, line: '' });
      expect(preview.personal.reason).toBe(
        'this is the greeting and sign-off alone: add a line of your own about them (at least 5 words and 25 characters beyond the greeting and sign-off and their details)',
      );
      // Their name alone is still "nothing but their details".
      const name = await previewOutreachMessage(ctx, id, { channel: 'linkedin', body: 'Wen' });
      expect(name.personal.reason).toContain('the message holds nothing but their details');
    });
  },
);
