import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newContext } from './support/browser';
import { openContactsTab } from './support/navigate';
import { expectAccessible, hasNoHorizontalOverflow, watchConsole } from './support/page-checks';
import type { RunningServer } from './support/server';
import { signedUpSession } from './support/session';

const chromiumPath = inject('chromiumPath');
const SKIP_REASON = 'skipped: Chromium not found (apt-get install -y chromium, or set CHROMIUM_PATH)';
const ME = { name: 'Grace Hopper', email: 'grace@example.test', password: 'cobol-forever-1959' };
const PHONE = { width: 375, height: 740 };
const DAY = 86_400_000;
// A failed request Chrome logs by itself; only allowed where the test provokes it on purpose.
const BAD_REQUEST = /status of 400/;

describe.skipIf(!chromiumPath)(
  chromiumPath
    ? 'web app: relationships, Today, favours, promises'
    : `web app: relationships: ${SKIP_REASON}`,
  () => {
    let server: RunningServer;
    let browser: Browser;
    let page: Page;
    let consoleLog: ReturnType<typeof watchConsole>;
    let csrf = '';
    const ids: Record<string, string> = {};

    const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });
    const nav = () => page.getByRole('navigation', { name: 'Main' });
    const todayItems = () =>
      page
        .getByRole('list')
        .filter({ has: page.locator('.today-item') })
        .getByRole('listitem');
    const todayItem = (title: string) => page.locator('.today-item').filter({ hasText: title });
    const notice = () => page.getByRole('region', { name: 'Notifications' });
    const noConsoleErrors = (expected: RegExp[] = []) => expect(consoleLog.take(expected)).toEqual([]);

    async function api(method: 'post' | 'patch' | 'get', path: string, body?: unknown) {
      const res = await page.request[method](`/api/v1${path}`, {
        ...(body === undefined ? {} : { data: body }),
        headers: { 'X-CSRF-Token': csrf },
      });
      expect(res.status(), await res.text()).toBeLessThan(300);
      return res.json();
    }

    /** The score and next-due line of the contact page's relationship panel. */
    async function relationshipFigures(contactId: string) {
      await page.goto(`/contacts/${contactId}`);
      const score = page.getByTestId('relationship-score');
      await score.waitFor();
      return {
        score: Number.parseInt((await score.textContent()) ?? '', 10),
        nextDue: ((await page.getByTestId('relationship-next-due').textContent()) ?? '').trim(),
      };
    }

    beforeAll(async () => {
      ({ server, browser, page, consoleLog, csrf } = await signedUpSession(
        inject('webRoot'),
        chromiumPath as string,
        ME,
      ));
      // Everything set up through the API; the browser then does what a person would.
      for (const [givenName, familyName] of [
        ['Ada', 'Lovelace'],
        ['Alan', 'Turing'],
        ['Katherine', 'Johnson'],
      ] as const) {
        const c = (await api('post', '/contacts', { givenName, familyName, connectedOn: '2023-01-10' })) as {
          id: string;
        };
        ids[givenName] = c.id;
      }
      const today = ((await api('get', '/today')) as { date: string }).date;
      // Ada: met five months ago, and I want to keep in touch every 30 days, so she is overdue.
      await api('post', '/interactions', {
        kind: 'meeting',
        contactIds: [ids.Ada],
        direction: 'mutual',
        occurredAt: new Date(Date.now() - 150 * DAY).toISOString(),
        summary: 'Tea at the Royal Society',
      });
      await api('patch', `/contacts/${ids.Ada}/relationship`, { cadenceDays: 30 });
      // Alan wrote two days ago and is waiting for an answer.
      await api('post', '/interactions', {
        kind: 'email',
        contactIds: [ids.Alan],
        direction: 'inbound',
        occurredAt: new Date(Date.now() - 2 * DAY).toISOString(),
        summary: 'Would you read my paper?',
      });
      // I promised Katherine something for today.
      await api('post', '/promises', {
        contactId: ids.Katherine,
        direction: 'mine',
        what: 'Send the orbital notes',
        dueOn: today,
      });
    });

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('opens on Today: a short ranked list, each item with its reason and actions', async () => {
      await page.goto('/');
      await heading('Today').waitFor();
      await todayItem('Send the orbital notes').waitFor();
      const titles = await page.locator('.today-item__title').allTextContents();
      expect(titles).toEqual([
        'Send the orbital notes — for Katherine Johnson',
        'Reply to Alan Turing',
        'Get in touch with Ada Lovelace',
      ]);
      expect(await todayItems().count()).toBe(3);
      await todayItem('Ada Lovelace')
        .getByText(/you keep in touch every 30 days/i)
        .waitFor();
      await expectAccessible(page, 'Today');
      noConsoleErrors();
    });

    it('lists everyone I have lost touch with, from a link under Today', async () => {
      await page.goto('/');
      await page.getByRole('link', { name: 'Lost touch' }).click();
      await heading('Lost touch').waitFor();
      const row = page.getByRole('row').filter({ hasText: 'Ada Lovelace' });
      await row.waitFor();
      expect(await row.getByRole('cell').allTextContents()).toEqual([
        expect.stringMatching(/^\d+ \((active|close|inner|dormant)\)$/),
        expect.any(String),
        'every 30 days',
        '120 days',
      ]);
      expect(await page.getByRole('row').count()).toBe(2);
      await expectAccessible(page, 'lost touch');
      noConsoleErrors();
    });

    it('logs a meeting from a Today item, and the contact page shows the new score and next due date', async () => {
      const before = await relationshipFigures(ids.Ada as string);
      expect(before.nextDue).toMatch(/overdue/);

      await page.goto('/');
      await heading('Today').waitFor();
      const item = todayItem('Get in touch with Ada Lovelace');
      await item.getByRole('button', { name: 'Log a check-in: Get in touch with Ada Lovelace' }).click();
      const form = page.getByRole('form', { name: 'Log an interaction with Ada Lovelace' });
      await form.waitFor();
      // The compact form opens with a meeting "now" ready to log and the keyboard in the note: what is typed
      // lands there, not in the "What" select.
      const what = form.getByLabel('What');
      const note = form.getByLabel('Note');
      expect(await what.inputValue()).toBe('meeting');
      expect(await form.getByLabel('When').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
      await expect.poll(() => note.evaluate((el) => el === document.activeElement)).toBe(true);
      await expectAccessible(page, 'Today with the quick log form open');
      await page.keyboard.type('Coffee: she will review the Engine notes');
      expect(await note.inputValue()).toBe('Coffee: she will review the Engine notes');
      expect(await what.inputValue()).toBe('meeting');
      await form.getByRole('button', { name: 'Log it' }).click();
      await notice().getByText('Interaction logged with Ada Lovelace.').waitFor();
      await item.waitFor({ state: 'detached' });
      expect(await todayItems().count()).toBe(2);

      const after = await relationshipFigures(ids.Ada as string);
      expect(after.score).toBeGreaterThan(before.score);
      expect(after.nextDue).not.toBe(before.nextDue);
      expect(after.nextDue).not.toMatch(/overdue/);
      const timeline = page.getByRole('list', { name: 'Interactions, newest first' });
      const logged = (await timeline.getByRole('listitem').first().textContent()) ?? '';
      expect(logged).toContain('Coffee: she will review the Engine notes');
      // In the form's words, not the API's "mutual".
      expect(logged).toContain('Both of us / it just happened');
      expect(logged).not.toContain('mutual');
      await page.getByRole('list').getByText('Time together in person: +', { exact: false }).waitFor();
      await expectAccessible(page, 'contact page with the relationship');
      noConsoleErrors();
    });

    it('logs an interaction with several people on the contact page; a future date is refused next to the field', async () => {
      await page.goto(`/contacts/${ids.Ada}`);
      await heading('Ada Lovelace').waitFor();
      await page.getByRole('button', { name: 'Log interaction' }).click();
      const form = page.getByRole('form', { name: 'Log an interaction with Ada Lovelace' });
      await form.getByLabel('What').selectOption('call');
      // An unanswered call is one I made, until I say otherwise.
      const answered = form.getByLabel('The call was answered');
      expect(await form.getByLabel('Both of us / it just happened').isChecked()).toBe(true);
      await answered.uncheck();
      expect(await form.getByLabel('I reached out').isChecked()).toBe(true);
      await answered.check();
      expect(await form.getByLabel('Both of us / it just happened').isChecked()).toBe(true);
      await form.getByLabel('They reached out').check();
      await answered.uncheck();
      expect(await form.getByLabel('They reached out').isChecked()).toBe(true);
      await answered.check();
      // A second person through the picker: type, then pick from the list.
      await form.getByLabel('Add someone else').fill('kath');
      await form.getByRole('button', { name: /Choose Katherine Johnson/ }).click();
      await form.getByRole('button', { name: 'Remove Katherine Johnson' }).waitFor();
      const when = form.getByLabel('When');
      await when.fill('2099-01-01T10:00');
      await form.getByLabel('Summary').fill('Called about the Bernoulli numbers');
      await form.getByRole('button', { name: 'Log it' }).click();
      await expect.poll(() => when.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await when.getAttribute('aria-describedby')) ?? '';
      expect(await page.locator(`#${describedBy.split(' ').at(-1)}`).textContent()).toMatch(/future/i);
      expect(await when.evaluate((el) => el === document.activeElement)).toBe(true);
      await expectAccessible(page, 'log form with a field error');
      noConsoleErrors([BAD_REQUEST]);

      // An emptied "When" is not "now": it is refused next to the field, and nothing is sent.
      const posts: string[] = [];
      const onRequest = (r: { method(): string; url(): string }) => {
        if (r.method() === 'POST' && r.url().includes('/api/v1/interactions')) posts.push(r.url());
      };
      page.on('request', onRequest);
      await when.fill('');
      await form.getByRole('button', { name: 'Log it' }).click();
      const whenError = async () =>
        page
          .locator(`#${((await when.getAttribute('aria-describedby')) ?? '').split(' ').at(-1)}`)
          .textContent();
      await expect.poll(whenError).toBe('Choose when it happened.');
      expect(await when.getAttribute('aria-invalid')).toBe('true');
      expect(await when.evaluate((el) => el === document.activeElement)).toBe(true);
      page.off('request', onRequest);
      expect(posts).toEqual([]);

      await when.fill('2024-06-01T10:00');
      await form.getByRole('button', { name: 'Log it' }).click();
      await form.waitFor({ state: 'detached' });
      const timeline = page.getByRole('list', { name: 'Interactions, newest first' });
      const call = timeline.getByRole('listitem').filter({ hasText: 'Called about the Bernoulli numbers' });
      await call.getByText('They reached out · also with Katherine Johnson', { exact: true }).waitFor();

      // Promises with this person: add one, then release it.
      const promises = page.getByRole('region', { name: 'Promises' });
      await promises.getByRole('button', { name: 'Add a promise' }).click();
      const add = promises.getByRole('form', { name: 'Add a promise with Ada Lovelace' });
      await add.getByLabel('Ada Lovelace promised me').check();
      await add.getByLabel('What').fill('Notes on the Analytical Engine');
      await add.getByRole('button', { name: 'Add promise' }).click();
      const open = promises.getByRole('list', { name: 'Open promises' });
      await open.getByText('They promised me', { exact: false }).waitFor();
      await open.getByRole('button', { name: 'Released: Notes on the Analytical Engine' }).click();
      await promises
        .getByRole('list', { name: 'Past promises' })
        .getByText('Released', { exact: true })
        .waitFor();
      noConsoleErrors();
    });

    it('marks a promise kept from Today, and the kept-on-time rate and the chart follow', async () => {
      await page.goto('/promises');
      await heading('Promises').waitFor();
      // Due today and still open: not counted yet.
      expect(await page.getByTestId('kept-90').textContent()).toBe('—');
      const open = page.getByRole('list', { name: 'Open promises' });
      await open.getByText('Send the orbital notes', { exact: true }).waitFor();

      await nav().getByRole('link', { name: 'Today' }).click();
      await heading('Today').waitFor();
      const item = todayItem('Send the orbital notes');
      await item.getByRole('button', { name: /^Mark kept: Send the orbital notes/ }).click();
      await notice().getByText('Marked kept. Well done.').waitFor();
      await item.waitFor({ state: 'detached' });
      // The keyboard moves on to the item that took its place.
      expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toBe(
        'Reply to Alan Turing',
      );
      // Marked by mistake: the notice's Undo reopens it and it is back on the list; then kept for real.
      await notice().getByRole('button', { name: 'Undo' }).click();
      await notice()
        .getByText(/^Open again: Send the orbital notes/)
        .waitFor();
      await item.getByRole('button', { name: /^Mark kept: Send the orbital notes/ }).click();
      await notice().getByText('Marked kept. Well done.').waitFor();
      await item.waitFor({ state: 'detached' });
      await page.getByText('Kept on time, 90 days').waitFor();
      expect(
        await page.locator('.stats__item', { hasText: 'Kept on time, 90 days' }).locator('dd').textContent(),
      ).toBe('100%');

      await nav().getByRole('link', { name: 'Promises' }).click();
      await heading('Promises').waitFor();
      await expect.poll(() => page.getByTestId('kept-90').textContent()).toBe('100%');
      expect(await page.getByTestId('kept-all').textContent()).toBe('100%');
      const past = page.getByRole('list', { name: 'Past promises' });
      await past.getByText('Send the orbital notes', { exact: true }).waitFor();
      await past.getByText('Kept', { exact: true }).waitFor();
      await expectAccessible(page, 'promises page');
      // Kept yesterday, marked today: the day can be corrected, never into the future.
      await past.getByRole('button', { name: 'Edit promise: Send the orbital notes' }).click();
      const form = page.getByRole('form', { name: 'Edit the promise: Send the orbital notes' });
      const keptOn = form.getByLabel('Kept on');
      const day = (offset: number) =>
        page.evaluate((n) => {
          const d = new Date();
          d.setDate(d.getDate() + n);
          return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
        }, offset);
      expect(await keptOn.inputValue()).toBe(await day(0));
      await keptOn.fill(await day(1));
      await form.getByRole('button', { name: 'Save' }).click();
      await form.getByText('cannot be after today').waitFor();
      await keptOn.fill(await day(-1));
      await form.getByRole('button', { name: 'Save' }).click();
      await notice().getByText('Promise saved.').waitFor();
      const saved = (await api('get', '/promises')).items.find(
        (p: { what: string }) => p.what === 'Send the orbital notes',
      );
      expect(saved).toMatchObject({ status: 'kept', resolvedOn: await day(-1) });

      await nav().getByRole('link', { name: 'Health' }).click();
      await heading('Relationship health').waitFor();
      const promises = page.getByRole('region', { name: 'Promises kept' });
      expect(await promises.locator('.chart__summary').textContent()).toBe(
        'Of 1 promise that fell due: 1 kept on time.',
      );
      const chart = promises.locator('.recharts-wrapper > svg.recharts-surface');
      await chart.waitFor();
      expect(await chart.locator('> title').textContent()).toBe(
        'My promises per month: on time, late, broken, overdue',
      );
      await promises.getByText('Show the numbers').click();
      const row = promises.getByRole('table').getByRole('row').nth(1);
      expect((await row.getByRole('cell').allTextContents()).slice(0, 1)).toEqual(['1']);
      const health = page.getByRole('region', { name: 'Relationships by tier' });
      await health.getByRole('application', { name: 'Relationships by tier, per day' }).waitFor();
      await page.getByRole('region', { name: 'Favour balance' }).waitFor();
      // No purposes yet: the section says so and leads to creating one.
      const purposes = page.getByRole('region', { name: 'Purpose progress' });
      expect(await purposes.locator('.chart__summary').textContent()).toBe('No active purposes.');
      await purposes.getByText('No purposes yet.', { exact: false }).waitFor();
      await expectAccessible(page, 'charts');
      await purposes.getByRole('link', { name: 'Create a purpose' }).click();
      await page.getByRole('form', { name: 'Create purpose' }).getByLabel('Name').waitFor();
      await page.goBack();
      await heading('Relationship health').waitFor();
      // Everyone past their keep-in-touch date is one step away, and Health stays marked in the navigation.
      await page.getByRole('link', { name: 'Lost touch' }).click();
      await heading('Lost touch').waitFor();
      expect(await nav().getByRole('link', { name: 'Health' }).getAttribute('class')).toContain('active');
      await page.goBack();
      await heading('Relationship health').waitFor();
      noConsoleErrors([BAD_REQUEST]); // the future day, refused by the server
    });

    it('snoozes an item until tomorrow and it leaves the list', async () => {
      await page.goto('/');
      await heading('Today').waitFor();
      const item = todayItem('Reply to Alan Turing');
      // "Log my reply" answers his email with an email, from me, with the keyboard in the note.
      await item.getByRole('button', { name: 'Log my reply: Reply to Alan Turing' }).click();
      const reply = page.getByRole('form', { name: 'Log an interaction with Alan Turing' });
      expect(await reply.getByLabel('What').inputValue()).toBe('email');
      expect(await reply.getByLabel('I reached out').isChecked()).toBe(true);
      await expect
        .poll(() => reply.getByLabel('Note').evaluate((el) => el === document.activeElement))
        .toBe(true);
      await page.keyboard.press('Escape');
      await reply.waitFor({ state: 'detached' });
      // Done by mistake: the notice offers to undo it, and the item comes back.
      await item.getByRole('button', { name: 'Done: Reply to Alan Turing' }).click();
      await item.waitFor({ state: 'detached' });
      await notice().getByRole('button', { name: 'Undo' }).click();
      await notice().getByText('Back on the list: Reply to Alan Turing.').waitFor();
      await item.waitFor();
      await item.getByRole('button', { name: 'Snooze: Reply to Alan Turing' }).click();
      const until = item.getByLabel('Snooze until');
      expect(await until.evaluate((el) => el === document.activeElement)).toBe(true);
      const tomorrow = await until.inputValue();
      expect(tomorrow).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      await expectAccessible(page, 'Today with the snooze form open');
      await item.getByRole('button', { name: 'Snooze', exact: true }).click();
      await notice()
        .getByText(/^Snoozed until /)
        .waitFor();
      await item.waitFor({ state: 'detached' });
      await page.getByText('Nothing due — a good day to reach out to someone.').waitFor();
      noConsoleErrors();
    });

    it('records favours and shows the balance: who I helped, who helped me, who I owe', async () => {
      await nav().getByRole('link', { name: 'Favours' }).click();
      await heading('Favours').waitFor();
      const form = page.getByRole('form', { name: 'Record a favour' });
      // Without a person the form says so next to the picker.
      await form.getByLabel('What').fill('Read my paper');
      await form.getByRole('button', { name: 'Record favour' }).click();
      await form.getByText('Choose who it was with.').waitFor();
      // Picked with the keyboard (↓, Enter): the search gives way to the chip, and the keyboard lands on it.
      await form.getByLabel('Find a person').fill('alan');
      await form.getByRole('button', { name: /Choose Alan Turing/ }).waitFor();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      const chosen = form.getByRole('button', { name: 'Remove Alan Turing' });
      await expect.poll(() => chosen.evaluate((el) => el === document.activeElement)).toBe(true);
      await form.getByLabel('They helped me').check();
      await form.getByLabel('Size').selectOption('2');
      await form.getByRole('button', { name: 'Record favour' }).click();
      await notice().getByText('Favour recorded with Alan Turing.').waitFor();
      const balance = page.getByRole('region', { name: 'Balance' });
      await balance
        .getByRole('row', { name: /Alan Turing/ })
        .getByText('you owe them')
        .waitFor();
      await page.getByLabel('Show').selectOption('owe');
      await balance.getByRole('row', { name: /Alan Turing/ }).waitFor();
      await page
        .getByRole('region', { name: 'All favours' })
        .getByText('Read my paper', { exact: true })
        .waitFor();
      await expectAccessible(page, 'favours page');

      // Owing a favour puts it on Today, with "record a favour" as its action.
      await nav().getByRole('link', { name: 'Today' }).click();
      const owed = todayItem('You owe Alan Turing a favour');
      await owed.getByRole('button', { name: 'Record a favour: You owe Alan Turing a favour' }).click();
      const quick = page.getByRole('form', { name: 'Record a favour with Alan Turing' });
      await quick.getByLabel('What').fill('Introduced him to a publisher');
      await quick.getByLabel('Size').selectOption('3');
      await quick.getByRole('button', { name: 'Record favour' }).click();
      await owed.waitFor({ state: 'detached' });
      noConsoleErrors();
    });

    it('edits the profile, Today and digest settings, a tag cadence and the calendar feed', async () => {
      await page.goto('/settings');
      await heading('Settings').waitFor();
      const today = page.getByRole('region', { name: 'Today and the daily digest' });
      const length = today.getByLabel('Items on Today');
      await length.fill('60');
      await today.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => length.getAttribute('aria-invalid')).toBe('true');
      noConsoleErrors([BAD_REQUEST]);
      await length.fill('5');
      await today.getByLabel('Time zone').selectOption('Europe/London');
      await today.getByLabel('Email me Today’s list every day').check();
      await today.getByLabel('Send it at').selectOption('7');
      await today.getByRole('button', { name: 'Save' }).click();
      await today.getByText('Saved. Today follows the new settings.').waitFor();
      const saved = (await api('get', '/settings')) as Record<string, unknown>;
      expect(saved).toMatchObject({
        todayLimit: 5,
        timeZone: 'Europe/London',
        digestEnabled: true,
        digestHour: 7,
      });

      const feed = page.getByRole('region', { name: 'Calendar feed' });
      await feed.getByRole('button', { name: 'Create a feed address' }).click();
      expect(await feed.getByLabel('Calendar feed address').inputValue()).toMatch(/\/feeds\/.+\.ics$/);
      await feed.getByRole('button', { name: 'I have copied it' }).click();
      await feed.getByRole('button', { name: /^Revoke/ }).click();
      await feed.getByRole('button', { name: 'Yes, revoke' }).click();
      await feed.getByText('No calendar feeds.').waitFor();
      await expectAccessible(page, 'settings');

      await nav()
        .getByRole('link', { name: /your profile/ })
        .click();
      await heading('Your profile').waitFor();
      await page.getByLabel('Headline').fill('Rear admiral, compiler pioneer');
      await page.getByLabel('Add an offer').fill('guest lectures on compilers');
      await page.getByLabel('Add an offer').press('Enter');
      await page.getByLabel('Add a need').fill('case-study research leads');
      await page.getByRole('button', { name: 'Add need' }).click();
      await page.getByRole('button', { name: 'Remove need case-study research leads' }).waitFor();
      await page.getByRole('button', { name: 'Save profile' }).click();
      await notice().getByText('Profile saved.').waitFor();
      expect(await api('get', '/profile')).toMatchObject({
        headline: 'Rear admiral, compiler pioneer',
        offers: ['guest lectures on compilers'],
        needs: ['case-study research leads'],
      });
      await expectAccessible(page, 'profile');

      await api('post', '/tags', { name: 'former students' });
      await openContactsTab(page, 'Tags');
      await heading('Tags').waitFor();
      await page.getByRole('button', { name: 'Keep in touch with former students' }).click();
      await page.getByLabel('Keep in touch with “former students” every (days)').fill('180');
      await page.getByRole('button', { name: 'Save' }).click();
      await notice()
        .getByText('Keeping in touch with everyone tagged “former students” every 180 days.')
        .waitFor();
      noConsoleErrors();
    });

    it('draws the network graph: strong relationships near me, filters by tier, and opens a person from it', async () => {
      await nav().getByRole('link', { name: 'Network' }).click();
      await page.getByRole('navigation', { name: 'Network' }).getByRole('link', { name: 'Graph' }).click();
      await heading('Network graph').waitFor();
      const picture = page.locator('svg.graph');
      const node = (name: string) => picture.getByRole('button', { name: new RegExp(`^${name}, `) });
      await node('Ada Lovelace').waitFor();
      await node('Alan Turing').waitFor();
      // Katherine has only a promise: no interaction, so dormant; hiding dormant people hides her.
      expect(await node('Katherine Johnson').getAttribute('aria-label')).toBe('Katherine Johnson, Dormant 0');
      await page.getByRole('checkbox', { name: /^Dormant/ }).uncheck();
      await node('Katherine Johnson').waitFor({ state: 'detached' });
      await page.getByRole('checkbox', { name: /^Dormant/ }).check();
      await page.getByLabel('Find someone in the picture').fill('kath');
      await expect.poll(() => node('Katherine Johnson').getAttribute('class')).toContain('graph-node--match');
      // By keyboard: focus Ada's node, Enter, and the panel says who she is and where to go.
      await node('Ada Lovelace').focus();
      await page.keyboard.press('Enter');
      const panel = page.getByRole('complementary', { name: 'Selected' });
      await panel.getByRole('heading', { name: 'Ada Lovelace' }).waitFor();
      await panel.getByText(/strength \d/).waitFor();
      await expectAccessible(page, 'network graph');
      await panel.getByRole('link', { name: 'Open Ada Lovelace' }).click();
      await page.getByRole('heading', { level: 1, name: 'Ada Lovelace' }).waitFor();
      noConsoleErrors();
    });

    it('works on a phone: Today in one column, its forms without sideways scrolling', async () => {
      await api('post', '/promises', {
        contactId: ids.Alan,
        direction: 'theirs',
        what: 'Send the revised paper on computable numbers',
        dueOn: '2024-01-02',
      });
      const phone = await newContext(browser, server.base, PHONE);
      const p = await phone.newPage();
      p.setDefaultTimeout(10_000);
      const phoneLog = watchConsole(p);
      const login = await p.request.post('/api/v1/auth/login', {
        data: { email: ME.email, password: ME.password },
      });
      expect(login.status()).toBeLessThan(300);
      await p.goto('/');
      await p.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
      const item = p.locator('.today-item').filter({ hasText: 'Alan Turing promised' });
      await item.waitFor();
      expect(await p.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
      expect(await hasNoHorizontalOverflow(p)).toBe(true);
      await expectAccessible(p, 'Today (phone)');
      await item.getByRole('button', { name: /^Log interaction/ }).click();
      await p.getByRole('form', { name: 'Log an interaction with Alan Turing' }).waitFor();
      expect(await hasNoHorizontalOverflow(p)).toBe(true);
      await item.getByRole('button', { name: /^Snooze/ }).click();
      await item.getByLabel('Snooze until').waitFor();
      expect(await hasNoHorizontalOverflow(p)).toBe(true);
      await expectAccessible(p, 'Today with its forms open (phone)');
      await item.getByRole('button', { name: /^Mark received/ }).click();
      await item.waitFor({ state: 'detached' });
      await p.goto('/network/graph');
      await p.getByRole('heading', { level: 1, name: 'Network graph' }).waitFor();
      await p
        .locator('svg.graph')
        .getByRole('button', { name: /^Ada Lovelace, / })
        .waitFor();
      expect(await hasNoHorizontalOverflow(p)).toBe(true);
      expect(phoneLog.take()).toEqual([]);
      await phone.close();
    });
  },
);
