import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, hasNoHorizontalOverflow, type watchConsole } from './support/page-checks';
import type { RunningServer } from './support/server';
import { signedUpSession } from './support/session';

const chromiumPath = inject('chromiumPath');
const SKIP_REASON = 'skipped: Chromium not found (apt-get install -y chromium, or set CHROMIUM_PATH)';
const ME = { name: 'Mary Parker Follett', email: 'mary@example.test', password: 'creative-experience-1924' };

describe.skipIf(!chromiumPath)(
  chromiumPath ? 'web app: purposes and their boards' : `web app: purposes: ${SKIP_REASON}`,
  () => {
    let server: RunningServer;
    let browser: Browser;
    let page: Page;
    let consoleLog: ReturnType<typeof watchConsole>;
    let csrf = '';
    let purposeUrl = '';

    const heading = (name: string) => page.getByRole('heading', { level: 1, name, exact: true });
    const column = (stage: string) => page.getByTestId(`column-${stage}`);
    const card = (name: string) => page.getByTestId(`card-${name}`);
    const namesIn = (stage: string) => column(stage).locator('.board-card__name').allTextContents();
    const count = (stage: string) => page.getByTestId(`count-${stage}`).first().textContent();
    const noConsoleErrors = () => expect(consoleLog.take([])).toEqual([]);

    beforeAll(async () => {
      ({ server, browser, page, consoleLog, csrf } = await signedUpSession(
        inject('webRoot'),
        chromiumPath as string,
        ME,
      ));
      for (const [displayName, organisation] of [
        ['Ada Lovelace', 'Analytical Engines'],
        ['Alan Turing', 'Bletchley Park'],
        ['Grace Hopper', 'US Navy'],
      ]) {
        const res = await page.request.post('/api/v1/contacts', {
          data: { displayName, organisation },
          headers: { 'X-CSRF-Token': csrf },
        });
        expect(res.status()).toBe(201);
      }
    });

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('creates a purpose from the overview', async () => {
      await page.goto('/');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Purposes' }).click();
      await heading('Purposes').waitFor();
      await page.getByText('No purposes yet.', { exact: false }).waitFor();
      await page.getByRole('button', { name: 'New purpose' }).click();
      const form = page.getByRole('form', { name: 'Create purpose' });
      await expectAccessible(page, 'new purpose form');
      // An empty name is refused next to the field.
      await form.getByRole('button', { name: 'Create purpose' }).click();
      const name = form.getByLabel('Name');
      await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
      consoleLog.take([/status of 400/]);
      await name.fill('Guest speakers for MGMT 401');
      await form.getByLabel('Target (people done)').fill('2');
      await form.getByLabel('Keep in touch every (days)').fill('30');
      await form.getByRole('button', { name: 'Create purpose' }).click();
      await heading('Guest speakers for MGMT 401').waitFor();
      purposeUrl = new URL(page.url()).pathname;
      expect(purposeUrl).toMatch(/^\/purposes\/[0-9a-f-]{36}$/);
      expect(await page.locator('.board__heading').allTextContents()).toEqual([
        'identified (0)',
        'reached out (0)',
        'responded (0)',
        'met (0)',
        'helped / committed (0)',
        'closed (0)',
      ]);
      noConsoleErrors();
    });

    it('adds people through the contact search', async () => {
      const form = page.getByRole('form', { name: 'Add people to this purpose' });
      for (const [typed, name] of [
        ['ada', 'Ada Lovelace'],
        ['tur', 'Alan Turing'],
        ['grace', 'Grace Hopper'],
      ] as const) {
        await form.getByRole('searchbox').fill(typed);
        await form.getByRole('button', { name: `Choose ${name}` }).click();
        await form.getByRole('button', { name: `Remove ${name}` }).waitFor();
      }
      await form.getByRole('button', { name: 'Add to purpose' }).click();
      await page.getByRole('region', { name: 'Notifications' }).getByText('Added 3 people.').waitFor();
      await expect.poll(() => namesIn('identified')).toEqual(['Ada Lovelace', 'Alan Turing', 'Grace Hopper']);
      expect(await count('identified')).toBe('3');
      await card('Ada Lovelace').getByText('Analytical Engines').waitFor();
      await expectAccessible(page, 'purpose board with people');
      noConsoleErrors();
    });

    /** Drags with both ends on screen: a scroll between "pick up" and "drop" would pick up another card. */
    async function drag(from: string, to: ReturnType<typeof column>) {
      await page.getByRole('heading', { name: 'Board' }).evaluate((h) => h.scrollIntoView());
      await card(from).dragTo(to);
    }

    it('moves a card by dragging it to another stage', async () => {
      await page.setViewportSize({ width: 1400, height: 1000 });
      await drag('Ada Lovelace', column('reached out'));
      await expect.poll(() => namesIn('reached out')).toEqual(['Ada Lovelace']);
      await expect.poll(() => count('reached out')).toBe('1');
      expect(await count('identified')).toBe('2');
      // Dropped onto a card, it goes before that card.
      await drag('Grace Hopper', card('Ada Lovelace'));
      await expect.poll(() => namesIn('reached out')).toEqual(['Grace Hopper', 'Ada Lovelace']);
      // The server has it (not only the page): wait for the board to settle, then check through the API.
      await expect
        .poll(async () => {
          const res = await page.request.get(`/api/v1${purposeUrl}`);
          const board = (await res.json()) as {
            columns: { items: { contact: { displayName: string } }[] }[];
          };
          return board.columns[1]?.items.map((i) => i.contact.displayName);
        })
        .toEqual(['Grace Hopper', 'Ada Lovelace']);
      noConsoleErrors();
    });

    it('moves a card with the keyboard and announces it', async () => {
      const handle = card('Alan Turing').getByRole('button', { name: 'Move Alan Turing' });
      await handle.focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => namesIn('reached out')).toContain('Alan Turing');
      await page.getByRole('status').filter({ hasText: 'Alan Turing moved to reached out' }).waitFor();
      // The keyboard stays on the card, so it can keep going.
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
        .toContain('Move Alan Turing');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => namesIn('met')).toEqual(['Alan Turing']);
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => namesIn('helped / committed')).toEqual(['Alan Turing']);
      await expect.poll(() => count('helped / committed')).toBe('1');
      expect(await count('identified')).toBe('0');
      await expect.poll(() => page.getByTestId('done').first().textContent()).toBe('1 of 2');
      // Up and down reorder within the column.
      await card('Ada Lovelace').getByRole('button', { name: 'Move Ada Lovelace' }).focus();
      await page.keyboard.press('ArrowUp');
      await expect.poll(() => namesIn('reached out')).toEqual(['Ada Lovelace', 'Grace Hopper']);
      // "Move to…" does the same without arrows.
      await card('Grace Hopper').getByLabel('Move Grace Hopper to').selectOption({ label: 'responded' });
      await expect.poll(() => namesIn('responded')).toEqual(['Grace Hopper']);
      await expectAccessible(page, 'purpose board after moves');
      noConsoleErrors();
    });

    it('fits a phone: the board scrolls inside itself, not the page; a stale card gives its date in words', async () => {
      const board = (await (await page.request.get(`/api/v1${purposeUrl}`)).json()) as {
        columns: { items: { id: string; contact: { displayName: string } }[] }[];
      };
      const grace = board.columns
        .flatMap((c) => c.items)
        .find((i) => i.contact.displayName === 'Grace Hopper');
      const patchGrace = async (data: unknown) => {
        const res = await page.request.patch(`/api/v1${purposeUrl}/items/${grace?.id}`, {
          data,
          headers: { 'X-CSRF-Token': csrf },
        });
        expect(res.status(), await res.text()).toBe(200);
      };
      await patchGrace({ nextStep: 'Send the syllabus', nextStepOn: '2025-11-25' });
      await page.setViewportSize({ width: 390, height: 844 });
      try {
        await page.goto(purposeUrl);
        await heading('Guest speakers for MGMT 401').waitFor();
        const stale = card('Grace Hopper').locator('.board-card__stale');
        await stale.waitFor();
        expect(await stale.textContent()).toMatch(/^Stale: next step was due (25 Nov 2025|Nov 25, 2025)$/);
        // The cards' hidden labels ("Move Alan Turing") stay inside the board: the page is no wider than the phone…
        expect(await hasNoHorizontalOverflow(page)).toBe(true);
        // …and every column is still there, a sideways scroll of the board away.
        expect(await page.locator('.board').evaluate((b) => b.scrollWidth > b.clientWidth)).toBe(true);
        await expectAccessible(page, 'purpose board (phone)');
      } finally {
        await page.setViewportSize({ width: 1400, height: 1000 });
        await patchGrace({ nextStep: null, nextStepOn: null });
      }
      noConsoleErrors();
    });

    it('keeps everything after a reload, shows the progress on the overview and on the contact page', async () => {
      await page.reload();
      await heading('Guest speakers for MGMT 401').waitFor();
      await expect.poll(() => namesIn('reached out')).toEqual(['Ada Lovelace']);
      expect(await namesIn('responded')).toEqual(['Grace Hopper']);
      expect(await namesIn('helped / committed')).toEqual(['Alan Turing']);
      expect(await namesIn('identified')).toEqual([]);

      // A next step and a note from the card's details.
      await card('Ada Lovelace').getByRole('button', { name: 'Details of Ada Lovelace' }).click();
      const details = page.getByRole('form', { name: 'Next step and note for Ada Lovelace' });
      await details.getByLabel('Next step').fill('Confirm the date');
      await details.getByLabel('Note').fill('Prefers February');
      await details.getByRole('button', { name: 'Save' }).click();
      await details.getByText('Saved.').waitFor();
      await card('Ada Lovelace').getByText('Next: Confirm the date').waitFor();
      await card('Ada Lovelace').getByText('identified → reached out', { exact: false }).waitFor();

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Purposes' }).click();
      await heading('Purposes').waitFor();
      const overview = page.locator('.purpose-card').filter({ hasText: 'Guest speakers for MGMT 401' });
      await overview.getByText('3 people').waitFor();
      expect(await overview.getByTestId('count-reached out').textContent()).toBe('1');
      expect(await overview.getByTestId('done').textContent()).toBe('1 of 2');
      await expectAccessible(page, 'purposes overview');

      // From the overview to the board, and from a card to the person.
      await overview.getByRole('link', { name: 'Guest speakers for MGMT 401' }).click();
      await card('Ada Lovelace').getByRole('link', { name: 'Ada Lovelace' }).click();
      await heading('Ada Lovelace').waitFor();
      const section = page.getByRole('region', { name: 'Purposes' });
      await section.getByText('reached out', { exact: false }).waitFor();
      await section.getByText('next: Confirm the date', { exact: false }).waitFor();
      await expectAccessible(page, 'contact page with purposes');
      noConsoleErrors();
    });

    it('edits the stages: removing one that holds people asks where they go', async () => {
      await page.goto(purposeUrl);
      await heading('Guest speakers for MGMT 401').waitFor();
      await page.getByRole('button', { name: 'Edit purpose' }).click();
      const form = page.getByRole('form', { name: 'Save purpose' });
      await form.getByLabel('Stage 4', { exact: true }).fill('had coffee');
      await form.getByRole('button', { name: 'Remove responded' }).click();
      await form
        .getByLabel('“responded” holds 1 person: move them to')
        .selectOption({ label: 'reached out' });
      await expectAccessible(page, 'purpose editor');
      await form.getByRole('button', { name: 'Save purpose' }).click();
      await heading('Guest speakers for MGMT 401').waitFor();
      expect(await page.locator('.board__heading').allTextContents()).toEqual([
        'identified (0)',
        'reached out (2)',
        'had coffee (0)',
        'helped / committed (1)',
        'closed (0)',
      ]);
      noConsoleErrors();
    });

    it('deletes a purpose to the trash and restores it from there', async () => {
      await page.getByRole('button', { name: 'Delete' }).click();
      await page.getByRole('button', { name: 'Yes, delete' }).click();
      await heading('Purposes').waitFor();
      await page.getByText('No purposes yet.', { exact: false }).waitFor();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trash' }).click();
      const section = page.getByRole('region', { name: /Purposes/ });
      await section.locator('.result__name', { hasText: 'Guest speakers for MGMT 401' }).waitFor();
      await expectAccessible(page, 'trash with a purpose');
      await section.getByRole('button', { name: 'Restore Guest speakers for MGMT 401' }).click();
      await page
        .getByRole('region', { name: 'Notifications' })
        .getByText('Restored purpose Guest speakers for MGMT 401.')
        .waitFor();
      await page.goto('/purposes');
      await page
        .locator('.purpose-card')
        .filter({ hasText: 'Guest speakers for MGMT 401' })
        .getByText('3 people')
        .waitFor();
      noConsoleErrors();
    });

    it('shows every active purpose against its target and deadline on the health page', async () => {
      const post = async (path: string, data: unknown) => {
        const res = await page.request.post(`/api/v1${path}`, { data, headers: { 'X-CSRF-Token': csrf } });
        expect(res.status(), await res.text()).toBeLessThan(300);
        return res.json();
      };
      const today = ((await (await page.request.get('/api/v1/today')).json()) as { date: string }).date;
      const shift = (days: number) =>
        new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
      // Past its deadline with nobody done: the whole target was expected by now.
      await post('/purposes', { name: 'Conference panel', targetCount: 3, deadline: shift(-1) });
      await post('/purposes', { name: 'Research partners', targetCount: 4, deadline: shift(60) });
      await post('/purposes', { name: 'Alumni network' });
      const archived = await post('/purposes', { name: 'Old project', targetCount: 2, deadline: shift(-1) });
      await post(`/purposes/${archived.id}/archive`, {});

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Health' }).click();
      const section = page.getByRole('region', { name: 'Purpose progress' });
      expect(await section.locator('.chart__summary').textContent()).toBe(
        '4 active purposes: 1 on pace, 1 behind, 1 without a deadline, 1 without a target. ' +
          'Behind: Conference panel (0 of 3 done, 3 expected by today).',
      );
      const chart = section.locator('.recharts-wrapper > svg.recharts-surface');
      await chart.waitFor();
      expect(await chart.locator('> title').textContent()).toBe(
        'Each active purpose: done against its target, and how many were expected by today',
      );
      await section.getByText('Show the numbers').click();
      const rows = section.getByRole('table').getByRole('row');
      const cells = async (n: number) => {
        const row = rows.nth(n);
        return [
          await row.getByRole('rowheader').textContent(),
          ...(await row.getByRole('cell').allTextContents()),
        ];
      };
      expect(await rows.count()).toBe(5);
      expect(await cells(1)).toEqual(['Alumni network', '0', '—', '—', '—', 'No target']);
      expect((await cells(2)).filter((_, i) => i !== 4)).toEqual([
        'Conference panel',
        '0',
        '3',
        '3',
        'Behind',
      ]);
      expect(await cells(3)).toEqual(['Guest speakers for MGMT 401', '1', '2', '—', '—', 'No deadline']);
      expect((await cells(4)).filter((_, i) => i !== 4)).toEqual([
        'Research partners',
        '0',
        '4',
        '0',
        'On pace',
      ]);
      await expectAccessible(page, 'health page with purposes');

      // Each name leads to the purpose's board, from the table and from the chart's axis.
      await section.getByRole('table').getByRole('link', { name: 'Guest speakers for MGMT 401' }).click();
      await heading('Guest speakers for MGMT 401').waitFor();
      await page.goBack();
      await chart.locator('a', { hasText: 'Research partners' }).click();
      await heading('Research partners').waitFor();
      noConsoleErrors();
    });

    it('says archived purposes exist, and how to show them, when none is active', async () => {
      const active = (await (await page.request.get('/api/v1/purposes?status=active')).json()) as {
        items: { id: string }[];
      };
      for (const p of active.items) {
        const res = await page.request.post(`/api/v1/purposes/${p.id}/archive`, {
          data: {},
          headers: { 'X-CSRF-Token': csrf },
        });
        expect(res.status(), await res.text()).toBeLessThan(300);
      }
      await page.goto('/purposes');
      await heading('Purposes').waitFor();
      await page
        .getByText(
          'No active purposes. 5 purposes are archived: tick “Show archived purposes” to see them, or start a new one.',
        )
        .waitFor();
      expect(await page.getByText('No purposes yet.', { exact: false }).count()).toBe(0);
      await page.getByLabel('Show archived purposes').check();
      await page
        .getByRole('list', { name: 'Archived purposes' })
        .getByRole('link', { name: 'Old project' })
        .waitFor();
      await expectAccessible(page, 'purposes overview, all archived');
      noConsoleErrors();
    });
  },
);
