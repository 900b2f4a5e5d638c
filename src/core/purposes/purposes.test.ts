import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { actOnTodayItem } from '../agenda/act-on-today-item';
import { getSettings } from '../agenda/get-settings';
import { getToday } from '../agenda/get-today';
import { localDay } from '../agenda/local-day';
import { DAY_MS } from '../clock';
import { createContact } from '../contacts/create-contact';
import { deleteContact } from '../contacts/delete-contact';
import { restoreContact } from '../contacts/restore-contact';
import { type Ctx, inTransaction } from '../context';
import { AppError } from '../errors';
import { recordInteraction } from '../interactions/record-interaction';
import { getRelationship } from '../relationships/get-relationship';
import { updateRelationship } from '../relationships/update-relationship';
import { listTrash } from '../trash/list-trash';
import { purgeTrash } from '../trash/purge-trash';
import { advanceForOutreach } from './advance-for-outreach';
import { archivePurpose } from './archive-purpose';
import { createPurpose } from './create-purpose';
import { deletePurpose } from './delete-purpose';
import { getPurposeBoard } from './get-purpose-board';
import { listContactPurposes } from './list-contact-purposes';
import { listItemMoves } from './list-item-moves';
import { listPurposes } from './list-purposes';
import { moveItem } from './move-item';
import { placeContacts } from './place-contacts';
import { findPurpose } from './purpose.queries';
import { removeItem } from './remove-item';
import { restorePurpose } from './restore-purpose';
import { updateItem } from './update-item';
import { updatePurpose } from './update-purpose';

const START = Date.parse('2026-11-25T09:00:00Z');
const at = (days: number) => new Date(START + days * DAY_MS).toISOString();

async function people(ctx: Ctx, ...names: string[]) {
  const out: string[] = [];
  for (const name of names) out.push((await createContact(ctx, { displayName: name }, 'web')).id);
  return out;
}

async function board(ctx: Ctx, id: string) {
  const b = await getPurposeBoard(ctx, id);
  return Object.fromEntries(b.columns.map((c) => [c.stage.name, c.items.map((i) => i.contact.displayName)]));
}

async function rejects(p: Promise<unknown>, code: string, path?: string) {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  if (path) expect((e as AppError).details.issues?.map((i) => i.path)).toContain(path);
  return e as AppError;
}

