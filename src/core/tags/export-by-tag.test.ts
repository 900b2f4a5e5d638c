import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { createContact } from '../contacts/create-contact';
import { listContacts } from '../contacts/list-contacts';
import { exportCsv } from '../exports/export-csv';
import { exportVcards } from '../exports/export-vcards';
import { importCsv } from '../imports/import-csv';
import { importVcard } from '../imports/import-vcard';
import { listTags } from './list-tags';
import { mergeTags } from './merge-tags';

async function text(cards: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const card of cards) out += card;
  return out;
}

const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

describeEngines("exporting one tag's people", (h) => {
  it('writes only the contacts with the tag, tags included, and they come back with them', async () => {
    const { ctx } = await h.account();
    await createContact(
      ctx,
      { displayName: 'Ana Okafor', organisation: 'Google', tags: ['LP', 'founder'] },
      'web',
    );
    await createContact(
      ctx,
      { displayName: 'Ben Kim', tags: ['investor – seed', 'Limited partners'] },
      'web',
    );
    await createContact(ctx, { displayName: 'Chen Rossi', tags: ['founder'] }, 'web');
    await createContact(ctx, { displayName: 'Dara Novak' }, 'web');
    const byName = new Map((await listTags(ctx)).map((t) => [t.name, t.id]));
    await mergeTags(ctx, byName.get('Limited partners') as string, { into: byName.get('LP') as string });

    // By any spelling of its name, a merged-away one too.
    const vcf = await text(exportVcards(ctx, '3.0', { tag: 'limited partners' }));
    expect(vcf.match(/^FN:.*$/gm)).toEqual(['FN:Ana Okafor', 'FN:Ben Kim']);
    expect(vcf).toContain('CATEGORIES:founder,LP\r\n');
    const csv = await exportCsv(ctx, { tag: 'lp' });
    expect(csv.split('\n').filter((l) => /Okafor|Kim|Rossi|Novak/.test(l))).toHaveLength(2);
    expect(csv).toContain('investor – seed ::: LP');

    // Handed to another account (or tool) and back: the tags come along.
    for (const [kind, file] of [
      ['vcard', vcf],
      ['csv', csv],
    ] as const) {
      const other = await h.account(`Other ${kind}`);
      const source = new TextEncoder().encode(file);
      const run =
        kind === 'vcard'
          ? await importVcard(other.ctx, { source, fileName: 'lps.vcf', dryRun: false })
          : await importCsv(other.ctx, { source, fileName: 'lps.csv', dryRun: false });
      expect(run.stats.created).toBe(2);
      const people = (await listContacts(other.ctx, {})).items.map((c) => [
        c.displayName,
        [...c.tags].sort(),
      ]);
      expect(people).toEqual([
        ['Ana Okafor', ['LP', 'founder']],
        ['Ben Kim', ['LP', 'investor – seed']],
      ]);
    }

    expect(await codeOf(exportCsv(ctx, { tag: 'nobody' }))).toBe('not_found');
    expect(await codeOf(text(exportVcards(ctx, '3.0', { tag: 'nobody' })))).toBe('not_found');
    // Without a tag, everyone.
    expect((await text(exportVcards(ctx))).match(/^FN:/gm)).toHaveLength(4);
  });
});
