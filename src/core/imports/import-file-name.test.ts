import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/engines';
import * as m0028 from '../db/migrations/0028-import-file-names';
import { importLinkedin } from './import-linkedin';
import { getImport, listImports } from './list-imports';

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
      const [stored] = (await listImports(ctx)).items;
      expect(stored?.fileName).toBe('Complete_LinkedInDataExport_11-27-2026.zip');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('is the file name of a single CSV read from disk, on the import and on its rows’ issues', async () => {
    const { ctx } = await h.account();
    const dir = await mkdtemp(join(tmpdir(), 'rapport-private-folder-'));
    try {
      const path = join(dir, 'Connections.csv');
      await writeFile(path, `${CONNECTIONS}\nBea,,,,,,not a date\n`);
      const report = await importLinkedin(ctx, { source: { path }, dryRun: false });
      expect(report.issues.map((i) => i.file)).toEqual(['Connections.csv']);
      const stored = await getImport(ctx, report.id as string);
      expect(stored.fileName).toBe('Connections.csv');
      expect(stored.issues.map((i) => i.file)).toEqual(['Connections.csv']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('migration 0028 cuts the paths stored before down to the file name, whichever separator', async () => {
    const { ctx, id } = await h.account();
    const made = await importLinkedin(ctx, {
      source: {
        bytes: new TextEncoder().encode(`${CONNECTIONS}\nBea,,,,,,not a date\n`),
        name: 'Connections.csv',
      },
      dryRun: false,
    });
    const importId = made.id as string;
    // As the code before stored a CLI import from Windows and one from Linux.
    await sql`UPDATE imports SET file_name = ${'C:\\Users\\ada\\Downloads\\Connections.csv'}
      WHERE id = ${importId} AND owner_id = ${id}`.execute(ctx.db);
    await sql`UPDATE import_issues SET file = ${'/home/ada/Downloads/Connections.csv'}
      WHERE import_id = ${importId} AND owner_id = ${id}`.execute(ctx.db);
    await m0028.up(ctx.db);
    const stored = await getImport(ctx, importId);
    expect(stored.fileName).toBe('Connections.csv');
    expect(stored.issues.map((i) => i.file)).toEqual(['Connections.csv']);
  });
});
