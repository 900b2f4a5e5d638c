import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { getToday } from '../agenda/get-today';
import { createContact } from '../contacts/create-contact';
import { requireActor } from '../context';
import { gatherUpcoming } from '../feeds/gather-upcoming';
import { recordInteraction } from '../interactions/record-interaction';
import { listTags } from '../tags/list-tags';
import { renameTag } from '../tags/rename-tag';
import { getRelationship } from './get-relationship';
import { setTagCadence } from './set-tag-cadence';

describeEngines('A keep-in-touch interval from a tag names the tag', (h) => {
  it('names the tag with the shortest interval, on the relationship and in Today’s reason', async () => {
    const { ctx } = await h.account();
    ctx.clock.set('2026-10-01T09:00:00Z');
    const ada = await createContact(ctx, { displayName: 'Ada Lovelace', tags: ['LP', 'founder'] }, 'web');
    const tag = new Map((await listTags(ctx)).map((t) => [t.name, t.id]));
    await setTagCadence(ctx, tag.get('LP') as string, { cadenceDays: 60 });
    await setTagCadence(ctx, tag.get('founder') as string, { cadenceDays: 30 });
    await recordInteraction(ctx, { kind: 'meeting', contactIds: [ada.id] });

    ctx.clock.set('2026-11-15T09:00:00Z');
    expect((await getRelationship(ctx, ada.id)).cadence).toEqual({
      days: 30,
      source: 'tag',
      tag: { id: tag.get('founder'), name: 'founder' },
    });
    const reason = async () =>
      (await getToday(ctx)).items.find((i) => i.kind === 'keep-in-touch' && i.contact?.id === ada.id)?.reason;
    expect(await reason()).toMatch(
      /^last in touch 45 days ago; you keep in touch every 30 days \(from tag “founder”\): /,
    );

    // The calendar feed and the digest's week ahead say it as Today does.
    const upcoming = await gatherUpcoming(ctx, requireActor(ctx), '2026-10-20', 30);
    expect(upcoming.find((u) => u.kind === 'keep-in-touch' && u.contact?.id === ada.id)?.reason).toMatch(
      /you keep in touch every 30 days \(from tag “founder”\)$/,
    );

    // The name is the tag's as it is now; with founder's interval gone, LP's applies and is named.
    await renameTag(ctx, tag.get('founder') as string, { name: 'Founders' });
    expect((await getRelationship(ctx, ada.id)).cadence.tag?.name).toBe('Founders');
    await setTagCadence(ctx, tag.get('founder') as string, { cadenceDays: null });
    expect((await getRelationship(ctx, ada.id)).cadence).toEqual({
      days: 60,
      source: 'tag',
      tag: { id: tag.get('LP'), name: 'LP' },
    });
  });
});
