import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { createContact } from '../contacts/create-contact';
import { deleteContact } from '../contacts/delete-contact';
import { updateContact } from '../contacts/update-contact';
import type { Ctx } from '../context';
import { cardsGenerated } from './address-book';
import { syncAddressBook } from './sync-address-book';

const HOUR = 3_600_000;

/** The address book's change log as a whole-server backup holds it, and that backup put back in its place. */
async function changeLogOf(ctx: Ctx, ownerId: string) {
  const changes = await ctx.db
    .selectFrom('carddav_changes')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .execute();
  const tokens = await ctx.db
    .selectFrom('carddav_sync_tokens')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .execute();
  return async () => {
    await ctx.db.deleteFrom('carddav_changes').where('owner_id', '=', ownerId).execute();
    await ctx.db.deleteFrom('carddav_sync_tokens').where('owner_id', '=', ownerId).execute();
    if (changes.length > 0) await ctx.db.insertInto('carddav_changes').values(changes).execute();
    if (tokens.length > 0) await ctx.db.insertInto('carddav_sync_tokens').values(tokens).execute();
  };
}

describeEngines('syncing an address book (RFC 6578)', (h) => {
  it('refuses, after a whole-server restore, a token given out after the backup, so the phone syncs anew', async () => {
    const { ctx, id: ownerId } = await h.account();
    const ada = await createContact(ctx, { displayName: 'Ada Lovelace' }, 'web');
    const first = await syncAddressBook(ctx, null);
    if (!first.ok) throw new Error('a first sync is always answered');
    const restore = await changeLogOf(ctx, ownerId); // the nightly backup

    ctx.clock.advance(HOUR);
    const xavier = await createContact(ctx, { displayName: 'Xavier Afterbackup' }, 'web');
    const phone = await syncAddressBook(ctx, first.seq);
    if (!phone.ok) throw new Error('the token it gave');
    expect(phone.changed.map((c) => c.name)).toEqual([`${xavier.id}.vcf`]);

    // The server is restored from the backup: Xavier is gone, and the log is as it was. Then someone edits Ada.
    ctx.clock.advance(HOUR);
    await deleteContact(ctx, xavier.id);
    await restore();
    ctx.clock.advance(HOUR);
    await updateContact(ctx, ada.id, { title: 'Countess' }, 'web');

    // The phone's token means "Xavier is there": answering "nothing since" would keep him there for good.
    expect(await syncAddressBook(ctx, phone.seq)).toEqual({ ok: false });
    const anew = await syncAddressBook(ctx, null);
    if (!anew.ok) throw new Error('a first sync is always answered');
    expect(anew.changed.map((c) => c.name)).toEqual([`${ada.id}.vcf`]);
    // Tokens given before the backup and after the restore still work.
    expect(await syncAddressBook(ctx, first.seq)).toMatchObject({
      ok: true,
      changed: [{ name: `${ada.id}.vcf` }],
    });
    expect(await syncAddressBook(ctx, anew.seq)).toEqual({
      ok: true,
      seq: anew.seq,
      changed: [],
      removed: [],
    });
  });

  it('generates every card once per change: the sync after the one that recorded it reads what was recorded', async () => {
    const { ctx } = await h.account();
    const people = [];
    for (const name of ['Ada Lovelace', 'Grace Hopper', 'Alan Turing'])
      people.push(await createContact(ctx, { displayName: name }, 'web'));
    const first = await syncAddressBook(ctx, null);
    if (!first.ok) throw new Error('a first sync is always answered');
    const cost = async (since: number) => {
      const before = cardsGenerated();
      const r = await syncAddressBook(ctx, since);
      if (!r.ok) throw new Error('its own token');
      return { seq: r.seq, changed: r.changed.length, generated: cardsGenerated() - before };
    };
    // SQLite keeps the outcome until the next write (ADR 17); PostgreSQL lists every time.
    const again = h.engine === 'sqlite' ? 0 : people.length;
    expect(await cost(first.seq)).toEqual({ seq: first.seq, changed: 0, generated: again });

    ctx.clock.advance(HOUR);
    await updateContact(ctx, (people[1] as { id: string }).id, { title: 'Rear Admiral' }, 'web');
    const recorded = await cost(first.seq);
    expect(recorded).toMatchObject({ changed: 1, generated: people.length });
    // Recording the change wrote rows, but changed no card: the next sync does not list them all again.
    expect(await cost(recorded.seq)).toEqual({ seq: recorded.seq, changed: 0, generated: again });
    expect(await cost(first.seq)).toEqual({ seq: recorded.seq, changed: 1, generated: again });
  });

  it('still takes the tokens numbered one by one before migration 0040', async () => {
    const { ctx, id: ownerId } = await h.account();
    await createContact(ctx, { displayName: 'Grace Hopper' }, 'web');
    // The state an older server left: changes 1 to 3, the last one kept as the first token by the migration.
    const now = await syncAddressBook(ctx, null);
    if (!now.ok) throw new Error('a first sync is always answered');
    await ctx.db.updateTable('carddav_changes').set({ seq: 3 }).where('owner_id', '=', ownerId).execute();
    await ctx.db.deleteFrom('carddav_sync_tokens').where('owner_id', '=', ownerId).execute();
    await ctx.db.insertInto('carddav_sync_tokens').values({ owner_id: ownerId, seq: 3 }).execute();
    for (const old of [1, 2, 3]) expect(await syncAddressBook(ctx, old)).toMatchObject({ ok: true });
    expect(await syncAddressBook(ctx, 3)).toMatchObject({ changed: [] });
    // The next change is numbered by the clock; the numbers in between were never given out.
    await createContact(ctx, { displayName: 'Alan Turing' }, 'web');
    const next = await syncAddressBook(ctx, 3);
    expect(next).toMatchObject({ ok: true, changed: [{}] });
    expect(next.ok && next.seq).toBeGreaterThan(1_000_000_000);
    expect(await syncAddressBook(ctx, 4)).toEqual({ ok: false });
    expect(await syncAddressBook(ctx, 1)).toMatchObject({ ok: true, changed: [{}, {}] });
  });
});
