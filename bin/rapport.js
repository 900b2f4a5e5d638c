#!/usr/bin/env node
// The CLI runs from TypeScript source: tsx compiles on the fly (and caches), so there is no build step.
import { register } from 'tsx/esm/api';

// tsx's loader hooks cost a round trip per module; the big dependencies (hundreds of files) load ~3× faster
// before it is registered, and later imports of them hit Node's module cache. Failures surface at the real import.
await Promise.allSettled(
  ['kysely', 'zod', 'commander', 'pg', 'better-sqlite3', 'libphonenumber-js/max'].map((m) => import(m)),
);
register();
await import('../src/cli/main.ts');
