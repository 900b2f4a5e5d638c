import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type SmtpSink, smtpTestMailer, startSmtpSink } from '../src/core/mail/smtp-sink.test-support';
import { launchChromium } from './support/browser';
import { hasNoHorizontalOverflow, watchConsole } from './support/page-checks';
import { type RunningServer, startServer } from './support/server';
import { signupLinkFor } from './support/signup-by-mail';

const chromiumPath = inject('chromiumPath');
const SKIP_REASON = 'skipped: Chromium not found (apt-get install -y chromium, or set CHROMIUM_PATH)';
const PHONE = { width: 390, height: 844 };
const ZONE = 'Europe/Rome';

/** Buttons, fields and menus a finger cannot hit reliably: under 24×24 CSS pixels (WCAG 2.5.8). */
function tinyTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('main button, main select, main input:not([type="checkbox"])')]
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && (r.height < 24 || r.width < 24);
      })
      .map((e) => {
        const r = e.getBoundingClientRect();
        return `${e.tagName.toLowerCase()} "${(e.textContent ?? '').trim()}" ${Math.round(r.width)}×${Math.round(r.height)}`;
      }),
  );
}

/**
 * Lena's first hour, on her phone (390×844, touch, in Rome): the first account on a fresh server, her phone's
 * contacts from a vCard file, Today and Settings.
 */
describe.skipIf(!chromiumPath)(
  chromiumPath ? 'the first hour on a phone' : `the first hour on a phone: ${SKIP_REASON}`,
  () => {
    let server: RunningServer;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    let consoleLog: ReturnType<typeof watchConsole>;

    beforeAll(async () => {
      server = await startServer(inject('webRoot'));
      browser = await launchChromium(chromiumPath as string);
      context = await browser.newContext({
        baseURL: server.base,
        viewport: PHONE,
        hasTouch: true,
        isMobile: true,
        locale: 'it-IT',
        timezoneId: ZONE,
      });
      page = await context.newPage();
      page.setDefaultTimeout(10_000);
      consoleLog = watchConsole(page);
    });

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('creates the first account in the phone’s own time zone, so her day starts at her midnight', async () => {
      await page.goto('/');
      await page.getByRole('heading', { level: 1, name: 'Welcome to Rapport' }).waitFor();
      await page.getByLabel('Your name').fill('Lena Schulz');
      await page.getByLabel('Email').fill('lena@example.test');
      await page.getByLabel('Password').fill('lena-first-hour');
      await page.getByRole('button', { name: 'Create the first account' }).tap();
      await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();

      const settings = await page.request.get('/api/v1/settings');
      expect(settings.status()).toBe(200);
      expect(((await settings.json()) as { timeZone: string }).timeZone).toBe(ZONE);

      // Settings then has nothing to suggest: the zone shown is the phone's.
      await page.goto('/settings');
      await expect.poll(() => page.getByLabel('Time zone').inputValue()).toBe(ZONE);
      expect(await page.getByText('This browser is in').count()).toBe(0);
    });

    it('imports the phone’s vCard file and lands on a Today that fits the screen', async () => {
      await page.goto('/import');
      await page.locator('input[type="file"]').waitFor();
      // A phone has no desktop to drag a file from.
      expect(await page.getByText('Or drop the file here.').isVisible()).toBe(false);
      const vcf = [
        'BEGIN:VCARD',
        'VERSION:3.0',
        'N:Rossi;Giulia;;;',
        'FN:Giulia Rossi',
        'ORG:Studio Rossi;',
        'EMAIL;type=INTERNET;type=WORK;type=pref:giulia@studiorossi.example',
        'TEL;type=CELL;type=VOICE;type=pref:+39 333 1234567',
        'END:VCARD',
        'BEGIN:VCARD',
        'VERSION:3.0',
        'N:;;;;',
        'FN:Mamma',
        'TEL;type=CELL:+39 333 7654321',
        'END:VCARD',
        '',
      ].join('\r\n');
      await page
        .locator('input[type="file"]')
        .setInputFiles({ name: 'Contatti.vcf', mimeType: 'text/vcard', buffer: Buffer.from(vcf) });
      await page.getByRole('button', { name: 'Preview' }).tap();
      await page.getByRole('button', { name: 'Import', exact: true }).tap();
      await page.getByText('Done: 2 new.').waitFor();
      expect(await hasNoHorizontalOverflow(page)).toBe(true);

      await page.goto('/');
      await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
      expect(await hasNoHorizontalOverflow(page)).toBe(true);
    });

    it('adds her first contact without keyboard-only instructions a phone cannot follow', async () => {
      const keyboardWords = /Ctrl\+Enter|Esc cancels|Press \/ anywhere|↑ ↓ to choose/;
      // biome-ignore lint/performance/useDomNodeTextContent: what is shown; textContent would keep hidden text.
      const shown = () => page.locator('main').innerText();
      await page.goto('/contacts');
      await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();
      await page.getByText('Giulia Rossi').first().waitFor();
      expect(await shown()).not.toMatch(keyboardWords);

      await page.getByRole('link', { name: 'New contact' }).tap();
      await page.getByRole('heading', { level: 1, name: 'New contact' }).waitFor();
      expect(await shown()).not.toMatch(keyboardWords);
      await page.getByLabel('Given name').fill('Marco');
      await page.getByLabel('Family name').fill('Bianchi');
      await page.getByRole('button', { name: 'Create contact' }).tap();
      const name = page.getByRole('heading', { level: 1, name: 'Marco Bianchi' });
      await name.waitFor();
      expect(await hasNoHorizontalOverflow(page)).toBe(true);
      // Without a photo the name lines up with the buttons under it, not a gap further in.
      const left = async (l: typeof name) => Math.round((await l.boundingBox())?.x ?? -1);
      expect(await left(name)).toBe(await left(page.getByRole('button', { name: 'Edit' })));
    });

    it('Settings has no controls too small to tap, the time zone suggestion included', async () => {
      // As an account made before the time zone was taken from the browser: Settings offers the phone's zone.
      const csrf = ((await (await page.request.get('/api/v1/auth/session')).json()) as { csrfToken: string })
        .csrfToken;
      const reset = await page.request.patch('/api/v1/settings', {
        headers: { 'X-CSRF-Token': csrf },
        data: { timeZone: 'UTC' },
      });
      expect(reset.status()).toBe(200);
      await page.goto('/settings');
      const useIt = page.getByRole('button', { name: 'Use it' }).first();
      await useIt.waitFor();
      expect(await tinyTargets(page)).toEqual([]);
      expect(await hasNoHorizontalOverflow(page)).toBe(true);
      // The phone-country select's first choice is read whole on a phone, not cut mid-word.
      const fits = await page.getByLabel('Numbers written without a country code are in').evaluate((el) => {
        const select = el as HTMLSelectElement;
        const style = getComputedStyle(select);
        const probe = document.createElement('span');
        probe.style.font = style.font;
        probe.style.whiteSpace = 'pre';
        probe.textContent = select.options[0]?.text ?? '';
        document.body.append(probe);
        const room =
          select.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
        const width = probe.getBoundingClientRect().width;
        probe.remove();
        return width <= room - 16; // the arrow takes the rest
      });
      expect(fits).toBe(true);

      await useIt.tap();
      await expect.poll(() => page.getByLabel('Time zone').inputValue()).toBe(ZONE);
      expect(consoleLog.take()).toEqual([]);
    });
  },
);

