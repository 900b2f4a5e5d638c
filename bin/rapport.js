#!/usr/bin/env node
// The CLI runs from TypeScript source: tsx compiles on the fly (and caches), so there is no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
