import type { Transaction } from 'kysely';
import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { whileHeld } from '../../../test/while-held';
import { exportBackup } from '../backup/export-backup';
import { restoreBackup } from '../backup/restore-backup';
import { createContact } from '../contacts/create-contact';
import { deleteContact } from '../contacts/delete-contact';
import { getContact } from '../contacts/get-contact';
import { listContacts } from '../contacts/list-contacts';
import { updateContact } from '../contacts/update-contact';
import * as m0013 from '../db/migrations/0013-organisation-merges';
import type { Database } from '../db/schema';
import { AppError } from '../errors';
import { importLinkedin } from '../imports/import-linkedin';
import { importVcard } from '../imports/import-vcard';
import { listTrash } from '../trash/list-trash';
import { purgeTrash } from '../trash/purge-trash';
import { createOrganisation } from './create-organisation';
import { getOrganisation } from './get-organisation';
import { listOrganisations } from './list-organisations';
import { mergeOrganisations } from './merge-organisations';
import { lockOrganisations } from './organisation.queries';
import { restoreOrganisation } from './restore-organisation';
import { undoOrganisationMerge } from './undo-organisation-merge';
import { updateOrganisation } from './update-organisation';

const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
};

const linkedin = (rows: string[]) => ({
  source: {
    name: 'Connections.csv',
    bytes: new TextEncoder().encode(
      ['First Name,Last Name,URL,Email Address,Company,Position,Connected On', ...rows].join('\n'),
    ),
  },
  dryRun: false,
});

