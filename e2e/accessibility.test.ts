import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newContext } from './support/browser';
import { expectAccessible, hasNoHorizontalOverflow, type watchConsole } from './support/page-checks';
import type { RunningServer } from './support/server';
import { signedUpSession } from './support/session';

const chromiumPath = inject('chromiumPath');
const SKIP_REASON = 'skipped: Chromium not found (apt-get install -y chromium, or set CHROMIUM_PATH)';
const PHONE = { width: 375, height: 812 };
// Real names are long: a double-barrelled account name, and a contact whose name has no place to break.
const ME = {
  name: 'Maximiliana Featherstonehaugh-Cholmondeley',
  email: 'max@example.test',
  password: 'a-long-password-123',
};
const LONG_GIVEN = 'Wolfeschlegelsteinhausenbergerdorff';
const LONG_FAMILY = 'Hubert-Blaine-Wolfeschlegelsteinhausenbergerdorffvoralternwarengewissenhaft';
const LONG_EMAIL = 'ada.augusta.king.countess.of.lovelace@analytical-engines-international.example.com';
const DAY = 86_400_000;

/** True when the element's whole box lies inside the viewport's width (reachable without scrolling sideways). */
async function withinScreenWidth(locator: Locator, page: Page): Promise<boolean> {
  const box = await locator.boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  return box !== null && box.x >= 0 && box.x + box.width <= width;
}