describeEngines('Purposes: pipelines', (h) => {
  it('starts with the default stages and roles, places contacts in the first stage and moves them with a record', async () => {
    const { ctx } = await h.account();
    const p = await createPurpose(ctx, {
      name: 'Guest speakers for MGMT 401, winter term',
      targetCount: 2,
      deadline: '2027-01-15',
    });
    expect(p.stages.map((s) => [s.name, s.role])).toEqual([
      ['identified', null],
      ['reached out', 'reached-out'],
      ['responded', 'responded'],
      ['met', null],
      ['helped / committed', 'done'],
      ['closed', 'closed'],
    ]);
    const [ada, grace, alan] = await people(ctx, 'Ada Lovelace', 'Grace Hopper', 'Alan Turing');
    const placed = await placeContacts(ctx, p.id, { contactIds: [ada, grace, alan] as string[] });
    expect(placed.placed.map((i) => i.contact.displayName)).toEqual([
      'Ada Lovelace',
      'Grace Hopper',
      'Alan Turing',
    ]);
    expect(placed.placed.every((i) => i.stageId === p.stages[0]?.id)).toBe(true);
    const again = await placeContacts(ctx, p.id, { contactIds: [ada as string] });
    expect(again).toEqual({ placed: [], alreadyThere: [ada] });

    const item = placed.placed[0]?.id as string;
    ctx.clock.set(at(3));
    const moved = await moveItem(ctx, p.id, item, { stageId: 'reached out' });
    expect(moved.stageSince).toBe(at(3));
    ctx.clock.set(at(5));
    await moveItem(ctx, p.id, item, { stageId: p.stages[4]?.id as string });
    const moves = await listItemMoves(ctx, p.id, item);
    expect(moves.items.map((m) => [m.fromStage?.name ?? null, m.toStage.name, m.movedAt])).toEqual([
      [null, 'identified', at(0)],
      ['identified', 'reached out', at(3)],
      ['reached out', 'helped / committed', at(5)],
    ]);

    ctx.clock.set(at(9));
    const b = await getPurposeBoard(ctx, p.id);
    const done = b.columns[4]?.items[0];
    expect(done?.daysInStage).toBe(4);
    expect(b.purpose.progress).toMatchObject({ total: 3, done: 1, stale: 0 });
    expect(b.purpose.progress.perStage.map((s) => s.count)).toEqual([2, 0, 0, 0, 1, 0]);

    // Closing a done item keeps it counted as done; closing one that never got there does not count it.
    await moveItem(ctx, p.id, item, { stageId: 'closed' });
    await moveItem(ctx, p.id, placed.placed[1]?.id as string, { stageId: 'closed' });
    const [listed] = (await listPurposes(ctx)).items;
    expect(listed?.progress).toMatchObject({ total: 3, done: 1 });
  });

  it('orders cards within a column and between columns', async () => {
    const { ctx } = await h.account();
    const p = await createPurpose(ctx, { name: 'Case-study research leads' });
    const ids = await people(ctx, 'A', 'B', 'C', 'D');
    const { placed } = await placeContacts(ctx, p.id, { contactIds: ids });
    const [a, b, c, d] = placed.map((i) => i.id) as [string, string, string, string];
    await moveItem(ctx, p.id, d, { stageId: 'identified', index: 0 });
    expect((await board(ctx, p.id)).identified).toEqual(['D', 'A', 'B', 'C']);
    await moveItem(ctx, p.id, a, { stageId: 'identified', index: 2 });
    expect((await board(ctx, p.id)).identified).toEqual(['D', 'B', 'A', 'C']);
    await moveItem(ctx, p.id, c, { stageId: 'met' });
    await moveItem(ctx, p.id, b, { stageId: 'met', index: 0 });
    const after = await board(ctx, p.id);
    expect(after.identified).toEqual(['D', 'A']);
    expect(after.met).toEqual(['B', 'C']);
    // Repeated insertion at the same spot never runs out of room between neighbours.
    for (let i = 0; i < 60; i++) {
      await moveItem(ctx, p.id, i % 2 ? a : d, { stageId: 'met', index: 1 });
    }
    expect((await board(ctx, p.id)).met).toEqual(['B', 'A', 'D', 'C']);
    // Moving within the column does not restart time in stage or record a move.
    const moves = await listItemMoves(ctx, p.id, b);
    expect(moves.items).toHaveLength(2);
    await rejects(moveItem(ctx, p.id, b, { stageId: 'nowhere' }), 'validation', 'stageId');
  });

  it('keeps custom stages, and a contact can serve several purposes', async () => {
    const { ctx } = await h.account();
    const [ada] = (await people(ctx, 'Ada Lovelace')) as [string];
    const sales = await createPurpose(ctx, {
      name: 'Sales leads in logistics',
      stages: [{ name: 'lead' }, { name: 'demo', role: 'reached-out' }, { name: 'won', role: 'done' }],
      followUpDays: 5,
    });
    const partners = await createPurpose(ctx, { name: 'Partners for the accelerator' });
    await placeContacts(ctx, sales.id, {
      contactIds: [ada],
      stageId: 'demo',
      nextStep: 'Send deck',
      nextStepOn: '2026-12-01',
    });
    await placeContacts(ctx, partners.id, { contactIds: [ada] });
    const mine = await listContactPurposes(ctx, ada);
    expect(mine.items.map((i) => [i.purposeName, i.stage.name, i.nextStep, i.followUpDays])).toEqual([
      ['Partners for the accelerator', 'identified', null, null],
      ['Sales leads in logistics', 'demo', 'Send deck', 5],
    ]);
    await rejects(
      createPurpose(ctx, { name: 'x', stages: [{ name: 'a' }, { name: 'A' }] }),
      'validation',
      'stages.1.name',
    );
    await rejects(
      createPurpose(ctx, {
        name: 'x',
        stages: [
          { name: 'a', role: 'done' },
          { name: 'b', role: 'done' },
        ],
      }),
      'validation',
      'stages.1.role',
    );
    await rejects(createPurpose(ctx, { name: 'x', stages: [] }), 'validation', 'stages');
    await rejects(createPurpose(ctx, { name: '  ' }), 'validation', 'name');
    await rejects(createPurpose(ctx, { name: 'sales LEADS in logistics' }), 'conflict', 'name');
  });

  it('refuses a target no stage can meet: one of the stages must mean done', async () => {
    const { ctx } = await h.account();
    const jobs = ['identified', 'reached out', 'talking', 'referred', 'interviewing', 'offer'];
    // Without a 'done' stage the overview read "Done 0 of 1" for good, however far people got.
    const e = await rejects(
      createPurpose(ctx, { name: 'Find a PM role', targetCount: 1, stages: jobs.map((name) => ({ name })) }),
      'validation',
      'targetCount',
    );
    expect(e.message).toContain('"offer:done"');
    const p = await createPurpose(ctx, { name: 'Find a PM role', stages: jobs.map((name) => ({ name })) });
    await rejects(updatePurpose(ctx, p.id, { targetCount: 1 }), 'validation', 'targetCount');
    const stages = p.stages.map((s) => ({
      id: s.id,
      name: s.name,
      role: s.name === 'offer' ? ('done' as const) : null,
    }));
    const fixed = await updatePurpose(ctx, p.id, { targetCount: 1, stages });
    expect([fixed.targetCount, fixed.progress.done]).toEqual([1, 0]);
    // Taking the meaning away again while the target stands is refused; a rename alone is not checked.
    await rejects(
      updatePurpose(ctx, p.id, { stages: stages.map((s) => ({ ...s, role: null })) }),
      'validation',
      'targetCount',
    );
    expect((await updatePurpose(ctx, p.id, { name: 'Find a PM role in fintech' })).name).toBe(
      'Find a PM role in fintech',
    );
  });

  it('records a move or a placement after the fact on the day it happened, never in the future or out of order', async () => {
    const { ctx } = await h.account();
    const p = await createPurpose(ctx, { name: 'Find a PM role' });
    const [priya] = (await people(ctx, 'Priya Patel')) as [string];
    const item = (await placeContacts(ctx, p.id, { contactIds: [priya] })).placed[0] as { id: string };
    ctx.clock.set(at(20));
    const { timeZone } = (await getSettings(ctx)) as { timeZone: string };
    const dayAt = (days: number) => localDay(new Date(START + days * DAY_MS), timeZone);
    // Reached out on day 6, noted on day 20: the board counts from day 6, not from today.
    const moved = await moveItem(ctx, p.id, item.id, { stageId: 'reached out', movedAt: dayAt(6) });
    expect(moved.stageSince.slice(0, 10)).toBe(dayAt(6));
    expect(moved.daysInStage).toBeGreaterThanOrEqual(13);
    const history = await listItemMoves(ctx, p.id, item.id);
    expect(history.items.map((m) => [m.toStage.name, m.movedAt.slice(0, 10)])).toEqual([
      ['identified', at(0).slice(0, 10)],
      ['reached out', dayAt(6)],
    ]);
    await rejects(
      moveItem(ctx, p.id, item.id, { stageId: 'responded', movedAt: dayAt(21) }),
      'validation',
      'movedAt',
    );
    const early = await rejects(
      moveItem(ctx, p.id, item.id, { stageId: 'responded', movedAt: dayAt(5) }),
      'validation',
      'movedAt',
    );
    expect(early.message).toContain("came into 'reached out'");
    await rejects(
      moveItem(ctx, p.id, item.id, { stageId: 'responded', movedAt: 'last week' }),
      'validation',
      'movedAt',
    );
    const exact = await moveItem(ctx, p.id, item.id, { stageId: 'responded', movedAt: at(19) });
    expect(exact.stageSince).toBe(at(19));
    expect((await moveItem(ctx, p.id, item.id, { stageId: 'met' })).stageSince).toBe(at(20));

    // Someone written to on day 2 and only added on day 20 has waited 18 days: stale at once, not in two weeks.
    const [chen] = (await people(ctx, 'Chen Kim')) as [string];
    const late = await placeContacts(ctx, p.id, {
      contactIds: [chen],
      stageId: 'reached out',
      since: dayAt(2),
    });
    expect(late.placed.map((i) => [i.stageSince.slice(0, 10), i.stale])).toEqual([[dayAt(2), true]]);
    const first = await listItemMoves(ctx, p.id, late.placed[0]?.id as string);
    expect(first.items.map((m) => m.movedAt.slice(0, 10))).toEqual([dayAt(2)]);
    const [olu] = (await people(ctx, 'Olu Okafor')) as [string];
    await rejects(placeContacts(ctx, p.id, { contactIds: [olu], since: dayAt(21) }), 'validation', 'since');
  });

  it('never loses items when stages are renamed, reordered, added or removed', async () => {
    const { ctx } = await h.account();
    const p = await createPurpose(ctx, { name: 'Stay in touch with former students' });
    const ids = await people(ctx, 'A', 'B', 'C');
    const { placed } = await placeContacts(ctx, p.id, { contactIds: ids });
    const [met, identified] = [p.stages[3], p.stages[0]] as [(typeof p.stages)[0], (typeof p.stages)[0]];
    await moveItem(ctx, p.id, placed[0]?.id as string, { stageId: met.id });

    // Rename and reorder: items stay with their stage.
    const renamed = await updatePurpose(ctx, p.id, {
      stages: [
        { id: met.id, name: 'had coffee' },
        ...p.stages.filter((s) => s.id !== met.id).map((s) => ({ id: s.id, name: s.name, role: s.role })),
        { name: 'alumni panel' },
      ],
    });
    expect(renamed.stages.map((s) => s.name)).toEqual([
      'had coffee',
      'identified',
      'reached out',
      'responded',
      'helped / committed',
      'closed',
      'alumni panel',
    ]);
    expect(await board(ctx, p.id)).toMatchObject({ 'had coffee': ['A'], identified: ['B', 'C'] });

    // Removing a stage that holds items without saying where they go is refused, and nothing changes.
    const without = renamed.stages
      .filter((s) => s.id !== identified.id)
      .map(({ id, name, role }) => ({ id, name, role }));
    const refused = await rejects(
      updatePurpose(ctx, p.id, { stages: without }),
      'validation',
      `moveItems.${identified.id}`,
    );
    expect(refused.message).toContain("'identified' holds 2 items");
    expect((await board(ctx, p.id)).identified).toEqual(['B', 'C']);
    await rejects(
      updatePurpose(ctx, p.id, { stages: without, moveItems: { [identified.id]: identified.id } }),
      'validation',
      `moveItems.${identified.id}`,
    );

    // With a target, the items move there and the move is recorded.
    const edited = await updatePurpose(ctx, p.id, {
      stages: without,
      moveItems: { [identified.id]: met.id },
    });
    expect(edited.stages).toHaveLength(6);
    expect(edited.progress.total).toBe(3);
    expect((await board(ctx, p.id))['had coffee']).toEqual(['A', 'B', 'C']);
    const moves = await listItemMoves(ctx, p.id, placed[1]?.id as string);
    expect(moves.items.at(-1)).toMatchObject({
      fromStage: { name: '(removed stage)' },
      toStage: { name: 'had coffee' },
      source: 'stage-removed',
    });
    // An empty stage can go without a target; an unknown stage id is refused.
    const alumni = edited.stages.at(-1)?.id as string;
    await updatePurpose(ctx, p.id, { stages: edited.stages.filter((s) => s.id !== alumni) });
    await rejects(
      updatePurpose(ctx, p.id, { stages: [{ id: 'nope', name: 'x' }] }),
      'validation',
      'stages.0.id',
    );
  });

  it('tells stale items: too long in an open stage, or a next step whose date has passed', async () => {
    const { ctx } = await h.account();
    const p = await createPurpose(ctx, { name: 'Guest speakers' });
    const [a, b, c, d] = (await people(ctx, 'Ada', 'Bea', 'Cy', 'Di')) as [string, string, string, string];
    await placeContacts(ctx, p.id, { contactIds: [a, b] });
    await placeContacts(ctx, p.id, { contactIds: [c], stageId: 'helped / committed' });
    await placeContacts(ctx, p.id, { contactIds: [d], nextStep: 'Call', nextStepOn: '2026-11-28' });
    ctx.clock.set(at(4));
    const { placed } = { placed: (await getPurposeBoard(ctx, p.id)).columns[0]?.items ?? [] };
    await moveItem(ctx, p.id, placed.find((i) => i.contact.id === b)?.id as string, {
      stageId: 'reached out',
    });
    ctx.clock.set(at(16));
    const cards = (await getPurposeBoard(ctx, p.id)).columns.flatMap((col) => col.items);
    const stale = Object.fromEntries(cards.map((i) => [i.contact.displayName, i.staleReason]));
    expect(stale).toEqual({
      Ada: "2 weeks in 'identified'",
      Di: 'next step was due 2026-11-28',
      Bea: null,
      Cy: null,
    });
    expect((await listPurposes(ctx)).items[0]?.progress.stale).toBe(2);

    const today = await getToday(ctx, { limit: 50 });
    const items = today.items.filter((i) => i.kind === 'purpose-stale');
    expect(items.map((i) => i.reason)).toEqual([
      "2 weeks in 'identified' on Guest speakers",
      'next step was due 2026-11-28 on Guest speakers',
    ]);
    expect(items[1]?.title).toBe('Call — Di');
    expect(items[0]?.action.kind).toBe('open-purpose');
    expect(items[0]?.key.split(':')[1]).toBe(p.id);

    // Archived purposes leave Today; so do trashed contacts.
    await archivePurpose(ctx, p.id);
    expect((await getToday(ctx, { limit: 50 })).items.filter((i) => i.kind === 'purpose-stale')).toEqual([]);
    await archivePurpose(ctx, p.id, false);
    await deleteContact(ctx, a);
    expect((await getToday(ctx, { limit: 50 })).items.filter((i) => i.kind === 'purpose-stale')).toHaveLength(
      1,
    );
    await restoreContact(ctx, a);
  });

  it('shows a few stale items at most on Today, the longest waiting first', async () => {
    const { ctx } = await h.account();
    const p = await createPurpose(ctx, { name: 'Leads' });
    for (let i = 0; i < 6; i++) {
      ctx.clock.set(at(i));
      await placeContacts(ctx, p.id, { contactIds: await people(ctx, `Person ${i}`) });
    }
    ctx.clock.set(at(40));
    const items = (await getToday(ctx, { limit: 50 })).items.filter((i) => i.kind === 'purpose-stale');
    expect(items.map((i) => i.contact?.displayName)).toEqual(['Person 0', 'Person 1', 'Person 2']);
    expect(items[0]?.reason).toBe("5 weeks in 'identified' on Leads");
    // One marked done leaves its place to the next, not an empty slot.
    await actOnTodayItem(ctx, items[0]?.key as string, { action: 'done' });
    const after = (await getToday(ctx, { limit: 50 })).items.filter((i) => i.kind === 'purpose-stale');
    expect(after.map((i) => i.contact?.displayName)).toEqual(['Person 1', 'Person 2', 'Person 3']);
  });

  it('on Today, weighs a stall in a later stage more than a longer one at the start', async () => {
    const { ctx } = await h.account();
    const p = await createPurpose(ctx, { name: 'Find a PM role' });
    await placeContacts(ctx, p.id, { contactIds: await people(ctx, 'Ida Early') });
    const { placed } = await placeContacts(ctx, p.id, { contactIds: await people(ctx, 'Max Late') });
    ctx.clock.set(at(14));
    await moveItem(ctx, p.id, placed[0]?.id as string, { stageId: 'met' });
    // Ida: 49 days in 'identified' (weight 1); Max: 35 days in 'met', the last open stage (weight 2).
    ctx.clock.set(at(49));
    const items = (await getToday(ctx, { limit: 50 })).items.filter((i) => i.kind === 'purpose-stale');
    expect(items.map((i) => i.reason)).toEqual([
      "5 weeks in 'met' on Find a PM role",
      "7 weeks in 'identified' on Find a PM role",
    ]);
  });

  it('archives and restores, and trashes and restores a purpose whole', async () => {
    const { ctx } = await h.account();
    const p = await createPurpose(ctx, { name: 'Partners' });
    await placeContacts(ctx, p.id, { contactIds: await people(ctx, 'A') });
    const archived = await archivePurpose(ctx, p.id);
    expect(archived.archivedAt).toBe(at(0));
    expect((await listPurposes(ctx)).items).toEqual([]);
    expect((await listPurposes(ctx, { status: 'archived' })).items.map((x) => x.name)).toEqual(['Partners']);
    await archivePurpose(ctx, p.id, false);
    expect((await listPurposes(ctx)).items.map((x) => x.progress.total)).toEqual([1]);

    await deletePurpose(ctx, p.id);
    expect((await listPurposes(ctx, { status: 'all' })).items).toEqual([]);
    expect((await listTrash(ctx)).purposes).toEqual([
      { id: p.id, name: 'Partners', deletedAt: at(0), purgeAfter: at(30) },
    ]);
    await rejects(getPurposeBoard(ctx, p.id), 'not_found');
    await createPurpose(ctx, { name: 'partners' });
    await rejects(restorePurpose(ctx, p.id), 'conflict');
    await updatePurpose(ctx, (await listPurposes(ctx)).items[0]?.id as string, { name: 'Other' });
    const back = await restorePurpose(ctx, p.id);
    expect(back.progress.total).toBe(1);

    // After the trash window it is gone for good.
    await deletePurpose(ctx, p.id);
    ctx.clock.set(at(31));
    await rejects(restorePurpose(ctx, p.id), 'not_found');
    expect((await purgeTrash(ctx)).purposes).toBeGreaterThanOrEqual(1);
    expect(
      await findPurpose(ctx.db, ctx.actor?.accountId as string, p.id, { deleted: true }),
    ).toBeUndefined();
  });

  it('edits items: next step, date, note; removes them', async () => {
    const { ctx } = await h.account();
    const p = await createPurpose(ctx, { name: 'P' });
    const { placed } = await placeContacts(ctx, p.id, { contactIds: await people(ctx, 'A') });
    const id = placed[0]?.id as string;
    const item = await updateItem(ctx, p.id, id, {
      nextStep: 'Ask about March',
      nextStepOn: '2026-12-02',
      note: 'Met at ICIS',
    });
    expect(item).toMatchObject({
      nextStep: 'Ask about March',
      nextStepOn: '2026-12-02',
      note: 'Met at ICIS',
    });
    expect(await updateItem(ctx, p.id, id, { nextStep: '', nextStepOn: null })).toMatchObject({
      nextStep: null,
      nextStepOn: null,
      note: 'Met at ICIS',
    });
    await rejects(updateItem(ctx, p.id, id, { nextStepOn: '2026-13-01' }), 'validation', 'nextStepOn');
    await removeItem(ctx, p.id, id);
    expect((await getPurposeBoard(ctx, p.id)).purpose.progress.total).toBe(0);
    await rejects(removeItem(ctx, p.id, id), 'not_found');
  });
});

