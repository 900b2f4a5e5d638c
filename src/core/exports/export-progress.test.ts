import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { expectProgress, recordProgress } from '../../../test/progress';
import { emptyPerson } from '../../formats/model';
import { createContact } from '../contacts/create-contact';
import { deleteContact } from '../contacts/delete-contact';
import type { Ctx } from '../context';
import { runImport } from '../imports/run-import';
import { exportCsv } from './export-csv';
import { exportVcards } from './export-vcards';

// More than two pages of the export (500 contacts each).
const PEOPLE = 1_100;

async function seed(ctx: Ctx) {
  await runImport(ctx, {
    kind: 'vcard',
    fileName: 'many.vcf',
    issues: [],
    dryRun: false,
    people: Array.from({ length: PEOPLE }, (_, i) => ({
      ...emptyPerson({ file: 'many.vcf', card: i + 1 }),
      displayName: `Person ${String(i).padStart(4, '0')}`,
    })),
  });
  // The trash is not exported, so not counted either.
  const gone = await createContact(ctx, { displayName: 'Trashed Person' }, 'web');
  await deleteContact(ctx, gone.id);
}

describeEngines('export progress', (h) => {
  it('vCards and CSV report contacts exported per page, from 0 to every live contact', async () => {
    const { ctx } = await h.account();
    await seed(ctx);

    const vcards = recordProgress();
    let cards = 0;
    for await (const card of exportVcards(ctx, '3.0', vcards)) {
      expect(card).toContain('BEGIN:VCARD');
      cards++;
    }
    expect(cards).toBe(PEOPLE);
    expectProgress(vcards.reports, 'exporting', PEOPLE);
    expect(vcards.reports.map((p) => p.done)).toEqual([0, 500, 1000, 1100]);

    const csv = recordProgress();
    const text = await exportCsv(ctx, csv);
    expect(text.trim().split('\n')).toHaveLength(PEOPLE + 1);
    expectProgress(csv.reports, 'exporting', PEOPLE);
    expect(csv.reports.map((p) => p.done)).toEqual([0, 500, 1000, 1100]);
  });

  it('an empty rolodex is done at once', async () => {
    const { ctx } = await h.account();
    const csv = recordProgress();
    await exportCsv(ctx, csv);
    expect(csv.reports).toEqual([{ phase: 'exporting', done: 0, total: 0 }]);
  });
});
