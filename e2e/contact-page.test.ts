import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, type watchConsole } from './support/page-checks';
import type { RunningServer } from './support/server';
import { signedUpSession } from './support/session';

const chromiumPath = inject('chromiumPath');
const SKIP_REASON = 'skipped: Chromium not found (apt-get install -y chromium, or set CHROMIUM_PATH)';
const ME = { name: 'Grace Hopper', email: 'grace@example.test', password: 'cobol-forever-1959' };
// The refused save (the contact changed elsewhere): Chrome logs the 412 by itself.
const PRECONDITION_FAILED = /status of 412/;

interface ContactBody {
  id: string;
  title: string | null;
  location: string | null;
  notes: string | null;
}

describe.skipIf(!chromiumPath)(
  chromiumPath ? 'web app: the contact page' : `web app: the contact page: ${SKIP_REASON}`,
  () => {
    let server: RunningServer;
    let browser: Browser;
    let page: Page;
    let consoleLog: ReturnType<typeof watchConsole>;
    let csrf = '';
    let today = '';
    const ids: Record<string, string> = {};

    const heading = (name: string) => page.getByRole('heading', { level: 1, name, exact: true });
    const notice = () => page.getByRole('region', { name: 'Notifications' });
    const noConsoleErrors = (expected: RegExp[] = []) => expect(consoleLog.take(expected)).toEqual([]);
    const form = () => page.locator('form.contact-form');
    const field = (name: string) => form().getByRole('textbox', { name, exact: true });
    const changedElsewhere = () => page.getByTestId('contact-changed-elsewhere');
    /** What the app does when the person comes back to the tab: TanStack Query listens to `visibilitychange`. */
    const backToTheTab = () => page.evaluate(() => window.dispatchEvent(new Event('visibilitychange')));

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
      ));
      for (const [givenName, familyName, title] of [
        ['Ada', 'Lovelace', 'Countess'],
        ['Alan', 'Turing', null],
        ['Katherine', 'Johnson', null],
      ] as const) {
        ids[givenName] = (await api<ContactBody>('post', '/contacts', { givenName, familyName, title })).id;
      }
      today = (await api<{ date: string }>('get', '/today')).date;
    });

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('keeps what is typed when the contact changes elsewhere, says so, refuses the save, and Reload takes the new copy', async () => {
      await page.goto(`/contacts/${ids.Ada}`);
      await heading('Ada Lovelace').waitFor();
      await page.getByRole('button', { name: 'Edit' }).click();
      await heading('Edit Ada Lovelace').waitFor();
      await field('Title').fill('Mathematician and writer');

      // Meanwhile the CLI (or another tab, or a phone through CardDAV) changes her location.
      await api('patch', `/contacts/${ids.Ada}`, { location: 'London' });
      await backToTheTab();
      await changedElsewhere().waitFor();
      expect(await changedElsewhere().textContent()).toMatch(/changed elsewhere while you were editing/);
      expect(await field('Title').inputValue()).toBe('Mathematician and writer');
      expect(await field('Location').inputValue()).toBe('');
      await expectAccessible(page, 'contact form with the changed-elsewhere notice');

      // A save sends the version the form was opened with: refused, nothing overwritten.
      await form().getByRole('button', { name: 'Save changes' }).click();
      await form()
        .getByRole('alert')
        .getByText(/This contact was changed elsewhere since you opened it/)
        .waitFor();
      expect(await field('Title').inputValue()).toBe('Mathematician and writer');
      const server1 = await api<ContactBody>('get', `/contacts/${ids.Ada}`);
      expect([server1.title, server1.location]).toEqual(['Countess', 'London']);
      noConsoleErrors([PRECONDITION_FAILED]);

      await changedElsewhere().getByRole('button', { name: 'Reload' }).click();
      await changedElsewhere().waitFor({ state: 'detached' });
      expect(await field('Title').inputValue()).toBe('Countess');
      expect(await field('Location').inputValue()).toBe('London');
      expect(await form().getByRole('alert').count()).toBe(0);

      // Nothing typed: a change elsewhere simply shows, without a notice.
      await api('patch', `/contacts/${ids.Ada}`, { notes: 'Wrote the first program' });
      await backToTheTab();
      await expect
        .poll(() => form().getByRole('textbox', { name: 'Notes' }).inputValue())
        .toBe('Wrote the first program');
      expect(await changedElsewhere().count()).toBe(0);

      // And an edit made on the newest copy saves, keeping what came from elsewhere.
      await field('Title').fill('Mathematician');
      await form().getByRole('button', { name: 'Save changes' }).click();
      await notice().getByText('Saved Ada Lovelace.').waitFor();
      await heading('Ada Lovelace').waitFor();
      const saved = await api<ContactBody>('get', `/contacts/${ids.Ada}`);
      expect([saved.title, saved.location, saved.notes]).toEqual([
        'Mathematician',
        'London',
        'Wrote the first program',
      ]);
      noConsoleErrors();
    });

    it('shows a day-only interaction’s last contact as the day, without a made-up time', async () => {
      const yesterday = new Date(`${today}T12:00:00Z`);
      yesterday.setUTCDate(yesterday.getUTCDate() - 1);
      const day = yesterday.toISOString().slice(0, 10);
      await api('post', '/interactions', {
        kind: 'meeting',
        contactIds: [ids.Alan],
        direction: 'mutual',
        occurredAt: day,
        summary: 'Bletchley reunion',
      });
      await page.goto(`/contacts/${ids.Alan}`);
      await heading('Alan Turing').waitFor();
      await page.getByText('Bletchley reunion').waitFor();
      const last = page.locator('.dl__row').filter({ hasText: 'Last contact' }).locator('dd');
      await expect.poll(() => last.textContent()).toMatch(/yesterday/);
      expect(await last.textContent()).not.toMatch(/\d{1,2}:\d{2}/);
      noConsoleErrors();
    });

    it('says a new connection has no interactions yet instead of “0 / 100 Dormant”, and shows they are in the outreach queue', async () => {
      await page.goto(`/contacts/${ids.Katherine}`);
      await heading('Katherine Johnson').waitFor();
      const panel = page.locator('.relationship');
      await panel.getByTestId('relationship-not-started').waitFor();
      expect(await panel.getByTestId('relationship-not-started').textContent()).toBe('No interactions yet');
      expect(await panel.getByTestId('relationship-score').count()).toBe(0);
      expect(await panel.getByText('Dormant').count()).toBe(0);
      expect(await panel.textContent()).toMatch(
        /Nothing logged yet: meet, call or write, then log it here\./,
      );
      expect(await panel.textContent()).toMatch(/No reminders yet: log a first interaction/);
      expect(await page.getByTestId('contact-outreach').count()).toBe(0);

      const item = (await api<{ added: number }>('post', '/outreach/items', { contactIds: [ids.Katherine] }))
        .added;
      expect(item).toBe(1);
      await page.reload();
      await heading('Katherine Johnson').waitFor();
      const line = page.getByTestId('contact-outreach');
      await line.waitFor();
      expect(await line.textContent()).toMatch(/^In your outreach queue: waiting for a first message\./);
      await expectAccessible(page, 'contact page of a new connection in the outreach queue');
      await line.getByRole('link', { name: 'Open the outreach item' }).click();
      await page.waitForURL(/\/outreach\/items\/[^/]+$/);
      noConsoleErrors();
    });
  },
);
