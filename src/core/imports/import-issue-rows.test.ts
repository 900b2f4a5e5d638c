import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { exportBackup } from '../backup/export-backup';
import { restoreBackup } from '../backup/restore-backup';
import { importLinkedin } from './import-linkedin';
import { getImport, listImports } from './list-imports';

// One real connection, three hidden profiles (a date alone): one issue that stands for three rows.
const CONNECTIONS = [
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,,Analytical Engines,Analyst,07 Feb 2024',
  ',,,,,,07 Jun 2026',
  ',,,,,,08 Jun 2026',
  ',,,,,,09 Jun 2026',
  'Bea,,,,,,not a date',
].join('\n');

const rowsOf = (issues: { rows?: number }[]) => issues.reduce((n, i) => n + (i.rows ?? 1), 0);

describeEngines('how many rows a stored import issue stands for', (h) => {
  it('is kept with the issue: a past import counts its problems as its report right after did', async () => {
    const { ctx } = await h.account();
    const report = await importLinkedin(ctx, {
      source: { bytes: new TextEncoder().encode(CONNECTIONS), name: 'Connections.csv' },
      dryRun: false,
    });
    expect(report.stats).toMatchObject({ skipped: 3, warnings: 1 });
    expect(report.issues).toContainEqual(expect.objectContaining({ severity: 'skipped', rows: 3 }));
    const stored = await getImport(ctx, report.id as string);
    expect(stored.issues).toEqual(report.issues);
    // An issue of one row says nothing: `rows` is there only when more than one.
    expect(stored.issues.filter((i) => i.rows === undefined)).toHaveLength(1);
    expect(rowsOf(stored.issues)).toBe(stored.stats.skipped + stored.stats.warnings + stored.stats.errors);
  });

  it('survives a backup and its restore', async () => {
    const a = await h.account();
    const report = await importLinkedin(a.ctx, {
      source: { bytes: new TextEncoder().encode(CONNECTIONS), name: 'Connections.csv' },
      dryRun: false,
    });
    const backup = await exportBackup(a.ctx);
    const b = await h.account();
    await restoreBackup(b.ctx, backup);
    const [imp] = (await listImports(b.ctx)).items;
    const restored = await getImport(b.ctx, imp?.id as string);
    expect(restored.issues).toEqual(report.issues);
  });
});
