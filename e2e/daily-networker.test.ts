import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { RunningServer } from './support/server';
import { signedUpSession } from './support/session';

const chromiumPath = inject('chromiumPath');
const SKIP_REASON = 'skipped: Chromium not found (apt-get install -y chromium, or set CHROMIUM_PATH)';
const ME = { name: 'Casey Consult', email: 'casey@example.test', password: 'coffee-every-morning-1' };

describe.skipIf(!chromiumPath)(
  chromiumPath ? 'web app: dates count in the account’s time zone' : `web app: account days: ${SKIP_REASON}`,
  () => {
    let server: RunningServer;
    let browser: Browser;
    let page: Page;
    let csrf = '';

    const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });

    beforeAll(async () => {
      ({ server, browser, page, csrf } = await signedUpSession(
        inject('webRoot'),
        chromiumPath as string,
        ME,
      ));
      const res = await page.request.patch('/api/v1/settings', {
        data: { timeZone: 'Pacific/Kiritimati' },
        headers: { 'X-CSRF-Token': csrf },
      });
      expect(res.status(), await res.text()).toBe(200);
      // The browser (Europe/London) is at noon on Friday the 27th; the account (UTC+14) is already at 02:00 on
      // Saturday the 28th: its "today" is the 28th.
      await page.clock.setFixedTime(new Date('2026-11-27T12:00:00Z'));
    });

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('dates a new promise a week from the account’s today, and calls the browser’s today the past', async () => {
      await page.goto('/promises');
      await heading('Promises').waitFor();
      const form = page.getByRole('form', { name: 'Add a promise' });
      const due = form.getByLabel('Due on');
      await expect.poll(() => due.inputValue()).toBe('2026-12-05');
      await due.fill('2026-11-27');
      await form.getByText('This is in the past: the promise shows as overdue').waitFor();
      await due.fill('2026-11-28');
      await form.getByText('This is in the past', { exact: false }).waitFor({ state: 'detached' });
    });

    it('dates a favour on the account’s today', async () => {
      await page.goto('/favours');
      await heading('Favours').waitFor();
      const form = page.getByRole('form', { name: 'Record a favour' });
      await expect.poll(() => form.getByLabel('On', { exact: true }).inputValue()).toBe('2026-11-28');
    });

    it('starts a check-in from Today as the last contact went (a call), or as a message, not as a meeting', async () => {
      const api = async (method: 'post' | 'patch', path: string, data: unknown) => {
        const res = await page.request[method](`/api/v1${path}`, { data, headers: { 'X-CSRF-Token': csrf } });
        expect(res.status(), await res.text()).toBeLessThan(300);
        return (await res.json()) as { id: string };
      };
      const caller = await api('post', '/contacts', { givenName: 'Phoebe', familyName: 'Rings' });
      await api('post', '/interactions', {
        kind: 'call',
        contactIds: [caller.id],
        answered: true,
        occurredAt: new Date(Date.now() - 60 * 86_400_000).toISOString(),
      });
      await api('patch', `/contacts/${caller.id}/relationship`, { cadenceDays: 30 });
      const quiet = await api('post', '/contacts', {
        givenName: 'Quentin',
        familyName: 'Quiet',
        connectedOn: '2025-01-10',
      });
      await api('patch', `/contacts/${quiet.id}/relationship`, { cadenceDays: 30 });

      await page.goto('/');
      await heading('Today').waitFor();
      // A call is both of us; a message is one I send (it is no exchange until they answer).
      for (const [name, kind, who] of [
        ['Phoebe Rings', 'call', 'Both of us / it just happened'],
        ['Quentin Quiet', 'message', 'I reached out'],
      ] as const) {
        await page.getByRole('button', { name: `Log a check-in: Get in touch with ${name}` }).click();
        const form = page.getByRole('form', { name: `Log an interaction with ${name}` });
        await expect.poll(() => form.getByLabel('What').inputValue()).toBe(kind);
        expect(await form.getByLabel(who).isChecked()).toBe(true);
        await page.keyboard.press('Escape');
        await form.waitFor({ state: 'detached' });
      }
    });

    it('says a purpose deadline on the browser’s today is already past', async () => {
      await page.goto('/purposes');
      await heading('Purposes').waitFor();
      await page.getByRole('button', { name: 'New purpose' }).click();
      const form = page.getByRole('form', { name: 'Create purpose' });
      await form.getByLabel('Deadline').fill('2026-11-27');
      await form.getByText('This is in the past: the purpose is already past its deadline').waitFor();
    });
  },
);
