import { describe, expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { exportBackup } from '../backup/export-backup';
import { restoreBackup } from '../backup/restore-backup';
import { createContact } from '../contacts/create-contact';
import * as m0016 from '../db/migrations/0016-organisation-dismissals';
import { AppError } from '../errors';
import { createOrganisation } from './create-organisation';
import { deleteOrganisation } from './delete-organisation';
import { dismissOrganisationDuplicate } from './dismiss-organisation-duplicate';
import {
  findOrganisationDuplicates,
  suggestOrganisationPairs,
  websiteKey,
} from './find-organisation-duplicates';
import { mergeOrganisations } from './merge-organisations';
import { normaliseOrganisationName } from './organisation';

const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
};

/** Suggestions over bare names, as `name + name: strength (reasons)` lines, order-free. */
function suggest(names: (string | [string, string])[]) {
  const orgs = names.map((n, i) => {
    const [name, website] = Array.isArray(n) ? n : [n, null];
    return {
      id: `o${String(i).padStart(2, '0')}`,
      name,
      name_norm: normaliseOrganisationName(name),
      website,
    };
  });
  const name = (id: string) => orgs.find((o) => o.id === id)?.name;
  return suggestOrganisationPairs(orgs)
    .map((p) => `${name(p.a)} + ${name(p.b)}: ${p.strength} (${p.reasons.join('; ')})`)
    .sort();
}

describe('suggestOrganisationPairs', () => {
  it('pairs names equal but for spacing, punctuation and "&" as strong', () => {
    expect(suggest(['Ernst & Young', 'Ernst and Young', 'ErnstAndYoung', 'Initech'])).toEqual([
      'Ernst & Young + Ernst and Young: strong (same name apart from spacing and punctuation)',
      'Ernst & Young + ErnstAndYoung: strong (same name apart from spacing and punctuation)',
      'Ernst and Young + ErnstAndYoung: strong (same name apart from spacing and punctuation)',
    ]);
  });

  it('pairs a whole name that another begins with, across punctuation, as possible', () => {
    expect(suggest(['Deloitte', 'Deloitte UK', 'J.P. Morgan', 'JPMorgan Chase', 'Del'])).toEqual([
      'Deloitte + Deloitte UK: possible (“Deloitte UK” begins with “Deloitte”)',
      'J.P. Morgan + JPMorgan Chase: possible (“JPMorgan Chase” begins with “J.P. Morgan”)',
    ]);
  });

  it('pairs names one letter apart (changed, added, removed or two swapped), but not short names or numbers', () => {
    expect(
      suggest([
        'Accenture',
        'Acenture',
        'Acccenture',
        'Accetnure',
        'Acme',
        'Acne',
        'Area 51',
        'Area 52',
        'Globex',
      ]),
    ).toEqual([
      'Accenture + Acccenture: possible (names one letter apart)',
      'Accenture + Accetnure: possible (names one letter apart)',
      'Accenture + Acenture: possible (names one letter apart)',
    ]);
  });

  it('pairs the same website as strong, ignoring scheme, www and a trailing slash', () => {
    expect(
      suggest([
        ['Globex', 'https://www.globex.example/'],
        ['Globex Holdings', 'globex.example'],
        ['Hooli', 'https://linkedin.example/company/hooli'],
        ['Pied Piper', 'https://linkedin.example/company/piedpiper'],
      ]),
    ).toEqual([
      'Globex + Globex Holdings: strong (same website: globex.example; “Globex Holdings” begins with “Globex”)',
    ]);
    expect(websiteKey('HTTP://WWW.Acme.example:8080/jobs/')).toBe('acme.example/jobs');
    expect(websiteKey('  ')).toBeUndefined();
  });

  it('leaves a generic first word alone when it begins many names', () => {
    const names = ['University', ...Array.from({ length: 30 }, (_, i) => `University of Place ${i}`)];
    expect(suggest(names)).toEqual([]);
  });
});

