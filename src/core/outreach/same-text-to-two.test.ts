import { expect, it } from 'vitest';
import { describeEngines, type Harness } from '../../../test/engines';
import { createContact } from '../contacts/create-contact';
import { createOutreachTemplate } from './create-outreach-template';
import { BLANK_DRAFT, getOutreachItem } from './get-outreach-item';
import { listOutreachQueue } from './list-outreach-queue';
import { markOutreachSent } from './mark-outreach-sent';
import { previewOutreachMessage } from './preview-outreach-message';

// The QA reproduction: "Initech" is Wen's organisation, typed in the text, so it was removed from her message's
// fingerprint but not from Kofi's, and the two differed.
const BODY =
  'Hi {firstName},\n\nLoved your talk on recruiting platform engineers at the Initech meetup last week.\n\nBest,\n{myFirstName}';

/** The pre-filled greeting and sign-off around a line of one's own. */
const skeleton = (line: string) => BLANK_DRAFT.replace('\n\n\n\n', `\n\n${line}\n\n`);

let keys = 0;
const sendKey = () => `same-text-${++keys}`;

// The harness clock: 2026-11-25 (both connected this month, so both wait in the queue).
describeEngines('outreach: the same text never goes to two people', (h: Harness) => {
  async function setUp() {
    const a = await h.account('Mark Brennan');
    await createContact(
      a.ctx,
      { displayName: 'Wen Schmidt', organisation: 'Initech', connectedOn: '2026-11-20' },
      'web',
    );
    await createContact(
      a.ctx,
      { displayName: 'Kofi Kowalski', organisation: 'Pied Piper', connectedOn: '2026-11-21' },
      'web',
    );
    const items = (await listOutreachQueue(a.ctx, { view: 'all' })).items;
    const itemOf = (name: string) => {
      const item = items.find((i) => i.contact.displayName === name);
      if (!item) throw new Error(`${name} is not queued`);
      return item.id;
    };
    return { ...a, wen: itemOf('Wen Schmidt'), kofi: itemOf('Kofi Kowalski') };
  }

  it('refuses the reproduction: one text to Wen (Initech) then to Kofi (Pied Piper), naming Wen', async () => {
    const { ctx, wen, kofi } = await setUp();
    await markOutreachSent(ctx, wen, { channel: 'linkedin', body: BODY, sendKey: sendKey() });
    await expect(
      markOutreachSent(ctx, kofi, { channel: 'linkedin', body: BODY, sendKey: sendKey() }),
    ).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringContaining('the same message already went to Wen Schmidt'),
    });
    const preview = await previewOutreachMessage(ctx, kofi, { channel: 'linkedin', body: BODY });
    expect(preview.ok).toBe(false);
    expect(preview.duplicate?.contact.displayName).toBe('Wen Schmidt');
    expect(preview.duplicate?.why).toContain('the same message already went to Wen Schmidt');
    // Rendered by hand, with Kofi's name typed in: the same text still.
    const typed =
      'Hi Kofi,\n\nLoved your talk on recruiting platform engineers at the Initech meetup last week.\n\nBest,\nMark';
    await expect(
      markOutreachSent(ctx, kofi, { channel: 'other', body: typed, sendKey: sendKey() }),
    ).rejects.toMatchObject({
      message: expect.stringContaining('the same message already went to Wen Schmidt'),
    });
    expect((await getOutreachItem(ctx, kofi)).state).toBe('queued');
  });

  it('refuses it the other way round, and from a template holding the greeting and sign-off', async () => {
    const { ctx, wen, kofi } = await setUp();
    const template = await createOutreachTemplate(ctx, { name: 'Plain', body: BLANK_DRAFT });
    const draft = { channel: 'linkedin' as const, templateId: template.id, body: BODY };
    await markOutreachSent(ctx, kofi, { ...draft, sendKey: sendKey() });
    await expect(markOutreachSent(ctx, wen, { ...draft, sendKey: sendKey() })).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringContaining('the same message already went to Kofi Kowalski'),
    });
  });

  it('lets two personal lines that differ go out in the same skeleton and from the same template', async () => {
    const { ctx, wen, kofi } = await setUp();
    await markOutreachSent(ctx, wen, { channel: 'linkedin', body: BODY, sendKey: sendKey() });
    // The same way of putting it around a new detail is a habit, not a copy.
    const kofiBody = skeleton('Loved your talk on scaling data teams at the Pied Piper offsite last week.');
    const sent = await markOutreachSent(ctx, kofi, {
      channel: 'linkedin',
      body: kofiBody,
      sendKey: sendKey(),
    });
    expect(sent.item.state).toBe('sent');

    const b = await setUp();
    const template = await createOutreachTemplate(b.ctx, {
      name: 'Met at a meetup',
      body: 'Hi {firstName},\n\nGreat to connect after the meetup.\n\nBest,\n{myFirstName}',
    });
    const withLine = (line: string) =>
      `Hi {firstName},\n\nGreat to connect after the meetup. ${line}\n\nBest,\n{myFirstName}`;
    const draft = { channel: 'linkedin' as const, templateId: template.id };
    await markOutreachSent(b.ctx, b.wen, {
      ...draft,
      body: withLine('Your point about hiring platform engineers from support teams stuck with me.'),
      sendKey: sendKey(),
    });
    const second = await markOutreachSent(b.ctx, b.kofi, {
      ...draft,
      body: withLine('The compression benchmark you showed made me rethink our storage costs.'),
      sendKey: sendKey(),
    });
    expect(second.item.state).toBe('sent');
  });

  it('asks a fresh draft for a line of their own without quoting the greeting and sign-off as theirs', async () => {
    const { ctx, wen } = await setUp();
    const detail = await getOutreachItem(ctx, wen);
    const preview = await previewOutreachMessage(ctx, wen, {
      channel: 'linkedin',
      body: detail.suggestion.body,
    });
    expect(preview.personal.ok).toBe(false);
    expect(preview.personal.reason).toContain('add a line of your own about them');
    expect(preview.personal.reason).not.toContain('hi best');
    await expect(
      markOutreachSent(ctx, wen, { channel: 'linkedin', body: detail.suggestion.body, sendKey: sendKey() }),
    ).rejects.toMatchObject({
      code: 'validation',
      message: expect.not.stringContaining('"hi best"'),
    });
  });
});
