import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { createContact } from '../contacts/create-contact';
import type { RelationshipStateTable } from '../db/schema';
import { saveStates, statesOf } from './relationship.queries';

const state = (ownerId: string, contactId: string, nextDue: string): RelationshipStateTable => ({
  owner_id: ownerId,
  contact_id: contactId,
  as_of_ms: 0,
  face: 0,
  voice: 0,
  out_w: 0,
  in_w: 0,
  favours: 0,
  first_at: null,
  last_at: null,
  closeness: 0,
  cadence_days: 30,
  cadence_stopped: 0,
  next_due: nextDue,
  updated_at: '2026-11-27T00:00:00.000Z',
  last_kind: null,
  last_direction: null,
});

describeEngines('saving relationship states', (h) => {
  it('saves hundreds of states in few statements, replaces stored ones, and keeps the last row of a contact listed twice', async () => {
    const { ctx, id: accountId } = await h.account();
    const ids: string[] = [];
    for (let i = 0; i < 450; i++) ids.push((await createContact(ctx, { displayName: `P${i}` }, 'web')).id);
    await saveStates(
      ctx.db,
      ids.map((id) => state(accountId, id, '2026-12-01')),
    );
    const first = ids[0] as string;
    // Replaces, and the later of two rows for one contact in the same call wins (as one upsert after another).
    await saveStates(ctx.db, [
      state(accountId, first, '2026-12-02'),
      state(accountId, ids[1] as string, '2026-12-05'),
      state(accountId, first, '2026-12-03'),
    ]);
    const stored = await statesOf(ctx.db, accountId, ids);
    expect(stored.size).toBe(450);
    expect(stored.get(first)?.next_due).toBe('2026-12-03');
    expect(stored.get(ids[1] as string)?.next_due).toBe('2026-12-05');
    expect(stored.get(ids[449] as string)?.next_due).toBe('2026-12-01');
  });
});
