import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { createContact } from '../contacts/create-contact';
import * as m0012 from '../db/migrations/0012-organisation-legal-forms';
import { importLinkedin } from '../imports/import-linkedin';
import { listOrganisations } from './list-organisations';

describeEngines('organisations spelled with and without a legal form', (h) => {
  it('are one organisation, by hand and by import, shown as first spelled', async () => {
    const { ctx } = await h.account();
    const ada = await createContact(ctx, { displayName: 'Ada', organisation: 'Acme Logistics' }, 'web');
    const bob = await createContact(ctx, { displayName: 'Bob', organisation: 'Acme Logistics, Inc.' }, 'web');
    expect(bob.organisation).toEqual(ada.organisation);
    const csv = [
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
      'Cy,Ng,https://www.linkedin.com/in/cy-ng,,"ACME LOGISTICS INC",Driver,01 Nov 2026',
      'Di,Oh,https://www.linkedin.com/in/di-oh,,Globex Corp.,Analyst,02 Nov 2026',
      'Ed,Po,https://www.linkedin.com/in/ed-po,,Globex,Engineer,03 Nov 2026',
    ].join('\n');
    await importLinkedin(ctx, {
      source: { name: 'Connections.csv', bytes: new TextEncoder().encode(csv) },
      dryRun: false,
    });
    const orgs = await listOrganisations(ctx, {});
    expect(orgs.items.map((o) => [o.name, o.contactCount])).toEqual([
      ['Acme Logistics', 3],
      ['Globex Corp.', 2],
    ]);
  });
});

describeEngines('migration 0012 over organisations stored with a legal form', (h) => {
  it('gives them the shorter key unless another live organisation has it, so the next import finds them', async () => {
    const { ctx, id } = await h.account();
    const org = (name: string, norm: string, deletedAt: string | null = null) => ({
      id: ctx.ids.next(),
      owner_id: id,
      name,
      name_norm: norm,
      website: null,
      notes: null,
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
      deleted_at: deletedAt,
    });
    // As an earlier version stored them.
    const rows = [
      org('Initech, Inc.', 'initech, inc.'),
      org('Hooli', 'hooli'),
      org('Hooli, Inc.', 'hooli, inc.'),
      org('Soylent Corp', 'soylent corp', '2026-02-01T00:00:00.000Z'),
    ];
    await ctx.db.insertInto('organisations').values(rows).execute();
    await m0012.up(ctx.db);
    const norms = await ctx.db
      .selectFrom('organisations')
      .select(['name', 'name_norm'])
      .where('owner_id', '=', id)
      .orderBy('name')
      .execute();
    expect(norms).toEqual([
      { name: 'Hooli', name_norm: 'hooli' },
      { name: 'Hooli, Inc.', name_norm: 'hooli, inc.' },
      { name: 'Initech, Inc.', name_norm: 'initech' },
      { name: 'Soylent Corp', name_norm: 'soylent' },
    ]);
    const initech = await createContact(ctx, { displayName: 'Peter', organisation: 'Initech, Inc.' }, 'web');
    expect(initech.organisation?.id).toBe(rows[0]?.id);
  });
});
