import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newContext } from './support/browser';
import type { watchConsole } from './support/page-checks';
import type { RunningServer } from './support/server';
import { signedUpSession } from './support/session';

const chromiumPath = inject('chromiumPath');
const SKIP_REASON = 'skipped: Chromium not found (apt-get install -y chromium, or set CHROMIUM_PATH)';
const LIN = { name: 'Lin Zhou', email: 'lin@example.test', password: 'a-long-password-123' };
const RAVI = { name: 'Ravi Patel', email: 'ravi@example.test', password: 'another-password-456' };

/**
 * Lin uses a screen reader and the keyboard only. Where the keyboard is after each step matters as much as what
 * the page shows: focus that falls to <body> sends her back to the top of the page, and a notice that leaves
 * before she has tabbed to its Undo (WCAG 2.2.1) takes the undo away.
 */
describe.skipIf(!chromiumPath)(
  chromiumPath ? 'web app: keyboard only' : `web app: keyboard only: ${SKIP_REASON}`,
  () => {
    let server: RunningServer;
    let browser: Browser;
    let page: Page;
    let ravi: BrowserContext;
    let consoleLog: ReturnType<typeof watchConsole>;
    let csrf = '';
    let alanId = '';
    let today = '';

    async function call<T>(p: Page, token: string, method: 'post' | 'put', path: string, body: unknown) {
      const res = await p.request[method](`/api/v1${path}`, {
        data: body,
        headers: { 'X-CSRF-Token': token },
      });
      expect(res.status(), await res.text()).toBeLessThan(300);
      return (await res.json()) as T;
    }
    /** What has the keyboard: its tag and accessible text, or "body" when focus was lost. */
    const focused = () =>
      page.evaluate(() => {
        const e = document.activeElement;
        if (!e || e === document.body) return 'body';
        return `${e.tagName.toLowerCase()}: ${e.getAttribute('aria-label') ?? e.textContent?.trim() ?? ''}`;
      });
    const inNotices = () => page.evaluate(() => document.activeElement?.closest('.toasts') != null);

    beforeAll(async () => {
      ({ server, browser, page, consoleLog, csrf } = await signedUpSession(
        inject('webRoot'),
        chromiumPath as string,
        LIN,
      ));
      alanId = (
        await call<{ id: string }>(page, csrf, 'post', '/contacts', {
          givenName: 'Alan',
          familyName: 'Turing',
        })
      ).id;
      today = ((await (await page.request.get('/api/v1/today')).json()) as { date: string }).date;
      await call(page, csrf, 'post', '/promises', {
        contactId: alanId,
        direction: 'mine',
        what: 'Send the paper',
        dueOn: today,
      });

      // Ravi, a connection of Lin's, lets his connections find Hedy.
      ravi = await newContext(browser, server.base);
      const r = await ravi.newPage();
      const signup = await r.request.post('/api/v1/auth/signup', { data: RAVI });
      const raviCsrf = ((await signup.json()) as { csrfToken: string }).csrfToken;
      const hedy = await call<{ id: string }>(r, raviCsrf, 'post', '/contacts', {
        givenName: 'Hedy',
        familyName: 'Lamarr',
        organisation: 'Acme Radio',
      });
      await call(r, raviCsrf, 'put', '/network/sharing/contacts', {
        contactIds: [hedy.id],
        share: 'findable',
      });
      const link = await call<{ invite: { token: string } }>(r, raviCsrf, 'post', '/network/invites', {});
      await call(page, csrf, 'post', '/network/invites/accept', { token: link.invite.token });
    });

    afterAll(async () => {
      await ravi?.close();
      await browser?.close();
      await server?.stop();
    });

    it('keeps an Undo notice until the keyboard reaches it, and gives focus back to the page after', async () => {
      await page.goto('/');
      await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
      await page.getByRole('button', { name: /^Mark kept: Send the paper/ }).focus();
      await page.keyboard.press('Enter');
      const notices = page.getByRole('region', { name: 'Notifications' });
      await notices.getByText('Marked kept. Well done.').waitFor();
      // A screen reader user hears the notice, then tabs through the rest of the page to reach it: that takes
      // longer than the ten seconds a notice used to last.
      await page.waitForTimeout(10_500);
      let presses = 0;
      while (!(await inNotices()) && presses++ < 40) await page.keyboard.press('Tab');
      expect(await focused()).toBe('button: Undo');

      await page.keyboard.press('Enter');
      await notices.getByText('Open again: Send the paper — for Alan Turing.').waitFor();
      await page.getByRole('button', { name: /^Mark kept: Send the paper/ }).waitFor();
      // The used notice is gone; the keyboard is back in the page, not at the top of the document.
      await expect.poll(focused).not.toBe('body');
      expect(await page.evaluate(() => document.activeElement?.closest('main') != null)).toBe(true);

      // Escape on a notice puts it away, and the keyboard goes back too.
      presses = 0;
      while (!(await inNotices()) && presses++ < 40) await page.keyboard.press('Tab');
      expect(await focused()).toBe('button: Dismiss notification');
      await page.keyboard.press('Escape');
      await expect.poll(() => notices.getByText('Open again:', { exact: false }).count()).toBe(0);
      await expect.poll(focused).not.toBe('body');
      expect(await page.evaluate(() => document.activeElement?.closest('main') != null)).toBe(true);
      expect(consoleLog.take()).toEqual([]);
    });

    it('keeps one Undo at a time: the newest', async () => {
      for (const what of ['Return the book', 'Post the letter']) {
        await call(page, csrf, 'post', '/promises', {
          contactId: alanId,
          direction: 'mine',
          what,
          dueOn: today,
        });
      }
      await page.goto('/');
      await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
      for (const what of ['Return the book', 'Post the letter']) {
        await page.getByRole('button', { name: new RegExp(`^Mark kept: ${what}`) }).focus();
        await page.keyboard.press('Enter');
        await page
          .getByRole('button', { name: new RegExp(`^Mark kept: ${what}`) })
          .waitFor({ state: 'detached' });
      }
      const notices = page.getByRole('region', { name: 'Notifications' });
      await expect.poll(() => notices.getByRole('button', { name: 'Undo' }).count()).toBe(1);
      await notices.getByRole('button', { name: 'Undo' }).click();
      await notices.getByText('Open again: Post the letter — for Alan Turing.').waitFor();
    });

    it('marks a promise kept, then reopens it, with the keyboard following the promise between the lists', async () => {
      await call(page, csrf, 'post', '/promises', {
        contactId: alanId,
        direction: 'mine',
        what: 'Lend the slide rule',
        dueOn: today,
      });
      await page.goto('/promises');
      await page.getByRole('heading', { level: 1, name: 'Promises' }).waitFor();
      await page.getByRole('button', { name: 'Kept: Lend the slide rule' }).focus();
      await page.keyboard.press('Enter');
      // The promise moved to "Kept, broken and released": the keyboard is on it there, and hears what it is now.
      await expect.poll(focused).toBe('button: Reopen: Lend the slide rule');
      const description = () =>
        page.evaluate(() => {
          const ids = document.activeElement?.getAttribute('aria-describedby') ?? '';
          return ids
            .split(' ')
            .map((id) => document.getElementById(id)?.textContent ?? '')
            .join(' ');
        });
      expect(await description()).toMatch(/^I promised Alan Turing · Kept on /);
      await page.keyboard.press('Enter');
      await expect.poll(focused).toBe('button: Kept: Lend the slide rule');
      expect(await description()).toMatch(/due /);
      expect(consoleLog.take()).toEqual([]);
    });

    it('asks for an introduction by keyboard: Escape and a refusal leave the keyboard where it was', async () => {
      await page.goto('/network/search');
      await page.getByRole('heading', { level: 1, name: 'Search your network' }).waitFor();
      await page.getByRole('searchbox', { name: 'Who are you looking for?' }).fill('Acme');
      await page.keyboard.press('Enter');
      const ask = page.getByRole('button', {
        name: 'Ask for an introduction to Hedy Lamarr through Ravi Patel',
      });
      await ask.focus();
      await page.keyboard.press('Enter');
      const form = page.getByRole('form', { name: 'Ask Ravi Patel for an introduction to Hedy Lamarr' });
      await expect.poll(() => form.evaluate((f) => f.contains(document.activeElement))).toBe(true);
      // Changed her mind: Escape closes the form and the keyboard is back on the button that opened it.
      await page.keyboard.press('Escape');
      await expect.poll(() => form.count()).toBe(0);
      await expect.poll(focused).toBe('button: Ask for an introduction to Hedy Lamarr through Ravi Patel');

      // The server refuses (it cannot send e-mail, so only people with an account can be introduced): the refusal
      // is announced and the keyboard stays in the form, on the button she pressed.
      await page.keyboard.press('Enter');
      await form.getByRole('textbox', { name: 'Why do you want to meet Hedy Lamarr?' }).waitFor();
      await page.keyboard.type('Hedy knows frequency hopping and I need advice on radio.');
      // The answer takes a moment, as over a real network: long enough for the page to draw the disabled button.
      await page.route('**/api/v1/introductions', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        await route.continue();
      });
      await form.getByRole('button', { name: 'Send the request' }).focus();
      await page.keyboard.press('Enter');
      await form.getByRole('alert').filter({ hasText: 'cannot be asked for an introduction' }).waitFor();
      await expect.poll(focused).toBe('button: Send the request');
      // Cancel works like Escape.
      await form.getByRole('button', { name: 'Cancel' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => form.count()).toBe(0);
      await expect.poll(focused).toBe('button: Ask for an introduction to Hedy Lamarr through Ravi Patel');
      expect(consoleLog.take([/status of 409/])).toEqual([]);
    });

    it('on a 320px phone, never hides the keyboard’s place under a notice that stays', async () => {
      await call(page, csrf, 'post', '/promises', {
        contactId: alanId,
        direction: 'mine',
        what: 'Ring the museum',
        dueOn: today,
      });
      const phone = await newContext(browser, server.base, { width: 320, height: 640 });
      try {
        await phone.addCookies(await page.context().cookies());
        const p = await phone.newPage();
        p.setDefaultTimeout(10_000);
        await p.goto('/');
        await p.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
        await p.getByRole('button', { name: /^Mark kept: Ring the museum/ }).focus();
        await p.keyboard.press('Enter');
        await p.getByRole('region', { name: 'Notifications' }).getByText('Marked kept. Well done.').waitFor();
        // Tab through the rest of the page to the notice: no stop on the way may lie under it.
        const covered: string[] = [];
        for (let i = 0; i < 60; i++) {
          await p.keyboard.press('Tab');
          const stop = await p.evaluate(() => {
            const e = document.activeElement as HTMLElement | null;
            if (!e || e.closest('.toasts')) return null;
            const b = e.getBoundingClientRect();
            const t = document.querySelector('.toast')?.getBoundingClientRect();
            const overlaps =
              t !== undefined && b.bottom > t.top && b.top < t.bottom && b.right > t.left && b.left < t.right;
            return { name: e.getAttribute('aria-label') ?? e.textContent?.trim() ?? e.tagName, overlaps };
          });
          if (stop === null) break;
          if (stop.overlaps) covered.push(stop.name);
        }
        expect(await p.evaluate(() => document.activeElement?.closest('.toasts') != null)).toBe(true);
        expect(covered).toEqual([]);
      } finally {
        await phone.close();
      }
    });
  },
);