describeEngines('Purposes: outreach milestones', (h) => {
  it('places the contact when needed and moves items forward only, inside the caller’s transaction', async () => {
    const { ctx } = await h.account();
    const p = await createPurpose(ctx, { name: 'Guest speakers' });
    const q = await createPurpose(ctx, { name: 'Research leads' });
    const other = await createPurpose(ctx, { name: 'No roles', stages: [{ name: 'a' }, { name: 'b' }] });
    const [ada, bea] = (await people(ctx, 'Ada', 'Bea')) as [string, string];
    await placeContacts(ctx, q.id, { contactIds: [ada], stageId: 'met' });
    await placeContacts(ctx, other.id, { contactIds: [ada] });

    await inTransaction(ctx, (tx) =>
      advanceForOutreach(tx, {
        contactId: ada,
        purposeId: p.id,
        milestone: 'reached-out',
        source: 'outreach',
      }),
    );
    expect((await board(ctx, p.id))['reached out']).toEqual(['Ada']);
    const item = (await getPurposeBoard(ctx, p.id)).columns[1]?.items[0]?.id as string;
    expect((await listItemMoves(ctx, p.id, item)).items.map((m) => [m.toStage.name, m.source])).toEqual([
      ['reached out', 'outreach'],
    ]);

    // A reply with no purpose named moves every active purpose the contact is on — but never backward.
    await advanceForOutreach(ctx, {
      contactId: ada,
      purposeId: null,
      milestone: 'responded',
      source: 'outreach',
    });
    expect((await board(ctx, p.id)).responded).toEqual(['Ada']);
    expect((await board(ctx, q.id)).met).toEqual(['Ada']);
    expect((await board(ctx, other.id)).a).toEqual(['Ada']);
    await advanceForOutreach(ctx, {
      contactId: ada,
      purposeId: p.id,
      milestone: 'reached-out',
      source: 'outreach',
    });
    expect((await board(ctx, p.id)).responded).toEqual(['Ada']);
    // Without a purpose, contacts are not placed anywhere new; archived purposes stay as they are.
    await advanceForOutreach(ctx, {
      contactId: bea,
      purposeId: null,
      milestone: 'reached-out',
      source: 'outreach',
    });
    expect((await listContactPurposes(ctx, bea)).items).toEqual([]);
    await placeContacts(ctx, p.id, { contactIds: [bea] });
    await archivePurpose(ctx, p.id);
    await advanceForOutreach(ctx, {
      contactId: bea,
      purposeId: null,
      milestone: 'responded',
      source: 'outreach',
    });
    expect((await listContactPurposes(ctx, bea)).items[0]?.stage.name).toBe('identified');

    // Rolled back with the caller's transaction.
    const [cy] = (await people(ctx, 'Cy')) as [string];
    await expect(
      inTransaction(ctx, async (tx) => {
        await advanceForOutreach(tx, {
          contactId: cy,
          purposeId: q.id,
          milestone: 'reached-out',
          source: 'outreach',
        });
        throw new Error('send failed');
      }),
    ).rejects.toThrow('send failed');
    expect((await listContactPurposes(ctx, cy)).items).toEqual([]);
  });

  it('is owner-scoped', async () => {
    const { ctx } = await h.account();
    const other = await h.account();
    const p = await createPurpose(ctx, { name: 'Mine' });
    const [ada] = (await people(ctx, 'Ada')) as [string];
    const [theirs] = (await people(other.ctx, 'Theirs')) as [string];
    await rejects(
      advanceForOutreach(other.ctx, {
        contactId: theirs,
        purposeId: p.id,
        milestone: 'reached-out',
        source: 'x',
      }),
      'not_found',
    );
    await rejects(
      advanceForOutreach(other.ctx, {
        contactId: ada,
        purposeId: null,
        milestone: 'reached-out',
        source: 'x',
      }),
      'not_found',
    );
    expect((await getPurposeBoard(ctx, p.id)).purpose.progress.total).toBe(0);
  });
});

