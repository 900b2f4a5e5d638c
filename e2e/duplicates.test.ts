import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, type watchConsole } from './support/page-checks';
import type { RunningServer } from './support/server';
import { signedUpSession } from './support/session';

const chromiumPath = inject('chromiumPath');
const SKIP_REASON = 'skipped: Chromium not found (apt-get install -y chromium, or set CHROMIUM_PATH)';
const ME = { name: 'Grace Hopper', email: 'grace.duplicates@example.test', password: 'cobol-forever-1959' };
const UNDONE = 'Merge undone: Ada Lovelace and Augusta Ada King are two contacts again.';

describe.skipIf(!chromiumPath)(
  chromiumPath
    ? 'web app: duplicates, organisations a page at a time, and a merge undone said once'
    : `web app: duplicates: ${SKIP_REASON}`,
  () => {
    let server: RunningServer;
    let browser: Browser;
    let page: Page;
    let consoleLog: ReturnType<typeof watchConsole>;
    let csrf = '';

    const notice = () => page.getByRole('region', { name: 'Notifications' });
    const noConsoleErrors = () => expect(consoleLog.take()).toEqual([]);

    async function apiPost(path: string, body: unknown) {
      const res = await page.request.post(`/api/v1${path}`, {
        data: body,
        headers: { 'X-CSRF-Token': csrf },
      });
      expect(res.status(), await res.text()).toBeLessThan(300);
      return res.json();
    }

    /** How many live regions (outermost: one inside another is one announcement) hold `text`. */
    const liveRegionsSaying = (text: string) =>
      page.evaluate((t) => {
        const live = [
          ...document.querySelectorAll('[role="status"], [role="alert"], [role="log"], [aria-live]'),
        ].filter((el) => el.getAttribute('aria-live') !== 'off');
        const outer = live.filter((el) => !live.some((o) => o !== el && o.contains(el)));
        return outer.filter((el) => el.textContent?.includes(t)).length;
      }, text);

    beforeAll(async () => {
      ({ server, browser, page, consoleLog, csrf } = await signedUpSession(
        inject('webRoot'),
        chromiumPath as string,
        ME,
      ));
    });

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('says "Merge undone" once, whether undone from the merge’s own message or from Recent merges', async () => {
      await apiPost('/contacts', { displayName: 'Ada Lovelace', emails: [{ value: 'ada@engines.example' }] });
      await apiPost('/contacts', {
        displayName: 'Augusta Ada King',
        emails: [{ value: 'ada@engines.example' }],
      });
      await page.goto('/duplicates');
      const pair = page.getByRole('listitem', { name: /Ada Lovelace and Augusta Ada King/ });
      await pair.getByRole('button', { name: /^Merge/ }).click();
      const result = page.getByRole('status').filter({ hasText: 'Merged Augusta Ada King into' });
      await result.getByRole('button', { name: 'Undo merge' }).click();
      await page.getByRole('status').filter({ hasText: UNDONE }).waitFor();
      const merges = page.getByRole('region', { name: /Recent merges/ });
      // Once the list of merges has read the undo again, any notice of it would have been shown too.
      await merges.getByText(/undone/).waitFor();
      expect(await liveRegionsSaying(UNDONE)).toBe(1);
      expect(await notice().getByText(UNDONE).count()).toBe(0);
      // Its Undo button is gone: the keyboard is on the pairs, where the two are back.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('duplicates-heading');
      await pair.getByText('Strong match').waitFor();
      await expectAccessible(page, 'duplicates after undoing a merge');

      // Merged again, then undone from Recent merges after the page was left: the notice says it, alone.
      await pair.getByRole('button', { name: /^Merge/ }).click();
      await page.getByRole('status').filter({ hasText: 'Merged Augusta Ada King into' }).waitFor();
      await page.goto('/contacts');
      await page.goto('/duplicates');
      await merges
        .getByRole('button', { name: /Undo merge/ })
        .first()
        .click();
      await notice().getByText(UNDONE).waitFor();
      await pair.getByText('Strong match').waitFor();
      expect(await liveRegionsSaying(UNDONE)).toBe(1);
      noConsoleErrors();
    });

    it('shows the first 50 organisation pairs, counts them all, and shows the rest on request', async () => {
      // 12 branches on one website are 66 pairs.
      for (let i = 0; i < 12; i++)
        await apiPost('/organisations', {
          name: `Branch ${String(i).padStart(2, '0')}`,
          website: 'https://branches.example',
        });
      await page.goto('/duplicates');
      const section = page.getByRole('region', { name: /Organisations that may be one company/ });
      const cards = section.getByRole('listitem', { name: /: strong match$/ });
      await section.getByRole('heading', { name: 'Organisations that may be one company (66)' }).waitFor();
      await expect.poll(() => cards.count()).toBe(50);
      await section.getByText('Showing 50 of 66 pairs.').waitFor();
      await section.getByRole('button', { name: 'Show more organisation pairs' }).click();
      await expect.poll(() => cards.count()).toBe(66);
      expect(await section.getByRole('button', { name: 'Show more organisation pairs' }).count()).toBe(0);
      expect(await section.getByText(/^Showing/).count()).toBe(0);

      // On the second page, "different companies" takes one pair out of the count.
      const gone = await cards.nth(60).getAttribute('aria-label');
      await cards
        .nth(60)
        .getByRole('button', { name: /Different companies/ })
        .click();
      await section.getByRole('heading', { name: 'Organisations that may be one company (65)' }).waitFor();
      await expect.poll(() => cards.count()).toBe(65);
      expect(await section.getByRole('listitem', { name: gone as string }).count()).toBe(0);
      noConsoleErrors();
    });

    it('shows the first 50 pairs of people, not all at once, and the rest on request', async () => {
      // 12 contacts on one email are 66 pairs; with Ada's, 67.
      for (let i = 0; i < 12; i++)
        await apiPost('/contacts', {
          displayName: `Twin ${String(i).padStart(2, '0')}`,
          emails: [{ value: 'twins@example.test' }],
        });
      await page.goto('/duplicates');
      const section = page.getByRole('region', { name: /People who may be the same person/ });
      const cards = section.getByRole('listitem', { name: /: (strong|possible) match$/ });
      await section.getByRole('heading', { name: 'People who may be the same person (67)' }).waitFor();
      await expect.poll(() => cards.count()).toBe(50);
      expect(await section.getByRole('button', { name: /^Merge/ }).count()).toBe(50);
      await section.getByText('Showing 50 of 67 pairs.').waitFor();
      await section.getByRole('button', { name: 'Show more pairs' }).click();
      await expect.poll(() => cards.count()).toBe(67);
      expect(await section.getByRole('button', { name: 'Show more pairs' }).count()).toBe(0);
      expect(await section.getByText(/^Showing/).count()).toBe(0);
      noConsoleErrors();
    });
  },
);
