import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, hasNoHorizontalOverflow, type watchConsole } from './support/page-checks';
import type { RunningServer } from './support/server';
import { signedUpSession } from './support/session';

const chromiumPath = inject('chromiumPath');
const SKIP_REASON = 'skipped: Chromium not found (apt-get install -y chromium, or set CHROMIUM_PATH)';
const ME = { name: 'Rosa Quintero', email: 'rosa@example.test', password: 'a-conference-in-2026' };
// More than the list's page of 50, so that the count has to come from the server.
const AT_GLOBEX = 57;

describe.skipIf(!chromiumPath)(
  chromiumPath
    ? 'web app: tagging everyone a search finds'
    : `web app: tagging everyone a search finds: ${SKIP_REASON}`,
  () => {
    let server: RunningServer;
    let browser: Browser;
    let page: Page;
    let consoleLog: ReturnType<typeof watchConsole>;
    let csrf = '';

    const status = () => page.locator('#contact-search-status');
    const notice = () => page.getByRole('region', { name: 'Notifications' });
    const search = () => page.getByRole('combobox', { name: 'Search contacts' });
    const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? '');

    async function api(method: 'post' | 'get', path: string, body?: unknown) {
      const res = await page.request[method](`/api/v1${path}`, {
        ...(body === undefined ? {} : { data: body }),
        headers: { 'X-CSRF-Token': csrf },
      });
      expect(res.status(), await res.text()).toBeLessThan(300);
      return res.json();
    }

    beforeAll(async () => {
      ({ server, browser, page, consoleLog, csrf } = await signedUpSession(
        inject('webRoot'),
        chromiumPath as string,
        ME,
      ));
      for (let i = 1; i <= AT_GLOBEX; i++) {
        await api('post', '/contacts', {
          givenName: `Person${String(i).padStart(2, '0')}`,
          familyName: 'Example',
          organisation: 'Globex Corporation',
        });
      }
      await api('post', '/contacts', { displayName: 'Ada Lovelace', organisation: 'Analytical Engines' });
      await api('post', '/contacts', { displayName: 'Grace Hopper', tags: ['speakers'] });
    });

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('a search shows how many it finds in all, and "Tag these" tags every one of them after saying how many', async () => {
      await page.goto('/contacts');
      await expect.poll(() => status().textContent()).toBe(`50 of ${AT_GLOBEX + 2} contacts shown.`);
      await search().fill('globex');
      await expect
        .poll(() => status().textContent())
        .toBe(`50 of ${AT_GLOBEX} matches shown. Use ↑ and ↓ to choose, Enter to open.`);

      const open = page.getByRole('button', { name: `Tag these ${AT_GLOBEX} contacts` });
      await open.click();
      const form = page.getByRole('form', { name: `Tag these ${AT_GLOBEX} contacts` });
      // The keyboard lands on the form's first field.
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute('id')))
        .toBe(await form.getByLabel(`For these ${AT_GLOBEX} contacts`).getAttribute('id'));
      await form.getByLabel('Tag to add').fill('conference-2026');
      await expectAccessible(page, 'contact list with the tag form open');
      await form.getByRole('button', { name: `Add to ${AT_GLOBEX} contacts` }).click();
      await expect
        .poll(() => form.textContent())
        .toContain(`Add “conference-2026” to ${AT_GLOBEX} contacts?`);
      // Held back, as 30,000 contacts take seconds: the form says what it is doing and takes no second click.
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      await page.route('**/api/v1/contacts/tags', async (route) => {
        await held;
        await route.continue();
      });
      await form.getByRole('button', { name: 'Yes, add' }).click();
      const busy = `Adding “conference-2026” to ${AT_GLOBEX} contacts…`;
      try {
        await expect.poll(() => form.getByRole('button', { name: busy }).isDisabled()).toBe(true);
        expect(await form.getByRole('status').textContent()).toBe(busy);
        expect(await form.getByLabel('Tag to add').isDisabled()).toBe(true);
      } finally {
        release();
      }

      await expect
        .poll(() => notice().textContent())
        .toContain(`Added “conference-2026” to ${AT_GLOBEX} contacts.`);
      await page.unroute('**/api/v1/contacts/tags');
      // The form closed and gave the keyboard back to the button that opened it.
      await expect.poll(focusedText).toBe(`Tag these ${AT_GLOBEX} contacts`);
      // The rows on screen show their new tag, and the tag finds exactly them.
      await expect.poll(() => page.locator('.result .chip', { hasText: 'conference-2026' }).count()).toBe(50);
      await search().fill('conference');
      await expect.poll(() => status().textContent()).toContain(`50 of ${AT_GLOBEX} matches shown.`);
      await page.goto('/contacts?tag=conference-2026');
      await expect.poll(() => status().textContent()).toBe(`50 of ${AT_GLOBEX} contacts shown.`);
      const tags = (await api('get', '/tags')) as { items: { name: string; contactCount: number }[] };
      expect(tags.items.find((t) => t.name === 'conference-2026')?.contactCount).toBe(AT_GLOBEX);
      expect(consoleLog.take()).toEqual([]);
    });

    it('removes a tag from everyone a filter shows, on a phone too; Escape closes the form', async () => {
      await page.setViewportSize({ width: 375, height: 740 });
      await page.goto('/contacts?q=person0');
      await expect
        .poll(() => status().textContent())
        .toBe('9 matches. Use ↑ and ↓ to choose, Enter to open.');
      await page.getByRole('button', { name: 'Tag these 9 contacts' }).click();
      const form = page.getByRole('form', { name: 'Tag these 9 contacts' });
      await form.getByLabel('For these 9 contacts').selectOption('remove');
      await form.getByLabel('Tag to remove').selectOption('conference-2026');
      expect(await hasNoHorizontalOverflow(page)).toBe(true);
      await form.getByRole('button', { name: 'Remove from 9 contacts' }).click();
      await form.getByRole('button', { name: 'Yes, remove' }).click();
      await expect.poll(() => notice().textContent()).toContain('Removed “conference-2026” from 9 contacts.');
      await page.goto('/contacts?tag=conference-2026');
      await expect.poll(() => status().textContent()).toBe(`${AT_GLOBEX - 9} contacts.`);

      await page.getByRole('button', { name: `Tag these ${AT_GLOBEX - 9} contacts` }).click();
      await page.keyboard.press('Escape');
      await expect.poll(focusedText).toBe(`Tag these ${AT_GLOBEX - 9} contacts`);
      expect(await page.getByRole('form', { name: /^Tag these/ }).count()).toBe(0);
      await page.setViewportSize({ width: 1280, height: 800 });
      expect(consoleLog.take()).toEqual([]);
    });
  },
);
