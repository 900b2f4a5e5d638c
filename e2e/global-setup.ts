import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of the Chromium binary, or null when it is missing (tests then skip, except in CI where setup fails). */
    chromiumPath: string | null;
    /** The built web app the server under test serves. */
    webRoot: string;
  }
}

const repo = fileURLToPath(new URL('..', import.meta.url));

/**
 * Builds the web app into dist/web (or E2E_WEB_OUT, so runs side by side do not overwrite each other's build) and
 * finds Debian's Chromium (never a downloaded browser).
 */
export async function setup(project: TestProject) {
  const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  const found = existsSync(chromiumPath);
  if (!found && process.env.CI === 'true') {
    throw new Error(
      `e2e: Chromium not found at ${chromiumPath}. In CI the browser tests must run: apt-get install -y chromium (or set CHROMIUM_PATH).`,
    );
  }
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build: build what ships.
  const webRoot = process.env.E2E_WEB_OUT || `${repo}dist/web`;
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: `${repo}vite.config.ts`,
      logLevel: 'warn',
      mode: 'production',
      build: { outDir: webRoot, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  project.provide('chromiumPath', found ? chromiumPath : null);
  project.provide('webRoot', webRoot);
}
