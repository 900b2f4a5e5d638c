import { expect, it } from 'vitest';
import { describeEngines } from '../../../../test/engines';
import { updateSettings } from '../../agenda/update-settings';
import { createContact } from '../../contacts/create-contact';
import type { Ctx } from '../../context';
import { recordInteraction } from '../../interactions/record-interaction';
import { statesOf } from '../../relationships/relationship.queries';
import { updateRelationship } from '../../relationships/update-relationship';
import * as m0034 from './0034-keep-in-touch-local-days';

/** A contact on a weekly cadence, last met at 19:30 UTC on 20 Nov (8:30 on the 21st in Auckland). */
async function metLate(ctx: Ctx, name: string) {
  const c = await createContact(ctx, { displayName: name }, 'web');
  await recordInteraction(ctx, {
    kind: 'meeting',
    contactIds: [c.id],
    occurredAt: '2026-11-20T19:30:00.000Z',
  });
  await updateRelationship(ctx, c.id, { cadenceDays: 7 });
  return c.id;
}

/** Writes the due day as the code before 0034 stored it (counted from the UTC day). */
async function storeDue(ctx: Ctx, contactId: string, due: string) {
  await ctx.db
    .updateTable('relationship_states')
    .set({ next_due: due })
    .where('contact_id', '=', contactId)
    .execute();
}

describeEngines('migration 0034 over keep-in-touch due days counted in UTC', (h) => {
  it('moves them to the local day of the last contact in the account’s zone, and leaves UTC accounts alone', async () => {
    const auckland = await h.account('Auckland');
    await updateSettings(auckland.ctx, { timeZone: 'Pacific/Auckland' });
    const met = await metLate(auckland.ctx, 'Met Early Morning');
    const connected = await createContact(
      auckland.ctx,
      { displayName: 'Connected Only', connectedOn: '2026-11-01' },
      'web',
    );
    await updateRelationship(auckland.ctx, connected.id, { cadenceDays: 30 });
    // Today's code counts from the local day: the 21st + 7.
    expect((await statesOf(auckland.ctx.db, auckland.id, [met])).get(met)?.next_due).toBe('2026-11-28');
    await storeDue(auckland.ctx, met, '2026-11-27');
    const connectedDue = (await statesOf(auckland.ctx.db, auckland.id, [connected.id])).get(
      connected.id,
    )?.next_due;
    expect(connectedDue).toBe('2026-12-01');

    const utc = await h.account('Greenwich');
    const utcMet = await metLate(utc.ctx, 'Met Late Evening');
    expect((await statesOf(utc.ctx.db, utc.id, [utcMet])).get(utcMet)?.next_due).toBe('2026-11-27');

    await m0034.up(auckland.ctx.db);

    const after = await statesOf(auckland.ctx.db, auckland.id, [met, connected.id]);
    expect(after.get(met)?.next_due).toBe('2026-11-28');
    expect(after.get(connected.id)?.next_due).toBe('2026-12-01'); // a date connected is a day already
    expect((await statesOf(utc.ctx.db, utc.id, [utcMet])).get(utcMet)?.next_due).toBe('2026-11-27');
  });
});
