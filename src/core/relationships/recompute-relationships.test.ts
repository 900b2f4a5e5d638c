import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { expectProgress, recordProgress } from '../../../test/progress';
import { emptyPerson } from '../../formats/model';
import { listContacts } from '../contacts/list-contacts';
import { runImport } from '../imports/run-import';
import { recordInteraction } from '../interactions/record-interaction';
import { getRelationship } from './get-relationship';
import { recomputeRelationships } from './recompute-relationships';

// Two batches of the recompute (500 contacts each); an interaction names at most 50 people.
const PEOPLE = 520;

describeEngines('recomputing relationships', (h) => {
  it('reports contacts scored per batch, from 0 to everyone with a history', async () => {
    const { ctx } = await h.account();
    await runImport(ctx, {
      kind: 'vcard',
      fileName: 'many.vcf',
      issues: [],
      dryRun: false,
      people: Array.from({ length: PEOPLE + 5 }, (_, i) => ({
        ...emptyPerson({ file: 'many.vcf', card: i + 1 }),
        displayName: `Person ${String(i).padStart(4, '0')}`,
      })),
    });
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listContacts(ctx, { limit: 200, cursor });
      ids.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    // Five contacts without a history are not recomputed, so not counted.
    const met = ids.slice(0, PEOPLE);
    for (let i = 0; i < met.length; i += 50) {
      await recordInteraction(ctx, { kind: 'meeting', contactIds: met.slice(i, i + 50) });
    }

    const scoring = recordProgress();
    const result = await recomputeRelationships(ctx, scoring);
    expect(result.contacts).toBe(PEOPLE);
    expectProgress(scoring.reports, 'scoring', PEOPLE);
    expect(scoring.reports.map((p) => p.done)).toEqual([0, 500, PEOPLE]);
    expect((await getRelationship(ctx, met[0] as string)).score).toBeGreaterThan(0);
  });
});