describeEngines('merging organisations', (h) => {
  it('moves every person and past position, carries website and notes over, and leaves no trace in lists', async () => {
    const { ctx } = await h.account();
    const kept = await createOrganisation(ctx, { name: 'Initech', notes: 'Printers.' });
    const gone = await createOrganisation(ctx, {
      name: 'Initech Software',
      website: 'https://initech.example',
      notes: 'TPS reports.',
    });
    const peter = await createContact(
      ctx,
      { displayName: 'Peter Gibbons', organisation: 'Initech Software' },
      'web',
    );
    const milton = await createContact(
      ctx,
      { displayName: 'Milton Waddams', organisation: 'Initech Software' },
      'web',
    );
    const bill = await createContact(ctx, { displayName: 'Bill Lumbergh', organisation: 'Initech' }, 'web');
    const joanna = await createContact(
      ctx,
      { displayName: 'Joanna', organisation: 'Initech Software' },
      'web',
    );
    await updateContact(ctx, joanna.id, { organisation: "Chotchkie's" }, 'web'); // Initech Software is now her past
    await deleteContact(ctx, milton.id); // trashed people move too, and come back to the right place

    const result = await mergeOrganisations(ctx, gone.id, { into: kept.id });
    expect(result.movedContacts).toBe(2);
    expect(result.organisation).toMatchObject({
      id: kept.id,
      name: 'Initech',
      website: 'https://initech.example',
      notes: 'Printers.\n\nTPS reports.',
      contactCount: 2,
    });
    expect((await getContact(ctx, peter.id)).organisation).toEqual({ id: kept.id, name: 'Initech' });
    expect((await getContact(ctx, joanna.id)).pastPositions[0]?.organisation).toEqual({
      id: kept.id,
      name: 'Initech',
    });
    const detail = await getOrganisation(ctx, kept.id);
    expect(detail.people.current.map((p) => p.displayName).sort()).toEqual([
      'Bill Lumbergh',
      'Peter Gibbons',
    ]);
    expect(detail.people.past.map((p) => p.displayName)).toEqual(['Joanna']);
    expect(detail.merges).toEqual([
      { id: result.mergeId, organisationId: gone.id, name: 'Initech Software', mergedAt: expect.any(String) },
    ]);
    // Gone from the lists and from the trash (it is undone, not restored), and its page is gone.
    expect((await listOrganisations(ctx, {})).items.map((o) => o.name)).toEqual(["Chotchkie's", 'Initech']);
    expect((await listTrash(ctx)).organisations).toEqual([]);
    expect(await code(getOrganisation(ctx, gone.id))).toBe('not_found');
    expect(await code(restoreOrganisation(ctx, gone.id))).toBe('not_found');
    // People are found by the kept name (search reads the current organisation's name).
    const found = await listContacts(ctx, { q: 'initech' });
    expect(found.items.map((c) => c.displayName).sort()).toEqual(['Bill Lumbergh', 'Peter Gibbons']);
    expect((await listContacts(ctx, { q: 'software' })).items).toEqual([]);
    expect(bill.organisation?.id).toBe(kept.id);
  });

  it('leads the merged name to the kept organisation: by hand, by import, through a merge of merges', async () => {
    const { ctx } = await h.account();
    const kept = await createOrganisation(ctx, { name: 'Initech' });
    const gone = await createOrganisation(ctx, { name: 'Initech Software' });
    await mergeOrganisations(ctx, gone.id, { into: kept.id });
    const byHand = await createContact(
      ctx,
      { displayName: 'Samir', organisation: 'INITECH SOFTWARE' },
      'web',
    );
    expect(byHand.organisation).toEqual({ id: kept.id, name: 'Initech' });
    await importLinkedin(
      ctx,
      linkedin(['Michael,Bolton,https://www.linkedin.com/in/mbolton,,Initech Software,Engineer,01 Nov 2026']),
    );
    // Initech itself then goes into Initrode: both older spellings lead there.
    const initrode = await createOrganisation(ctx, { name: 'Initrode' });
    await mergeOrganisations(ctx, kept.id, { into: initrode.id });
    await importLinkedin(
      ctx,
      linkedin([
        'Tom,Smykowski,https://www.linkedin.com/in/tsmykowski,,Initech Software,Liaison,02 Nov 2026',
        'Nina,Ng,https://www.linkedin.com/in/nng,,Initech,Receptionist,03 Nov 2026',
      ]),
    );
    const orgs = (await listOrganisations(ctx, {})).items;
    expect(orgs.map((o) => [o.name, o.contactCount])).toEqual([['Initrode', 4]]);
    // Their old pages lead to Initrode too; a trashed end leads nowhere.
    for (const id of [gone.id, kept.id]) {
      await expect(getOrganisation(ctx, id)).rejects.toMatchObject({
        code: 'not_found',
        details: { mergedInto: initrode.id },
      });
    }
    const { deleteOrganisation } = await import('./delete-organisation');
    await deleteOrganisation(ctx, initrode.id);
    const e = await getOrganisation(ctx, gone.id).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'not_found', message: 'organisation not found' });
    expect((e as AppError).details).toEqual({});
  });

  it('undoes: the people, positions, website and notes that moved go back, and the name leads home again', async () => {
    const { ctx } = await h.account();
    const kept = await createOrganisation(ctx, { name: 'Globex', notes: 'Mine.' });
    const gone = await createOrganisation(ctx, {
      name: 'Globex Chemicals',
      website: 'https://globex.example',
      notes: 'Theirs.',
    });
    const hank = await createContact(
      ctx,
      { displayName: 'Hank Scorpio', organisation: 'Globex Chemicals' },
      'web',
    );
    const homer = await createContact(ctx, { displayName: 'Homer', organisation: 'Globex' }, 'web');
    const { mergeId } = await mergeOrganisations(ctx, gone.id, { into: kept.id });
    // After the merge Hank leaves; he stays where he went.
    const marge = await createContact(ctx, { displayName: 'Marge', organisation: 'Globex Chemicals' }, 'web');
    expect(marge.organisation?.id).toBe(kept.id);

    const back = await undoOrganisationMerge(ctx, mergeId);
    expect(back).toMatchObject({
      id: gone.id,
      name: 'Globex Chemicals',
      website: 'https://globex.example',
      contactCount: 1,
    });
    expect((await getContact(ctx, hank.id)).organisation?.id).toBe(gone.id);
    expect((await getContact(ctx, homer.id)).organisation?.id).toBe(kept.id);
    // Marge joined the kept organisation after the merge: she stays there.
    expect((await getContact(ctx, marge.id)).organisation?.id).toBe(kept.id);
    expect(await getOrganisation(ctx, kept.id)).toMatchObject({ website: null, notes: 'Mine.', merges: [] });
    const next = await createContact(ctx, { displayName: 'Frank', organisation: 'Globex Chemicals' }, 'web');
    expect(next.organisation?.id).toBe(gone.id);
    expect(await code(undoOrganisationMerge(ctx, mergeId))).toBe('conflict');
  });

  it('keeps edits made to the kept organisation since, and refuses when the name was taken meanwhile', async () => {
    const { ctx } = await h.account();
    const kept = await createOrganisation(ctx, { name: 'Hooli' });
    const gone = await createOrganisation(ctx, { name: 'Hooli XYZ', website: 'https://hooli.example' });
    const first = await mergeOrganisations(ctx, gone.id, { into: kept.id });
    await updateOrganisation(ctx, kept.id, { website: 'https://hooli.example/new' });
    await undoOrganisationMerge(ctx, first.mergeId);
    expect((await getOrganisation(ctx, kept.id)).website).toBe('https://hooli.example/new');

    const again = await mergeOrganisations(ctx, gone.id, { into: kept.id });
    await createOrganisation(ctx, { name: 'Pied Piper' });
    const taker = await createOrganisation(ctx, { name: 'Hooli Nucleus' });
    await updateOrganisation(ctx, taker.id, { name: 'Hooli XYZ' });
    expect(await code(undoOrganisationMerge(ctx, again.mergeId))).toBe('conflict');
  });

  it('refuses itself, trashed organisations and unknown ids', async () => {
    const { ctx } = await h.account();
    const a = await createOrganisation(ctx, { name: 'Vandelay Industries' });
    const b = await createOrganisation(ctx, { name: 'Vandelay Imports' });
    expect(await code(mergeOrganisations(ctx, a.id, { into: a.id }))).toBe('validation');
    expect(await code(mergeOrganisations(ctx, a.id, { into: '01900000-0000-7000-8000-000000000000' }))).toBe(
      'not_found',
    );
    const { deleteOrganisation } = await import('./delete-organisation');
    await deleteOrganisation(ctx, b.id);
    expect(await code(mergeOrganisations(ctx, b.id, { into: a.id }))).toBe('not_found');
    expect(await code(mergeOrganisations(ctx, a.id, { into: b.id }))).toBe('not_found');
    expect(await code(undoOrganisationMerge(ctx, '01900000-0000-7000-8000-000000000000'))).toBe('not_found');
  });

  it("touches no other account's organisations, either way round", async () => {
    const me = await h.account('Me');
    const other = await h.account('Other');
    const mine = await createOrganisation(me.ctx, { name: 'Acme' });
    const mine2 = await createOrganisation(me.ctx, { name: 'Acme Rockets' });
    const theirs = await createOrganisation(other.ctx, { name: 'Acme Anvils' });
    await createContact(other.ctx, { displayName: 'Wile E.', organisation: 'Acme Anvils' }, 'web');
    expect(await code(mergeOrganisations(me.ctx, theirs.id, { into: mine.id }))).toBe('not_found');
    expect(await code(mergeOrganisations(me.ctx, mine.id, { into: theirs.id }))).toBe('not_found');
    const { mergeId } = await mergeOrganisations(me.ctx, mine2.id, { into: mine.id });
    expect(await code(undoOrganisationMerge(other.ctx, mergeId))).toBe('not_found');
    expect((await getOrganisation(other.ctx, theirs.id)).contactCount).toBe(1);
    // The other account's own spelling is untouched by my merge.
    const wile = await createContact(
      other.ctx,
      { displayName: 'Road Runner', organisation: 'Acme Rockets' },
      'web',
    );
    expect(wile.organisation?.id).not.toBe(mine.id);
    expect((await getOrganisation(me.ctx, mine.id)).merges).toHaveLength(1);
    // My merged-away organisation tells me where it went, and the other account nothing.
    await expect(getOrganisation(me.ctx, mine2.id)).rejects.toMatchObject({
      details: { mergedInto: mine.id },
    });
    const e = await getOrganisation(other.ctx, mine2.id).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'not_found', message: 'organisation not found' });
    expect((e as AppError).details).toEqual({});
  });

  it('survives the trash purge and a backup round trip', async () => {
    const { ctx } = await h.account();
    const kept = await createOrganisation(ctx, { name: 'Soylent' });
    const gone = await createOrganisation(ctx, { name: 'Soylent Green' });
    await createContact(ctx, { displayName: 'Thorn', organisation: 'Soylent Green' }, 'web');
    const { mergeId } = await mergeOrganisations(ctx, gone.id, { into: kept.id });
    expect((await getOrganisation(ctx, kept.id)).merges.map((m) => m.id)).toEqual([mergeId]);
    ctx.clock.advance((ctx.settings.trashDays + 1) * 86_400_000);
    await purgeTrash(ctx);
    const backup = await exportBackup(ctx);
    const copy = await h.account('Copy');
    await restoreBackup(copy.ctx, JSON.parse(JSON.stringify(backup)));
    for (const c of [ctx, copy.ctx]) {
      const [org] = (await listOrganisations(c, {})).items;
      const detail = await getOrganisation(c, org?.id ?? '');
      expect(detail.merges.map((m) => m.name)).toEqual(['Soylent Green']);
      const added = await createContact(c, { displayName: 'Sol', organisation: 'Soylent Green' }, 'web');
      expect(added.organisation?.id).toBe(org?.id);
      const back = await undoOrganisationMerge(c, detail.merges[0]?.id ?? '');
      expect(back).toMatchObject({ name: 'Soylent Green', contactCount: 1 });
    }
  });
});

