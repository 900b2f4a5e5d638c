import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serveForTests } from '../../test/http';

// The built web app's index.html; a stand-in, as the page's own content does not matter here.
const WEB_APP_PAGE = '<!doctype html><title>Rapport web app</title>';
const webRoot = mkdtempSync(join(tmpdir(), 'rapport-web-pages-'));
writeFileSync(join(webRoot, 'index.html'), WEB_APP_PAGE);
afterAll(() => rmSync(webRoot, { recursive: true, force: true }));

/** Every page of the web app with a fixed address, as src/web/app.tsx routes it. */
function webPages(): string[] {
  const source = readFileSync(new URL('../web/app.tsx', import.meta.url), 'utf8');
  return [...source.matchAll(/<Route\s+path="([^"]+)"/g)]
    .map((m) => m[1] as string)
    .filter((p) => p.startsWith('/') && !p.includes(':') && !p.includes('*'));
}

// Which paths the server keeps for itself does not depend on the engine.
describe('web app pages', () => {
  const server = serveForTests('sqlite', { app: { webRoot } });

  it('every page reloads as the web app: no server route (like /health for uptime monitors) takes its address', async () => {
    const pages = webPages();
    expect(pages).toEqual(expect.arrayContaining(['/contacts', '/relationships', '/trash']));
    const taken: string[] = [];
    for (const page of pages) {
      // What a browser sends on a reload, a bookmark or a link opened in a new tab.
      const res = await fetch(`${server.base()}${page}`, { headers: { accept: 'text/html,*/*;q=0.8' } });
      const body = await res.text();
      if (res.status !== 200 || body !== WEB_APP_PAGE)
        taken.push(`${page} → ${res.status} ${body.slice(0, 60)}`);
    }
    expect(taken).toEqual([]);
  });
});
