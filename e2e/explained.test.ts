import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, type watchConsole } from './support/page-checks';
import type { RunningServer } from './support/server';
import { type SessionApi, sessionApi, signedUpSession } from './support/session';

const chromiumPath = inject('chromiumPath');
const SKIP_REASON = 'skipped: Chromium not found (apt-get install -y chromium, or set CHROMIUM_PATH)';
const ME = { name: 'Mary Somerville', email: 'mary@example.test', password: 'on-the-connexion-1834' };
const DAY = 86_400_000;

/** What each page says, and how a screen reader reads it: where an interval comes from, headings, names. */
describe.skipIf(!chromiumPath)(
  chromiumPath ? 'web app: explained in words' : `web app: explained in words: ${SKIP_REASON}`,
  () => {
    let server: RunningServer;
    let browser: Browser;
    let page: Page;
    let consoleLog: ReturnType<typeof watchConsole>;
    let csrf = '';
    const ids: Record<string, string> = {};

    let api: SessionApi;

    beforeAll(async () => {
      ({ server, browser, page, consoleLog, csrf } = await signedUpSession(
        inject('webRoot'),
        chromiumPath as string,
        ME,
      ));
      api = sessionApi(page, csrf);
      // Ada is an LP (every 60 days) and a founder (every 30): met 45 days ago, she is due on founder's interval.
      const ada = await api<{ id: string }>('post', '/contacts', {
        givenName: 'Ada',
        familyName: 'Lovelace',
        connectedOn: '2023-01-10',
        tags: ['LP', 'founder'],
      });
      ids.Ada = ada.id;
      const tags = (await api<{ items: { id: string; name: string }[] }>('get', '/tags')).items;
      const tag = (name: string) => tags.find((t) => t.name === name)?.id as string;
      await api('put', `/tags/${tag('LP')}/cadence`, { cadenceDays: 60 });
      await api('put', `/tags/${tag('founder')}/cadence`, { cadenceDays: 30 });
      await api('post', '/interactions', {
        kind: 'meeting',
        contactIds: [ids.Ada],
        direction: 'mutual',
        occurredAt: new Date(Date.now() - 45 * DAY).toISOString(),
      });
      // Cole connected two days ago and has no email address: he waits in the outreach queue.
      const cole = await api<{ id: string }>('post', '/contacts', {
        givenName: 'Cole',
        familyName: 'Tran',
        connectedOn: new Date(Date.now() - 2 * DAY).toISOString().slice(0, 10),
      });
      ids.Cole = cole.id;
      // Two cards of one person: a pair on the duplicates page.
      for (const displayName of ['Grace Hopper', 'Grace Brewster Hopper'])
        await api('post', '/contacts', { displayName, emails: [{ value: 'grace@navy.example' }] });
    });

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('names the tag a keep-in-touch interval comes from, on the contact page and on Today', async () => {
      await page.goto(`/contacts/${ids.Ada}`);
      await page.getByTestId('relationship-score').waitFor();
      const row = page.locator('.dl__row').filter({ has: page.getByText('Keep in touch', { exact: true }) });
      expect(await row.locator('dd').textContent()).toBe('Every 30 days (from tag “founder”)');

      await page.goto('/');
      const item = page.locator('.today-item').filter({ hasText: 'Get in touch with Ada Lovelace' });
      await item.waitFor();
      expect(await item.locator('.today-item__reason').textContent()).toMatch(
        /you keep in touch every 30 days \(from tag “founder”\)/,
      );
    });

    it('puts Today’s items under the list’s heading, and reads a person’s page link without a stray space', async () => {
      await page.goto('/');
      await page.locator('.today-item').first().waitFor();
      const levels = await page
        .locator('main')
        .evaluate((main) =>
          [...main.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1])),
        );
      // One h1, then no level skipped on the way down, and every item an h3 under "Today's list" (an h2).
      expect(levels[0]).toBe(1);
      for (let i = 1; i < levels.length; i++)
        expect(levels[i] as number).toBeLessThanOrEqual((levels[i - 1] as number) + 1);
      const list = page.getByRole('region', { name: /Today’s list/ });
      expect(await list.locator('.today-item').getByRole('heading', { level: 2 }).count()).toBe(0);
      await list.getByRole('heading', { level: 3, name: 'Get in touch with Ada Lovelace' }).waitFor();
      await list.getByRole('link', { name: 'Ada Lovelace’s page', exact: true }).waitFor();
      await expectAccessible(page, 'Today');
    });

    it('says "Not the same person: …" without a space before the colon', async () => {
      await page.goto('/duplicates');
      const pair = page.getByRole('listitem', {
        name: /Grace Hopper and Grace Brewster Hopper|Grace Brewster Hopper and Grace Hopper/,
      });
      await pair.waitFor();
      expect(
        await pair
          .getByRole('button', { name: /^Not the same person: Grace (Brewster )?Hopper and Grace/ })
          .count(),
      ).toBe(1);
    });

    it('does not offer email sent by Rapport for someone without an address, and says why', async () => {
      const queue = await api<{ items: { id: string; contact: { id: string } }[] }>('get', '/outreach/queue');
      const item = queue.items.find((i) => i.contact.id === ids.Cole);
      expect(item).toBeDefined();
      await page.goto(`/outreach/items/${item?.id}`);
      const email = page.getByRole('radio', { name: /^Email \(sent by Rapport\)/ });
      await email.waitFor();
      expect(await email.isDisabled()).toBe(true);
      expect(await email.isChecked()).toBe(false);
      await page.getByText('Cole has no email address: add one on their page to send from here.').waitFor();
      await expectAccessible(page, 'outreach composer without an email address');
    });

    it('lists each time zone once in Settings', async () => {
      await page.goto('/settings');
      await page.locator('#settings-time-zone').waitFor();
      const zones = await page
        .locator('#settings-time-zone option')
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      expect(zones.filter((z) => z === 'UTC')).toEqual(['UTC']);
      expect(new Set(zones).size).toBe(zones.length);
      expect(consoleLog.take()).toEqual([]);
    });
  },
);
