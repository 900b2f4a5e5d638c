import { describe, expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { updateSettings } from '../agenda/update-settings';
import { createContact } from '../contacts/create-contact';
import type { Ctx } from '../context';
import { archivePurpose } from '../purposes/archive-purpose';
import { createPurpose } from '../purposes/create-purpose';
import { deletePurpose } from '../purposes/delete-purpose';
import { listPurposes } from '../purposes/list-purposes';
import { moveItem } from '../purposes/move-item';
import { pace } from '../purposes/pace';
import { placeContacts } from '../purposes/place-contacts';
import { getCharts } from './get-charts';
import { listPurposePace } from './list-purpose-pace';

/** A purpose with `people` on it, the first `done` of them moved to its 'done' stage. */
async function purposeWith(
  ctx: Ctx,
  input: { name: string; targetCount?: number | null; deadline?: string | null },
  people: number,
  done: number,
) {
  const p = await createPurpose(ctx, input);
  if (people === 0) return { ...p, placed: [] };
  const ids: string[] = [];
  for (let n = 0; n < people; n++)
    ids.push((await createContact(ctx, { displayName: `${input.name} person ${n + 1}` }, 'web')).id);
  const { placed } = await placeContacts(ctx, p.id, { contactIds: ids });
  for (const item of placed.slice(0, done))
    await moveItem(ctx, p.id, item.id, { stageId: 'helped / committed' });
  return { ...p, placed };
}

// The harness clock says 2026-11-25 (UTC); the purposes start 30 days earlier.
describeEngines('purposes on the health page: done against target and deadline', (h) => {
  it('says which active purposes are done, on pace, behind, or without a target, and leaves out the rest', async () => {
    const { ctx } = await h.account();
    const other = await h.account();
    ctx.clock.set('2026-10-26T09:00:00.000Z');
    // 60 days from start to deadline, 30 gone: half the target is expected by today.
    const deadline = '2026-12-25';
    await purposeWith(ctx, { name: 'Guest speakers', targetCount: 4, deadline }, 3, 2);
    await purposeWith(ctx, { name: 'Research leads', targetCount: 10, deadline }, 4, 4);
    await purposeWith(ctx, { name: 'Mentors', targetCount: 3 }, 2, 1);
    const reviewers = await purposeWith(ctx, { name: 'Reviewers', targetCount: 2, deadline }, 2, 2);
    await purposeWith(ctx, { name: 'Alumni', targetCount: null }, 1, 1);
    const old = await purposeWith(ctx, { name: 'Last year', targetCount: 5, deadline }, 1, 0);
    await archivePurpose(ctx, old.id);
    const trashed = await purposeWith(ctx, { name: 'Binned', targetCount: 5, deadline }, 0, 0);
    await deletePurpose(ctx, trashed.id);
    await purposeWith(other.ctx, { name: 'Not mine', targetCount: 5, deadline }, 1, 1);
    // Someone done and then closed still counts, as on the purpose's page.
    await moveItem(ctx, reviewers.id, reviewers.placed[0]?.id as string, { stageId: 'closed' });
    const board = (await listPurposes(ctx)).items.find((p) => p.id === reviewers.id);
    expect(board?.progress.done).toBe(2);
    ctx.clock.set('2026-11-25T09:00:00.000Z');

    const { purposes } = await getCharts(ctx);
    const start = { startDay: '2026-10-26' };
    expect(purposes.map(({ id: _, ...p }) => p)).toEqual([
      {
        name: 'Alumni',
        targetCount: null,
        done: 1,
        ...start,
        deadline: null,
        expectedByToday: null,
        state: 'no-target',
      },
      {
        name: 'Guest speakers',
        targetCount: 4,
        done: 2,
        ...start,
        deadline,
        expectedByToday: 2,
        state: 'on-pace',
      },
      {
        name: 'Mentors',
        targetCount: 3,
        done: 1,
        ...start,
        deadline: null,
        expectedByToday: null,
        state: 'on-pace',
      },
      {
        name: 'Research leads',
        targetCount: 10,
        done: 4,
        ...start,
        deadline,
        expectedByToday: 5,
        state: 'behind',
      },
      { name: 'Reviewers', targetCount: 2, done: 2, ...start, deadline, expectedByToday: 1, state: 'done' },
    ]);
    // The done counts are the ones the purposes list shows.
    const listed = new Map((await listPurposes(ctx)).items.map((p) => [p.id, p.progress.done ?? 0]));
    expect(purposes.map((p) => p.done)).toEqual(purposes.map((p) => listed.get(p.id)));
    expect(await listPurposePace(other.ctx)).toMatchObject([{ name: 'Not mine', done: 1, state: 'on-pace' }]);

    // A week before the deadline nearly everything is expected: the guest speakers fall behind too.
    ctx.clock.set('2026-12-18T09:00:00.000Z');
    const later = await listPurposePace(ctx);
    expect(later.map((p) => [p.name, p.expectedByToday, p.state])).toEqual([
      ['Alumni', null, 'no-target'],
      ['Guest speakers', 3.5, 'behind'],
      ['Mentors', null, 'on-pace'],
      ['Research leads', 8.8, 'behind'],
      ['Reviewers', 1.8, 'done'],
    ]);
  });

  it('starts a purpose on the day it was created where the owner lives', async () => {
    const { ctx } = await h.account();
    await updateSettings(ctx, { timeZone: 'America/New_York' });
    ctx.clock.set('2026-10-26T02:00:00.000Z'); // still the 25th in New York
    await createPurpose(ctx, { name: 'Speakers', targetCount: 6, deadline: '2026-11-24' });
    ctx.clock.set('2026-11-09T15:00:00.000Z');
    expect(await listPurposePace(ctx)).toMatchObject([
      { startDay: '2026-10-25', expectedByToday: 3, state: 'behind', done: 0 },
    ]);
  });

  it('is empty without purposes', async () => {
    const { ctx } = await h.account();
    expect((await getCharts(ctx)).purposes).toEqual([]);
  });
});

describe('pace', () => {
  const base = { startDay: '2026-01-01', deadline: '2026-01-11' };
  it('expects a share of the target in proportion to the time gone, never more than all of it', () => {
    expect(pace({ ...base, targetCount: 5, done: 0 }, '2026-01-01')).toEqual({
      expectedByToday: 0,
      state: 'on-pace',
    });
    expect(pace({ ...base, targetCount: 3, done: 0 }, '2026-01-02').expectedByToday).toBe(0.3);
    expect(pace({ ...base, targetCount: 5, done: 4 }, '2026-02-01')).toEqual({
      expectedByToday: 5,
      state: 'behind',
    });
  });

  it('is behind only once a whole person expected by now is missing', () => {
    expect(pace({ ...base, targetCount: 5, done: 0 }, '2026-01-02')).toEqual({
      expectedByToday: 0.5,
      state: 'on-pace',
    });
    expect(pace({ ...base, targetCount: 5, done: 0 }, '2026-01-03').state).toBe('behind');
    expect(pace({ ...base, targetCount: 5, done: 1 }, '2026-01-04').state).toBe('on-pace');
  });

  it('is done at the target, even past the deadline, and has no pace without a target', () => {
    expect(pace({ ...base, targetCount: 2, done: 3 }, '2026-03-01')).toEqual({
      expectedByToday: 2,
      state: 'done',
    });
    expect(pace({ ...base, targetCount: null, done: 3 }, '2026-01-05')).toEqual({
      expectedByToday: null,
      state: 'no-target',
    });
  });

  it('expects everything at once from a deadline set on or before the start day', () => {
    expect(
      pace({ startDay: '2026-01-05', deadline: '2026-01-01', targetCount: 2, done: 1 }, '2026-01-05'),
    ).toEqual({ expectedByToday: 2, state: 'behind' });
  });
});
