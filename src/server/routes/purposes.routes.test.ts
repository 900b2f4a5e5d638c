import { describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/engines';
import { serveForTests } from '../../../test/http';
import { fixedClock } from '../../core/clock';

const clock = fixedClock('2026-11-25T09:00:00.000Z');

describe.each(ENGINES)('purpose routes [%s]', (engine) => {
  const server = serveForTests(engine, { app: { clock } });

  it('creates a purpose, places contacts, moves one, edits stages and shows it on the contact', async () => {
    const u = await server.user();
    const ada = (
      await u.post('/api/v1/contacts', { displayName: 'Ada Lovelace', organisation: 'Analytical' })
    ).body;
    const bea = (await u.post('/api/v1/contacts', { displayName: 'Bea', title: 'CTO' })).body;
    const created = await u.post('/api/v1/purposes', {
      name: 'Guest speakers',
      targetCount: 3,
      cadenceDays: 30,
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const placed = await u.post(`/api/v1/purposes/${id}/items`, { contactIds: [ada.id, bea.id] });
    expect(placed.status).toBe(201);
    expect(placed.body.placed.map((i: { contact: unknown }) => i.contact)).toEqual([
      { id: ada.id, displayName: 'Ada Lovelace', organisation: 'Analytical', title: null },
      { id: bea.id, displayName: 'Bea', title: 'CTO', organisation: null },
    ]);
    const [first] = placed.body.placed as { id: string }[];
    const reachedOut = created.body.stages[1].id as string;
    const moved = await u.post(`/api/v1/purposes/${id}/items/${first?.id}/move`, {
      stageId: reachedOut,
      index: 0,
    });
    expect(moved.status).toBe(200);
    expect(moved.body.stageId).toBe(reachedOut);
    const board = (await u.get(`/api/v1/purposes/${id}`)).body;
    expect(board.columns.map((c: { items: unknown[] }) => c.items.length)).toEqual([1, 1, 0, 0, 0, 0]);
    expect((await u.get('/api/v1/purposes')).body.items[0].progress).toMatchObject({ total: 2, done: 0 });
    expect((await u.get(`/api/v1/contacts/${ada.id}/relationship`)).body.cadence).toEqual({
      days: 30,
      source: 'purpose',
    });
    const mine = (await u.get(`/api/v1/contacts/${ada.id}/purposes`)).body.items;
    expect(
      mine.map((p: { purposeName: string; stage: { name: string } }) => [p.purposeName, p.stage.name]),
    ).toEqual([['Guest speakers', 'reached out']]);
    const history = (await u.get(`/api/v1/purposes/${id}/items/${first?.id}/moves`)).body.items;
    expect(history.map((m: { toStage: { name: string } }) => m.toStage.name)).toEqual([
      'identified',
      'reached out',
    ]);

    // Removing a stage that holds an item is refused with the field; with a target it goes through.
    const stages = created.body.stages.filter((s: { id: string }) => s.id !== reachedOut);
    const refused = await u.patch(`/api/v1/purposes/${id}`, { stages });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.issues[0].path).toBe(`moveItems.${reachedOut}`);
    const ok = await u.patch(`/api/v1/purposes/${id}`, { stages, moveItems: { [reachedOut]: stages[1].id } });
    expect(ok.status).toBe(200);
    expect(ok.body.progress.perStage.map((s: { count: number }) => s.count)).toEqual([1, 1, 0, 0, 0]);

    expect((await u.post(`/api/v1/purposes/${id}/archive`)).body.archivedAt).toBe('2026-11-25T09:00:00.000Z');
    expect((await u.get('/api/v1/purposes?status=archived')).body.items).toHaveLength(1);
    expect((await u.post(`/api/v1/purposes/${id}/unarchive`)).body.archivedAt).toBeNull();
    expect((await u.delete(`/api/v1/purposes/${id}/items/${first?.id}`)).status).toBe(204);
    expect((await u.delete(`/api/v1/purposes/${id}`)).body.purgeAfter).toBe('2026-12-25T09:00:00.000Z');
    expect((await u.post(`/api/v1/purposes/${id}/restore`)).body.progress.total).toBe(1);
  });

  it('refuses bad input naming the field, and contacts of another account', async () => {
    const u = await server.user();
    const other = await server.user();
    const theirs = (await other.post('/api/v1/contacts', { displayName: 'Theirs' })).body;
    const bad = await u.post('/api/v1/purposes', { name: '', targetCount: 0, deadline: 'soon' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      'deadline',
      'name',
      'targetCount',
    ]);
    const p = (await u.post('/api/v1/purposes', { name: 'P' })).body;
    const foreign = await u.post(`/api/v1/purposes/${p.id}/items`, { contactIds: [theirs.id] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.details.issues[0].path).toBe('contactIds.0');
    expect((await u.post('/api/v1/purposes', { name: 'p' })).status).toBe(409);
    expect((await u.get('/api/v1/purposes?status=nope')).status).toBe(400);
  });

  it("answers the charts with each active purpose against its pace, the actor's own only", async () => {
    const u = await server.user();
    const other = await server.user();
    await u.post('/api/v1/purposes', { name: 'Speakers', targetCount: 4, deadline: '2026-12-25' });
    await other.post('/api/v1/purposes', { name: 'Theirs', targetCount: 2 });
    const charts = await u.get('/api/v1/charts');
    expect(charts.status).toBe(200);
    expect(charts.body.purposes).toEqual([
      {
        id: expect.any(String),
        name: 'Speakers',
        targetCount: 4,
        done: 0,
        startDay: '2026-11-25',
        deadline: '2026-12-25',
        expectedByToday: 0,
        state: 'on-pace',
      },
    ]);
  });
});