describeEngines('organisation duplicates', (h) => {
  it('suggests pairs strongest first with their people counted, and never shows another account’s', async () => {
    const { ctx } = await h.account();
    const ey = await createOrganisation(ctx, { name: 'Ernst & Young' });
    const eyToo = await createOrganisation(ctx, { name: 'Ernst and Young' });
    await createOrganisation(ctx, { name: 'Deloitte' });
    await createOrganisation(ctx, { name: 'Deloitte UK' });
    await createOrganisation(ctx, { name: 'Initech' });
    await createContact(ctx, { displayName: 'Ada', organisation: 'Ernst & Young' }, 'web');
    await createContact(ctx, { displayName: 'Bo', organisation: 'Ernst and Young' }, 'web');
    await createContact(ctx, { displayName: 'Cy', organisation: 'Ernst and Young' }, 'web');
    const other = await h.account('Other');
    await createOrganisation(other.ctx, { name: 'Ernst+Young' });

    const pairs = await findOrganisationDuplicates(ctx);
    expect(pairs.map((p) => [p.a.name, p.b.name, p.strength])).toEqual([
      ey.id < eyToo.id
        ? ['Ernst & Young', 'Ernst and Young', 'strong']
        : ['Ernst and Young', 'Ernst & Young', 'strong'],
      ['Deloitte', 'Deloitte UK', 'possible'],
    ]);
    expect(pairs[0]?.a.contactCount).toBe(ey.id < eyToo.id ? 1 : 2);
    expect((await findOrganisationDuplicates(other.ctx)).length).toBe(0);
  });

  it('stops suggesting a dismissed pair, a merged or a trashed organisation', async () => {
    const { ctx } = await h.account();
    const acme = await createOrganisation(ctx, { name: 'Acme' });
    const bank = await createOrganisation(ctx, { name: 'Acme Bank' });
    const hooli = await createOrganisation(ctx, { name: 'Hooli' });
    const hooliXyz = await createOrganisation(ctx, { name: 'Hooli XYZ' });
    const globex = await createOrganisation(ctx, { name: 'Globex Corp International' });
    await createOrganisation(ctx, { name: 'Globex Corp-International' });
    expect((await findOrganisationDuplicates(ctx)).length).toBe(3);

    await dismissOrganisationDuplicate(ctx, { a: bank.id, b: acme.id });
    await dismissOrganisationDuplicate(ctx, { a: acme.id, b: bank.id }); // twice is once
    await mergeOrganisations(ctx, hooliXyz.id, { into: hooli.id });
    await deleteOrganisation(ctx, globex.id);
    expect(await findOrganisationDuplicates(ctx)).toEqual([]);
  });

  it('refuses to dismiss an organisation with itself, or one of another account', async () => {
    const { ctx } = await h.account();
    const mine = await createOrganisation(ctx, { name: 'Umbrella' });
    const other = await h.account('Other');
    const theirs = await createOrganisation(other.ctx, { name: 'Umbrella Corp' });
    expect(await code(dismissOrganisationDuplicate(ctx, { a: mine.id, b: mine.id }))).toBe('validation');
    expect(await code(dismissOrganisationDuplicate(ctx, { a: mine.id, b: theirs.id }))).toBe('not_found');
    expect(await code(dismissOrganisationDuplicate(ctx, { a: mine.id, b: '' }))).toBe('validation');
  });

  it('keeps dismissed pairs through a backup and restore', async () => {
    const { ctx } = await h.account();
    const a = await createOrganisation(ctx, { name: 'Soylent' });
    const b = await createOrganisation(ctx, { name: 'Soylent Green' });
    await dismissOrganisationDuplicate(ctx, { a: a.id, b: b.id });
    const backup = await exportBackup(ctx);
    expect(backup.tables.organisation_dismissals).toHaveLength(1);
    const copy = await h.account('Copy');
    await restoreBackup(copy.ctx, JSON.parse(JSON.stringify(backup)));
    await createOrganisation(copy.ctx, { name: 'Soylent Blue' });
    expect((await findOrganisationDuplicates(copy.ctx)).map((p) => [p.a.name, p.b.name].sort())).toEqual([
      ['Soylent', 'Soylent Blue'],
    ]);
  });
});

describeEngines('migration 0016 (organisation dismissals)', (h) => {
  it('goes down and up again', async () => {
    const { ctx } = await h.account();
    const a = await createOrganisation(ctx, { name: 'Vandelay' });
    const b = await createOrganisation(ctx, { name: 'Vandelay Industries' });
    await m0016.down(ctx.db);
    await m0016.up(ctx.db);
    await dismissOrganisationDuplicate(ctx, { a: a.id, b: b.id });
    expect(await findOrganisationDuplicates(ctx)).toEqual([]);
  });
});
