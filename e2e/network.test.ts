import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type SmtpSink, smtpTestMailer, startSmtpSink } from '../src/core/mail/smtp-sink.test-support';
import { launchChromium, newContext } from './support/browser';
import { expectAccessible, hasNoHorizontalOverflow, watchConsole } from './support/page-checks';
import { type RunningServer, startServer } from './support/server';
import { signUpThroughMail, signupLinkFor } from './support/signup-by-mail';

const chromiumPath = inject('chromiumPath');
const SKIP_REASON = 'skipped: Chromium not found (apt-get install -y chromium, or set CHROMIUM_PATH)';
const ADA = { name: 'Ada Lovelace', email: 'ada@example.test', password: 'analytical-engine-1843' };
const ALAN = { name: 'Alan Turing', email: 'alan@example.test', password: 'universal-machine-1936' };
const MALLORY = { name: 'Mallory Stranger', email: 'mallory@example.test', password: 'not-connected-2026' };
const GRACE = { email: 'grace@acme.test', phone: '+44 20 7946 0018' };
const PHONE = { width: 375, height: 740 };

interface Person {
  context: BrowserContext;
  page: Page;
  console: ReturnType<typeof watchConsole>;
}

/**
 * Two accounts (and a bystander) on one server, each in its own browser context, with a real SMTP sink: connect by a
 * one-time link (the invitee signs up on the way), share a tag, search, ask for an introduction, accept as the
 * broker, accept as the person through the e-mailed link, and the new contact with exactly what was shared. Also
 * messages, the access log, warm paths, asks, and a bystander who finds nothing.
 */
