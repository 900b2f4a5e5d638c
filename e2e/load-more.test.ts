import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { watchConsole } from './support/page-checks';
import type { RunningServer } from './support/server';
import { signedUpSession } from './support/session';

const chromiumPath = inject('chromiumPath');
const SKIP_REASON = 'skipped: Chromium not found (apt-get install -y chromium, or set CHROMIUM_PATH)';
const ME = { name: 'Paging Pat', email: 'pat@example.test', password: 'load-more-2026' };
/** The web app asks for 50 a page: more than one page of each. */
const FAVOURS = 62;
/** Every ninth favour is Ben's. */
const FAVOURS_OF_BEN = [9, 18, 27, 36, 45, 54];
const FAVOURS_OF_ADA = FAVOURS - FAVOURS_OF_BEN.length;
const PROMISES = 62;
const KEPT = 6;
const IMPORTS = 52;
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString().slice(0, 10);
const numbered = (what: string, n: number) => `${what} ${String(n).padStart(2, '0')}`;

describe.skipIf(!chromiumPath)(
  chromiumPath
    ? 'web app: Load more pages through favours, promises and imports'
    : `load more: ${SKIP_REASON}`,
  () => {
    let server: RunningServer;
    let browser: Browser;
    let page: Page;
    let consoleLog: ReturnType<typeof watchConsole>;
    let csrf = '';
    const ids = { ada: '', ben: '' };

    async function post(path: string, data: unknown) {
      const res = await page.request.post(`/api/v1${path}`, { data, headers: { 'X-CSRF-Token': csrf } });
      expect(res.status(), await res.text()).toBe(201);
      return (await res.json()) as { id: string };
    }

    /** Clicks the button until it is gone, then the texts of the list's rows. */
    async function loadAll(button: Locator, rows: Locator, expected: number) {
      for (let clicks = 0; clicks < 10 && (await button.count()) > 0; clicks++) {
        const before = await rows.count();
        await button.click();
        await expect.poll(() => rows.count()).toBeGreaterThan(before);
      }
      await expect.poll(() => rows.count()).toBe(expected);
      expect(await button.count()).toBe(0);
      return rows.allTextContents();
    }

    beforeAll(async () => {
      ({ server, browser, page, consoleLog, csrf } = await signedUpSession(
        inject('webRoot'),
        chromiumPath as string,
        ME,
      ));
      ids.ada = (await post('/contacts', { displayName: 'Ada Lovelace' })).id;
      ids.ben = (await post('/contacts', { displayName: 'Ben Okri' })).id;
      // Favours a day apart, the newest first: Ada's and Ben's interleaved so every page holds both.
      for (let n = 1; n <= FAVOURS; n++) {
        const ben = n % 9 === 0;
        await post('/favours', {
          contactId: ben ? ids.ben : ids.ada,
          direction: n % 2 ? 'given' : 'received',
          what: numbered(ben ? 'Favour for Ben' : 'Favour for Ada', n),
          occurredOn: daysAgo(n),
        });
      }
      for (let n = 1; n <= PROMISES; n++) {
        const p = await post('/promises', {
          contactId: ids.ada,
          direction: 'mine',
          what: numbered('Promise', n),
          dueOn: daysAgo(-n),
        });
        if (n > PROMISES - KEPT) {
          const kept = await page.request.patch(`/api/v1/promises/${p.id}`, {
            data: { status: 'kept' },
            headers: { 'X-CSRF-Token': csrf },
          });
          expect(kept.status(), await kept.text()).toBe(200);
        }
      }
      for (let n = 1; n <= IMPORTS; n++) {
        const res = await page.request.post('/api/v1/imports?kind=vcard', {
          headers: { 'X-CSRF-Token': csrf },
          multipart: {
            file: {
              name: `${numbered('batch', n)}.vcf`,
              mimeType: 'text/vcard',
              buffer: Buffer.from(
                `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${numbered('Imported Person', n)}\r\nEND:VCARD\r\n`,
              ),
            },
          },
        });
        expect(res.status(), await res.text()).toBe(201);
      }
    }, 180_000);

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('favours: Load more until the end shows every favour exactly once; one person’s favours page on their own', async () => {
      await page.goto('/favours');
      const section = page.getByRole('region', { name: 'All favours' });
      const rows = section.locator('.ledger-row__title');
      await expect.poll(() => rows.count()).toBe(50);
      const all = await loadAll(section.getByRole('button', { name: 'Load older favours' }), rows, FAVOURS);
      expect(new Set(all).size).toBe(all.length);
      // Newest first, across the page boundary.
      expect(all.slice(48, 53)).toEqual([
        'Favour for Ada 49',
        'Favour for Ada 50',
        'Favour for Ada 51',
        'Favour for Ada 52',
        'Favour for Ada 53',
      ]);

      // Filtered to one person: Ada's favours start again from their own first page, Ben's never among them.
      await page.goto(`/contacts/${ids.ada}`);
      const card = page.getByRole('region', { name: 'Favours' });
      const adas = card.locator('.ledger-row__title');
      await expect.poll(() => adas.count()).toBe(50);
      const ada = await loadAll(
        card.getByRole('button', { name: 'Load older favours' }),
        adas,
        FAVOURS_OF_ADA,
      );
      expect(new Set(ada).size).toBe(FAVOURS_OF_ADA);
      expect(ada.every((t) => t.startsWith('Favour for Ada'))).toBe(true);

      await page.goto(`/contacts/${ids.ben}`);
      const bens = page.getByRole('region', { name: 'Favours' }).locator('.ledger-row__title');
      await expect.poll(() => bens.count()).toBe(FAVOURS_OF_BEN.length);
      expect(await bens.allTextContents()).toEqual(FAVOURS_OF_BEN.map((n) => numbered('Favour for Ben', n)));
      expect(await page.getByRole('button', { name: 'Load older favours' }).count()).toBe(0);
      expect(consoleLog.take()).toEqual([]);
    });

    it('promises: the open ones and the history each page to the end, each promise once', async () => {
      await page.goto('/promises');
      const open = page.getByRole('list', { name: 'Open promises' }).locator('.ledger-row__title');
      await expect.poll(() => open.count()).toBe(50);
      const openAll = await loadAll(
        page.getByRole('button', { name: 'Load more open promises' }),
        open,
        PROMISES - KEPT,
      );
      expect(new Set(openAll).size).toBe(PROMISES - KEPT);
      // By due date, the soonest first.
      expect(openAll[0]).toBe('Promise 01');
      expect(openAll.at(-1)).toBe(numbered('Promise', PROMISES - KEPT));

      const history = page.getByRole('list', { name: 'Past promises' }).locator('.ledger-row__title');
      const more = page.getByRole('button', { name: 'Load more promises' });
      for (let clicks = 0; clicks < 10 && (await more.count()) > 0; clicks++) {
        await more.click();
        await expect.poll(async () => (await more.count()) === 0 || (await more.isEnabled())).toBe(true);
      }
      await expect.poll(() => history.count()).toBe(KEPT);
      const past = await history.allTextContents();
      expect(new Set(past)).toEqual(
        new Set(Array.from({ length: KEPT }, (_, i) => numbered('Promise', PROMISES - KEPT + 1 + i))),
      );
      // Loading the history did not repeat an open promise.
      expect(await open.count()).toBe(PROMISES - KEPT);
      expect(consoleLog.take()).toEqual([]);
    });

    it('imports: the history pages to the first import, each import once', async () => {
      await page.goto('/imports');
      const list = page.getByRole('list', { name: 'Imports, newest first' });
      const titles = list.locator('.import-item__title');
      await expect.poll(() => titles.count()).toBe(50);
      expect(await titles.first().textContent()).toBe(`${numbered('batch', IMPORTS)}.vcf`);
      const all = await loadAll(page.getByRole('button', { name: 'Load older imports' }), titles, IMPORTS);
      expect(all).toEqual(Array.from({ length: IMPORTS }, (_, i) => `${numbered('batch', IMPORTS - i)}.vcf`));
      expect(consoleLog.take()).toEqual([]);
    });
  },
);