describe.skipIf(!chromiumPath)(
  chromiumPath ? 'signing up on a phone by e-mail' : `signing up on a phone by e-mail: ${SKIP_REASON}`,
  () => {
    let sink: SmtpSink;
    let server: RunningServer;
    let browser: Browser;

    beforeAll(async () => {
      sink = await startSmtpSink();
      server = await startServer(inject('webRoot'), { mailer: smtpTestMailer(sink.port) });
      browser = await launchChromium(chromiumPath as string);
    });

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
      await sink?.close();
    });

    it('the account made from the e-mailed link takes the phone’s time zone too', async () => {
      const zone = 'America/Sao_Paulo';
      const context = await browser.newContext({
        baseURL: server.base,
        viewport: PHONE,
        hasTouch: true,
        isMobile: true,
        locale: 'pt-BR',
        timezoneId: zone,
      });
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      // Someone else made the first account: Marco's needs its e-mail confirmed.
      const first = await page.request.post('/api/v1/auth/signup', {
        data: { name: 'Owner', email: 'owner@example.test', password: 'owner-password' },
      });
      expect(first.status()).toBe(201);
      await context.clearCookies();

      await page.goto('/sign-up');
      await page.getByLabel('Your name').fill('Marco Bianchi');
      await page.getByLabel('Email').fill('marco@example.test');
      await page.getByLabel('Password').fill('marco-first-hour');
      await page.locator('form button[type="submit"]').tap();
      const link = await signupLinkFor(sink, 'marco@example.test');
      await page.goto(new URL(link).pathname);
      await page.getByRole('button', { name: 'Create my account' }).tap();
      await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();

      const settings = await page.request.get('/api/v1/settings');
      expect(((await settings.json()) as { timeZone: string }).timeZone).toBe(zone);
      await context.close();
    });
  },
);
