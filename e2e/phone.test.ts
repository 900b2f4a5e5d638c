import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, newContext } from './support/browser';
import { expectAccessible, hasNoHorizontalOverflow, watchConsole } from './support/page-checks';
import { type RunningServer, startServer } from './support/server';

const chromiumPath = inject('chromiumPath');
const SKIP_REASON = 'skipped: Chromium not found (apt-get install -y chromium, or set CHROMIUM_PATH)';
const PHONE = { width: 375, height: 740 };

describe.skipIf(!chromiumPath)(
  chromiumPath ? 'web app on a phone (375×740)' : `web app on a phone: ${SKIP_REASON}`,
  () => {
    let server: RunningServer;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    let consoleLog: ReturnType<typeof watchConsole>;
    let contactId = '';

    const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });

    beforeAll(async () => {
      server = await startServer(inject('webRoot'));
      browser = await launchChromium(chromiumPath as string);
      context = await newContext(browser, server.base, PHONE);
      page = await context.newPage();
      page.setDefaultTimeout(10_000);
      consoleLog = watchConsole(page);

      // Account and data through the API (the browser flow itself is covered by rolodex.test.ts).
      const signup = await page.request.post('/api/v1/auth/signup', {
        data: { name: 'Katherine Johnson', email: 'kj@example.test', password: 'orbital-mechanics' },
      });
      expect(signup.status()).toBe(201);
      const { csrfToken } = (await signup.json()) as { csrfToken: string };
      const headers = { 'X-CSRF-Token': csrfToken };
      const created = await page.request.post('/api/v1/contacts', {
        headers,
        data: {
          givenName: 'Dorothy',
          familyName: 'Vaughan',
          organisation: 'National Advisory Committee for Aeronautics',
          title: 'Supervisor, West Area Computing',
          emails: [{ value: 'dorothy.vaughan.long.address@naca.example.gov', label: 'work' }],
          urls: [{ value: 'https://www.linkedin.com/in/dorothy-vaughan-fortran-expert' }],
          tags: ['fortran', 'mentor'],
          notes: 'Taught herself and her team FORTRAN.',
        },
      });
      expect(created.status()).toBe(201);
      contactId = ((await created.json()) as { id: string }).id;
      for (const [givenName, familyName] of [
        ['Mary', 'Jackson'],
        ['Christine', 'Darden'],
      ]) {
        const r = await page.request.post('/api/v1/contacts', { headers, data: { givenName, familyName } });
        expect(r.status()).toBe(201);
      }
      // Enough people for a second page.
      for (let i = 1; i <= 55; i++) {
        const r = await page.request.post('/api/v1/contacts', {
          headers,
          data: {
            givenName: 'Zed',
            familyName: `Computer ${String(i).padStart(2, '0')}`,
            tags: ['west-area'],
          },
        });
        expect(r.status()).toBe(201);
      }
    });

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('shows the contact list in one column with the menu collapsed', async () => {
      await page.goto('/contacts');
      await heading('Contacts').waitFor();
      await page.getByRole('option', { name: /Dorothy Vaughan/ }).waitFor();

      const menu = page.getByRole('button', { name: 'Menu' });
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
      expect(await hasNoHorizontalOverflow(page)).toBe(true);
      await expectAccessible(page, 'contact list (phone)');

      await menu.click();
      expect(await menu.getAttribute('aria-expanded')).toBe('true');
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: 'Trash' }).waitFor();
      await expectAccessible(page, 'contact list with the menu open (phone)');
      await nav.getByRole('link', { name: 'Contacts' }).click();
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      // Escape from inside the open menu closes it, and the keyboard is back on the Menu button.
      await menu.click();
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Today');
      await page.keyboard.press('Escape');
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Menu');

      // Typeahead from a single letter.
      const search = page.getByRole('combobox', { name: 'Search contacts' });
      await search.tap().catch(() => search.click());
      await search.pressSequentially('d');
      await page
        .getByRole('status')
        .filter({ hasText: /2 matches/ })
        .waitFor();
      expect(consoleLog.take()).toEqual([]);
    });

    it('filters by tag and loads more with the cursor', async () => {
      await page.goto('/contacts');
      const options = page.getByRole('listbox').getByRole('option');
      await options.first().waitFor();
      await page.getByRole('status').filter({ hasText: '50 of 58 contacts shown' }).waitFor();
      expect(await options.count()).toBe(50);
      await page.getByRole('button', { name: 'Load more' }).click();
      await page.getByRole('status').filter({ hasText: '58 contacts.' }).waitFor();
      expect(await options.count()).toBe(58);
      expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);

      await page.getByLabel('Tag').selectOption('mentor');
      await page.getByRole('status').filter({ hasText: '1 contact.' }).waitFor();
      expect(await options.allTextContents()).toEqual([expect.stringContaining('Dorothy Vaughan')]);
      expect(page.url()).toContain('tag=mentor');
      await page.getByLabel('Tag').selectOption('');
      // Back to the unfiltered list, as far as it was loaded.
      await page.getByRole('status').filter({ hasText: '58 contacts.' }).waitFor();

      // Organisations are searched on the server as you type (a LinkedIn import brings thousands); an exact
      // name filters, and an empty field shows everyone again.
      const org = page.getByLabel('Organisation');
      await org.fill('national advisory committee for aeronautics');
      await page.getByRole('status').filter({ hasText: '1 contact.' }).waitFor();
      expect(await options.allTextContents()).toEqual([expect.stringContaining('Dorothy Vaughan')]);
      expect(page.url()).toContain('organisation=');
      await page.reload();
      await expect.poll(() => org.inputValue()).toBe('National Advisory Committee for Aeronautics');
      await page.getByRole('status').filter({ hasText: '1 contact.' }).waitFor();
      await org.fill('');
      await page.getByRole('status').filter({ hasText: '50 of 58 contacts shown.' }).waitFor();
      expect(page.url()).not.toContain('organisation=');
      expect(consoleLog.take()).toEqual([]);
    });

    it('shows a contact page and its edit form without sideways scrolling', async () => {
      await page.goto(`/contacts/${contactId}`);
      await heading('Dorothy Vaughan').waitFor();
      await page.getByText('Taught herself and her team FORTRAN.').waitFor();
      expect(await hasNoHorizontalOverflow(page)).toBe(true);
      await expectAccessible(page, 'contact page (phone)');

      await page.getByRole('button', { name: 'Edit' }).click();
      await heading('Edit Dorothy Vaughan').waitFor();
      expect(await hasNoHorizontalOverflow(page)).toBe(true);
      await expectAccessible(page, 'contact edit form (phone)');
      await page.getByLabel('Location').fill('Hampton, Virginia');
      await page.getByLabel('Location').press('Enter');
      await heading('Dorothy Vaughan').waitFor();
      await page.getByText('Hampton, Virginia').waitFor();
      expect(consoleLog.take()).toEqual([]);
    });

    it("keeps a section's tabs in one row that scrolls sideways, the current tab in view", async () => {
      await page.goto('/network/access-log');
      await heading('Access log').waitFor();
      const tabs = page.getByRole('navigation', { name: 'Network' });
      const row = (await tabs.getByRole('list').boundingBox()) as { height: number; width: number };
      const first = (await tabs.getByRole('link').first().boundingBox()) as { height: number };
      expect(row.height).toBeLessThan(first.height * 1.5); // one row, not wrapped
      const current = tabs.getByRole('link', { name: 'Access log' });
      expect(await current.getAttribute('aria-current')).toBe('page');
      const box = (await current.boundingBox()) as { x: number; width: number };
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual((page.viewportSize()?.width ?? 0) + 1);
      expect(await hasNoHorizontalOverflow(page)).toBe(true);
      expect(consoleLog.take()).toEqual([]);
    });
  },
);
