import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { createContact } from '../contacts/create-contact';
import type { Ctx } from '../context';
import * as m0012 from '../db/migrations/0012-organisation-legal-forms';
import * as m0032 from '../db/migrations/0032-organisation-legal-forms-repeated';
import { importLinkedin } from '../imports/import-linkedin';
import { findOrganisationDuplicates } from './find-organisation-duplicates';
import { listOrganisations } from './list-organisations';
import { mergeOrganisations } from './merge-organisations';
import { undoOrganisationMerge } from './undo-organisation-merge';

/** Imports a LinkedIn Connections.csv with one person per [name, company]. */
async function importCompanies(ctx: Ctx, people: [string, string][]) {
  const csv = [
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
    ...people.map(
      ([name, company], i) =>
        `${name},Doe,https://www.linkedin.com/in/${name.toLowerCase()}-${i},,"${company}",Engineer,0${(i % 9) + 1} Nov 2026`,
    ),
  ].join('\n');
  await importLinkedin(ctx, {
    source: { name: 'Connections.csv', bytes: new TextEncoder().encode(csv) },
    dryRun: false,
  });
}

/** The owner's live organisations as [name, people]. */
async function organisations(ctx: Ctx) {
  return (await listOrganisations(ctx, {})).items.map((o) => [o.name, o.contactCount]);
}

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

describeEngines('organisations spelled with two legal forms', (h) => {
  it('are one organisation in an import, whichever spelling comes first', async () => {
    const { ctx } = await h.account();
    await importCompanies(ctx, [
      ['Ann', 'Tyrell Corp, Inc.'],
      ['Ben', 'Tyrell Corp'],
      ['Cat', 'Tyrell Corporation'],
      ['Dan', 'Vogel GmbH'],
      ['Eve', 'Vogel GmbH & Co. KG'],
    ]);
    expect(await organisations(ctx)).toEqual([
      ['Tyrell Corp, Inc.', 3],
      ['Vogel GmbH', 2],
    ]);
  });
});

describeEngines('migration 0032 over organisations stored with two legal forms', (h) => {
  /** A row as a version before 0032 stored it. */
  const org = (
    ownerId: string,
    name: string,
    norm: string,
    day: number,
    more: Record<string, unknown> = {},
  ) => ({
    id: h.ctx().ids.next(),
    owner_id: ownerId,
    name,
    name_norm: norm,
    website: null,
    notes: null,
    created_at: `2026-01-${String(day).padStart(2, '0')}T00:00:00.000Z`,
    updated_at: '2026-01-01T00:00:00.000Z',
    deleted_at: null,
    merged_into: null,
    ...more,
  });
  const norms = (ctx: Ctx, ownerId: string) =>
    ctx.db
      .selectFrom('organisations')
      .select(['name', 'name_norm'])
      .where('owner_id', '=', ownerId)
      .orderBy('name')
      .execute();

  it('gives them today’s key, so that the next import of either spelling finds them', async () => {
    const { ctx, id } = await h.account();
    const globex = org(id, 'Globex Holdings', 'globex holdings', 1);
    const rows = [
      org(id, 'Cyberdyne Systems Corp, Inc.', 'cyberdyne systems corp', 2),
      org(id, 'Vogel GmbH & Co. KG', 'vogel gmbh & co. kg', 3),
      org(id, 'Soylent Corp, Inc.', 'soylent corp', 4, { deleted_at: '2026-02-01T00:00:00.000Z' }),
      globex,
      // Merged into Globex Holdings: its name still leads there.
      org(id, 'Globex Corp, Ltd.', 'globex corp', 5, {
        deleted_at: '2026-02-01T00:00:00.000Z',
        merged_into: globex.id,
      }),
    ];
    await ctx.db.insertInto('organisations').values(rows).execute();
    await m0032.up(ctx.db);
    expect(await norms(ctx, id)).toEqual([
      { name: 'Cyberdyne Systems Corp, Inc.', name_norm: 'cyberdyne systems' },
      { name: 'Globex Corp, Ltd.', name_norm: 'globex' },
      { name: 'Globex Holdings', name_norm: 'globex holdings' },
      { name: 'Soylent Corp, Inc.', name_norm: 'soylent' },
      { name: 'Vogel GmbH & Co. KG', name_norm: 'vogel' },
    ]);
    await importCompanies(ctx, [
      ['Ann', 'Cyberdyne Systems'],
      ['Ben', 'Cyberdyne Systems Corp, Inc.'],
      ['Cat', 'Vogel GmbH'],
      ['Dan', 'Globex Corp'],
    ]);
    expect(await organisations(ctx)).toEqual([
      ['Cyberdyne Systems Corp, Inc.', 2],
      ['Globex Holdings', 1],
      ['Vogel GmbH & Co. KG', 1],
    ]);
  });

  it('leaves two spellings stored apart as two organisations, suggested as a strong pair to merge', async () => {
    const { ctx, id } = await h.account();
    const other = await h.account('Other');
    // Imported before as two ("tyrell" and "tyrell corp"). One live organisation per key: the one that has the new
    // key keeps it, even if created later; of two that would both take it, the earlier-created does.
    const long = org(id, 'Tyrell Corp, Inc.', 'tyrell corp', 1);
    const short = org(id, 'Tyrell Corp', 'tyrell', 2);
    const earlier = org(id, 'Wallace Corp, Inc.', 'wallace corp', 3);
    const later = org(id, 'Wallace Corp., Inc.', 'wallace corp.', 4);
    const theirs = org(other.id, 'Tyrell Corp, Inc.', 'tyrell corp', 5);
    await ctx.db.insertInto('organisations').values([long, later, short, earlier, theirs]).execute();
    await m0032.up(ctx.db);
    expect(await norms(ctx, id)).toEqual([
      { name: 'Tyrell Corp', name_norm: 'tyrell' },
      { name: 'Tyrell Corp, Inc.', name_norm: 'tyrell corp' },
      { name: 'Wallace Corp, Inc.', name_norm: 'wallace' },
      { name: 'Wallace Corp., Inc.', name_norm: 'wallace corp.' },
    ]);
    expect(await norms(other.ctx, other.id)).toEqual([{ name: 'Tyrell Corp, Inc.', name_norm: 'tyrell' }]);

    const pairs = (await findOrganisationDuplicates(ctx)).items;
    expect(pairs.map((p) => [[p.a.name, p.b.name].sort(), p.strength, p.reasons])).toEqual([
      [['Tyrell Corp', 'Tyrell Corp, Inc.'], 'strong', ['same name apart from a legal form']],
      [['Wallace Corp, Inc.', 'Wallace Corp., Inc.'], 'strong', ['same name apart from a legal form']],
    ]);

    // Either spelling now finds the organisation that has the key; merging the two is the owner's call, and undone.
    await importCompanies(ctx, [['Ann', 'Tyrell Corp, Inc.']]);
    await importCompanies(other.ctx, [['Ann', 'Tyrell Corp']]);
    expect(await organisations(ctx)).toEqual([
      ['Tyrell Corp', 1],
      ['Tyrell Corp, Inc.', 0],
      ['Wallace Corp, Inc.', 0],
      ['Wallace Corp., Inc.', 0],
    ]);
    expect(await organisations(other.ctx)).toEqual([['Tyrell Corp, Inc.', 1]]);
    const merge = await mergeOrganisations(ctx, long.id, { into: short.id });
    expect((await findOrganisationDuplicates(ctx)).items).toHaveLength(1);
    await undoOrganisationMerge(ctx, merge.mergeId);
    expect((await findOrganisationDuplicates(ctx)).items).toHaveLength(2);
  });
});