describeEngines('Purposes: keep-in-touch cadence', (h) => {
  it('keeps contacts on an active purpose in touch at least as often as it asks', async () => {
    const { ctx } = await h.account();
    const [ada, bea] = (await people(ctx, 'Ada', 'Bea')) as [string, string];
    await recordInteraction(ctx, { kind: 'meeting', contactIds: [ada], occurredAt: at(0) });
    const before = await getRelationship(ctx, ada);
    expect(before.cadence.source).toBe('tier');
    const p = await createPurpose(ctx, { name: 'Former students', cadenceDays: 10 });
    const { placed } = await placeContacts(ctx, p.id, { contactIds: [ada, bea] });
    expect(await getRelationship(ctx, ada)).toMatchObject({
      cadence: { days: 10, source: 'purpose' },
      nextDue: '2026-12-05',
    });
    // A contact never in touch gets a date from when it was added.
    expect((await getRelationship(ctx, bea)).nextDue).toBe('2026-12-05');

    // A shorter own setting still wins; the purpose only ever makes it more often.
    await updateRelationship(ctx, ada, { cadenceDays: 7 });
    expect((await getRelationship(ctx, ada)).cadence).toEqual({ days: 7, source: 'contact' });
    await updateRelationship(ctx, ada, { cadenceDays: null });

    await updatePurpose(ctx, p.id, { cadenceDays: 30 });
    expect((await getRelationship(ctx, ada)).nextDue).toBe('2026-12-25');
    // Closed stage, archive, removal and trash each end the purpose's say.
    await moveItem(ctx, p.id, placed[0]?.id as string, { stageId: 'closed' });
    expect((await getRelationship(ctx, ada)).cadence.source).toBe('tier');
    await moveItem(ctx, p.id, placed[0]?.id as string, { stageId: 'met' });
    expect((await getRelationship(ctx, ada)).nextDue).toBe('2026-12-25');
    await archivePurpose(ctx, p.id);
    expect((await getRelationship(ctx, ada)).cadence.source).toBe('tier');
    await archivePurpose(ctx, p.id, false);
    await deletePurpose(ctx, p.id);
    expect((await getRelationship(ctx, bea)).nextDue).toBe(null);
    await restorePurpose(ctx, p.id);
    expect((await getRelationship(ctx, bea)).nextDue).toBe('2026-12-25');
    await removeItem(ctx, p.id, placed[1]?.id as string);
    expect((await getRelationship(ctx, bea)).nextDue).toBe(null);
    await updatePurpose(ctx, p.id, { cadenceDays: null });
    expect((await getRelationship(ctx, ada)).cadence.source).toBe('tier');

    // And Today asks for it when it is due.
    await updatePurpose(ctx, p.id, { cadenceDays: 5 });
    ctx.clock.set(at(6));
    const today = await getToday(ctx, { limit: 50 });
    const due = today.items.find((i) => i.kind === 'keep-in-touch');
    expect(due?.contact?.displayName).toBe('Ada');
    expect(due?.reason).toMatch(/you keep in touch every 5 days/);
  });
});

