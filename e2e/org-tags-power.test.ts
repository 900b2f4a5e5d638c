import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hasNoHorizontalOverflow, type watchConsole } from './support/page-checks';
import type { RunningServer } from './support/server';
import { type SessionApi, sessionApi, signedUpSession } from './support/session';

const chromiumPath = inject('chromiumPath');
const SKIP_REASON = 'skipped: Chromium not found (apt-get install -y chromium, or set CHROMIUM_PATH)';
const ME = { name: 'Priyanka Rao', email: 'priyanka@example.test', password: 'a-portfolio-in-2026' };

describe.skipIf(!chromiumPath)(
  chromiumPath
    ? 'web app: an organisations and tags power user'
    : `web app: an organisations and tags power user: ${SKIP_REASON}`,
  () => {
    let server: RunningServer;
    let browser: Browser;
    let page: Page;
    let consoleLog: ReturnType<typeof watchConsole>;
    let csrf = '';
    const ids: Record<string, string> = {};

    const status = () => page.locator('#contact-search-status');
    const notice = () => page.getByRole('region', { name: 'Notifications' });

    let api: SessionApi;
    const tagsOf = async (name: string) =>
      ((await api('get', `/contacts/${ids[name]}`)) as { tags: string[] }).tags;
    const tagNames = async () =>
      ((await api('get', '/tags')) as { items: { name: string }[] }).items.map((t) => t.name);

    beforeAll(async () => {
      ({ server, browser, page, consoleLog, csrf } = await signedUpSession(
        inject('webRoot'),
        chromiumPath as string,
        ME,
      ));
      api = sessionApi(page, csrf);
      for (const [name, tags] of [
        ['Ana Google', ['LP']],
        ['Ben Google', []],
        ['Chen Google', ['founder']],
        ['Dara Stripe', []],
      ] as const) {
        const c = await api('post', '/contacts', {
          displayName: name,
          organisation: name.split(' ')[1],
          tags,
        });
        ids[name] = c.id;
      }
    });

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    async function tagThese(count: number, verb: 'add' | 'remove', tag: string) {
      await page.getByRole('button', { name: `Tag these ${count} contacts` }).click();
      const form = page.getByRole('form', { name: `Tag these ${count} contacts` });
      if (verb === 'remove') {
        await form.getByLabel(`For these ${count} contacts`).selectOption('remove');
        await form.getByLabel('Tag to remove').selectOption(tag);
        await form.getByRole('button', { name: `Remove from ${count} contacts` }).click();
        await form.getByRole('button', { name: 'Yes, remove' }).click();
      } else {
        await form.getByLabel('Tag to add').fill(tag);
        await form.getByRole('button', { name: `Add to ${count} contacts` }).click();
        await form.getByRole('button', { name: 'Yes, add' }).click();
      }
    }

    it('undoes a bulk tagging: exactly the contacts it changed go back, and a tag it made goes away', async () => {
      await page.goto('/contacts?q=google');
      await expect.poll(() => status().textContent()).toContain('3 matches.');

      // A mistaken add: Ana had "LP" already and keeps it after the undo.
      await tagThese(3, 'add', 'LP');
      await expect.poll(() => notice().textContent()).toContain('Added “LP” to 2 of 3 contacts');
      await notice().getByRole('button', { name: 'Undo' }).click();
      await expect.poll(() => notice().textContent()).toContain('Took “LP” off 2 contacts again.');
      expect(await tagsOf('Ana Google')).toEqual(['LP']);
      expect(await tagsOf('Ben Google')).toEqual([]);
      expect(await tagsOf('Chen Google')).toEqual(['founder']);

      // A new tag given by mistake leaves no empty tag behind.
      await tagThese(3, 'add', 'portfolio/2024');
      await expect.poll(() => notice().textContent()).toContain('Added “portfolio/2024” to 3 contacts.');
      await notice().getByRole('button', { name: 'Undo' }).click();
      await expect
        .poll(() => notice().textContent())
        .toContain('Took “portfolio/2024” off 3 contacts again.');
      expect(await tagNames()).not.toContain('portfolio/2024');

      // A mistaken remove gives the tag back to those that had it, and only to them.
      await page.goto('/contacts');
      await expect.poll(() => status().textContent()).toContain('4 contacts');
      await tagThese(4, 'remove', 'founder');
      await expect.poll(() => notice().textContent()).toContain('Removed “founder” from 1 of 4 contacts');
      await notice().getByRole('button', { name: 'Undo' }).click();
      await expect.poll(() => notice().textContent()).toContain('Gave “founder” back to 1 contact.');
      expect(await tagsOf('Chen Google')).toEqual(['founder']);
      expect(await tagsOf('Dara Stripe')).toEqual([]);
      // The list on screen shows the tag again without a reload.
      await expect.poll(() => page.locator('.result .chip', { hasText: 'founder' }).count()).toBe(1);
      expect(consoleLog.take()).toEqual([]);
    });

    it("on a phone: says what a merge does to the intervals, and downloads one tag's people", async () => {
      await page.setViewportSize({ width: 375, height: 740 });
      await api('post', '/contacts', { displayName: 'Eli Founder', tags: ['founders'] });
      const tags = (await api('get', '/tags')) as { items: { id: string; name: string }[] };
      const id = (name: string) => tags.items.find((t) => t.name === name)?.id;
      await api('put', `/tags/${id('founder')}/cadence`, { cadenceDays: 30 });
      await api('put', `/tags/${id('LP')}/cadence`, { cadenceDays: 60 });

      await page.goto('/tags');
      await page.getByRole('button', { name: 'Merge LP' }).click();
      const into = page.getByLabel('Merge “LP” into');
      await into.selectOption({ label: 'founder' });
      await expect
        .poll(async () => page.locator(`#${await into.getAttribute('aria-describedby')}`).textContent())
        .toBe(
          'Everyone tagged “founder” will be kept in touch with every 30 days (the shorter interval of the two).',
        );
      await into.selectOption({ label: 'founders' });
      await expect
        .poll(() => page.getByText('Everyone tagged “founders”').textContent())
        .toContain('every 60 days');
      await page.getByRole('button', { name: 'Cancel' }).click();

      const section = page.getByRole('region', { name: 'Download a tag’s people' });
      await section.getByLabel('Tag').selectOption({ label: 'LP' });
      const vcard = section.getByRole('link', { name: 'Download vCard of “LP”' });
      const href = (await vcard.getAttribute('href')) as string;
      expect(href).toBe('/api/v1/exports/vcard?tag=LP');
      const file = await (await page.request.get(href)).text();
      expect(file.match(/^FN:.*$/gm)).toEqual(['FN:Ana Google']);
      expect(await section.getByRole('link', { name: 'Download CSV of “LP”' }).getAttribute('href')).toBe(
        '/api/v1/exports/csv?tag=LP',
      );
      expect(await hasNoHorizontalOverflow(page)).toBe(true);
      expect(consoleLog.take()).toEqual([]);
    });
  },
);
