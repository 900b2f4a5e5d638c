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