describe.skipIf(!chromiumPath)(
  chromiumPath ? 'web app: the network, two accounts' : `web app: the network: ${SKIP_REASON}`,
  () => {
    let server: RunningServer;
    let sink: SmtpSink;
    let browser: Browser;
    let ada: Person;
    let alan: Person;
    let mallory: Person;
    let graceId = '';
    let introPath = '';
    let malloryCsrf = '';

    const heading = (p: Page, name: string | RegExp) => p.getByRole('heading', { level: 1, name });
    const notice = (p: Page) => p.getByRole('region', { name: 'Notifications' });
    const subnav = (p: Page) => p.getByRole('navigation', { name: 'Network' });
    const noConsoleErrors = (who: Person, expected: RegExp[] = []) => {
      const errors = who.console.take(expected);
      expect(errors, errors.join('\n')).toEqual([]);
    };

    async function person(): Promise<Person> {
      const context = await newContext(browser, server.base);
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      return { context, page, console: watchConsole(page) };
    }

    /** Signs up through the API (the browser context keeps the session) and returns the CSRF token. */
    async function signUp(who: Person, account: typeof ADA): Promise<string> {
      const res = await signUpThroughMail(who.page.request, sink, account);
      expect(res.status(), await res.text()).toBe(201);
      return ((await res.json()) as { csrfToken: string }).csrfToken;
    }

    async function searchesLeft(p: Page): Promise<number> {
      await p.getByText(/\d+ searches? left/).waitFor();
      return Number(/(\d+) searches? left/.exec((await p.locator('main').textContent()) ?? '')?.[1]);
    }

    /** Ada ticks or unticks the tag that makes Grace findable. */
    async function setSupplyChainFindable(findable: boolean) {
      const p = ada.page;
      await p.goto('/network/sharing');
      const box = p.getByLabel('Findable: supply-chain');
      await (findable ? box.check() : box.uncheck());
      await p
        .getByRole('heading', {
          name: findable
            ? 'Your connections can find 1 of your contacts'
            : 'Your connections cannot find any of your contacts',
        })
        .waitFor();
    }

    async function mailTo(address: string, subject: RegExp) {
      await expect
        .poll(() => sink.to(address).some((m) => subject.test(m.parsed.subject ?? '')), { timeout: 10_000 })
        .toBe(true);
      const mail = sink.to(address).find((m) => subject.test(m.parsed.subject ?? ''));
      return mail as NonNullable<typeof mail>;
    }

    beforeAll(async () => {
      sink = await startSmtpSink();
      server = await startServer(inject('webRoot'), { mailer: smtpTestMailer(sink.port) });
      browser = await launchChromium(chromiumPath as string);
      ada = await person();
      alan = await person();
      mallory = await person();
      const csrf = await signUp(ada, ADA);
      malloryCsrf = await signUp(mallory, MALLORY);
      const post = async (path: string, data: unknown) => {
        const res = await ada.page.request.post(`/api/v1${path}`, {
          data,
          headers: { 'X-CSRF-Token': csrf },
        });
        expect(res.status(), await res.text()).toBeLessThan(300);
        return (await res.json()) as { id: string };
      };
      graceId = (
        await post('/contacts', {
          displayName: 'Grace Hopper',
          organisation: 'Acme Logistics',
          title: 'Head of supply chain',
          emails: [{ value: GRACE.email }],
          phones: [{ value: GRACE.phone }],
          notes: 'Prefers mornings; never share this note.',
          tags: ['supply-chain'],
        })
      ).id;
      // Also at Acme, but untagged: private, so nobody may find him.
      await post('/contacts', { displayName: 'Charles Babbage', organisation: 'Acme Logistics' });
      // Ada offers reviews, and shows it to her connections.
      const profile = await ada.page.request.patch('/api/v1/profile', {
        data: { offers: ['Reviews of papers on computability'], showOffers: true },
        headers: { 'X-CSRF-Token': csrf },
      });
      expect(profile.status(), await profile.text()).toBeLessThan(300);
    });

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
      await sink?.close();
    });

    it('Ada invites with a one-time link; Alan signs up on the way and accepts', async () => {
      const p = ada.page;
      await p.goto('/');
      await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Network' }).click();
      await heading(p, 'Network').waitFor();
      await p.getByText('0 connections').waitFor();
      await expectAccessible(p, 'network overview');
      await subnav(p).getByRole('link', { name: 'Connections' }).click();
      await heading(p, 'Connections').waitFor();
      await p.getByText('No connections yet.', { exact: false }).waitFor();
      await p.getByLabel('A note (optional)').fill('We met at the Analytical Society.');
      await p.getByRole('button', { name: 'Create a one-time link' }).click();
      const link = p.getByLabel('One-time invitation link');
      await link.waitFor();
      const url = await link.inputValue();
      expect(url).toMatch(new RegExp(`^${server.base}/connect/[A-Za-z0-9_-]{16,}$`));
      await expectAccessible(p, 'connections with a new link');
      await p.getByRole('button', { name: 'I have copied it' }).click();
      await p.getByRole('heading', { name: 'Invitation links' }).waitFor();
      noConsoleErrors(ada);

      // Alan has no account yet: the link sends him to sign in, he creates one, and comes back to the invitation.
      const q = alan.page;
      await q.goto(url);
      await heading(q, 'Sign in to Rapport').waitFor();
      await q.getByRole('link', { name: 'Create an account' }).click();
      await heading(q, 'Create an account').waitFor();
      await q.getByLabel('Your name').fill(ALAN.name);
      await q.getByLabel('Email').fill(ALAN.email);
      await q.getByLabel('Password').fill(ALAN.password);
      await q.getByRole('button', { name: 'Create account' }).click();
      // This server mails: the account is made by the link sent to Alan, which leads back to the invitation.
      await q.getByRole('heading', { name: 'Check your inbox' }).waitFor();
      await q.goto(await signupLinkFor(sink, ALAN.email));
      await heading(q, 'Confirm your account').waitFor();
      await expectAccessible(q, 'sign-up confirmation page');
      await q.getByRole('button', { name: 'Create my account' }).click();
      await heading(q, 'Ada Lovelace invites you to connect').waitFor();
      await q.getByText('We met at the Analytical Society.').waitFor();
      await expectAccessible(q, 'invitation link page');
      await q.getByRole('button', { name: 'Accept and connect' }).click();
      await heading(q, 'Connections').waitFor();
      await q.getByTestId('connection-Ada Lovelace').waitFor();
      noConsoleErrors(alan);

      // Ada sees Alan among her connections, and the link is used up.
      await p.reload();
      await p.getByTestId('connection-Alan Turing').waitFor();
      await p.getByText('Used by Alan Turing', { exact: false }).waitFor();
      // The link works once.
      await mallory.page.goto(url);
      await mallory.page.getByText('no longer valid', { exact: false }).waitFor();
      noConsoleErrors(mallory, [/status of 404/]);
    });

    it('Ada shares a tag: the sharing page and the contact page say what connections can find', async () => {
      const p = ada.page;
      await p.goto('/network/sharing');
      await heading(p, 'What you share').waitFor();
      await p.getByRole('heading', { name: 'Your connections cannot find any of your contacts' }).waitFor();
      await p.getByText('Email addresses, phone numbers', { exact: false }).waitFor();
      await p
        .getByRole('row', { name: /supply-chain/ })
        .getByRole('cell', { name: '1' })
        .waitFor();
      await p.getByLabel('Findable: supply-chain').check();
      await p.getByRole('heading', { name: 'Your connections can find 1 of your contacts' }).waitFor();
      await p.getByLabel('Show how well I know them').check();
      await expect.poll(() => p.getByLabel('Show how well I know them').isChecked()).toBe(true);
      await expectAccessible(p, 'sharing settings');

      await p.goto(`/contacts/${graceId}`);
      await heading(p, 'Grace Hopper').waitFor();
      const panel = p.getByRole('region', { name: 'Network' });
      await panel.getByText('Findable now through the tag supply-chain', { exact: false }).waitFor();
      expect(await panel.getByLabel('Follow tags').isChecked()).toBe(true);
      await expectAccessible(p, 'contact page with the network panel');
      noConsoleErrors(ada);
    });

    it('Alan searches, finds only what Ada shares, and asks Ada for an introduction', async () => {
      const q = alan.page;
      await q.goto('/network');
      await q.getByLabel('An organisation, a role or a name').fill('Acme');
      await q.getByRole('button', { name: 'Search' }).click();
      await heading(q, 'Search your network').waitFor();
      await q.getByRole('heading', { name: '1 person for “Acme”' }).waitFor();
      const card = q.locator('.network-person').filter({ hasText: 'Grace Hopper' });
      await card.getByText('Head of supply chain at Acme Logistics').waitFor();
      await card.locator('.network-broker__name', { hasText: 'Ada Lovelace' }).waitFor();
      // Nothing private crosses over: no email, phone, note, and no untagged contact.
      const text = (await q.locator('main').textContent()) ?? '';
      for (const secret of [GRACE.email, GRACE.phone, 'Prefers mornings', 'Charles Babbage']) {
        expect(text).not.toContain(secret);
      }
      await q.getByText(/\d+ searches left/).waitFor();
      await expectAccessible(q, 'network search results');

      await card
        .getByRole('button', { name: 'Ask for an introduction to Grace Hopper through Ada Lovelace' })
        .click();
      const form = q.getByRole('form', { name: 'Ask Ada Lovelace for an introduction to Grace Hopper' });
      await form.getByRole('button', { name: 'Send the request' }).click();
      // The server's answer (the hint under the field says "at least 10 characters" from the start).
      await form.getByText('say in a sentence or two why', { exact: false }).first().waitFor();
      alan.console.take([/status of 400/]);
      await form
        .getByLabel('Why do you want to meet Grace Hopper?')
        .fill('I am writing about supply chains for computing machinery and would value her view.');
      await expectAccessible(q, 'introduction request form');
      await form.getByRole('button', { name: 'Send the request' }).click();
      // The keyboard lands on the confirmation, with the way to the request next in line.
      const sent = card.getByText('Asked Ada Lovelace to introduce you to Grace Hopper.');
      await sent.waitFor();
      await expect.poll(() => sent.evaluate((el) => el === document.activeElement)).toBe(true);
      await q.keyboard.press('Tab');
      await expect.poll(() => q.evaluate(() => document.activeElement?.textContent)).toBe('See the request');

      await q.goto('/introductions');
      await heading(q, 'Introductions').waitFor();
      const mine = q.getByRole('region', { name: /Your requests/ });
      await mine.getByText('Waiting for an answer', { exact: false }).waitFor();
      await expectAccessible(q, 'introductions outbox');
      noConsoleErrors(alan);
    });

    it("Ada's access log shows Alan's search, and Ada accepts as the broker from Today", async () => {
      const p = ada.page;
      await p.goto('/network/access-log');
      await heading(p, 'Access log').waitFor();
      const row = p.getByRole('row').filter({ hasText: 'Search' }).filter({ hasText: '“Acme”' });
      await row.getByRole('rowheader', { name: 'Alan Turing' }).waitFor();
      await row.getByRole('link', { name: 'Grace Hopper' }).waitFor();
      await p.getByRole('row').filter({ hasText: 'Introduction request' }).first().waitFor();
      await expectAccessible(p, 'access log');

      await p.goto('/');
      const item = p
        .locator('.today-item')
        .filter({ hasText: 'Alan Turing asks you to introduce them to Grace Hopper' });
      await item.getByRole('button', { name: /^Accept or decline/ }).click();
      await heading(p, 'Alan Turing asks you to introduce them to Grace Hopper').waitFor();
      introPath = new URL(p.url()).pathname;
      await p.getByText(`gets a one-time link at ${GRACE.email}`, { exact: false }).waitFor();
      await expectAccessible(p, 'introduction, broker deciding');
      await p.getByLabel('A note to Grace Hopper (optional)').fill('Alan is a good friend of mine.');
      await p.getByRole('button', { name: 'Accept and ask Grace Hopper' }).click();
      await notice(p).getByText('Accepted: Grace Hopper is asked now.').waitFor();
      await p.getByText('Waiting on Grace Hopper').first().waitFor();
      noConsoleErrors(ada);
    });

    it('Grace accepts through the e-mailed link and shares her email only', async () => {
      const mail = await mailTo(GRACE.email, /introduc/i);
      const link = /https?:\/\/\S+\/intro\/[A-Za-z0-9_-]+/.exec(mail.parsed.text ?? '')?.[0];
      expect(link, mail.parsed.text).toBeDefined();
      expect(mail.parsed.text).not.toContain('Prefers mornings');
      // Grace has no account: a fresh browser with no session at all.
      const grace = await person();
      await grace.page.goto(link as string);
      await grace.page.getByRole('heading', { name: 'An introduction to Alan Turing' }).waitFor();
      await grace.page.getByText('Alan is a good friend of mine.').waitFor();
      await grace.page.getByLabel(/my e-mail address/).check();
      await grace.page.getByRole('button', { name: 'Accept the introduction' }).click();
      await grace.page.getByRole('heading', { name: 'You are introduced' }).waitFor();
      await grace.context.close();
    });

    it('Alan gets the new contact with exactly what Grace shared, introduced by Ada', async () => {
      const q = alan.page;
      await q.goto(introPath);
      await heading(q, 'Your introduction to Grace Hopper').waitFor();
      const shared = q.getByRole('region', { name: 'What Grace Hopper shared with you' });
      await shared.getByRole('link', { name: GRACE.email }).waitFor();
      expect(await shared.textContent()).not.toContain(GRACE.phone);
      await expectAccessible(q, 'introduction, introduced');
      await shared.getByRole('link', { name: 'Open Grace Hopper’s contact page' }).click();
      await heading(q, 'Grace Hopper').waitFor();
      await q.getByText('Introduced by Ada Lovelace').waitFor();
      await q.getByRole('link', { name: GRACE.email }).waitFor();
      const page = (await q.locator('main').textContent()) ?? '';
      for (const secret of [GRACE.phone, '7946', 'Prefers mornings', 'Head of supply chain']) {
        expect(page).not.toContain(secret);
      }
      noConsoleErrors(alan);
    });

    it('Alan thanks Ada by message; Ada reads it (unread count) and answers', async () => {
      const q = alan.page;
      await q.goto(introPath);
      await q.getByRole('link', { name: 'Write Ada Lovelace a thank-you' }).click();
      await heading(q, 'Messages').waitFor();
      const box = q.getByLabel('Message to Ada Lovelace');
      await expect.poll(() => box.inputValue()).toBe('Thank you for introducing me to Grace Hopper!');
      await q.getByText('45 / 5,000 characters', { exact: false }).waitFor();
      await q.getByRole('button', { name: 'Send' }).click();
      await q
        .getByRole('list', { name: 'Messages with Ada Lovelace, oldest first' })
        .getByText('Thank you for introducing me')
        .waitFor();
      await expect.poll(() => box.inputValue()).toBe('');
      await expectAccessible(q, 'conversation');

      const p = ada.page;
      await p.goto('/network/messages');
      const thread = p.getByRole('link', { name: /Alan Turing/ });
      await thread.getByText('1 unread').waitFor();
      await expectAccessible(p, 'conversation list');
      await thread.click();
      await p.getByRole('heading', { name: 'Conversation with Alan Turing' }).waitFor();
      await p
        .getByRole('list', { name: 'Messages with Alan Turing, oldest first' })
        .getByText('Thank you for introducing me to Grace Hopper!')
        .waitFor();
      await expect
        .poll(() => p.getByRole('link', { name: /Alan Turing/ }).textContent())
        .not.toContain('unread');
      await p.getByLabel('Message to Alan Turing').fill('My pleasure. Tell me how it goes.');
      await p.getByLabel('Message to Alan Turing').press('Control+Enter');
      await p
        .getByRole('list', { name: /Messages with Alan Turing/ })
        .getByText('My pleasure.', { exact: false })
        .waitFor();

      await q.reload();
      await q
        .getByRole('list', { name: 'Messages with Ada Lovelace, oldest first' })
        .getByText('My pleasure. Tell me how it goes.')
        .waitFor();
      await q
        .getByRole('link', { name: /Ada Lovelace/ })
        .getByText('My pleasure.', { exact: false })
        .waitFor();
      noConsoleErrors(ada);
      noConsoleErrors(alan);
    });

    it('Alan sees warm paths to Acme drawn as a small graph', async () => {
      const q = alan.page;
      await q.goto('/network/paths');
      await q.getByLabel('Whom do you want to reach?').fill('Acme');
      await q.getByRole('button', { name: 'Find paths' }).click();
      await q.getByRole('heading', { name: /1 path to “Acme”/ }).waitFor();
      const card = q.locator('.path-card').first();
      await card.getByRole('heading', { name: /Through Ada Lovelace to Grace Hopper/ }).waitFor();
      const graph = card.getByRole('img', { name: /^Path 1: / });
      expect(await graph.locator('circle').count()).toBe(3);
      expect(await graph.textContent()).toContain('You');
      await card
        .getByRole('button', { name: 'Ask for an introduction to Grace Hopper through Ada Lovelace' })
        .waitFor();
      await expectAccessible(q, 'warm paths');
      await q.setViewportSize(PHONE);
      expect(await hasNoHorizontalOverflow(q)).toBe(true);
      await q.setViewportSize({ width: 1280, height: 900 });
      noConsoleErrors(alan);
    });

    it('asks: Alan posts a need, Ada answers "I can help", Alan closes it with thanks', async () => {
      const q = alan.page;
      await q.goto('/asks');
      await heading(q, 'Asks').waitFor();
      await q.getByLabel('What do you need?').fill('A reviewer for a paper on computable numbers');
      await q.getByRole('button', { name: 'Post the ask' }).click();
      await notice(q).getByText('Asked your connections', { exact: false }).waitFor();
      await q
        .getByRole('region', { name: 'Your asks' })
        .getByRole('link', { name: 'A reviewer for a paper on computable numbers' })
        .click();
      // Ada says she offers reviews: the ask suggests her, with a way to write to her.
      const offering = q.getByRole('region', { name: 'Connections who offer something like it' });
      await offering.getByText('Reviews of papers on computability', { exact: false }).waitFor();
      await offering.getByRole('link', { name: 'Message Ada Lovelace' }).waitFor();
      await expectAccessible(q, 'own ask with suggestions');
      await q.goto('/asks');
      // Checked once the board has loaded (axe on a loading page saw no heading).
      await q
        .getByRole('region', { name: 'Your asks' })
        .getByRole('link', { name: 'A reviewer for a paper on computable numbers' })
        .waitFor();
      await expectAccessible(q, 'asks board');

      const p = ada.page;
      await p.goto('/asks');
      await p
        .getByRole('region', { name: 'Your connections ask' })
        .getByRole('link', { name: 'I can help: A reviewer for a paper on computable numbers' })
        .click();
      await heading(p, 'A reviewer for a paper on computable numbers').waitFor();
      await p.getByLabel('How you can help').fill('I would be glad to read it.');
      await expectAccessible(p, 'ask, answering');
      await p.getByRole('button', { name: 'Send' }).click();
      await p
        .getByRole('region', { name: 'Your answers' })
        .getByText('I would be glad to read it.')
        .waitFor();

      // Alan's Today says Ada is waiting on him; its action opens the ask.
      await q.goto('/');
      const offer = q.locator('.today-item').filter({ hasText: 'Ada Lovelace can help with your ask' });
      await offer.getByText('They wrote: “I would be glad to read it.”').waitFor();
      await offer.getByRole('button', { name: /^Take them up:/ }).click();
      await heading(q, 'A reviewer for a paper on computable numbers').waitFor();
      await q.getByRole('region', { name: 'Answers (1)' }).getByText('I would be glad to read it.').waitFor();
      await q.getByLabel('Ada Lovelace: I would be glad to read it.').check();
      await q.getByRole('button', { name: 'Close with thanks' }).click();
      await notice(q).getByText('Closed, with thanks for 1 answer.', { exact: false }).waitFor();
      noConsoleErrors(ada);
      noConsoleErrors(alan);
    });

    it('a bystander who is not connected finds nothing', async () => {
      const m = mallory.page;
      await m.goto('/network/search?q=Acme');
      await m.getByRole('button', { name: 'Search', exact: true }).click();
      await m.getByRole('heading', { name: 'Nobody your connections share matches “Acme”' }).waitFor();
      expect(await m.locator('main').textContent()).not.toContain('Grace Hopper');
      await expectAccessible(m, 'empty network search');
      await m.goto('/network/paths?q=Acme');
      await m.getByRole('heading', { name: 'No warm path to “Acme”' }).waitFor();
      // Ada's introduction is no business of Mallory's: the same answer as for one that does not exist.
      await m.goto(introPath);
      await m.getByText('This item does not exist, or it was deleted.').waitFor();
      await m.goto('/introductions');
      await m.getByText('You have not asked for an introduction yet.', { exact: false }).waitFor();
      noConsoleErrors(mallory, [/status of 404/]);
    });

    it('a reload of a results page keeps the words but spends no search', async () => {
      const q = alan.page;
      await q.goto('/network/search');
      await q.getByLabel('Who are you looking for?').fill('Acme');
      await q.getByRole('button', { name: 'Search', exact: true }).click();
      await q.getByRole('heading', { name: '1 person for “Acme”' }).waitFor();
      const left = await searchesLeft(q);

      // Running it again would spend a search and write to Ada's access log.
      await q.reload();
      await q.getByText('Press Search to see who your connections know for “Acme”.').waitFor();
      expect(await q.getByRole('heading', { name: /for “Acme”/ }).count()).toBe(0);
      await q.getByRole('button', { name: 'Search', exact: true }).click();
      await q.getByRole('heading', { name: '1 person for “Acme”' }).waitFor();
      expect(await searchesLeft(q)).toBe(left - 1);
      noConsoleErrors(alan);
    });

    it('asking about someone no longer shared since the search is refused in plain words', async () => {
      const q = alan.page;
      await q.goto('/network/search');
      await q.getByLabel('Who are you looking for?').fill('Acme');
      await q.getByRole('button', { name: 'Search', exact: true }).click();
      const card = q.locator('.network-person').filter({ hasText: 'Grace Hopper' });
      await card
        .getByRole('button', { name: 'Ask for an introduction to Grace Hopper through Ada Lovelace' })
        .click();
      await setSupplyChainFindable(false);
      const form = q.getByRole('form', { name: 'Ask Ada Lovelace for an introduction to Grace Hopper' });
      await form
        .getByLabel('Why do you want to meet Grace Hopper?')
        .fill('A second question about supply chains.');
      await form.getByRole('button', { name: 'Send the request' }).click();
      await form.getByText('Grace Hopper is no longer shared with you; search again.').waitFor();
      expect(await form.textContent()).not.toContain('findable contacts');
      alan.console.take([/status of 404/]);
      await setSupplyChainFindable(true);
      noConsoleErrors(alan);
    });

    it('pressing Search again with the same words asks the server again', async () => {
      const q = alan.page;
      await setSupplyChainFindable(true);
      await q.goto('/network/search');
      await q.getByLabel('Who are you looking for?').fill('Acme');
      await q.getByRole('button', { name: 'Search', exact: true }).click();
      await q.getByRole('heading', { name: '1 person for “Acme”' }).waitFor();
      const left = await searchesLeft(q);
      await setSupplyChainFindable(false);
      await q.getByRole('button', { name: 'Search', exact: true }).click();
      await q.getByRole('heading', { name: 'Nobody your connections share matches “Acme”' }).waitFor();
      expect(await searchesLeft(q)).toBe(left - 1);
      noConsoleErrors(alan);
    });

    it('after accepting a connection request, the keyboard is on the new connection', async () => {
      // Mallory's request reaches Alan in the app (below) only because his address is verified: by the link he
      // signed up through, with no step of its own.
      const q = alan.page;
      const invite = await mallory.page.request.post('/api/v1/network/invites', {
        data: { email: ALAN.email },
        headers: { 'X-CSRF-Token': malloryCsrf },
      });
      expect(invite.status(), await invite.text()).toBeLessThan(300);

      await q.goto('/network/connections');
      const accept = q.getByRole('button', { name: 'Accept Mallory Stranger' });
      await accept.focus();
      await q.keyboard.press('Enter');
      await q.getByTestId('connection-Mallory Stranger').waitFor();
      await expect.poll(() => q.evaluate(() => document.activeElement?.textContent)).toBe('Mallory Stranger');
      noConsoleErrors(alan);
    });

    it('the first account, which signed in at once, verifies its address from the connections page', async () => {
      const q = ada.page;
      await q.goto('/network/connections');
      await q.getByRole('button', { name: 'Send verification email' }).click();
      const mail = await mailTo(ADA.email, /Confirm your e-mail/);
      const link = /https?:\/\/\S+\/verify-email\/[A-Za-z0-9_-]+/.exec(mail.parsed.text ?? '')?.[0];
      expect(link, mail.parsed.text).toBeDefined();
      await q.goto(link as string);
      await q.getByRole('button', { name: 'Confirm my address' }).click();
      await q.getByText('is verified', { exact: false }).waitFor();
      noConsoleErrors(ada);
    });
  },
);
