import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Purpose } from '../src/contracts/purposes';
import { hasNoHorizontalOverflow, type watchConsole } from './support/page-checks';
import type { RunningServer } from './support/server';
import { signedUpSession } from './support/session';

const chromiumPath = inject('chromiumPath');
const SKIP_REASON = 'skipped: Chromium not found (apt-get install -y chromium, or set CHROMIUM_PATH)';
const ME = { name: 'Jordan Reyes', email: 'jordan@example.test', password: 'find-a-pm-role-2027' };
const STAGES = ['identified', 'reached out', 'talking', 'referred', 'interviewing', 'offer'];

// Jordan, laid off, runs a job search as a purpose on a phone: a pipeline of people towards one offer.
describe.skipIf(!chromiumPath)(
  chromiumPath ? 'web app: a job seeker’s purpose' : `web app: a job seeker’s purpose: ${SKIP_REASON}`,
  () => {
    let server: RunningServer;
    let browser: Browser;
    let page: Page;
    let consoleLog: ReturnType<typeof watchConsole>;
    let csrf = '';
    const notice = () => page.getByRole('region', { name: 'Notifications' });
    const heading = (name: string) => page.getByRole('heading', { level: 1, name, exact: true });
    const post = (path: string, data: unknown) =>
      page.request.post(`/api/v1${path}`, { data, headers: { 'X-CSRF-Token': csrf } });

    beforeAll(async () => {
      ({ server, browser, page, consoleLog, csrf } = await signedUpSession(
        inject('webRoot'),
        chromiumPath as string,
        ME,
        { viewport: { width: 390, height: 844 } },
      ));
    });

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('refuses a target that no stage can meet, saying which stage to mark as done', async () => {
      // Before, this was saved and the overview read "Done 0 of 1" whoever got an offer.
      const refused = await post('/purposes', {
        name: 'Find a PM role in fintech by February',
        targetCount: 1,
        stages: STAGES.map((name) => ({ name })),
      });
      expect(refused.status()).toBe(400);
      const body = (await refused.json()) as { error: { details: { issues: { path: string }[] } } };
      expect(body.error.details.issues.map((i) => i.path)).toEqual(['targetCount']);
    });

    it('deletes a purpose with its people and takes it back from the toast', async () => {
      const created = await post('/purposes', {
        name: 'Find a PM role in fintech by February',
        targetCount: 1,
        deadline: '2027-02-28',
        stages: STAGES.map((name) => ({ name, ...(name === 'offer' ? { role: 'done' } : {}) })),
      });
      expect(created.status()).toBe(201);
      const purpose = (await created.json()) as Purpose;
      const ids: string[] = [];
      for (const displayName of ['Priya Patel', 'Chen Kim', 'Olu Okafor']) {
        const c = await post('/contacts', { displayName, organisation: 'Monzo' });
        ids.push(((await c.json()) as { id: string }).id);
      }
      expect((await post(`/purposes/${purpose.id}/items`, { contactIds: ids })).status()).toBe(201);

      await page.goto(`/purposes/${purpose.id}`);
      await heading(purpose.name).waitFor();
      expect(await page.getByTestId('done').first().textContent()).toContain('0 of 1');
      await page.getByRole('button', { name: 'Delete' }).click();
      await page.getByRole('button', { name: 'Yes, delete' }).click();
      await notice().getByText(`${purpose.name} moved to the trash.`).waitFor();
      await heading('Purposes').waitFor();
      // There was no way back but the trash page; now the toast offers one.
      await notice().getByRole('button', { name: 'Undo' }).click();
      await heading(purpose.name).waitFor();
      await notice().getByText(`${purpose.name} is back.`).waitFor();
      await expect
        .poll(() => page.getByTestId('column-identified').locator('.board-card__name').allTextContents())
        .toEqual(['Priya Patel', 'Chen Kim', 'Olu Okafor']);
      expect(await hasNoHorizontalOverflow(page)).toBe(true);
      expect(consoleLog.take([])).toEqual([]);
    });

    it('counts someone added after the fact from the day Jordan wrote to them, and says who is stuck', async () => {
      const purpose = ((await (await page.request.get('/api/v1/purposes')).json()) as { items: Purpose[] })
        .items[0] as Purpose;
      const c = await post('/contacts', { displayName: 'Noor Haddad', organisation: 'Wise' });
      const noor = ((await c.json()) as { id: string }).id;
      const since = new Date(Date.now() - 20 * 86_400_000).toISOString();
      const placed = await post(`/purposes/${purpose.id}/items`, {
        contactIds: [noor],
        stageId: 'reached out',
        since,
      });
      expect(placed.status()).toBe(201);
      await page.goto(`/purposes/${purpose.id}`);
      await heading(purpose.name).waitFor();
      const card = page.getByTestId('column-reached out').getByTestId('card-Noor Haddad');
      await card.getByText("Stale: 2 weeks in 'reached out'").waitFor();
      expect(await card.textContent()).toContain('20 days in stage');
      // People, not "items": the progress reads as Jordan would say it.
      await expect.poll(() => page.getByText('1 person', { exact: true }).count()).toBeGreaterThan(0);
      expect(consoleLog.take([])).toEqual([]);
    });
  },
);