describeEngines('migration 0013 (organisation merges)', (h) => {
  it('goes down and up again over stored organisations', async () => {
    const { ctx } = await h.account();
    const kept = await createOrganisation(ctx, { name: 'Umbrella' });
    await m0013.down(ctx.db);
    await m0013.up(ctx.db);
    const gone = await createOrganisation(ctx, { name: 'Umbrella Pharma' });
    await mergeOrganisations(ctx, gone.id, { into: kept.id });
    expect((await getOrganisation(ctx, kept.id)).merges.map((m) => m.name)).toEqual(['Umbrella Pharma']);
  });
});

// Two connections at once need PostgreSQL: on SQLite, writers queue whole, and the race below cannot happen.
describeEngines(
  'a contact edit naming an organisation while it is being merged away',
  (h) => {
    it('waits for the merge and lands on the organisation it was merged into', async () => {
      const { ctx } = await h.account();
      const gone = await createOrganisation(ctx, { name: 'Initech' });
      const kept = await createOrganisation(ctx, { name: 'Initrode' });
      const peter = await createContact(ctx, { displayName: 'Peter Gibbons' }, 'web');
      // What mergeOrganisations does, held open: lock both, move their people, mark the merged one.
      const merge = async (trx: Transaction<Database>) => {
        await lockOrganisations(trx, ctx.actor?.accountId as string, [gone.id, kept.id]);
        await trx
          .updateTable('contacts')
          .set({ organisation_id: kept.id })
          .where('organisation_id', '=', gone.id)
          .execute();
        await trx
          .updateTable('organisations')
          .set({ merged_into: kept.id, deleted_at: new Date().toISOString() })
          .where('id', '=', gone.id)
          .execute();
      };
      await whileHeld(h.handle().db, merge, () =>
        updateContact(ctx, peter.id, { organisation: 'Initech' }, 'web'),
      );
      expect((await getContact(ctx, peter.id)).organisation).toMatchObject({ id: kept.id, name: 'Initrode' });
    });

    it('an import naming it waits for the merge (both take the account) and lands on the kept one', async () => {
      const { ctx } = await h.account();
      const gone = await createOrganisation(ctx, { name: 'Initech' });
      const kept = await createOrganisation(ctx, { name: 'Initrode' });
      const card = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Milton Waddams\r\nORG:Initech\r\nEND:VCARD\r\n';
      const run = await whileHeld(
        h.handle().db,
        (trx: Transaction<Database>) => mergeOrganisations({ ...ctx, db: trx }, gone.id, { into: kept.id }),
        () =>
          importVcard(ctx, { source: new TextEncoder().encode(card), fileName: 'milton.vcf', dryRun: false }),
      );
      expect(run.stats.created).toBe(1);
      const [milton] = (await listContacts(ctx, {})).items;
      expect(milton?.organisation).toMatchObject({ id: kept.id, name: 'Initrode' });
    });
  },
  { engines: ['postgres'] },
);
