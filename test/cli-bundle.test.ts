import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript beside bin/rapport.js, without types
import { bundlePaths, freshBundle, isFresh } from '../bin/cli-bundle.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

/** A checkout of its own: src/cli/main.ts prints what src/cli/word.ts exports. */
function checkout(word: string): string {
  const root = mkdtempSync(join(tmpdir(), 'rapport-cli-bundle-'));
  roots.push(root);
  mkdirSync(join(root, 'src', 'cli'), { recursive: true });
  writeFileSync(
    join(root, 'src/cli/main.ts'),
    "import { word } from './word';\nconsole.log(word satisfies string);\n",
  );
  writeFileSync(join(root, 'src/cli/word.ts'), `export const word: string = '${word}';\n`);
  return root;
}

const run = (file: string) => spawnSync(process.execPath, [file], { encoding: 'utf8' }).stdout.trim();

describe('the CLI bundle', () => {
  it('is built on first use and used as it is while no source changed', async () => {
    const root = checkout('first');
    expect(isFresh(root)).toBe(false);
    const bundle = await freshBundle(root);
    expect(bundle).toBe(bundlePaths(root).bundle);
    expect(run(bundle)).toBe('first');
    expect(isFresh(root)).toBe(true);
    // Its inputs are the source files, not the packages they import.
    expect(Object.keys(JSON.parse(readFileSync(bundlePaths(root).inputs, 'utf8'))).sort()).toEqual([
      'src/cli/main.ts',
      'src/cli/word.ts',
    ]);
  });

  it('is built again when a file it imports changes', async () => {
    const root = checkout('before');
    expect(run(await freshBundle(root))).toBe('before');
    writeFileSync(join(root, 'src/cli/word.ts'), "export const word: string = 'after, longer';\n");
    expect(isFresh(root)).toBe(false);
    expect(run(await freshBundle(root))).toBe('after, longer');
  });

  it('is built again when a file it was built from is gone', async () => {
    const root = checkout('here');
    await freshBundle(root);
    rmSync(join(root, 'src/cli/word.ts'));
    expect(isFresh(root)).toBe(false);
  });

  it('gives way to the source when it cannot be built', async () => {
    const root = checkout('x');
    writeFileSync(
      join(root, 'src/cli/main.ts'),
      'import { nothing } from "./missing";\nconsole.log(nothing);\n',
    );
    expect(await freshBundle(root)).toBeNull();
  });

  it('runs the real CLI the same as its source does', () => {
    const viaBundle = spawnSync(process.execPath, [join(repo, 'bin/rapport.js'), '--version'], {
      encoding: 'utf8',
    });
    const viaSource = spawnSync(process.execPath, [join(repo, 'bin/rapport.js'), '--version'], {
      encoding: 'utf8',
      env: { ...process.env, RAPPORT_CLI_FROM_SOURCE: '1' },
    });
    expect(viaBundle.status).toBe(0);
    expect(viaBundle.stdout).toBe(viaSource.stdout);
    expect(viaBundle.stdout.trim()).toBe(
      JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).version,
    );
    expect(isFresh(repo)).toBe(true);
  });
});
