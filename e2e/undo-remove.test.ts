import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, type watchConsole } from './support/page-checks';
import type { RunningServer } from './support/server';
import { signedUpSession } from './support/session';

const chromiumPath = inject('chromiumPath');
const SKIP_REASON = 'skipped: Chromium not found (apt-get install -y chromium, or set CHROMIUM_PATH)';
const ME = { name: 'Grace Hopper', email: 'grace@example.test', password: 'cobol-forever-1959' };

describe.skipIf(!chromiumPath)(
  chromiumPath
    ? 'web app: a removed interaction, favour or promise can be brought back'
    : `web app: undoing a removal: ${SKIP_REASON}`,
  () => {
    let server: RunningServer;
    let browser: Browser;
    let page: Page;
    let consoleLog: ReturnType<typeof watchConsole>;
    let csrf = '';
    let ada = '';

    const heading = (name: string) => page.getByRole('heading', { level: 1, name, exact: true });
    const notice = () => page.getByRole('region', { name: 'Notifications' });
    const timeline = () => page.getByRole('list', { name: 'Interactions, newest first' });
    const score = async () =>
      Number.parseInt((await page.getByTestId('relationship-score').textContent()) ?? '', 10);
    const noConsoleErrors = () => expect(consoleLog.take()).toEqual([]);

    async function api(method: 'post' | 'delete', path: string, body?: unknown) {
      const res = await page.request[method](`/api/v1${path}`, {
        ...(body === undefined ? {} : { data: body }),
        headers: { 'X-CSRF-Token': csrf },
      });
      expect(res.status(), await res.text()).toBeLessThan(300);
      return res.status() === 204 ? null : res.json();
    }

    beforeAll(async () => {
      ({ server, browser, page, consoleLog, csrf } = await signedUpSession(
        inject('webRoot'),
        chromiumPath as string,
        ME,
      ));
      ada = ((await api('post', '/contacts', { displayName: 'Ada Lovelace' })) as { id: string }).id;
    });

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('removes an interaction on the contact page, and Undo in the notice brings it and the strength back', async () => {
      await api('post', '/interactions', {
        kind: 'call',
        contactIds: [ada],
        direction: 'outbound',
        answered: true,
        summary: 'Asked about the Engine',
      });
      await page.goto(`/contacts/${ada}`);
      await heading('Ada Lovelace').waitFor();
      const entry = () => timeline().getByRole('listitem').filter({ hasText: 'Asked about the Engine' });
      await entry().waitFor();
      const before = await score();
      expect(before).toBeGreaterThan(0);

      await entry()
        .getByRole('button', { name: /^Remove phone call of / })
        .click();
      await entry().getByRole('button', { name: 'Yes, remove' }).click();
      await entry().waitFor({ state: 'detached' });
      await notice().getByText('Interaction removed.').waitFor();
      // Strength is recomputed without it: her only interaction, so nothing is logged any more.
      await page.getByTestId('relationship-not-started').waitFor();

      await notice().getByRole('button', { name: 'Undo' }).click();
      await notice().getByText('Interaction restored.').waitFor();
      await entry().waitFor();
      await expect.poll(score).toBe(before);
      noConsoleErrors();
    });

    it('lists removed favours and promises in the trash, recognisably, and restores them', async () => {
      const favour = (await api('post', '/favours', {
        contactId: ada,
        direction: 'received',
        what: 'Reviewed my talk',
      })) as { id: string };
      const promise = (await api('post', '/promises', {
        contactId: ada,
        direction: 'mine',
        what: 'Send the deck',
        dueOn: '2030-01-01',
      })) as { id: string };
      await api('delete', `/favours/${favour.id}`);
      await api('delete', `/promises/${promise.id}`);

      await page.goto('/trash');
      await heading('Trash').waitFor();
      const favours = page.getByRole('region', { name: /^Favours/ });
      const promises = page.getByRole('region', { name: /^Promises/ });
      const removedFavour = favours.getByRole('listitem').filter({ hasText: 'Reviewed my talk' });
      expect(await removedFavour.textContent()).toMatch(/Ada Lovelace helped me/);
      const removedPromise = promises.getByRole('listitem').filter({ hasText: 'Send the deck' });
      expect(await removedPromise.textContent()).toMatch(/I promised Ada Lovelace · due/);
      await expectAccessible(page, 'trash with removed favours and promises');

      await favours.getByRole('button', { name: 'Restore Reviewed my talk' }).click();
      await notice().getByText('Restored the favour Reviewed my talk.').waitFor();
      await favours.getByText('No removed favours.').waitFor();
      await promises.getByRole('button', { name: 'Restore Send the deck' }).click();
      await promises.getByText('No removed promises.').waitFor();

      // Removed again on the promises page: its row leaves at once, and the notice's Undo still brings it back.
      await page.goto('/promises');
      const row = () => page.getByRole('listitem').filter({ hasText: 'Send the deck' });
      await row().waitFor();
      await row().getByRole('button', { name: 'Remove promise: Send the deck' }).click();
      await row().getByRole('button', { name: 'Yes, remove' }).click();
      await row().waitFor({ state: 'detached' });
      await notice().getByText('Promise removed.').waitFor();
      await notice().getByRole('button', { name: 'Undo' }).click();
      await notice().getByText('Promise restored.').waitFor();
      await row().waitFor();
      noConsoleErrors();
    });

    it('shows more removed favours than the newest 1,000 on request, and each can be restored', {
      timeout: 300_000,
    }, async () => {
      // 1,002 favours removed, oldest first ("Old favour 0000" is the oldest removed), 20 requests at a time.
      for (let start = 0; start < 1002; start += 20)
        await Promise.all(
          Array.from({ length: Math.min(20, 1002 - start) }, async (_, k) => {
            const what = `Old favour ${String(start + k).padStart(4, '0')}`;
            const f = (await api('post', '/favours', { contactId: ada, direction: 'given', what })) as {
              id: string;
            };
            return f.id;
          }),
        ).then(async (ids) => {
          for (const id of ids) await api('delete', `/favours/${id}`);
        });
      await page.goto('/trash');
      await heading('Trash').waitFor();
      const favours = page.getByRole('region', { name: /^Favours/ });
      const items = () => favours.getByRole('listitem');
      await items().first().waitFor();
      expect(await items().count()).toBe(1000);
      expect(await items().filter({ hasText: 'Old favour 0000' }).count()).toBe(0);

      await favours.getByRole('button', { name: 'Show more' }).click();
      const oldest = items().filter({ hasText: 'Old favour 0000' });
      await oldest.waitFor();
      expect(await items().count()).toBe(1002);
      expect(await favours.getByRole('button', { name: 'Show more' }).count()).toBe(0);

      await favours.getByRole('button', { name: 'Restore Old favour 0000' }).click();
      await notice().getByText('Restored the favour Old favour 0000.').waitFor();
      await oldest.waitFor({ state: 'detached' });
      noConsoleErrors();
    });
  },
);
