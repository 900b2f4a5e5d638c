import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { updateSettings } from '../agenda/update-settings';
import { exportBackup } from '../backup/export-backup';
import { restoreBackup } from '../backup/restore-backup';
import { createContact } from '../contacts/create-contact';
import { getRelationship } from '../relationships/get-relationship';
import { listInteractions } from './list-interactions';
import { recordInteraction } from './record-interaction';
import { updateInteraction } from './update-interaction';

// The harness's clock: 2026-11-25T09:00:00Z, already 22:00 that day in Auckland (UTC+13 in November).

describeEngines('interactions dated by the day alone', (h) => {
  it('a day without a time is dateOnly, stored at midday in the account’s zone (now when it is today)', async () => {
    const { ctx } = await h.account();
    await updateSettings(ctx, { timeZone: 'Pacific/Auckland' });
    const ada = await createContact(ctx, { displayName: 'Ada Lovelace' }, 'web');
    const met = await recordInteraction(ctx, {
      kind: 'meeting',
      contactIds: [ada.id],
      occurredAt: '2026-11-20',
    });
    // Midday in Auckland is 23:00 UTC the day before: the day stays the 20th in the account's zone.
    expect(met).toMatchObject({ dateOnly: true, occurredAt: '2026-11-19T23:00:00.000Z' });
    const today = await recordInteraction(ctx, {
      kind: 'call',
      contactIds: [ada.id],
      occurredAt: '2026-11-25',
    });
    expect(today).toMatchObject({ dateOnly: true, occurredAt: '2026-11-25T09:00:00.000Z' });
    const timed = await recordInteraction(ctx, {
      kind: 'email',
      contactIds: [ada.id],
      occurredAt: '2026-11-20T08:15:00+13:00',
    });
    expect(timed).toMatchObject({ dateOnly: false, occurredAt: '2026-11-19T19:15:00.000Z' });
    expect((await recordInteraction(ctx, { kind: 'note', contactIds: [ada.id] })).dateOnly).toBe(false);
    // Listed as logged, and sorted by the stored instant as before: the timed email came earlier that day.
    const listed = (await listInteractions(ctx, { contact: ada.id })).items;
    expect(listed.map((i) => [i.kind, i.dateOnly])).toEqual([
      ['note', false],
      ['call', true],
      ['meeting', true],
      ['email', false],
    ]);
    expect((await getRelationship(ctx, ada.id)).lastContactAt).toBe('2026-11-25T09:00:00.000Z');
  });

  it('says whether the last contact was logged with its day only (a note is not contact)', async () => {
    const { ctx } = await h.account();
    const ada = await createContact(ctx, { displayName: 'Ada Lovelace' }, 'web');
    expect(await getRelationship(ctx, ada.id)).toMatchObject({
      lastContactAt: null,
      lastContactDateOnly: false,
    });
    await recordInteraction(ctx, { kind: 'meeting', contactIds: [ada.id], occurredAt: '2026-11-20' });
    await recordInteraction(ctx, { kind: 'note', contactIds: [ada.id] });
    expect(await getRelationship(ctx, ada.id)).toMatchObject({ lastContactDateOnly: true });
    const call = await recordInteraction(ctx, {
      kind: 'call',
      contactIds: [ada.id],
      occurredAt: '2026-11-24T16:30:00Z',
    });
    expect(await getRelationship(ctx, ada.id)).toMatchObject({
      lastContactAt: call.occurredAt,
      lastContactDateOnly: false,
    });
  });

  it('refuses a day after today in the account’s zone, a day that does not exist and one before 1950', async () => {
    const { ctx } = await h.account();
    const ada = await createContact(ctx, { displayName: 'Ada Lovelace' }, 'web');
    for (const occurredAt of ['2026-11-26', '2026-02-30', '1949-12-31'])
      await expect(
        recordInteraction(ctx, { kind: 'meeting', contactIds: [ada.id], occurredAt }),
      ).rejects.toMatchObject({ code: 'validation', details: { issues: [{ path: 'occurredAt' }] } });
    // Already the 26th in Auckland.
    await updateSettings(ctx, { timeZone: 'Pacific/Auckland' });
    ctx.clock.advance(12 * 3_600_000);
    expect(
      await recordInteraction(ctx, { kind: 'meeting', contactIds: [ada.id], occurredAt: '2026-11-26' }),
    ).toMatchObject({ dateOnly: true, occurredAt: '2026-11-25T21:00:00.000Z' });
  });

  it('a correction keeps dateOnly unless a new time or day is given', async () => {
    const { ctx } = await h.account();
    const ada = await createContact(ctx, { displayName: 'Ada Lovelace' }, 'web');
    const met = await recordInteraction(ctx, {
      kind: 'meeting',
      contactIds: [ada.id],
      occurredAt: '2026-11-20',
    });
    expect(met).toMatchObject({ dateOnly: true, occurredAt: '2026-11-20T12:00:00.000Z' });
    expect(await updateInteraction(ctx, met.id, { summary: 'Coffee' })).toMatchObject({
      dateOnly: true,
      occurredAt: '2026-11-20T12:00:00.000Z',
    });
    expect(await updateInteraction(ctx, met.id, { occurredAt: '2026-11-21T10:30:00Z' })).toMatchObject({
      dateOnly: false,
      occurredAt: '2026-11-21T10:30:00.000Z',
    });
    expect(await updateInteraction(ctx, met.id, { occurredAt: '2026-11-19' })).toMatchObject({
      dateOnly: true,
      occurredAt: '2026-11-19T12:00:00.000Z',
    });
    await expect(updateInteraction(ctx, met.id, { occurredAt: '2026-11-26' })).rejects.toMatchObject({
      code: 'validation',
      details: { issues: [{ path: 'occurredAt', message: 'is in the future' }] },
    });
  });

  it('a backup keeps dateOnly; one made before it existed restores interactions as timed', async () => {
    const a = await h.account();
    const ada = await createContact(a.ctx, { displayName: 'Ada Lovelace' }, 'web');
    await recordInteraction(a.ctx, { kind: 'meeting', contactIds: [ada.id], occurredAt: '2026-11-20' });
    await recordInteraction(a.ctx, {
      kind: 'call',
      contactIds: [ada.id],
      occurredAt: '2026-11-21T10:30:00Z',
    });
    const backup = await exportBackup(a.ctx);
    expect(backup.tables.interactions?.map((i) => [i.kind, i.date_only])).toEqual([
      ['meeting', 1],
      ['call', 0],
    ]);

    const b = await h.account();
    await restoreBackup(b.ctx, JSON.parse(JSON.stringify(backup)));
    const restored = (await listInteractions(b.ctx, {})).items;
    expect(restored.map((i) => [i.kind, i.dateOnly, i.occurredAt])).toEqual([
      ['call', false, '2026-11-21T10:30:00.000Z'],
      ['meeting', true, '2026-11-20T12:00:00.000Z'],
    ]);

    const older = JSON.parse(JSON.stringify(backup));
    for (const row of older.tables.interactions) delete row.date_only; // as a backup made before migration 0026
    const c = await h.account();
    await restoreBackup(c.ctx, older);
    expect((await listInteractions(c.ctx, {})).items.map((i) => i.dateOnly)).toEqual([false, false]);
  });
});