describeEngines('Purposes: owner scoping', (h) => {
  it('answers every use case on another account’s purpose, item or contact as not found', async () => {
    const me = await h.account();
    const them = await h.account();
    const p = await createPurpose(me.ctx, { name: 'Mine' });
    const [ada] = (await people(me.ctx, 'Ada')) as [string];
    const [theirContact] = (await people(them.ctx, 'Theirs')) as [string];
    const { placed } = await placeContacts(me.ctx, p.id, { contactIds: [ada] });
    const item = placed[0]?.id as string;
    const c = them.ctx;
    await rejects(getPurposeBoard(c, p.id), 'not_found');
    await rejects(updatePurpose(c, p.id, { name: 'x' }), 'not_found');
    await rejects(archivePurpose(c, p.id), 'not_found');
    await rejects(deletePurpose(c, p.id), 'not_found');
    await rejects(restorePurpose(c, p.id), 'not_found');
    await rejects(placeContacts(c, p.id, { contactIds: [theirContact] }), 'not_found');
    await rejects(moveItem(c, p.id, item, { stageId: 'met' }), 'not_found');
    await rejects(updateItem(c, p.id, item, { note: 'x' }), 'not_found');
    await rejects(removeItem(c, p.id, item), 'not_found');
    await rejects(listItemMoves(c, p.id, item), 'not_found');
    await rejects(listContactPurposes(c, ada), 'not_found');
    expect((await listPurposes(c, { status: 'all' })).items).toEqual([]);
    // My contact cannot be put on their purpose either.
    const theirs = await createPurpose(c, { name: 'Theirs' });
    await rejects(placeContacts(c, theirs.id, { contactIds: [ada] }), 'validation', 'contactIds.0');
    // An item id from another purpose of mine is not found on this one.
    const q = await createPurpose(me.ctx, { name: 'Other' });
    await rejects(moveItem(me.ctx, q.id, item, { stageId: 'met' }), 'not_found');
    expect((await getPurposeBoard(me.ctx, p.id)).purpose.progress.total).toBe(1);
  });
});
