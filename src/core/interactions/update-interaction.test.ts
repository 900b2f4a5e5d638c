import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { DAY_MS } from '../clock';
import { createContact } from '../contacts/create-contact';
import { mergeContacts } from '../duplicates/merge-contacts';
import { undoMerge } from '../duplicates/undo-merge';
import { getRelationship } from '../relationships/get-relationship';
import { listInteractions } from './list-interactions';
import { recordInteraction } from './record-interaction';
import { updateInteraction } from './update-interaction';

const ago = (days: number) => new Date(Date.parse('2026-11-25T09:00:00Z') - days * DAY_MS).toISOString();

describeEngines('correcting an interaction', (h) => {
  it('changes only what is sent: a new summary keeps the kind, direction and answer', async () => {
    const { ctx } = await h.account();
    const ada = await createContact(ctx, { displayName: 'Ada Lovelace' }, 'web');
    const logged = await recordInteraction(ctx, {
      kind: 'call',
      contactIds: [ada.id],
      direction: 'inbound',
      answered: false,
      occurredAt: ago(3),
      summary: 'Tlaked about the Engine',
    });
    const fixed = await updateInteraction(ctx, logged.id, { summary: 'Talked about the Engine' });
    expect(fixed).toMatchObject({
      kind: 'call',
      direction: 'inbound',
      answered: false,
      occurredAt: logged.occurredAt,
      summary: 'Talked about the Engine',
      contacts: [{ id: ada.id, displayName: 'Ada Lovelace' }],
    });
    expect((await listInteractions(ctx, { contact: ada.id })).items[0]).toEqual(fixed);
    // Clearing the summary is a correction too.
    expect((await updateInteraction(ctx, logged.id, { summary: null })).summary).toBeNull();
  });

  it('a new date and kind move the score and the last contact; a date in the future is refused', async () => {
    const { ctx } = await h.account();
    const ada = await createContact(ctx, { displayName: 'Ada Lovelace' }, 'web');
    const logged = await recordInteraction(ctx, {
      kind: 'message',
      contactIds: [ada.id],
      occurredAt: ago(200),
    });
    const before = await getRelationship(ctx, ada.id);
    expect(before.lastContactAt).toBe(ago(200));

    await updateInteraction(ctx, logged.id, { kind: 'meeting', occurredAt: ago(2) });
    const after = await getRelationship(ctx, ada.id);
    expect(after.lastContactAt).toBe(ago(2));
    expect(after.score).toBeGreaterThan(before.score);
    expect(after.factors.map((f) => f.kind)).toContain('face');
    expect(after.nextDue).not.toBe(before.nextDue);

    await expect(
      updateInteraction(ctx, logged.id, { occurredAt: new Date(Date.parse(ago(-2))).toISOString() }),
    ).rejects.toMatchObject({ code: 'validation', details: { issues: [{ path: 'occurredAt' }] } });
    expect((await getRelationship(ctx, ada.id)).lastContactAt).toBe(ago(2));
  });

  it('moved to the right person: both relationships are recomputed', async () => {
    const { ctx } = await h.account();
    const ada = await createContact(ctx, { displayName: 'Ada Lovelace' }, 'web');
    const alan = await createContact(ctx, { displayName: 'Alan Turing' }, 'web');
    const logged = await recordInteraction(ctx, {
      kind: 'meeting',
      contactIds: [ada.id],
      occurredAt: ago(5),
    });
    expect((await getRelationship(ctx, ada.id)).score).toBeGreaterThan(0);

    const moved = await updateInteraction(ctx, logged.id, { contactIds: [alan.id] });
    expect(moved.contacts).toEqual([{ id: alan.id, displayName: 'Alan Turing' }]);
    expect(await getRelationship(ctx, ada.id)).toMatchObject({ score: 0, lastContactAt: null });
    expect(await getRelationship(ctx, alan.id)).toMatchObject({ lastContactAt: ago(5) });
    expect((await listInteractions(ctx, { contact: ada.id })).items).toEqual([]);
  });

  it("another account's interaction is missing, and its contacts are not mine to name", async () => {
    const me = await h.account();
    const other = await h.account();
    const mine = await createContact(me.ctx, { displayName: 'Ada Lovelace' }, 'web');
    const theirs = await createContact(other.ctx, { displayName: 'Charles Babbage' }, 'web');
    const logged = await recordInteraction(me.ctx, { kind: 'meeting', contactIds: [mine.id] });
    const foreign = await recordInteraction(other.ctx, { kind: 'meeting', contactIds: [theirs.id] });

    await expect(updateInteraction(me.ctx, foreign.id, { summary: 'x' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(updateInteraction(me.ctx, 'no-such-id', { summary: 'x' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(
      updateInteraction(me.ctx, logged.id, { contactIds: [mine.id, theirs.id] }),
    ).rejects.toMatchObject({ code: 'validation', details: { issues: [{ path: 'contactIds.1' }] } });
    expect((await listInteractions(other.ctx, {})).items[0]?.summary).toBeNull();
    expect((await listInteractions(me.ctx, {})).items[0]?.contacts).toEqual([
      { id: mine.id, displayName: 'Ada Lovelace' },
    ]);
  });

  it('shows a contact merged into another once, as the kept one, and again apart after the undo', async () => {
    const { ctx } = await h.account();
    const grace = await createContact(ctx, { displayName: 'Grace Hopper' }, 'web');
    const amazing = await createContact(ctx, { displayName: 'Amazing Grace' }, 'web');
    const ada = await createContact(ctx, { displayName: 'Ada Lovelace' }, 'web');
    await recordInteraction(ctx, { kind: 'meeting', contactIds: [amazing.id, ada.id], occurredAt: ago(2) });
    const merge = await mergeContacts(ctx, grace.id, amazing.id);
    const names = async () =>
      (await listInteractions(ctx, {})).items.map((i) => i.contacts.map((c) => c.displayName));
    expect(await names()).toEqual([['Ada Lovelace', 'Grace Hopper']]);
    await undoMerge(ctx, merge.mergeId);
    expect(await names()).toEqual([['Ada Lovelace', 'Amazing Grace']]);
  });
});
