import { describe, expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import type { OrganisationDuplicatePair } from '../../contracts/organisations';
import { exportBackup } from '../backup/export-backup';
import { restoreBackup } from '../backup/restore-backup';
import { createContact } from '../contacts/create-contact';
import type { Ctx } from '../context';
import * as m0016 from '../db/migrations/0016-organisation-dismissals';
import { AppError } from '../errors';
import { createOrganisation } from './create-organisation';
import { deleteOrganisation } from './delete-organisation';
import { dismissOrganisationDuplicate } from './dismiss-organisation-duplicate';
import {
  findOrganisationDuplicates,
  organisationCandidates,
  suggestOrganisationPairs,
  websiteKey,
} from './find-organisation-duplicates';
import { mergeOrganisations } from './merge-organisations';

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
    return { id: `o${String(i).padStart(2, '0')}`, name, website };
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

  it('pairs a name made of several, "Alphabet/Google" or "Meta (formerly Facebook)", with each one known alone', () => {
    expect(
      suggest([
        'Google',
        'Alphabet/Google',
        'Alphabet | Google',
        'Meta (formerly Facebook)',
        'Facebook',
        'AC/DC',
        'DC',
      ]),
    ).toEqual([
      'Alphabet/Google + Alphabet | Google: strong (same name apart from spacing and punctuation)',
      'Google + Alphabet | Google: possible (“Alphabet | Google” names “Google”)',
      'Google + Alphabet/Google: possible (“Alphabet/Google” names “Google”)',
      'Meta (formerly Facebook) + Facebook: possible (“Meta (formerly Facebook)” names “Facebook”)',
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

  it('pairs names one by today’s rule as strong, whatever keys they were stored with', () => {
    // As the view reads them: the stored key (stored before legal forms were stripped repeatedly: two keys then, one
    // name now) comes along and is not what counts.
    const orgs = [
      { id: 'o1', name: 'Tyrell Corp', name_norm: 'tyrell', website: null },
      { id: 'o2', name: 'Tyrell Corp, Inc.', name_norm: 'tyrell corp', website: null },
      { id: 'o3', name: 'Tyrell Genetics', name_norm: 'tyrell genetics', website: null },
    ];
    expect(suggestOrganisationPairs(orgs)).toEqual([
      { a: 'o1', b: 'o2', strength: 'strong', reasons: ['same name apart from a legal form'] },
      { a: 'o1', b: 'o3', strength: 'possible', reasons: ['“Tyrell Genetics” begins with “Tyrell Corp”'] },
      {
        a: 'o2',
        b: 'o3',
        strength: 'possible',
        reasons: ['“Tyrell Genetics” begins with “Tyrell Corp, Inc.”'],
      },
    ]);
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

    const pairs = (await findOrganisationDuplicates(ctx)).items;
    expect(pairs.map((p) => [p.a.name, p.b.name, p.strength])).toEqual([
      ey.id < eyToo.id
        ? ['Ernst & Young', 'Ernst and Young', 'strong']
        : ['Ernst and Young', 'Ernst & Young', 'strong'],
      ['Deloitte', 'Deloitte UK', 'possible'],
    ]);
    expect(pairs[0]?.a.contactCount).toBe(ey.id < eyToo.id ? 1 : 2);
    expect(await findOrganisationDuplicates(other.ctx)).toEqual({ items: [], total: 0, nextCursor: null });
  });

  it('stops suggesting a dismissed pair, a merged or a trashed organisation', async () => {
    const { ctx } = await h.account();
    const acme = await createOrganisation(ctx, { name: 'Acme' });
    const bank = await createOrganisation(ctx, { name: 'Acme Bank' });
    const hooli = await createOrganisation(ctx, { name: 'Hooli' });
    const hooliXyz = await createOrganisation(ctx, { name: 'Hooli XYZ' });
    const globex = await createOrganisation(ctx, { name: 'Globex Corp International' });
    await createOrganisation(ctx, { name: 'Globex Corp-International' });
    expect((await findOrganisationDuplicates(ctx)).total).toBe(3);

    await dismissOrganisationDuplicate(ctx, { a: bank.id, b: acme.id });
    await dismissOrganisationDuplicate(ctx, { a: acme.id, b: bank.id }); // twice is once
    await mergeOrganisations(ctx, hooliXyz.id, { into: hooli.id });
    await deleteOrganisation(ctx, globex.id);
    expect((await findOrganisationDuplicates(ctx)).items).toEqual([]);
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
    expect(
      (await findOrganisationDuplicates(copy.ctx)).items.map((p) => [p.a.name, p.b.name].sort()),
    ).toEqual([['Soylent', 'Soylent Blue']]);
  });
});

/** Every page from the first, by `nextCursor`, as `a|b` keys. */
async function allPairs(ctx: Ctx, limit: number) {
  const keys: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await findOrganisationDuplicates(ctx, { limit, cursor });
    keys.push(...page.items.map(pairKey));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return keys;
}
const pairKey = (p: { a: { id: string }; b: { id: string } }) => `${p.a.id}|${p.b.id}`;

describeEngines('organisation duplicates, counted and paged', (h) => {
  it('counts every suggested pair, not the first 200, and pages through them without repeats or gaps', async () => {
    const { ctx } = await h.account();
    // 25 branches on one website are 300 strong pairs; a website and a longer name, 1 pair with two reasons; a
    // longer name alone, 1 possible pair: 302 in all.
    const branches = [];
    for (let i = 0; i < 25; i++)
      branches.push(
        await createOrganisation(ctx, {
          name: `Branch ${String(i).padStart(2, '0')}`,
          website: 'https://hooli.example',
        }),
      );
    await createOrganisation(ctx, { name: 'Globex', website: 'globex.example' });
    await createOrganisation(ctx, { name: 'Globex Holdings', website: 'https://www.globex.example/' });
    await createOrganisation(ctx, { name: 'Deloitte' });
    await createOrganisation(ctx, { name: 'Deloitte UK' });
    // Among pairs alike, those with more people come first.
    await createContact(ctx, { displayName: 'Ada', organisation: 'Branch 24' }, 'web');

    const first = await findOrganisationDuplicates(ctx);
    expect(first.items).toHaveLength(200);
    expect(first).toMatchObject({ total: 302, nextCursor: expect.any(String) });
    expect([first.items[0]?.a.name, first.items[0]?.b.name].sort()).toEqual(['Globex', 'Globex Holdings']);
    const busy = first.items.slice(1, 25).map((p) => [p.a.name, p.b.name]);
    expect(busy.every((names) => names.includes('Branch 24'))).toBe(true);
    const rest = await findOrganisationDuplicates(ctx, { cursor: first.nextCursor as string });
    expect(rest).toMatchObject({ total: 302, nextCursor: null });
    expect(rest.items).toHaveLength(102);
    expect(rest.items.map((p) => p.strength)).toEqual([...Array(101).fill('strong'), 'possible']);

    // Any page size gives the same pairs in the same order, each once.
    const whole = [...first.items, ...rest.items].map(pairKey);
    expect(new Set(whole).size).toBe(302);
    for (const limit of [7, 150]) expect(await allPairs(ctx, limit)).toEqual(whole);

    // A pair dismissed on an earlier page skips none on the next, and leaves the count.
    const page = await findOrganisationDuplicates(ctx, { limit: 10 });
    const gone = page.items[3] as OrganisationDuplicatePair;
    await dismissOrganisationDuplicate(ctx, { a: gone.a.id, b: gone.b.id });
    const next = await findOrganisationDuplicates(ctx, { limit: 10, cursor: page.nextCursor as string });
    expect(next.total).toBe(301);
    expect(next.items.map(pairKey)).toEqual(whole.slice(10, 20));
    expect((await allPairs(ctx, 200)).length).toBe(301);
    // Merging one branch away takes its 24 pairs with it.
    await mergeOrganisations(ctx, (branches[0] as { id: string }).id, {
      into: (branches[1] as { id: string }).id,
    });
    expect((await findOrganisationDuplicates(ctx)).total).toBe(301 - 24);
  });

  it('keeps the pairs it worked out across a dismissal, and never past any other write', async () => {
    const { ctx, id } = await h.account();
    const acme = await createOrganisation(ctx, { name: 'Acme' });
    const bank = await createOrganisation(ctx, { name: 'Acme Bank' });
    await createOrganisation(ctx, { name: 'Acme Labs' });
    const names = async () =>
      (await findOrganisationDuplicates(ctx)).items.map((p) => [p.a.name, p.b.name].sort().join(' + '));
    expect((await names()).sort()).toEqual(['Acme + Acme Bank', 'Acme + Acme Labs']);

    // SQLite keeps the pairs until a write; a dismissal is the one write that keeps them (PostgreSQL keeps nothing).
    const kept = await organisationCandidates(ctx.db, id);
    await dismissOrganisationDuplicate(ctx, { a: acme.id, b: bank.id });
    if (h.engine === 'sqlite') expect(await organisationCandidates(ctx.db, id)).toBe(kept);
    expect(await names()).toEqual(['Acme + Acme Labs']);
    await dismissOrganisationDuplicate(ctx, { a: bank.id, b: acme.id });
    if (h.engine === 'sqlite') expect(await organisationCandidates(ctx.db, id)).toBe(kept);

    // A new organisation, or a person joining one (the order counts people), is seen at once.
    await createOrganisation(ctx, { name: 'Acme Mail' });
    expect(await organisationCandidates(ctx.db, id)).not.toBe(kept);
    expect(await names()).toEqual(['Acme + Acme Labs', 'Acme + Acme Mail']);
    await createContact(ctx, { displayName: 'Ada', organisation: 'Acme Mail' }, 'web');
    expect(await names()).toEqual(['Acme + Acme Mail', 'Acme + Acme Labs']);
  });

  it('refuses a page size out of range and a cursor it did not give out', async () => {
    const { ctx } = await h.account();
    for (const [query, path] of [
      [{ limit: 0 }, 'limit'],
      [{ limit: 201 }, 'limit'],
      [{ cursor: 'not a cursor' }, 'cursor'],
      [
        {
          cursor: Buffer.from(JSON.stringify({ r: 0, n: -1, k: 'x', v: 'y', a: 'a', b: 'b' })).toString(
            'base64url',
          ),
        },
        'cursor',
      ],
      [
        {
          cursor: Buffer.from(JSON.stringify({ r: 0, n: -1, s: 'x', a: 'a', b: 'b' })).toString('base64url'),
        },
        'cursor',
      ],
    ] as const)
      await expect(findOrganisationDuplicates(ctx, query), JSON.stringify(query)).rejects.toMatchObject({
        code: 'validation',
        details: { issues: [{ path }] },
      });
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
    expect((await findOrganisationDuplicates(ctx)).total).toBe(0);
  });
});
