import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import { importLinkedin } from './import-linkedin';
import { listImports } from './list-imports';

const CONNECTIONS = [
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,,Analytical Engines,Analyst,07 Feb 2024',
].join('\n');

describeEngines('the name an import keeps of its file', (h) => {
  it('is the file name of an export read from disk, never the folders it lay in', async () => {
    const { ctx } = await h.account();
    const dir = await mkdtemp(join(tmpdir(), 'rapport-private-folder-'));
    try {
      const path = join(dir, 'Complete_LinkedInDataExport_11-27-2026.zip');
      await writeFile(path, zipSync({ 'Connections.csv': new TextEncoder().encode(CONNECTIONS) }));
      const report = await importLinkedin(ctx, { source: { path }, dryRun: false });
      expect(report.stats.created).toBe(1);
      const [stored] = await listImports(ctx);
      expect(stored?.fileName).toBe('Complete_LinkedInDataExport_11-27-2026.zip');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
