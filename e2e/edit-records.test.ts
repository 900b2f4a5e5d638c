import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newContext } from './support/browser';
import { expectAccessible, hasNoHorizontalOverflow, watchConsole } from './support/page-checks';
import type { RunningServer } from './support/server';
import { signedUpSession } from './support/session';

const chromiumPath = inject('chromiumPath');
const SKIP_REASON = 'skipped: Chromium not found (apt-get install -y chromium, or set CHROMIUM_PATH)';
const ME = { name: 'Grace Hopper', email: 'grace@example.test', password: 'cobol-forever-1959' };
// A failed request Chrome logs by itself; only allowed where the test provokes it on purpose.
const BAD_REQUEST = /status of 400/;
const PHONE = { width: 375, height: 740 };

describe.skipIf(!chromiumPath)(
  chromiumPath
    ? 'web app: correcting interactions, favours and promises in place'
    : `web app: editing records: ${SKIP_REASON}`,
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
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    const isFocused = (l: Locator) => l.evaluate((el) => el === document.activeElement);
    const timeline = () => page.getByRole('list', { name: 'Interactions, newest first' });
    const score = async () =>
      Number.parseInt((await page.getByTestId('relationship-score').textContent()) ?? '', 10);
    const factors = () => page.locator('ul.factors').textContent();
    /** A `datetime-local` value `days` ago at 10:00, in the browser's time zone. */
    const localDaysAgo = (days: number) =>
      page.evaluate((d) => {
        // Calendar days in the page's zone (d × 24 h would cross a clock change and land a day off).
        const t = new Date();
        t.setDate(t.getDate() - d);
        const pad = (n: number) => String(n).padStart(2, '0');
        return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}T10:00`;
      }, days);

    async function api(method: 'post' | 'get', path: string, body?: unknown) {
      const res = await page.request[method](`/api/v1${path}`, {
        ...(body === undefined ? {} : { data: body }),
        headers: { 'X-CSRF-Token': csrf },
      });
      expect(res.status(), await res.text()).toBeLessThan(300);
      return res.json();
    }

    beforeAll(async () => {
      ({ server, browser, page, consoleLog, csrf } = await signedUpSession(
        inject('webRoot'),
        chromiumPath as string,
        ME,
      ));
      for (const [givenName, familyName] of [
        ['Ada', 'Lovelace'],
        ['Alan', 'Turing'],
      ] as const) {
        ids[givenName] = ((await api('post', '/contacts', { givenName, familyName })) as { id: string }).id;
      }
      today = ((await api('get', '/today')) as { date: string }).date;
    });

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('logs an interaction, then corrects its summary and date in place: the strength and its reasons follow, and a reload keeps it', async () => {
      await page.goto(`/contacts/${ids.Ada}`);
      await heading('Ada Lovelace').waitFor();
      await page.getByRole('button', { name: 'Log interaction' }).click();
      const log = page.getByRole('form', { name: 'Log an interaction with Ada Lovelace' });
      await log.getByLabel('They reached out').check();
      await log.getByLabel('Summary').fill('Lunch at the Royal Socity');
      await log.getByRole('button', { name: 'Log it' }).click();
      await log.waitFor({ state: 'detached' });
      const entry = timeline().getByRole('listitem').first();
      await entry.getByText('Lunch at the Royal Socity').waitFor();
      const before = { score: await score(), factors: await factors() };
      expect(before.factors).toMatch(/Time together in person: \+\d+/);

      // Edit opens the same form, filled in, with the keyboard on its first choice.
      const editButton = entry.getByRole('button', { name: /^Edit met in person of / });
      await editButton.click();
      const form = timeline().getByRole('form', { name: /^Edit the met in person of / });
      const what = form.getByLabel('What');
      expect(await isFocused(what)).toBe(true);
      expect(await what.inputValue()).toBe('meeting');
      expect(await form.getByLabel('They reached out').isChecked()).toBe(true);
      expect(await form.getByLabel('Summary').inputValue()).toBe('Lunch at the Royal Socity');
      expect(await form.getByRole('button', { name: 'Remove Ada Lovelace' }).isVisible()).toBe(true);
      const when = form.getByLabel('When');
      const loggedAt = await when.inputValue();
      expect(loggedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
      await expectAccessible(page, 'contact page with an interaction being edited');

      // The server's refusal lands on the field it names, with the keyboard there.
      await when.fill('2099-01-01T10:00');
      await form.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => when.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await when.getAttribute('aria-describedby')) ?? '';
      expect(await page.locator(`#${describedBy.split(' ').at(-1)}`).textContent()).toMatch(/future/i);
      expect(await isFocused(when)).toBe(true);
      await expectAccessible(page, 'interaction edit form with a field error');
      noConsoleErrors([BAD_REQUEST]);

      // Escape cancels: nothing changed, and the keyboard is back on Edit.
      await form.getByLabel('Summary').fill('Something else entirely');
      await form.getByLabel('Summary').press('Escape');
      await form.waitFor({ state: 'detached' });
      expect(await isFocused(editButton)).toBe(true);
      await entry.getByText('Lunch at the Royal Socity').waitFor();
      expect(await score()).toBe(before.score);

      // Now for real: the right spelling, and it was two months ago.
      await editButton.click();
      expect(await form.getByLabel('Summary').inputValue()).toBe('Lunch at the Royal Socity');
      expect(await when.inputValue()).toBe(loggedAt);
      await form.getByLabel('Summary').fill('Lunch at the Royal Society');
      await when.fill(await localDaysAgo(60));
      await form.getByRole('button', { name: 'Save' }).click();
      await notice().getByText('Interaction saved.').waitFor();
      await form.waitFor({ state: 'detached' });
      expect(await focused()).toMatch(/^Edit met in person of /);
      await entry.getByText('Lunch at the Royal Society', { exact: true }).waitFor();
      // Who reached out was not touched by the correction.
      await entry.getByText('they reached out').waitFor();
      await expect.poll(score).toBeLessThan(before.score);
      const after = { score: await score(), factors: await factors() };
      expect(after.factors).toMatch(/Time together in person: \+\d+/);
      expect(after.factors).not.toBe(before.factors);
      expect(await page.getByText('Last contact').locator('..').textContent()).toMatch(/2 months ago/);

      await page.reload();
      await heading('Ada Lovelace').waitFor();
      await timeline().getByText('Lunch at the Royal Society', { exact: true }).waitFor();
      expect(await timeline().getByText('Lunch at the Royal Socity').count()).toBe(0);
      expect(await score()).toBe(after.score);
      expect(await factors()).toBe(after.factors);
      noConsoleErrors();
    });

    it('moves an interaction logged against the wrong person to the right one', async () => {
      await api('post', '/interactions', {
        kind: 'call',
        contactIds: [ids.Ada],
        direction: 'outbound',
        answered: true,
        summary: 'Asked about the Bombe',
      });
      await page.goto(`/contacts/${ids.Ada}`);
      await heading('Ada Lovelace').waitFor();
      const entry = timeline().getByRole('listitem').filter({ hasText: 'Asked about the Bombe' });
      await entry.getByRole('button', { name: /^Edit phone call of / }).click();
      const form = timeline().getByRole('form', { name: /^Edit the phone call of / });
      expect(await form.getByLabel('The call was answered').isChecked()).toBe(true);
      await form.getByRole('button', { name: 'Remove Ada Lovelace' }).click();
      await form.getByLabel('Find a person').fill('alan');
      await form.getByRole('button', { name: /Choose Alan Turing/ }).click();
      await form.getByRole('button', { name: 'Remove Alan Turing' }).waitFor();
      await form.getByRole('button', { name: 'Save' }).click();
      await notice().getByText('Interaction saved.').waitFor();
      await entry.waitFor({ state: 'detached' });

      await page.goto(`/contacts/${ids.Alan}`);
      await heading('Alan Turing').waitFor();
      const moved = timeline().getByRole('listitem').filter({ hasText: 'Asked about the Bombe' });
      await moved.getByText('I reached out').waitFor();
      await page.getByText('Calls and video calls: +', { exact: false }).waitFor();
      noConsoleErrors();
    });

    it('corrects a favour’s size and what on the favours page, and its direction on the contact page: the balances follow', async () => {
      await api('post', '/favours', {
        contactId: ids.Alan,
        direction: 'given',
        what: 'Red his paper',
        size: 1,
      });
      await page.goto('/favours');
      await heading('Favours').waitFor();
      const balance = page.getByRole('region', { name: 'Balance' });
      const net = balance.locator('.stats__item', { hasText: 'Balance' }).locator('dd');
      const alanRow = balance.getByRole('row', { name: /Alan Turing/ });
      expect(await net.textContent()).toBe('+1');
      await alanRow.getByText('+1: you’ve helped more').waitFor();

      const list = page.getByRole('region', { name: 'All favours' });
      const edit = list.getByRole('button', { name: 'Edit favour: Red his paper' });
      await edit.click();
      const form = list.getByRole('form', { name: 'Edit the favour: Red his paper' });
      expect(await form.getByLabel('What').inputValue()).toBe('Red his paper');
      expect(await form.getByLabel('Size').inputValue()).toBe('1');
      expect(await form.getByLabel('I helped Alan Turing').isChecked()).toBe(true);
      expect(await form.getByLabel('On', { exact: true }).inputValue()).toBe(today);
      await expectAccessible(page, 'favours page with a favour being edited');

      // An empty "what" is refused by the server, next to the field.
      const whatField = form.getByLabel('What');
      await whatField.fill('   ');
      await form.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => whatField.getAttribute('aria-invalid')).toBe('true');
      expect(await isFocused(whatField)).toBe(true);
      await form.getByText('Is required').waitFor();
      noConsoleErrors([BAD_REQUEST]);

      await whatField.fill('Read his paper');
      await form.getByLabel('Size').selectOption('3');
      await form.getByRole('button', { name: 'Save' }).click();
      await notice().getByText('Favour saved.').waitFor();
      await form.waitFor({ state: 'detached' });
      const saved = list.getByRole('button', { name: 'Edit favour: Read his paper' });
      expect(await isFocused(saved)).toBe(true);
      await list
        .getByRole('listitem')
        .filter({ hasText: 'Read his paper' })
        .getByText(/· large ·/)
        .waitFor();
      await expect.poll(() => net.textContent()).toBe('+3');
      await alanRow.getByText('+3: you’ve helped more').waitFor();

      // On Alan's page: it was he who helped me, after all.
      await page.goto(`/contacts/${ids.Alan}`);
      await heading('Alan Turing').waitFor();
      const card = page.getByRole('region', { name: 'Favours' });
      await card.getByText('Balance:').locator('strong').getByText('+3').waitFor();
      await card.getByRole('button', { name: 'Edit favour: Read his paper' }).click();
      const here = card.getByRole('form', { name: 'Edit the favour: Read his paper' });
      await here.getByLabel('Alan Turing helped me').check();
      await here.getByRole('button', { name: 'Save' }).click();
      await here.waitFor({ state: 'detached' });
      await card.getByText('Balance:').locator('strong').getByText('-3').waitFor();
      await card.getByText('Alan Turing has helped you more', { exact: false }).waitFor();
      // The relationship panel counts it the other way too.
      await page.locator('.relationship dd').getByText('0 given, 1 received (by size 0 to 3)').waitFor();
      noConsoleErrors();
    });

    it('moves a promise’s due date to yesterday on the promises page: it is overdue everywhere', async () => {
      const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      const nextWeek = new Date(Date.parse(`${today}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
      await api('post', '/promises', {
        contactId: ids.Ada,
        direction: 'mine',
        what: 'Send the Engine notes',
        dueOn: nextWeek,
      });
      await page.goto('/promises');
      await heading('Promises').waitFor();
      const overdue = page.locator('.stats__item', { hasText: 'Overdue' }).locator('dd');
      expect(await overdue.textContent()).toBe('0');
      const open = page.getByRole('list', { name: 'Open promises' });
      const edit = open.getByRole('button', { name: 'Edit promise: Send the Engine notes' });
      await edit.click();
      const form = open.getByRole('form', { name: 'Edit the promise: Send the Engine notes' });
      const due = form.getByLabel('Due on');
      expect(await due.inputValue()).toBe(nextWeek);
      expect(await form.getByLabel('What').inputValue()).toBe('Send the Engine notes');
      expect(await form.getByLabel('I promised Ada Lovelace').isChecked()).toBe(true);
      await expectAccessible(page, 'promises page with a promise being edited');

      // Cancel leaves it as it was.
      await form.getByRole('button', { name: 'Cancel' }).click();
      await form.waitFor({ state: 'detached' });
      expect(await isFocused(edit)).toBe(true);

      await edit.click();
      await due.fill(yesterday);
      await form.getByRole('button', { name: 'Save' }).click();
      await notice().getByText('Promise saved.').waitFor();
      await form.waitFor({ state: 'detached' });
      expect(await isFocused(edit)).toBe(true);
      await open
        .getByRole('listitem')
        .filter({ hasText: 'Send the Engine notes' })
        .getByText(/^Overdue: was due /)
        .waitFor();
      await expect.poll(() => overdue.textContent()).toBe('1');

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
      await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
      await page
        .locator('.today-item')
        .first()
        .getByText('Send the Engine notes — for Ada Lovelace')
        .waitFor();
      noConsoleErrors();
    });

    it('keeps a notice off the promise form beside the list, on a small laptop screen too', async () => {
      await page.setViewportSize({ width: 800, height: 900 });
      try {
        await page.goto('/promises');
        await heading('Promises').waitFor();
        const add = page.getByRole('region', { name: 'Add a promise' });
        await add.getByLabel('Find a person').fill('ada');
        await add.getByRole('button', { name: /Choose Ada Lovelace/ }).click();
        await add.getByLabel('What').fill('Introduce Ada to Charles');
        await add.getByRole('button', { name: 'Add promise' }).click();
        const toast = page.locator('.toast', { hasText: 'Promise with Ada Lovelace added.' });
        await toast.waitFor();
        const t = await toast.boundingBox();
        const form = await add.boundingBox();
        // Side by side, the toast stays left of the form's column, wherever the page is scrolled.
        expect(t && form && t.x + t.width).toBeLessThanOrEqual(form?.x ?? 0);
        noConsoleErrors();
      } finally {
        await page.setViewportSize({ width: 1280, height: 900 });
      }
    });

    it('edits in place on a phone without sideways scrolling', async () => {
      const phone = await newContext(browser, server.base, PHONE);
      const p = await phone.newPage();
      p.setDefaultTimeout(10_000);
      const phoneLog = watchConsole(p);
      const login = await p.request.post('/api/v1/auth/login', {
        data: { email: ME.email, password: ME.password },
      });
      expect(login.status()).toBeLessThan(300);
      await p.goto(`/contacts/${ids.Ada}`);
      await p.getByRole('heading', { level: 1, name: 'Ada Lovelace' }).waitFor();
      await p
        .getByRole('button', { name: /^Edit met in person of / })
        .first()
        .click();
      await p.getByRole('form', { name: /^Edit the met in person of / }).waitFor();
      await p.getByRole('button', { name: 'Edit promise: Send the Engine notes' }).click();
      await p.getByRole('form', { name: 'Edit the promise: Send the Engine notes' }).waitFor();
      expect(await hasNoHorizontalOverflow(p)).toBe(true);
      await expectAccessible(p, 'contact page with two records being edited (phone)');
      expect(phoneLog.take()).toEqual([]);
      await phone.close();
    });
  },
);
