#!/usr/bin/env node
// The CLI runs from TypeScript source, with no build step to remember: it runs a bundle of that source, built on
// first use and again whenever a file in it changes (cli-bundle.js); RAPPORT_CLI_FROM_SOURCE=1, or a checkout where
// the bundle cannot be written, runs the source through tsx instead.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freshBundle } from './cli-bundle.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = process.env.RAPPORT_CLI_FROM_SOURCE === '1' ? null : await freshBundle(root);
if (bundle) {
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import('tsx/esm/api');
  // tsx's loader hooks cost a round trip per module; the big dependencies (hundreds of files) load ~3× faster
  // before it is registered, and later imports of them hit Node's module cache. Failures surface at the real import.
  await Promise.allSettled(
    ['kysely', 'zod', 'commander', 'pg', 'better-sqlite3', 'libphonenumber-js/max'].map((m) => import(m)),
  );
  register();
  await import('../src/cli/main.ts');
}
