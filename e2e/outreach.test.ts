import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type SmtpSink, smtpTestMailer, startSmtpSink } from '../src/core/mail/smtp-sink.test-support';
import { connectionsCsv } from './support/linkedin-export';
import { expectAccessible, hasNoHorizontalOverflow, type watchConsole } from './support/page-checks';
import type { RunningServer } from './support/server';
import { signedUpSession } from './support/session';

const chromiumPath = inject('chromiumPath');
const SKIP_REASON = 'skipped: Chromium not found (apt-get install -y chromium, or set CHROMIUM_PATH)';
const ME = { name: 'Grace Hopper', email: 'grace@example.test', password: 'cobol-forever-1959' };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** A day `n` days ago as LinkedIn writes it ("07 Feb 2024"). */
const daysAgo = (n: number) => {
  const d = new Date(Date.now() - n * 86_400_000);
  return `${String(d.getUTCDate()).padStart(2, '0')} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
};
const LINE = 'Your talk on the Analytical Engine at the Royal Society was the best of the evening.';

describe.skipIf(!chromiumPath)(
  chromiumPath ? 'web app: the personal-outreach queue' : `web app: outreach: ${SKIP_REASON}`,
  () => {
    let sink: SmtpSink;
    let server: RunningServer;
    let browser: Browser;
    let page: Page;
    let consoleLog: ReturnType<typeof watchConsole>;
    let csrf = '';
    let dir = '';
    let purposeId = '';

    const heading = (name: string) => page.getByRole('heading', { level: 1, name, exact: true });
    const nav = () => page.getByRole('navigation', { name: 'Main' });
    const outreachNav = () => page.getByRole('navigation', { name: 'Outreach' });
    const notice = () => page.getByRole('region', { name: 'Notifications' });
    const verdict = () => page.getByTestId('personal-verdict');
    const noConsoleErrors = (expected: RegExp[] = []) => expect(consoleLog.take(expected)).toEqual([]);

    beforeAll(async () => {
      sink = await startSmtpSink();
      dir = mkdtempSync(join(tmpdir(), 'rapport-e2e-outreach-'));
      ({ server, browser, page, consoleLog, csrf } = await signedUpSession(
        inject('webRoot'),
        chromiumPath as string,
        ME,
        { mailer: smtpTestMailer(sink.port) },
      ));
      const purpose = await page.request.post('/api/v1/purposes', {
        data: { name: 'Guest speakers' },
        headers: { 'X-CSRF-Token': csrf },
      });
      expect(purpose.status()).toBe(201);
      purposeId = ((await purpose.json()) as { id: string }).id;
    });

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
      await sink?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('imports LinkedIn connections: the new ones wait in the queue, the old one does not', async () => {
      const csv = join(dir, 'Connections.csv');
      writeFileSync(
        csv,
        connectionsCsv([
          `Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,ada@engines.example,Analytical Engines,Head of Research,${daysAgo(2)}`,
          `Katherine,Johnson,https://www.linkedin.com/in/katherine-johnson,,NASA,Mathematician,${daysAgo(9)}`,
          `Alan,Turing,https://www.linkedin.com/in/alan-turing,,Bletchley Park,Cryptanalyst,${daysAgo(800)}`,
        ]),
      );
      await page.goto('/');
      await nav().getByRole('link', { name: 'Import' }).click();
      await heading('Import').waitFor();
      await page.getByLabel('File to import').setInputFiles(csv);
      await page.getByRole('button', { name: 'Preview' }).click();
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Done: 3 new' }).waitFor();

      await nav().getByRole('link', { name: 'Outreach' }).click();
      await heading('Outreach').waitFor();
      const list = page.getByRole('list', { name: 'Waiting for a message' });
      await list.getByRole('link', { name: 'Ada Lovelace', exact: true }).waitFor();
      expect(await list.locator('.outreach-row__name').allTextContents()).toEqual([
        'Ada Lovelace',
        'Katherine Johnson',
      ]);
      await page.getByRole('button', { name: 'Waiting for a message (2)' }).waitFor();
      // Ada's contact page names LinkedIn once: the link says it, so the import's "LinkedIn" label is not repeated.
      const ada = (await (await page.request.get('/api/v1/contacts?q=Lovelace')).json()) as {
        items: { id: string }[];
      };
      await page.goto(`/contacts/${ada.items[0]?.id}`);
      const linkedin = page
        .getByRole('listitem')
        .filter({ has: page.getByRole('link', { name: 'LinkedIn: linkedin.com/in/ada-lovelace' }) });
      await linkedin.waitFor();
      expect(await linkedin.locator('.chip').count()).toBe(0);
      await page.goto('/outreach');
      await heading('Outreach').waitFor();

      // The view chips are chips, not bevelled browser buttons: a thin solid border, the current one in the accent.
      const border = (name: string) =>
        page.getByRole('button', { name }).evaluate((b) => {
          const s = getComputedStyle(b);
          return `${s.borderTopWidth} ${s.borderTopStyle}`;
        });
      expect(await border('Waiting for a message (2)')).toBe('1px solid');
      expect(await border('Closed')).toBe('1px solid');
      await expectAccessible(page, 'outreach queue');
      noConsoleErrors();
    });

    it('saves a template; an unknown merge field is named before anything is saved', async () => {
      await outreachNav().getByRole('link', { name: 'Templates' }).click();
      await heading('Templates').waitFor();
      await page.getByRole('button', { name: 'New template' }).click();
      await page.getByLabel('Name').fill('New connection');
      await page.getByLabel('Subject (email)').fill('Great to connect, {firstName}');
      const text = page.getByLabel('Text', { exact: true });
      await text.fill('Hi {first_name},\n\nThanks for connecting!\n\nBest,\n{myFirstName}');
      await page.getByText('Unknown merge fields: {first_name}').waitFor();
      expect(await page.getByRole('button', { name: 'Save template' }).isDisabled()).toBe(true);
      await text.fill('Hi {firstName},\n\nThanks for connecting!\n\nBest,\n{myFirstName}');
      await page.getByText('Hi Ada,', { exact: false }).first().waitFor();
      await expectAccessible(page, 'template form');
      await page.getByRole('button', { name: 'Save template' }).click();
      await notice().getByText('Saved New connection.').waitFor();
      await page.getByRole('list', { name: 'Templates' }).getByText('New connection').waitFor();
      noConsoleErrors();
    });

    it('writes a personal message to Ada from the queue and sends it by email', async () => {
      await outreachNav().getByRole('link', { name: 'Queue' }).click();
      await page.getByRole('link', { name: 'Start with Ada Lovelace' }).click();
      await heading('Ada Lovelace').waitFor();
      const who = page.getByRole('region', { name: 'Who they are' });
      await who.getByText('Head of Research at Analytical Engines').waitFor();
      await who.getByText('via LinkedIn', { exact: false }).waitFor();

      await page.getByLabel('Start from a template').selectOption({ label: 'New connection' });
      await page.getByLabel('For the purpose').selectOption({ label: 'Guest speakers' });
      // The template alone is not personal: the reason is on screen and the button waits.
      await expect.poll(() => verdict().textContent()).toContain('this is the template alone');
      const send = page.getByRole('button', { name: 'Send email to Ada Lovelace' });
      expect(await send.isDisabled()).toBe(true);

      // The LinkedIn counter appears with that channel.
      await page.getByLabel('LinkedIn (copy, send there, mark sent)').check();
      await expect
        .poll(() => page.getByTestId('linkedin-counter').textContent())
        .toMatch(/^\d+ \/ 200 characters/);
      await page.getByLabel('Email (sent by Rapport)').check();
      expect(await page.getByTestId('linkedin-counter').count()).toBe(0);

      const message = page.getByLabel('Message', { exact: true });
      const body = await message.inputValue();
      await message.fill(body.replace('Thanks for connecting!', `Thanks for connecting!\n\n${LINE}`));
      await expect.poll(() => verdict().textContent()).toContain('Personal: “your talk on the');
      await page
        .getByRole('region', { name: 'Preview for Ada Lovelace' })
        .getByText('Hi Ada,', { exact: false })
        .waitFor();
      await expectAccessible(page, 'outreach composer');
      expect(await hasNoHorizontalOverflow(page)).toBe(true);
      await send.click();

      // On to the next person waiting.
      await notice().getByText('Sent: your message to Ada Lovelace.').waitFor();
      await heading('Katherine Johnson').waitFor();
      await expect.poll(() => sink.received.length).toBe(1);
      const mail = sink.received[0]?.parsed;
      expect(mail?.subject).toBe('Great to connect, Ada');
      expect(mail?.to).toMatchObject({ value: [{ address: 'ada@engines.example', name: 'Ada Lovelace' }] });
      expect(mail?.replyTo?.value[0]).toMatchObject({ address: ME.email, name: ME.name });
      expect(mail?.text).toContain(`Hi Ada,\n\nThanks for connecting!\n\n${LINE}\n\nBest,\nGrace`);
      expect(mail?.html).toContain(`<p>${LINE}</p>`);
      noConsoleErrors();
    });

    it('the same text to Katherine is refused, saying why', async () => {
      await page.getByLabel('Start from a template').selectOption({ label: 'New connection' });
      await page.getByLabel('Somewhere else (copy, mark sent)').check();
      const message = page.getByLabel('Message', { exact: true });
      await message.fill(
        (await message.inputValue()).replace('Thanks for connecting!', `Thanks for connecting!\n\n${LINE}`),
      );
      await page
        .getByText('the same message already went to Ada Lovelace', { exact: false })
        .first()
        .waitFor();
      expect(await page.getByRole('button', { name: 'Mark sent' }).isDisabled()).toBe(true);
      noConsoleErrors();
    });

    it('marks Katherine’s LinkedIn message of two days ago sent, then Undo puts her back in the queue', async () => {
      const message = page.getByLabel('Message', { exact: true });
      await message.fill(
        'Hi {firstName},\n\nYour orbital calculations for Friendship 7 are why I became an engineer.\n\nGrace',
      );
      await expect.poll(() => verdict().textContent()).toContain('Personal: “your orbital calculations');
      const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
      const pad = (n: number) => String(n).padStart(2, '0');
      await page
        .getByLabel('Sent on')
        .fill(
          `${twoDaysAgo.getFullYear()}-${pad(twoDaysAgo.getMonth() + 1)}-${pad(twoDaysAgo.getDate())}T10:00`,
        );
      await expectAccessible(page, 'mark-sent composer');
      await page.getByRole('button', { name: 'Mark sent' }).click();
      await notice().getByText('Marked sent: your message to Katherine Johnson.').waitFor();
      const awaiting = await page.request.get('/api/v1/outreach/queue?view=awaiting');
      const items = (
        (await awaiting.json()) as { items: { contact: { displayName: string }; sentAt: string }[] }
      ).items;
      const katherine = items.find((i) => i.contact.displayName === 'Katherine Johnson');
      // Dated when it went out, not when it was marked.
      expect(Date.now() - Date.parse(katherine?.sentAt ?? '')).toBeGreaterThan(36 * 3_600_000);

      await notice().getByRole('button', { name: 'Undo' }).click();
      await notice().getByText('Katherine Johnson is back in the queue.').waitFor();
      await heading('Katherine Johnson').waitFor();
      await page.getByRole('button', { name: 'Mark sent' }).waitFor();
      expect(await page.getByRole('region', { name: 'Messages' }).count()).toBe(0);
      noConsoleErrors();
    });

    it('marks Ada’s reply in one click; the purpose board and the response rate move', async () => {
      await outreachNav().getByRole('link', { name: 'Response rates' }).click();
      await heading('Response rates').waitFor();
      await expect.poll(() => page.getByTestId('response-rate').textContent()).toBe('0%');
      await page.getByText('0 of 1 people replied', { exact: false }).waitFor();
      await page.locator('.recharts-surface').first().waitFor();

      await outreachNav().getByRole('link', { name: 'Queue' }).click();
      await page.getByRole('button', { name: /^Awaiting a reply/ }).click();
      await page.getByRole('button', { name: 'They replied: Ada Lovelace' }).click();
      await notice().getByText('Recorded: Ada Lovelace replied.').waitFor();

      await page.goto(`/purposes/${purposeId}`);
      await heading('Guest speakers').waitFor();
      await page
        .getByTestId('column-responded')
        .locator('.board-card__name', { hasText: 'Ada Lovelace' })
        .waitFor();

      await page.goto('/outreach/stats');
      await heading('Response rates').waitFor();
      await expect.poll(() => page.getByTestId('response-rate').textContent()).toBe('100%');
      await page.getByText('1 of 1 people replied', { exact: false }).waitFor();
      const chart = page.getByRole('region', { name: 'Response rate by month' });
      await chart.getByText('Show the numbers').click();
      await chart.getByRole('cell', { name: '100%' }).waitFor();
      await page
        .getByRole('region', { name: /^Who replied/ })
        .getByRole('link', { name: 'Ada Lovelace' })
        .waitFor();
      await expectAccessible(page, 'response rates');
      noConsoleErrors();
    });

    it('a big import fills the queue a page at a time: Load more shows the rest', async () => {
      const csv = join(dir, 'Connections-many.csv');
      const rows = Array.from(
        { length: 60 },
        (_, i) =>
          `Person,Number ${String(i).padStart(2, '0')},https://www.linkedin.com/in/person-${i},,Acme,Engineer,${daysAgo(3)}`,
      );
      writeFileSync(csv, connectionsCsv(rows));
      await nav().getByRole('link', { name: 'Import' }).click();
      await heading('Import').waitFor();
      await page.getByLabel('File to import').setInputFiles(csv);
      await page.getByRole('button', { name: 'Preview' }).click();
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Done: 60 new' }).waitFor();

      await nav().getByRole('link', { name: 'Outreach' }).click();
      await heading('Outreach').waitFor();
      // Katherine is still waiting too: 61 in all, 50 on the first page.
      await page.getByRole('button', { name: 'Waiting for a message (61)' }).waitFor();
      const names = page.getByRole('list', { name: 'Waiting for a message' }).locator('.outreach-row__name');
      await expect.poll(() => names.count()).toBe(50);
      await page.getByRole('button', { name: 'Load more' }).click();
      await expect.poll(() => names.count()).toBe(61);
      expect(new Set(await names.allTextContents()).size).toBe(61);
      expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
      noConsoleErrors();
    });
  },
);
