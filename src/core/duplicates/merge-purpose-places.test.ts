import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { ITEM_NOTE_MAX } from '../../contracts/purposes';
import { DAY_MS } from '../clock';
import { createContact } from '../contacts/create-contact';
import type { Ctx } from '../context';
import { createPurpose } from '../purposes/create-purpose';
import { getPurposeBoard } from '../purposes/get-purpose-board';
import { listItemMoves } from '../purposes/list-item-moves';
import { moveItem } from '../purposes/move-item';
import { placeContacts } from '../purposes/place-contacts';
import { updateItem } from '../purposes/update-item';
import { updatePurpose } from '../purposes/update-purpose';
import { mergeContacts } from './merge-contacts';
import type { MergeSnapshot } from './merge-snapshot';
import { undoMerge } from './undo-merge';

/** Maria twice, on one purpose: the kept record at `keptStage`, the other placed two days later at `otherStage`. */
async function mariaTwice(
  ctx: Ctx & { clock: { advance(ms: number): void } },
  keptStage: string,
  otherStage: string,
  kept: { note?: string; nextStep?: string; nextStepOn?: string } = {},
  other: { note?: string; nextStep?: string; nextStepOn?: string } = {},
) {
  const keep = await createContact(ctx, { displayName: 'Maria (work email)' }, 'web');
  const dup = await createContact(ctx, { displayName: 'Maria (gmail)' }, 'vcard');
  const purpose = await createPurpose(ctx, { name: 'Seed investors' });
  const stage = (name: string) => purpose.stages.find((s) => s.name === name)?.id as string;
  await placeContacts(ctx, purpose.id, { contactIds: [keep.id], stageId: stage(keptStage), ...kept });
  ctx.clock.advance(2 * DAY_MS);
  await placeContacts(ctx, purpose.id, { contactIds: [dup.id], stageId: stage(otherStage), ...other });
  ctx.clock.advance(60_000);
  const board = async () => (await getPurposeBoard(ctx, purpose.id)).columns.flatMap((c) => c.items);
  const itemOf = async (contactId: string) => {
    const item = (await board()).find((i) => i.contact.id === contactId);
    if (!item) throw new Error(`no place for ${contactId}`);
    return item;
  };
  return { keep, dup, purpose, stage, board, itemOf };
}

