import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, type watchConsole } from './support/page-checks';
import type { RunningServer } from './support/server';
import { type SessionApi, sessionApi, signedUpSession } from './support/session';

const chromiumPath = inject('chromiumPath');
const SKIP_REASON = 'skipped: Chromium not found (apt-get install -y chromium, or set CHROMIUM_PATH)';
const ME = { name: 'Marta Kovac', email: 'marta@example.test', password: 'whom-do-i-know-there' };

describe.skipIf(!chromiumPath)(
  chromiumPath
    ? 'web app: whom I really know at an organisation'
    : `web app: whom I really know at an organisation: ${SKIP_REASON}`,
  () => {
    let server: RunningServer;
    let browser: Browser;
    let page: Page;
    let consoleLog: ReturnType<typeof watchConsole>;
    let csrf = '';
    let orgId = '';

    let api: SessionApi;

    beforeAll(async () => {
      ({ server, browser, page, consoleLog, csrf } = await signedUpSession(
        inject('webRoot'),
        chromiumPath as string,
        ME,
      ));
      api = sessionApi(page, csrf);
      orgId = (await api('post', '/organisations', { name: 'Hooli' })).id;
      const known = await api('post', '/contacts', { displayName: 'Zora Known', organisation: 'Hooli' });
      await api('post', '/contacts', { displayName: 'Adam Stranger', organisation: 'Hooli' });
      await api('post', '/interactions', {
        kind: 'meeting',
        contactIds: [known.id],
        occurredAt: '2026-11-20T10:00:00Z',
      });
      // 105 people left Hooli: more than the page shows at first.
      for (let i = 0; i < 105; i++) {
        const c = await api('post', '/contacts', {
          displayName: `Former ${String(i).padStart(3, '0')}`,
          organisation: 'Hooli',
        });
        await api('patch', `/contacts/${c.id}`, { organisation: 'Pied Piper' });
      }
    }, 180_000);

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('shows each person’s tier and last contact, orders the best known first, and shows everyone who left', async () => {
      await page.goto(`/organisations/${orgId}`);
      const now = page.getByRole('list', { name: 'People there now' });
      await expect
        .poll(() => now.getByRole('listitem').allTextContents())
        .toEqual([
          expect.stringMatching(/^Adam Stranger · No interactions yet$/),
          expect.stringMatching(/^Zora Known · (Inner circle|Close|Active) · last contact .*2026$/),
        ]);
      await page.getByLabel('Order').selectOption('strength');
      await expect
        .poll(() => now.getByRole('listitem').allTextContents())
        .toEqual([expect.stringMatching(/^Zora Known/), expect.stringMatching(/^Adam Stranger/)]);

      const before = page.getByRole('list', { name: 'People there before' });
      await expect.poll(() => before.getByRole('listitem').count()).toBe(100);
      await expect
        .poll(() => page.getByText('Showing 100 of 105, most recently left first.').count())
        .toBe(1);
      await page.getByRole('button', { name: 'Show more (5 more)' }).click();
      await expect.poll(() => before.getByRole('listitem').count()).toBe(105);
      expect(await page.getByRole('button', { name: /Show more/ }).count()).toBe(0);
      const names = (await before.getByRole('listitem').allTextContents()).map((t) => t.split(' · ')[0]);
      expect(new Set(names).size).toBe(105);
      await expectAccessible(page, 'organisation page');
      expect(consoleLog.take()).toEqual([]);
    });
  },
);
