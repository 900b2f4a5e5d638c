// The CLI as one bundle of its TypeScript source, rebuilt whenever a file it was built from changes.
// Node's loader hooks (tsx) cost a round trip per module, ~1 s of CPU for the CLI's several hundred files on every
// command; one bundled file loads in a fraction of that. esbuild is tsx's own compiler (same transform), and the
// bundle sits two folders deep like src/cli/main.ts, so its `../../` paths (package.json, the web build) still hold.
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the bundle of `root`'s CLI lives, and the list of source files (with mtime and size) it was built from. */
export function bundlePaths(root) {
  const dir = join(root, 'dist', 'cli');
  return { dir, bundle: join(dir, 'rapport.mjs'), inputs: join(dir, 'rapport.inputs.json') };
}

/** Whether every file the bundle was built from is as it was then (a changed import changes its importer). */
export function isFresh(root) {
  const { bundle, inputs } = bundlePaths(root);
  let recorded;
  try {
    statSync(bundle);
    recorded = JSON.parse(readFileSync(inputs, 'utf8'));
  } catch {
    return false;
  }
  for (const [file, [mtimeMs, size]] of Object.entries(recorded)) {
    let s;
    try {
      s = statSync(join(root, file));
    } catch {
      return false;
    }
    if (s.mtimeMs !== mtimeMs || s.size !== size) return false;
  }
  return true;
}

/** Bundles `root/src/cli/main.ts` (packages stay imports) and records its inputs; throws when it cannot. */
export async function buildBundle(root) {
  const { build } = await import('esbuild');
  const { dir, bundle, inputs } = bundlePaths(root);
  mkdirSync(dir, { recursive: true });
  const started = Date.now();
  // Written beside the target and renamed into place: CLI processes started at once never read half a file.
  const tmp = `${bundle}.${process.pid}.tmp`;
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['src/cli/main.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: tmp,
    metafile: true,
    logLevel: 'silent',
  });
  const files = {};
  let changedMeanwhile = false;
  for (const file of Object.keys(result.metafile.inputs)) {
    const s = statSync(join(root, file));
    files[file] = [s.mtimeMs, s.size];
    // Saved while esbuild read it: the bundle may hold the old text, so it is used once but not recorded.
    if (s.mtimeMs >= started) changedMeanwhile = true;
  }
  renameSync(tmp, bundle);
  if (changedMeanwhile) rmSync(inputs, { force: true });
  else {
    const tmpInputs = `${inputs}.${process.pid}.tmp`;
    writeFileSync(tmpInputs, JSON.stringify(files));
    renameSync(tmpInputs, inputs);
  }
  return bundle;
}

/**
 * The bundle to run, built first when missing or stale; null when it cannot be built (a read-only checkout, no
 * esbuild), and the caller runs the source through tsx instead.
 */
export async function freshBundle(root) {
  const { bundle } = bundlePaths(root);
  if (isFresh(root)) return bundle;
  try {
    return await buildBundle(root);
  } catch {
    return null;
  }
}