describeEngines('merging two contacts on the same purpose', (h) => {
  it('folds the merged place into the kept one: the further stage, both notes and both next steps', async () => {
    const { ctx } = await h.account();
    const m = await mariaTwice(
      ctx,
      'reached out',
      'met',
      { note: 'Asked about the seed round.', nextStep: 'Send the deck', nextStepOn: '2026-12-05' },
      { note: 'Met at the fintech meetup.', nextStep: 'Intro to her partner', nextStepOn: '2026-12-01' },
    );
    const other = await m.itemOf(m.dup.id);
    const { mergeId } = await mergeContacts(ctx, m.keep.id, m.dup.id);

    const items = await m.board();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      contact: { id: m.keep.id },
      stageId: m.stage('met'),
      stageSince: other.stageSince,
      position: other.position,
      nextStep: 'Send the deck',
      nextStepOn: '2026-12-05',
      note: 'Asked about the seed round.\n\nMet at the fintech meetup.\n\nNext step from the merged entry: Intro to her partner (by 2026-12-01)',
    });
    const moves = await listItemMoves(ctx, m.purpose.id, items[0]?.id as string);
    expect(moves.items.map((x) => [x.fromStage?.name ?? null, x.toStage.name, x.source])).toEqual([
      [null, 'reached out', 'manual'],
      ['reached out', 'met', 'merge'],
    ]);
    expect(mergeId).toBeTruthy();
  });

  it('keeps the kept place where it is when it is further along, and takes the other next step when it has none', async () => {
    const { ctx } = await h.account();
    const m = await mariaTwice(
      ctx,
      'met',
      'reached out',
      { note: 'Same note' },
      { note: 'Same note', nextStep: 'Call back', nextStepOn: '2026-12-03' },
    );
    const kept = await m.itemOf(m.keep.id);
    const { mergeId } = await mergeContacts(ctx, m.keep.id, m.dup.id);
    const [item] = await m.board();
    expect(item).toMatchObject({
      stageId: m.stage('met'),
      stageSince: kept.stageSince,
      position: kept.position,
      nextStep: 'Call back',
      nextStepOn: '2026-12-03',
      note: 'Same note',
    });
    expect((await listItemMoves(ctx, m.purpose.id, kept.id)).items.map((x) => x.source)).toEqual(['manual']);

    await undoMerge(ctx, mergeId);
    expect(await m.itemOf(m.keep.id)).toEqual(kept);
  });

  it('on the same stage, counts the time in stage from the earlier of the two', async () => {
    const { ctx } = await h.account();
    const m = await mariaTwice(ctx, 'met', 'met');
    // The kept record moved to "met" after the other was placed there.
    await moveItem(ctx, m.purpose.id, (await m.itemOf(m.keep.id)).id, { stageId: m.stage('responded') });
    ctx.clock.advance(DAY_MS);
    await moveItem(ctx, m.purpose.id, (await m.itemOf(m.keep.id)).id, { stageId: m.stage('met') });
    const other = await m.itemOf(m.dup.id);
    await mergeContacts(ctx, m.keep.id, m.dup.id);
    const [item] = await m.board();
    expect(item).toMatchObject({ stageId: m.stage('met'), stageSince: other.stageSince });
  });

  it('undo gives both places back exactly as they were, without the merge stage move', async () => {
    const { ctx } = await h.account();
    const m = await mariaTwice(
      ctx,
      'reached out',
      'met',
      { note: 'Asked about the seed round.' },
      { note: 'Met at the fintech meetup.', nextStep: 'Intro to her partner', nextStepOn: '2026-12-01' },
    );
    const before = await m.board();
    const keptId = (await m.itemOf(m.keep.id)).id;
    const moves = await listItemMoves(ctx, m.purpose.id, keptId);
    const { mergeId } = await mergeContacts(ctx, m.keep.id, m.dup.id);
    expect((await m.itemOf(m.keep.id)).stageId).toBe(m.stage('met'));

    await undoMerge(ctx, mergeId);
    expect(await m.board()).toEqual(before);
    expect(await listItemMoves(ctx, m.purpose.id, keptId)).toEqual(moves);
  });

  it('undo keeps what the owner changed on the kept place since, and takes out the merged note paragraph', async () => {
    const { ctx } = await h.account();
    const m = await mariaTwice(
      ctx,
      'reached out',
      'met',
      { note: 'Asked about the seed round.', nextStep: 'Send the deck' },
      { note: 'Met at the fintech meetup.' },
    );
    const { mergeId } = await mergeContacts(ctx, m.keep.id, m.dup.id);
    const item = await m.itemOf(m.keep.id);
    ctx.clock.advance(DAY_MS);
    await moveItem(ctx, m.purpose.id, item.id, { stageId: m.stage('helped / committed') });
    await updateItem(ctx, m.purpose.id, item.id, { note: `${item.note}\n\nShe committed 50k.` });

    await undoMerge(ctx, mergeId);
    expect(await m.itemOf(m.keep.id)).toMatchObject({
      stageId: m.stage('helped / committed'),
      nextStep: 'Send the deck',
      note: 'Asked about the seed round.\n\nShe committed 50k.',
    });
    expect(await m.itemOf(m.dup.id)).toMatchObject({
      stageId: m.stage('met'),
      note: 'Met at the fintech meetup.',
    });
    // The merge's move stays in the history of a place the owner moved on from there.
    expect(
      (await listItemMoves(ctx, m.purpose.id, item.id)).items.map((x) => [x.toStage.name, x.source]),
    ).toEqual([
      ['reached out', 'manual'],
      ['met', 'merge'],
      ['helped / committed', 'manual'],
    ]);
  });

  it('undo leaves the kept place where the merge put it when its old stage has been removed since', async () => {
    const { ctx } = await h.account();
    const m = await mariaTwice(ctx, 'reached out', 'met', { note: 'Mine' }, { note: 'Theirs' });
    const { mergeId } = await mergeContacts(ctx, m.keep.id, m.dup.id);
    await updatePurpose(ctx, m.purpose.id, {
      stages: m.purpose.stages.filter((s) => s.name !== 'reached out'),
    });

    await undoMerge(ctx, mergeId);
    expect(await m.itemOf(m.keep.id)).toMatchObject({ stageId: m.stage('met'), note: 'Mine' });
    expect(await m.itemOf(m.dup.id)).toMatchObject({ stageId: m.stage('met'), note: 'Theirs' });
  });

  it('keeps the kept note whole and cuts the other one with a mark when both do not fit, and undo gives it back', async () => {
    const { ctx } = await h.account();
    const mine = 'k'.repeat(4000);
    const theirs = 'g'.repeat(3000);
    const m = await mariaTwice(ctx, 'reached out', 'met', { note: mine }, { note: theirs });
    const { mergeId } = await mergeContacts(ctx, m.keep.id, m.dup.id);
    const note = (await m.itemOf(m.keep.id)).note as string;
    expect(note.length).toBe(5000);
    expect(note.startsWith(`${mine}\n\ng`)).toBe(true);
    expect(note.endsWith('(cut by a merge: undoing it gives the whole note back)')).toBe(true);

    await undoMerge(ctx, mergeId);
    expect((await m.itemOf(m.dup.id)).note).toBe(theirs);
    expect((await m.itemOf(m.keep.id)).note).toBe(mine);
  });

  it('never passes the note limit when the kept note is near it, and undo gives both back', async () => {
    for (const [length, expected] of [
      [ITEM_NOTE_MAX - 30, (mine: string) => `${mine}\n\n[…]`],
      [ITEM_NOTE_MAX - 3, (mine: string) => mine],
    ] as const) {
      const { ctx } = await h.account();
      const mine = 'k'.repeat(length);
      const theirs = 'Met at the fintech meetup; '.repeat(3).trim();
      const m = await mariaTwice(ctx, 'reached out', 'met', { note: mine }, { note: theirs });
      const { mergeId } = await mergeContacts(ctx, m.keep.id, m.dup.id);
      const note = (await m.itemOf(m.keep.id)).note as string;
      expect(note).toBe(expected(mine));
      expect(note.length).toBeLessThanOrEqual(ITEM_NOTE_MAX);
      await undoMerge(ctx, mergeId);
      expect((await m.itemOf(m.keep.id)).note).toBe(mine);
      expect((await m.itemOf(m.dup.id)).note).toBe(theirs);
    }
  });

  it('still undoes a merge recorded before places were folded (a snapshot without them)', async () => {
    const { ctx } = await h.account();
    const m = await mariaTwice(ctx, 'reached out', 'met', { note: 'Mine' }, { note: 'Theirs' });
    const before = await m.board();
    const keptId = (await m.itemOf(m.keep.id)).id;
    const { mergeId } = await mergeContacts(ctx, m.keep.id, m.dup.id);
    const row = await ctx.db
      .selectFrom('merges')
      .select('snapshot')
      .where('id', '=', mergeId)
      .executeTakeFirstOrThrow();
    const { folded, ...old } = JSON.parse(row.snapshot) as MergeSnapshot;
    expect(folded).toHaveLength(1);
    // As such a merge left the kept place: untouched, no move recorded.
    const was = folded?.[0]?.before;
    if (!was) throw new Error('no fold recorded');
    await ctx.db
      .updateTable('purpose_items')
      .set({
        stage: was.stage,
        stage_since: was.stage_since,
        position: was.position,
        note: was.note,
        updated_at: was.updated_at,
      })
      .where('id', '=', keptId)
      .execute();
    await ctx.db
      .deleteFrom('purpose_stage_moves')
      .where('source', '=', 'merge')
      .where('item_id', '=', keptId)
      .execute();
    await ctx.db
      .updateTable('merges')
      .set({ snapshot: JSON.stringify(old) })
      .where('id', '=', mergeId)
      .execute();

    await undoMerge(ctx, mergeId);
    expect(await m.board()).toEqual(before);
  });
});
