import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { importLinkedin } from '../imports/import-linkedin';
import { listContacts } from './list-contacts';

// 2,100 people all found by one word: more than search pages go (search is for finding, the sorted list walks).
const csv = [
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  ...Array.from(
    { length: 2100 },
    (_, i) => `Person,${i},https://www.linkedin.com/in/person-${i},,Initech,Analyst,01 Nov 2026`,
  ),
].join('\n');

describeEngines('paging through a search', (h) => {
  it('ends with a last page instead of handing out a cursor it then refuses', async () => {
    const { ctx } = await h.account();
    await importLinkedin(ctx, {
      source: { name: 'Connections.csv', bytes: new TextEncoder().encode(csv) },
      dryRun: false,
    });
    const seen = new Set<string>();
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listContacts(ctx, { q: 'initech', limit: 50, cursor });
      for (const c of page.items) seen.add(c.id);
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 60);
    expect(cursor).toBeUndefined();
    // Pages start at offsets up to 2,000: the last one starts there, so 2,050 of the 2,100 are reached, none twice.
    expect(seen.size).toBe(2050);
    expect(pages).toBe(41);
  });
});

describeEngines('a search with a sort', (h) => {
  it('walks every match in that order, with the total, past the depth ranked search stops at', async () => {
    const { ctx } = await h.account();
    await importLinkedin(ctx, {
      source: { name: 'Connections.csv', bytes: new TextEncoder().encode(csv) },
      dryRun: false,
    });
    await importLinkedin(ctx, {
      source: {
        name: 'Connections.csv',
        bytes: new TextEncoder().encode(
          'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAda,Lovelace,,,Globex,Countess,01 Nov 2026',
        ),
      },
      dryRun: false,
    });
    const names: string[] = [];
    let cursor: string | undefined;
    let total: number | null | undefined;
    let pages = 0;
    do {
      const page = await listContacts(ctx, { q: 'initech', sort: 'name', limit: 200, cursor });
      if (pages === 0) total = page.total;
      names.push(...page.items.map((c) => c.displayName));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 20);
    expect(total).toBe(2100);
    expect(names).toHaveLength(2100);
    expect(new Set(names).size).toBe(2100);
    expect(names).not.toContain('Ada Lovelace');
    expect(names.slice(0, 3)).toEqual(['Person 0', 'Person 1', 'Person 10']);
    // Descending names: the same people from the other end.
    const last = await listContacts(ctx, { q: 'initech', sort: '-name', limit: 1 });
    expect(last.items.map((c) => c.displayName)).toEqual(['Person 999']);
  });
});
