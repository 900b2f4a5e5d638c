import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { emptyPerson, type ImportedPerson } from '../../formats/model';
import { createContact } from '../contacts/create-contact';
import { deleteContact } from '../contacts/delete-contact';
import { requireActor } from '../context';
import { runImport } from '../imports/run-import';
import { readContactsForExport, readPeople } from './read-contacts-for-export';

// Pages are 500 contacts: 1,300 make three, and the 700 of one name straddle both page boundaries.
const SAME = 700;
const OTHERS = 600;

describeEngines('reading contacts for export', (h) => {
  it('pages through every live contact once, each with its own channels, tags and photo, in name order', async () => {
    const { ctx } = await h.account();
    const people: ImportedPerson[] = Array.from({ length: SAME + OTHERS }, (_, i) => ({
      ...emptyPerson({ file: 'many.vcf', card: i + 1 }),
      displayName: i < SAME ? 'Same Name' : `Other ${String(i).padStart(4, '0')}`,
      organisation: i % 3 === 0 ? `Org ${i % 7}` : undefined,
      emails: [
        { value: `p${i}@example.test` },
        ...(i % 2 ? [{ value: `q${i}@example.test`, label: 'work' }] : []),
      ],
      // Every value its own: people sharing a phone or an e-mail would be one contact.
      phones: i % 5 === 0 ? [{ value: `+44207946${String(i).padStart(4, '0')}` }] : [],
      tags: i % 4 === 0 ? ['four', 'all'] : ['all'],
      photo:
        i % 250 === 0 ? { kind: 'inline', mime: 'image/png', data: Uint8Array.of(i % 256, 1) } : undefined,
    }));
    await runImport(ctx, { kind: 'vcard', fileName: 'many.vcf', issues: [], dryRun: false, people });
    const gone = await createContact(ctx, { displayName: 'Same Name' }, 'web');
    await deleteContact(ctx, gone.id);

    const read: ImportedPerson[] = [];
    for await (const page of readContactsForExport(ctx)) read.push(...page);

    expect(read).toHaveLength(SAME + OTHERS);
    const ids = read.map((p) => p.sourceKey as string);
    expect(new Set(ids).size).toBe(read.length);
    expect(ids).not.toContain(gone.id);
    expect(read.map((p) => p.displayName)).toEqual([...read.map((p) => p.displayName)].sort());
    for (const p of read) {
      const i = Number((p.emails[0]?.value ?? '').slice(1, -'@example.test'.length));
      expect(p.emails).toEqual(people[i]?.emails);
      expect(p.phones).toEqual(people[i]?.phones);
      expect(p.organisation).toBe(people[i]?.organisation);
      expect([...p.tags].sort()).toEqual([...(people[i]?.tags ?? [])].sort());
      expect(p.photo?.kind === 'inline' ? [...p.photo.data] : undefined).toEqual(
        people[i]?.photo?.kind === 'inline' ? [...people[i].photo.data] : undefined,
      );
    }
    // What CardDAV reads of given contacts is the same record.
    const some = [ids[499], ids[500], ids[999], ids[1000], ids[0]] as string[];
    expect(await readPeople(ctx, requireActor(ctx), some)).toEqual(some.map((id) => read[ids.indexOf(id)]));
  }, 120_000);
});
