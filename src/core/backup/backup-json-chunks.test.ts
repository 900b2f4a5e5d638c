import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { emptyPerson } from '../../formats/model';
import { createContact } from '../contacts/create-contact';
import { runImport } from '../imports/run-import';
import { backupJsonChunks } from './backup-json-chunks';
import { exportBackup } from './export-backup';

describeEngines('backup JSON text', (h) => {
  it('is JSON.stringify(backup, null, 2) and a line end, byte for byte, over more than one chunk', async () => {
    const { ctx } = await h.account();
    await createContact(
      ctx,
      { displayName: 'Ada "Countess" Lovelace\nof Ockham', notes: 'é ’ \u2028 \\' },
      'web',
    );
    await runImport(ctx, {
      kind: 'vcard',
      fileName: 'many.vcf',
      issues: [],
      dryRun: false,
      people: Array.from({ length: 1_200 }, (_, i) => ({
        ...emptyPerson({ file: 'many.vcf', card: i + 1 }),
        displayName: `Person ${i}`,
        emails: [{ value: `p${i}@example.test` }],
        photo:
          i === 0 ? { kind: 'inline' as const, mime: 'image/png', data: Uint8Array.of(1, 2, 3) } : undefined,
      })),
    });
    const backup = await exportBackup(ctx);
    const chunks = [...backupJsonChunks(backup)];
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.join('')).toBe(`${JSON.stringify(backup, null, 2)}\n`);
  });

  it('writes an empty account the same way', async () => {
    const { ctx } = await h.account();
    const backup = await exportBackup(ctx);
    expect([...backupJsonChunks(backup)].join('')).toBe(`${JSON.stringify(backup, null, 2)}\n`);
    const bare = { ...backup, tables: {} };
    expect([...backupJsonChunks(bare)].join('')).toBe(`${JSON.stringify(bare, null, 2)}\n`);
  });
});
