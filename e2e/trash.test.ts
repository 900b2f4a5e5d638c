import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, type watchConsole } from './support/page-checks';
import type { RunningServer } from './support/server';
import { signedUpSession } from './support/session';

const chromiumPath = inject('chromiumPath');
const SKIP_REASON = 'skipped: Chromium not found (apt-get install -y chromium, or set CHROMIUM_PATH)';
const ME = { name: 'Grace Hopper', email: 'grace@example.test', password: 'cobol-forever-1959' };
const NAMED = [
  { displayName: 'Ada Lovelace', organisation: 'Analytical Engines' },
  { displayName: 'Charles Babbage', organisation: 'Analytical Engines' },
  { displayName: 'Alan Turing', organisation: 'Bletchley Park' },
  { displayName: 'Katherine Johnson', organisation: 'NASA' },
];
// More than a page (50) in all, so "Show more" has something to show.
const FILLERS = Array.from({ length: 52 }, (_, i) => ({
  displayName: `Filler ${String(i).padStart(2, '0')}`,
}));

describe.skipIf(!chromiumPath)(
  chromiumPath
    ? 'web app: the trash, a page at a time, searched and restored all at once'
    : `web app: the trash: ${SKIP_REASON}`,
  () => {
    let server: RunningServer;
    let browser: Browser;
    let page: Page;
    let consoleLog: ReturnType<typeof watchConsole>;
    let csrf = '';

    const heading = (name: string) => page.getByRole('heading', { level: 1, name, exact: true });
    const notice = () => page.getByRole('region', { name: 'Notifications' });
    const section = () => page.getByRole('region', { name: /^Contacts/ });
    const items = () => section().getByRole('listitem');
    const status = () => section().getByRole('status');
    const noConsoleErrors = () => expect(consoleLog.take()).toEqual([]);

    async function api(method: 'post' | 'delete', path: string, body?: unknown) {
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
      // The named people are deleted last, so they lead the trash.
      for (const person of [...FILLERS, ...NAMED]) {
        const { id } = (await api('post', '/contacts', person)) as { id: string };
        await api('delete', `/contacts/${id}`);
      }
    });

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('says how many contacts are deleted, and shows more of them on request', async () => {
      await page.goto('/');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trash' }).click();
      await heading('Trash').waitFor();
      await section().getByRole('heading', { name: 'Contacts (56)' }).waitFor();
      await status().getByText('56 deleted contacts. Showing the 50 deleted last.').waitFor();
      expect(await items().count()).toBe(50);
      await items().first().locator('.result__name', { hasText: 'Katherine Johnson' }).waitFor();
      await expectAccessible(page, 'trash with many contacts');

      await section().getByRole('button', { name: 'Show more' }).click();
      await items().filter({ hasText: 'Filler 00' }).waitFor();
      expect(await items().count()).toBe(56);
      await status().getByText('56 deleted contacts.', { exact: true }).waitFor();
      expect(await section().getByRole('button', { name: 'Show more' }).count()).toBe(0);
      noConsoleErrors();
    });

    it('restores one contact with its own button, as before', async () => {
      await section().getByRole('button', { name: 'Restore Katherine Johnson' }).click();
      await notice().getByText('Restored Katherine Johnson.').waitFor();
      await section().getByRole('heading', { name: 'Contacts (55)' }).waitFor();
      noConsoleErrors();
    });

    it('searches the trash and restores everything the search finds, after asking', async () => {
      await section().getByLabel('Search deleted contacts').fill('analytical');
      await status().getByText('2 deleted contacts match “analytical”.').waitFor();
      await items().filter({ hasText: 'Ada Lovelace' }).waitFor();
      expect(await items().count()).toBe(2);

      await section().getByRole('button', { name: 'Restore all 2 matching' }).click();
      await section().getByText('Restore the 2 deleted contacts matching “analytical”?').waitFor();
      await expectAccessible(page, 'trash asking to restore what a search found');
      await section().getByRole('button', { name: 'Yes, restore them' }).click();
      await notice().getByText('Restored 2 contacts.').waitFor();
      // The search is cleared: the rest of the trash is back on screen, and the keyboard is at its heading.
      await section().getByRole('heading', { name: 'Contacts (53)' }).waitFor();
      expect(await section().getByLabel('Search deleted contacts').inputValue()).toBe('');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('trash-contacts');
      noConsoleErrors();
    });

    it('restores all the rest at once, and they are back among the contacts', async () => {
      // Both pages shown before the search come back refreshed.
      await status().getByText('53 deleted contacts.', { exact: true }).waitFor();
      expect(await items().count()).toBe(53);
      await section().getByRole('button', { name: 'Restore all 53' }).click();
      await section().getByRole('button', { name: 'Yes, restore them' }).click();
      await notice().getByText('Restored 53 contacts.').waitFor();
      await section().getByText('No deleted contacts.').waitFor();
      expect(await section().getByLabel('Search deleted contacts').count()).toBe(0);

      // The toast of this restore: the one before may still be up too.
      await notice().getByRole('button', { name: 'Show contacts' }).last().click();
      await heading('Contacts').waitFor();
      await page.locator('#contact-search-status').getByText('50 of 56 contacts shown.').waitFor();
      await page.getByLabel('Search contacts').fill('analytical');
      await page.getByRole('option', { name: /Charles Babbage/ }).waitFor();
      await page.getByRole('option', { name: /Ada Lovelace/ }).waitFor();
      noConsoleErrors();
    });

    it('leads from undoing an import to what it sent to the trash, and restores all of that alone', async () => {
      const cards = ['Mary Jackson', 'Dorothy Vaughan', 'Annie Easley', 'Christine Darden']
        .map((fn) => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${fn}\r\nORG:Langley\r\nEND:VCARD\r\n`)
        .join('');
      const res = await page.request.post('/api/v1/imports?kind=vcard', {
        headers: { 'X-CSRF-Token': csrf },
        multipart: { file: { name: 'langley.vcf', mimeType: 'text/vcard', buffer: Buffer.from(cards) } },
      });
      expect(res.status(), await res.text()).toBe(201);
      // Three worked with since the import go to the trash when it is undone; the fourth goes for good.
      for (const name of ['Mary Jackson', 'Dorothy Vaughan', 'Annie Easley']) {
        const found = await page.request.get(`/api/v1/contacts?q=${encodeURIComponent(name)}`);
        const id = ((await found.json()) as { items: { id: string }[] }).items[0]?.id;
        const edit = await page.request.patch(`/api/v1/contacts/${id}`, {
          data: { notes: 'Met at the Langley reunion' },
          headers: { 'X-CSRF-Token': csrf },
        });
        expect(edit.status(), await edit.text()).toBe(200);
      }
      // Deleted by hand, not by the undo: kept out of the narrowed trash, and out of its "Restore all".
      const { id: other } = (await api('post', '/contacts', { displayName: 'Margaret Hamilton' })) as {
        id: string;
      };
      await api('delete', `/contacts/${other}`);

      await page.goto('/imports');
      await heading('Import history').waitFor();
      await page.getByRole('button', { name: 'Undo the import of langley.vcf' }).click();
      await page.getByRole('button', { name: 'Yes, undo the import' }).click();
      await notice()
        .getByText(/Undid the import of langley\.vcf: 1 contact removed, .* 3 contacts worked with since/)
        .waitFor();
      await notice().getByRole('button', { name: 'Show in the trash' }).click();

      await heading('Trash').waitFor();
      expect(new URL(page.url()).search).toMatch(/^\?import=[\w-]+$/);
      await page
        .getByText(/^Only what undoing the import of langley\.vcf \(.+\) sent to the trash\./)
        .waitFor();
      await section().getByRole('heading', { name: 'Contacts (3)' }).waitFor();
      await status().getByText('3 contacts from undoing this import.').waitFor();
      expect((await items().locator('.result__name').allTextContents()).sort()).toEqual([
        'Annie Easley',
        'Dorothy Vaughan',
        'Mary Jackson',
      ]);
      // An undo trashes only contacts: the other kinds of the trash are not shown.
      expect(await page.getByRole('region', { name: /^Organisations/ }).count()).toBe(0);
      await expectAccessible(page, 'trash narrowed to an import');

      await section().getByRole('button', { name: 'Restore all 3' }).click();
      await section().getByText('Restore the 3 contacts undoing this import sent to the trash?').waitFor();
      await section().getByRole('button', { name: 'Yes, restore them' }).click();
      await notice().getByText('Restored 3 contacts.').waitFor();
      await section()
        .getByText('None of the contacts undoing this import sent to the trash is there now.')
        .waitFor();
      await section().getByRole('heading', { name: 'Contacts (0)' }).waitFor();

      // The whole trash still holds the one deleted by hand.
      await page.getByRole('link', { name: 'Show the whole trash' }).click();
      await section().getByRole('heading', { name: 'Contacts (1)' }).waitFor();
      await items().locator('.result__name', { hasText: 'Margaret Hamilton' }).waitFor();
      await page.getByRole('region', { name: /^Organisations/ }).waitFor();
      expect(await page.getByText(/^Only what undoing/).count()).toBe(0);

      await page.goto('/contacts?q=langley');
      await heading('Contacts').waitFor();
      for (const name of ['Mary Jackson', 'Dorothy Vaughan', 'Annie Easley'])
        await page.getByRole('option', { name: new RegExp(name) }).waitFor();
      expect(await page.getByRole('option', { name: /Christine Darden/ }).count()).toBe(0);
      noConsoleErrors();
    });
  },
);
