import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type SmtpSink, smtpTestMailer, startSmtpSink } from '../src/core/mail/smtp-sink.test-support';
import { launchChromium, newContext } from './support/browser';
import { expectAccessible, hasNoHorizontalOverflow, watchConsole } from './support/page-checks';
import { type RunningServer, startServer } from './support/server';
import { signUpThroughMail } from './support/signup-by-mail';

const chromiumPath = inject('chromiumPath');
const SKIP_REASON = 'skipped: Chromium not found (apt-get install -y chromium, or set CHROMIUM_PATH)';
const BRAM = { name: 'Bram Okonkwo', email: 'bram@example.test', password: 'routes-and-rivers-2026' };
const INES = { name: 'Ines Duarte', email: 'ines@example.test', password: 'cold-chain-rotterdam-26' };
const LINE = 'Your talk on cold chains in Rotterdam changed how I plan our routes.';

/**
 * Outreach as a message on Rapport: Bram and Ines are connected accounts, and Ines waits in Bram's queue. The
 * composer offers "Message on Rapport" for her (and not for Olu, who is no connection), sends it into their thread
 * with a notification e-mail to a real SMTP sink, and her answer in the thread is the reply the response rate
 * counts, by channel.
 */
describe.skipIf(!chromiumPath)(
  chromiumPath ? 'web app: outreach as a message on Rapport' : `web app: outreach on Rapport: ${SKIP_REASON}`,
  () => {
    let sink: SmtpSink;
    let server: RunningServer;
    let browser: Browser;
    let page: Page;
    let consoleLog: ReturnType<typeof watchConsole>;
    let ines: { page: Page; csrf: string; id: string };
    let bramId = '';
    let inesItem = '';
    let oluItem = '';

    const heading = (name: string) => page.getByRole('heading', { level: 1, name, exact: true });
    const notice = () => page.getByRole('region', { name: 'Notifications' });
    const rapportChoice = () => page.getByLabel(/^Message on Rapport/);

    async function signUp(p: Page, account: typeof BRAM) {
      const res = await signUpThroughMail(p.request, sink, account);
      expect(res.status(), await res.text()).toBe(201);
      const body = (await res.json()) as { csrfToken: string; account: { id: string } };
      return { csrf: body.csrfToken, id: body.account.id };
    }
    async function call<T>(p: Page, csrf: string, method: 'GET' | 'POST', path: string, data?: unknown) {
      const res = await p.request.fetch(`/api/v1${path}`, {
        method,
        data,
        headers: method === 'POST' ? { 'X-CSRF-Token': csrf } : {},
      });
      expect(res.status(), await res.text()).toBeLessThan(300);
      return (await res.json()) as T;
    }

    beforeAll(async () => {
      sink = await startSmtpSink();
      server = await startServer(inject('webRoot'), { mailer: smtpTestMailer(sink.port) });
      browser = await launchChromium(chromiumPath as string);
      page = await (await newContext(browser, server.base)).newPage();
      page.setDefaultTimeout(10_000);
      consoleLog = watchConsole(page);
      const inesPage = await (await newContext(browser, server.base)).newPage();
      const bram = await signUp(page, BRAM);
      bramId = bram.id;
      const signed = await signUp(inesPage, INES);
      ines = { page: inesPage, ...signed };

      // Connected by a one-time link: accepting gives each side a contact that stands for the other.
      const link = await call<{ invite: { token: string } }>(page, bram.csrf, 'POST', '/network/invites', {});
      const connection = await call<{ id: string }>(inesPage, ines.csrf, 'POST', '/network/invites/accept', {
        token: link.invite.token,
      });
      const mine = await call<{ contactId: string }>(
        page,
        bram.csrf,
        'GET',
        `/network/connections/${connection.id}`,
      );
      await call(page, bram.csrf, 'POST', '/outreach/items', { contactIds: [mine.contactId] });
      const today = (await call<{ date: string }>(page, bram.csrf, 'GET', '/today')).date;
      await call(page, bram.csrf, 'POST', '/contacts', {
        displayName: 'Olu Adeyemi',
        connectedOn: today,
        emails: [{ value: 'olu@example.test' }],
      });
      const queue = await call<{ items: { id: string; contact: { displayName: string } }[] }>(
        page,
        bram.csrf,
        'GET',
        '/outreach/queue',
      );
      inesItem = queue.items.find((i) => i.contact.displayName === 'Ines Duarte')?.id as string;
      oluItem = queue.items.find((i) => i.contact.displayName === 'Olu Adeyemi')?.id as string;
      expect(inesItem && oluItem).toBeTruthy();
    });

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
      await sink?.close();
    });

    it('offers a message on Rapport only for a connection', async () => {
      await page.goto(`/outreach/items/${oluItem}`);
      await heading('Olu Adeyemi').waitFor();
      await page.getByLabel('Email (sent by Rapport)').waitFor();
      expect(await rapportChoice().count()).toBe(0);
      expect(await page.getByText('On Rapport', { exact: true }).count()).toBe(0);
      expect(consoleLog.take()).toEqual([]);
    });

    it('sends Ines a personal message on Rapport: in their thread, with one notification e-mail', async () => {
      await page.goto(`/outreach/items/${inesItem}`);
      await heading('Ines Duarte').waitFor();
      const who = page.getByRole('region', { name: 'Who they are' });
      await who.getByText('On Rapport', { exact: true }).waitFor();
      await who.getByRole('link', { name: 'Ines Duarte' }).last().waitFor();
      // A connection is written to on Rapport by default; a direct message has no subject.
      expect(await rapportChoice().isChecked()).toBe(true);
      expect(await page.getByLabel('Subject').count()).toBe(0);

      const send = page.getByRole('button', { name: 'Send Ines Duarte a message on Rapport' });
      expect(await send.isDisabled()).toBe(true);
      await page
        .getByLabel('Message', { exact: true })
        .fill(`Hi {firstName},\n\n${LINE}\n\nBest,\n{myFirstName}`);
      await expect.poll(() => page.getByTestId('personal-verdict').textContent()).toContain('Personal:');
      await expectAccessible(page, 'outreach composer, Rapport');
      expect(await hasNoHorizontalOverflow(page)).toBe(true);
      await send.click();
      await notice().getByText('Sent: your message to Ines Duarte.').waitFor();

      const thread = await call<{ items: { body: string; fromMe: boolean }[] }>(
        ines.page,
        ines.csrf,
        'GET',
        `/network/messages/${bramId}`,
      );
      expect(thread.items).toMatchObject([{ body: `Hi Ines,\n\n${LINE}\n\nBest,\nBram`, fromMe: false }]);
      // Ines's inbox also holds the link that made her account (sign-up confirmed by e-mail, ADR 4).
      const messages = () =>
        sink.to(INES.email).filter((m) => m.parsed.subject !== 'Confirm your new Rapport account');
      await expect.poll(() => messages().length).toBe(1);
      expect(messages()[0]?.parsed.subject).toBe('New message from Bram Okonkwo on Rapport');
      expect(consoleLog.take()).toEqual([]);
    });

    it('her answer in the thread is the reply: the item says so, and the response rate counts it by channel', async () => {
      await call(ines.page, ines.csrf, 'POST', `/network/messages/${bramId}`, { body: 'Thank you! Coffee?' });
      await page.goto(`/outreach/items/${inesItem}`);
      await heading('Ines Duarte').waitFor();
      await page.getByText(/^Ines Duarte replied on /).waitFor();

      await page.goto('/outreach/stats');
      await heading('Response rates').waitFor();
      const byChannel = page.getByRole('region', { name: 'By channel' });
      await byChannel.getByRole('button', { name: 'Rapport message' }).waitFor();
      await page
        .getByRole('region', { name: /^Who replied/ })
        .getByText('Rapport message', { exact: false })
        .waitFor();
      expect(consoleLog.take()).toEqual([]);
    });
  },
);
