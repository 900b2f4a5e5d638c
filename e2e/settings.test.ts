import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newContext } from './support/browser';
import { expectAccessible, watchConsole } from './support/page-checks';
import { type RunningServer, startServer } from './support/server';
import { signedUpSession } from './support/session';

const chromiumPath = inject('chromiumPath');
const SKIP_REASON = 'skipped: Chromium not found (apt-get install -y chromium, or set CHROMIUM_PATH)';
const ME = { name: 'Grace Hopper', email: 'grace@example.test', password: 'cobol-forever-1959' };
const ALAN = { name: 'Alan Turing', email: 'alan@example.test', password: 'enigma-broken-1941' };

describe.skipIf(!chromiumPath)(
  chromiumPath
    ? 'web app: settings on an invite-only server without mail'
    : `web app: settings: ${SKIP_REASON}`,
  () => {
    let server: RunningServer;
    let browser: Browser;
    let page: Page;
    let consoleLog: ReturnType<typeof watchConsole>;

    const heading = (p: Page, name: string | RegExp) => p.getByRole('heading', { level: 1, name });
    const noConsoleErrors = (log = consoleLog) => expect(log.take()).toEqual([]);

    beforeAll(async () => {
      // No mailer: like `npm start` without SMTP_URL.
      ({ server, browser, page, consoleLog } = await signedUpSession(
        inject('webRoot'),
        chromiumPath as string,
        ME,
        { env: { RAPPORT_SIGNUP: 'invite' } },
      ));
    });
    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('says the digest cannot arrive on a server without mail, and keeps the switch usable', async () => {
      await page.goto('/settings');
      await heading(page, 'Settings').waitFor();
      const today = page.getByRole('region', { name: 'Today and the daily digest' });
      const notice = today.getByText('This server cannot send e-mail', { exact: false });
      await notice.waitFor();
      expect(await today.locator('.alert--warning').textContent()).toContain('SMTP_URL');
      const digest = today.getByLabel('Email me Today’s list every day');
      await digest.check();
      // The switch points at the warning for screen readers.
      expect(await digest.getAttribute('aria-describedby')).toBe('settings-digest-delivery');
      await today.getByRole('button', { name: 'Save' }).click();
      await today.getByText('Saved. Today follows the new settings.').waitFor();
      expect(await today.locator('.alert--warning').textContent()).toContain('even though it is on');
      noConsoleErrors();
    });

    it('keeps the country phone numbers without a country code are read in', async () => {
      const phones = page.getByRole('region', { name: 'Phone numbers' });
      const country = phones.getByLabel('Numbers written without a country code are in');
      expect(await country.inputValue()).toBe('');
      await country.selectOption('GB');
      await phones.getByRole('button', { name: 'Save' }).click();
      await phones.getByText('Saved. Your contacts’ numbers were read again.').waitFor();
      await expectAccessible(page, 'settings with a phone country');
      await page.reload();
      await heading(page, 'Settings').waitFor();
      expect(await page.getByLabel('Numbers written without a country code are in').inputValue()).toBe('GB');
      // Shown by name, in the browser's language.
      expect(
        await page
          .getByLabel('Numbers written without a country code are in')
          .locator('option:checked')
          .textContent(),
      ).toBe('United Kingdom');
      noConsoleErrors();
    });

    it('offers a one-click webcal:// subscription beside the feed address, and lists the feed by its name', async () => {
      const feed = page.getByRole('region', { name: 'Calendar feed' });
      await feed.getByLabel('Feed name (optional)').fill('Phone calendar');
      await feed.getByRole('button', { name: 'Create a feed address' }).click();
      const url = await feed.getByLabel('Calendar feed address').inputValue();
      // The server's public address (BASE_URL, else the default one): this test server has none.
      expect(url).toMatch(/^http:\/\/localhost:3000\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);
      const subscribe = feed.getByRole('link', { name: 'Subscribe' });
      expect(await subscribe.getAttribute('href')).toBe(url.replace(/^http:/, 'webcal:'));
      await feed.getByRole('button', { name: 'Copy' }).waitFor();
      await expectAccessible(page, 'settings with a new feed');
      await feed.getByRole('button', { name: 'I have copied it' }).click();
      const listed = feed.getByRole('list', { name: 'Your calendar feeds' });
      await listed.getByText('Phone calendar', { exact: true }).waitFor();
      await listed.getByRole('button', { name: /^Revoke the feed “Phone calendar”, created / }).waitFor();
      expect(await feed.getByLabel('Feed name (optional)').inputValue()).toBe('');
      noConsoleErrors();
    });

    it('invites someone: the link it shows opens sign-up with the code filled in', async () => {
      const invites = page.getByRole('region', { name: 'Invite someone to this server' });
      await invites.getByRole('button', { name: 'Create an invite' }).click();
      const link = await invites.getByLabel('Sign-up link').inputValue();
      const code = await invites.getByLabel('Invite code').inputValue();
      expect(code).toMatch(/^[A-Za-z0-9_-]{24}$/);
      expect(link).toBe(`${server.base}/sign-up?invite=${code}`);
      await invites.getByRole('button', { name: 'Copy link' }).waitFor();
      await invites.getByRole('button', { name: 'Copy code' }).waitFor();
      await expectAccessible(page, 'settings with a new invite');
      await invites.getByRole('button', { name: 'I have sent it' }).click();
      noConsoleErrors();

      // Alan opens the link in his own browser.
      const context = await newContext(browser, server.base);
      try {
        const q = await context.newPage();
        q.setDefaultTimeout(10_000);
        const alanLog = watchConsole(q);
        await q.goto(link);
        await heading(q, 'Create an account').waitFor();
        expect(await q.getByLabel('Invite code').inputValue()).toBe(code);
        await q.getByLabel('Your name').fill(ALAN.name);
        await q.getByLabel('Email').fill(ALAN.email);
        await q.getByLabel('Password').fill(ALAN.password);
        await q.getByRole('button', { name: 'Create account' }).click();
        await heading(q, 'Today').waitFor();
        noConsoleErrors(alanLog);
      } finally {
        await context.close();
      }
    });

    it('lists the signed-in devices; one signed out from here is told why on its next page', async () => {
      // The same person signs in on a second browser, and a third one through the API.
      const laptop = await newContext(browser, server.base);
      const third = await newContext(browser, server.base);
      try {
        const other = await laptop.newPage();
        other.setDefaultTimeout(10_000);
        const otherLog = watchConsole(other);
        await other.goto('/sign-in');
        await other.getByLabel('Email').fill(ME.email);
        await other.getByLabel('Password').fill(ME.password);
        await other.getByRole('button', { name: 'Sign in' }).click();
        await heading(other, 'Today').waitFor();

        await page.goto('/settings');
        await heading(page, 'Settings').waitFor();
        const devices = page.getByRole('region', { name: 'Signed-in devices' });
        await devices.getByText('This device').waitFor();
        expect(await devices.getByRole('row').count()).toBe(3); // the header, this browser, the other
        await expectAccessible(page, 'settings listing signed-in devices');
        await devices.getByRole('button', { name: /^Sign out .*, signed in / }).click();
        await expect.poll(() => devices.getByRole('row').count()).toBe(2);

        // The other browser's next page: sign-in, saying why.
        await other.getByRole('link', { name: 'Contacts', exact: true }).click();
        await heading(other, 'Sign in to Rapport').waitFor();
        await other.getByText('You were signed out on this device from another device.').waitFor();
        await expectAccessible(other, 'sign-in after being signed out from another device');
        expect(otherLog.take().filter((l) => !/status of 401/.test(l))).toEqual([]);

        // Everywhere else at once: the third browser goes, this one stays.
        const signIn = await third.request.post('/api/v1/auth/login', {
          data: { email: ME.email, password: ME.password },
        });
        expect(signIn.status()).toBe(200);
        await page.reload();
        await expect.poll(() => devices.getByRole('row').count()).toBe(3);
        await devices.getByRole('button', { name: 'Sign out all other devices' }).click();
        await devices.getByText('Signed out 1 other device.').waitFor();
        expect(await devices.getByRole('row').count()).toBe(2);
        expect((await third.request.get('/api/v1/contacts')).status()).toBe(401);
        await heading(page, 'Settings').waitFor();
        noConsoleErrors();
      } finally {
        await laptop.close();
        await third.close();
      }
    });

    it('fits a phone with a token, an invite and devices listed: the tables scroll inside their boxes', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      try {
        await page.goto('/settings');
        const tokens = page.getByRole('region', { name: 'API tokens' });
        await tokens.getByLabel('Token name').fill('phone contacts');
        await tokens.getByRole('button', { name: 'Create token' }).click();
        await tokens.getByRole('table', { name: 'Your API tokens' }).waitFor();
        await page.getByRole('region', { name: 'Signed-in devices' }).getByRole('table').waitFor();
        expect(await page.evaluate(() => document.scrollingElement?.scrollWidth)).toBeLessThanOrEqual(390);
        noConsoleErrors();
      } finally {
        await page.setViewportSize({ width: 1280, height: 900 });
      }
    });

    it('makes a read-only token with the box ticked: listed as such, it reads but cannot write', async () => {
      await page.goto('/settings');
      const tokens = page.getByRole('region', { name: 'API tokens' });
      await tokens.getByLabel('Token name').fill('dashboard');
      await tokens.getByLabel('Read-only').check();
      await tokens.getByRole('button', { name: 'Create token' }).click();
      const secret = await tokens.getByLabel('New API token').inputValue();
      const row = tokens.getByRole('row', { name: /^dashboard\b/ });
      expect(await row.getByRole('cell').nth(1).textContent()).toBe('Read-only');
      expect(await tokens.getByLabel('Read-only').isChecked()).toBe(false);
      const bearer = { authorization: `Bearer ${secret}` };
      expect((await page.request.get('/api/v1/contacts', { headers: bearer })).status()).toBe(200);
      const write = await page.request.post('/api/v1/contacts', {
        headers: bearer,
        data: { displayName: 'Written by a dashboard' },
      });
      expect(write.status()).toBe(403);
      await expectAccessible(page, 'settings with a read-only token');
      noConsoleErrors();
    });

    it('deletes the account after the password and a confirmation, and lands on sign-in', async () => {
      await page.goto('/settings');
      await heading(page, 'Settings').waitFor();
      const section = page.getByRole('region', { name: 'Delete your account' });
      expect(await section.getByRole('link', { name: 'Download a full backup' }).getAttribute('href')).toBe(
        '/data',
      );
      await section.getByLabel('Your password').fill('not my password');
      await section.getByRole('button', { name: 'Delete my account' }).click();
      await section.getByRole('button', { name: 'Yes, delete everything' }).click();
      await section.getByText('That is not your password.').waitFor();

      await section.getByLabel('Your password').fill(ME.password);
      await section.getByRole('button', { name: 'Delete my account' }).click();
      await section.getByText('Delete your account and everything in it?').waitFor();
      await expectAccessible(page, 'settings asking before deleting the account');
      await section.getByRole('button', { name: 'Yes, delete everything' }).click();
      await heading(page, 'Sign in to Rapport').waitFor();
      await page.getByText('Your account and everything in it have been deleted.').waitFor();

      await page.getByLabel('Email').fill(ME.email);
      await page.getByLabel('Password').fill(ME.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByText('That email and password do not match an account.').waitFor();
      // The two wrong passwords are a 400 and a 401 the forms show; nothing else may have gone wrong.
      expect(consoleLog.take().filter((l) => !/status of 40[01]/.test(l))).toEqual([]);
    });

    it('shows no invite section where sign-up is open', async () => {
      const open = await startServer(inject('webRoot'));
      const context = await newContext(browser, open.base);
      try {
        const q = await context.newPage();
        q.setDefaultTimeout(10_000);
        expect((await q.request.post('/api/v1/auth/signup', { data: ME })).status()).toBe(201);
        await q.goto('/settings');
        await heading(q, 'Settings').waitFor();
        await q.getByRole('heading', { name: 'API tokens' }).waitFor();
        expect(await q.getByRole('heading', { name: 'Invite someone to this server' }).count()).toBe(0);
      } finally {
        await context.close();
        await open.stop();
      }
    });
  },
);