describe.skipIf(!chromiumPath)(
  chromiumPath
    ? 'web app: accessibility and small screens'
    : `web app: accessibility and small screens: ${SKIP_REASON}`,
  () => {
    let server: RunningServer;
    let browser: Browser;
    let page: Page;
    let consoleLog: ReturnType<typeof watchConsole>;
    let csrf = '';
    const ids: Record<string, string> = {};
    let purposeId = '';
    let itemId = '';

    const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });

    async function api<T>(method: 'post' | 'get' | 'patch', path: string, body?: unknown): Promise<T> {
      const res = await page.request[method](`/api/v1${path}`, {
        ...(body === undefined ? {} : { data: body }),
        headers: { 'X-CSRF-Token': csrf },
      });
      expect(res.status(), await res.text()).toBeLessThan(300);
      return (await res.json()) as T;
    }

    beforeAll(async () => {
      ({ server, browser, page, consoleLog, csrf } = await signedUpSession(
        inject('webRoot'),
        chromiumPath as string,
        ME,
        { viewport: PHONE },
      ));
      for (const [key, body] of [
        [
          'Ada',
          {
            givenName: 'Ada',
            familyName: 'Lovelace',
            title: 'Countess of Lovelace and Principal Analytical Engine Programmer',
            organisation: 'Analytical Engines International Holding Company Limited',
            emails: [{ value: LONG_EMAIL }],
            connectedOn: '2023-01-10',
          },
        ],
        ['Alan', { givenName: 'Alan', familyName: 'Turing', connectedOn: '2023-01-10' }],
        ['Long', { givenName: LONG_GIVEN, familyName: LONG_FAMILY, connectedOn: '2023-01-10' }],
      ] as const) {
        ids[key] = (await api<{ id: string }>('post', '/contacts', body)).id;
      }
      await api('post', '/interactions', {
        kind: 'meeting',
        contactIds: [ids.Ada],
        direction: 'mutual',
        occurredAt: new Date(Date.now() - 150 * DAY).toISOString(),
        summary: 'Tea at the Royal Society',
      });
      await api('patch', `/contacts/${ids.Ada}/relationship`, { cadenceDays: 30 });
      await api('post', '/favours', {
        contactId: ids.Ada,
        direction: 'given',
        what: 'Introduced her to Babbage',
      });
      const today = (await api<{ date: string }>('get', '/today')).date;
      await api('post', '/promises', {
        contactId: ids.Alan,
        direction: 'mine',
        what: 'Send the paper',
        dueOn: today,
      });
      purposeId = (
        await api<{ id: string }>('post', '/purposes', { name: 'Conference panel', targetCount: 3 })
      ).id;
      await api('post', '/outreach/items', { contactIds: [ids.Long] });
      const queue = await api<{ items: { id: string; contact: { id: string } }[] }>('get', '/outreach/queue');
      itemId = queue.items.find((i) => i.contact.id === ids.Long)?.id ?? '';
      expect(itemId).not.toBe('');
    });

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    // Each main page on the phone: nothing wider than the screen, no serious or critical axe violation.
    const PAGES: [string, () => string, string | RegExp][] = [
      ['Today', () => '/', 'Today'],
      ['the contact list', () => '/contacts', 'Contacts'],
      ['a contact', () => `/contacts/${ids.Ada}`, 'Ada Lovelace'],
      ['a contact with a long name', () => `/contacts/${ids.Long}`, new RegExp(LONG_GIVEN)],
      ['a new contact', () => '/contacts/new', 'New contact'],
      ['favours', () => '/favours', 'Favours'],
      ['promises', () => '/promises', 'Promises'],
      ['purposes', () => '/purposes', 'Purposes'],
      ['a purpose board', () => `/purposes/${purposeId}`, 'Conference panel'],
      ['the outreach queue', () => '/outreach', 'Outreach'],
      ['an outreach item', () => `/outreach/items/${itemId}`, new RegExp(LONG_GIVEN)],
      ['relationship health', () => '/relationships', 'Relationship health'],
      ['import', () => '/import', /Import/],
      ['trash', () => '/trash', 'Trash'],
      ['settings', () => '/settings', 'Settings'],
    ];
    it.each(PAGES)(
      'fits %s on a 375px phone, without serious or critical axe violations',
      async (label, path, name) => {
        await page.goto(path());
        await heading(name).waitFor();
        await page.waitForLoadState('networkidle');
        expect(await hasNoHorizontalOverflow(page), `${label} is wider than the screen`).toBe(true);
        await expectAccessible(page, `${label} (phone)`);
        expect(consoleLog.take()).toEqual([]);
      },
    );

    it('shows a long e-mail address and a long name in full in the contact list, wrapped', async () => {
      await page.goto('/contacts');
      const list = page.getByRole('main');
      for (const text of [LONG_EMAIL, `${LONG_GIVEN} ${LONG_FAMILY}`]) {
        const el = list.getByText(text, { exact: true });
        await el.waitFor();
        expect(await withinScreenWidth(el, page), text).toBe(true);
        // Not cut off by the list's frame either (it hides what sticks out).
        expect(await el.evaluate((e) => e.scrollWidth <= e.clientWidth + 1), text).toBe(true);
      }
    });

    it('keeps Settings and Sign out on screen in the phone menu when the account name is long', async () => {
      await page.goto('/');
      await heading('Today').waitFor();
      await page.getByRole('button', { name: 'Menu' }).click();
      const nav = page.getByRole('navigation', { name: 'Main' });
      const signOut = nav.getByRole('button', { name: 'Sign out' });
      await signOut.waitFor();
      expect(await withinScreenWidth(signOut, page)).toBe(true);
      expect(await withinScreenWidth(nav.getByRole('link', { name: 'Settings' }), page)).toBe(true);
      expect(await hasNoHorizontalOverflow(page)).toBe(true);
      // Escape closes the menu and the keyboard is back on the button.
      await page.keyboard.press('Escape');
      await expect.poll(() => signOut.isVisible()).toBe(false);
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Menu');
    });

    it('works by keyboard on a desktop: skip link, visible focus, forms that Escape closes and give focus back', async () => {
      const desk = await newContext(browser, server.base);
      try {
        await desk.addCookies(await page.context().cookies());
        const p = await desk.newPage();
        p.setDefaultTimeout(10_000);
        await p.goto(`/contacts/${ids.Ada}`);
        await p.getByRole('heading', { level: 1, name: 'Ada Lovelace' }).waitFor();
        await p.keyboard.press('Tab');
        const skip = p.getByRole('link', { name: 'Skip to content' });
        expect(await skip.evaluate((e) => e === document.activeElement)).toBe(true);
        await p.keyboard.press('Enter');
        expect(await p.evaluate(() => document.activeElement?.id)).toBe('main');
        // The next Tab lands on the page's own first control, not back in the navigation.
        await p.keyboard.press('Tab');
        expect(await p.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);

        const log = p.getByRole('button', { name: 'Log interaction' });
        await log.focus();
        await p.keyboard.press('Enter');
        const form = p.getByRole('form', { name: /Log an interaction/i });
        await form.waitFor();
        expect(await form.evaluate((f) => f.contains(document.activeElement))).toBe(true);
        // Focus is drawn: an outline or a ring on whatever has it.
        const drawn = await p.evaluate(() => {
          const s = getComputedStyle(document.activeElement as Element);
          return (
            (s.outlineStyle !== 'none' && Number.parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'
          );
        });
        expect(drawn).toBe(true);
        await expectAccessible(p, 'interaction form (desktop)');
        await p.keyboard.press('Escape');
        await expect.poll(() => form.count()).toBe(0);
        expect(await log.evaluate((e) => e === document.activeElement)).toBe(true);

        // The promise form too: the keyboard starts in it, Escape closes it and goes back to its button.
        const addPromise = p.getByRole('button', { name: 'Add a promise' });
        await addPromise.focus();
        await p.keyboard.press('Enter');
        const promiseForm = p.getByRole('form', { name: /Add a promise with/i });
        await promiseForm.waitFor();
        await expect.poll(() => promiseForm.evaluate((f) => f.contains(document.activeElement))).toBe(true);
        await p.keyboard.press('Escape');
        await expect.poll(() => promiseForm.count()).toBe(0);
        expect(await addPromise.evaluate((e) => e === document.activeElement)).toBe(true);

        // Edit turns the page into a form: the keyboard follows to its heading instead of falling to the page.
        await p.getByRole('button', { name: 'Edit', exact: true }).focus();
        await p.keyboard.press('Enter');
        const editing = p.getByRole('heading', { level: 1, name: 'Edit Ada Lovelace' });
        await editing.waitFor();
        await expect.poll(() => editing.evaluate((e) => e === document.activeElement)).toBe(true);
        await p.keyboard.press('Tab');
        await p.keyboard.press('Escape');
        const viewing = p.getByRole('heading', { level: 1, name: 'Ada Lovelace' });
        await viewing.waitFor();
        await expect.poll(() => viewing.evaluate((e) => e === document.activeElement)).toBe(true);

        // A new purpose: the keyboard starts on its name, Escape closes the form and goes back to the button.
        await p.goto('/purposes');
        const newPurpose = p.getByRole('button', { name: 'New purpose' });
        await newPurpose.focus();
        await p.keyboard.press('Enter');
        const name = p.getByRole('form', { name: 'Create purpose' }).getByLabel('Name');
        await expect.poll(() => name.evaluate((e) => e === document.activeElement)).toBe(true);
        await p.keyboard.press('Escape');
        await expect.poll(() => p.getByRole('form', { name: 'Create purpose' }).count()).toBe(0);
        await expect.poll(() => newPurpose.evaluate((e) => e === document.activeElement)).toBe(true);
      } finally {
        await desk.close();
      }
    });

    it('puts the keyboard back on the field to fix when signing up or signing in goes wrong', async () => {
      const out = await newContext(browser, server.base, PHONE);
      try {
        const p = await out.newPage();
        p.setDefaultTimeout(10_000);
        const focused = () =>
          p.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? '');

        await p.goto('/sign-up');
        await p.getByRole('heading', { level: 1 }).waitFor();
        await p.getByRole('button', { name: 'Create account' }).focus();
        await p.keyboard.press('Enter');
        await p.getByRole('alert').first().waitFor();
        expect(await focused()).toBe('name');
        const name = p.getByRole('textbox', { name: 'Your name' });
        expect(await name.getAttribute('aria-invalid')).toBe('true');
        expect(await name.getAttribute('aria-describedby')).not.toBeNull();
        await expectAccessible(p, 'sign-up with problems (phone)');

        await p.goto('/sign-in');
        await p.getByRole('heading', { level: 1, name: 'Sign in to Rapport' }).waitFor();
        await p.getByRole('textbox', { name: 'Email' }).fill(ME.email);
        await p.getByLabel('Password').fill('not-my-password');
        // From the button, as a keyboard user does (the button is disabled while the server checks).
        await p.getByRole('button', { name: 'Sign in', exact: true }).focus();
        await p.keyboard.press('Enter');
        await p.getByRole('alert').filter({ hasText: 'do not match' }).waitFor();
        await expect.poll(focused).toBe('password');
        await expectAccessible(p, 'sign-in refused (phone)');
        expect(await hasNoHorizontalOverflow(p)).toBe(true);
      } finally {
        await out.close();
      }
    });
  },
);
