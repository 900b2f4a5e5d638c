import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, newContext } from './support/browser';
import { openContactsTab } from './support/navigate';
import { expectAccessible, watchConsole } from './support/page-checks';
import { type RunningServer, startServer } from './support/server';

const chromiumPath = inject('chromiumPath');
const SKIP_REASON = 'skipped: Chromium not found (apt-get install -y chromium, or set CHROMIUM_PATH)';

const ME = { name: 'Grace Hopper', email: 'grace@example.test', password: 'cobol-forever-1959' };
const NEW_PASSWORD = 'nanoseconds-are-11.8-inches';
// A failed request Chrome logs by itself; only allowed where the test provokes it on purpose.
const BAD_REQUEST = /status of 400/;

describe.skipIf(!chromiumPath)(chromiumPath ? 'web app: the rolodex flow' : `web app: ${SKIP_REASON}`, () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let consoleLog: ReturnType<typeof watchConsole>;
  let contactUrl = '';

  const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });
  const noConsoleErrors = (expected: RegExp[] = []) => expect(consoleLog.take(expected)).toEqual([]);

  /** Writes through the API as the signed-in browser (cookie + CSRF header), for quick fixtures. */
  async function apiPost(path: string, body: unknown) {
    const csrf = (await context.cookies()).find((c) => c.name === 'rapport_csrf')?.value ?? '';
    const res = await page.request.post(`/api/v1${path}`, { data: body, headers: { 'X-CSRF-Token': csrf } });
    expect(res.status(), await res.text()).toBeLessThan(300);
    return res.json();
  }

  beforeAll(async () => {
    server = await startServer(inject('webRoot'));
    browser = await launchChromium(chromiumPath as string);
    context = await newContext(browser, server.base);
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    consoleLog = watchConsole(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('creates the first account on a fresh server', async () => {
    await page.goto('/');
    await page.waitForURL('**/welcome');
    await heading('Welcome to Rapport').waitFor();
    await page.getByText('anyone who can reach this server can create an account').waitFor();
    await expectAccessible(page, 'first-run page');

    await page.getByLabel('Your name').fill(ME.name);
    await page.getByLabel('Email').fill(ME.email);
    await page.getByLabel('Password').fill(ME.password);
    await page.getByLabel('Password').press('Enter');

    // Home is Today, which has nothing to offer yet but the ways to bring people in: by hand or by an import.
    const importLink = () =>
      page.getByRole('link', { name: 'Import from LinkedIn, a phone or a spreadsheet' });
    await heading('Today').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByText('Your rolodex is empty.').waitFor();
    expect(await importLink().getAttribute('href')).toBe('/import');
    await expectAccessible(page, 'empty Today');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
    await heading('Contacts').waitFor();
    await page.getByText('Your rolodex is empty.').waitFor();
    expect(await importLink().getAttribute('href')).toBe('/import');
    await expectAccessible(page, 'empty contact list');
    noConsoleErrors();
  });

  it('adds a contact with every kind of field', async () => {
    await page.getByRole('link', { name: 'New contact' }).click();
    await heading('New contact').waitFor();
    await expectAccessible(page, 'new contact form');

    await page.getByLabel('Given name').fill('Ada');
    await page.getByLabel('Family name').fill('Lovelace');
    await page.getByLabel('Organisation').fill('Analytical Engine Society');
    await page.getByLabel('Title', { exact: true }).fill('Mathematician');
    await page.getByLabel('Location').fill('London');
    await page.getByLabel('Connected on').fill('2024-03-15');
    await page.getByLabel('Email 1', { exact: true }).fill('ada@example.test');
    await page.getByLabel('Label for email 1').fill('work');
    await page.getByRole('button', { name: 'Add phone' }).click();
    await page.getByLabel('Phone 1', { exact: true }).fill('+44 20 7946 0018');
    await page.getByRole('button', { name: 'Add link' }).click();
    await page.getByLabel('Link 1', { exact: true }).fill('linkedin.com/in/ada-lovelace');
    await page.getByLabel('Add a tag').fill('pioneer');
    await page.getByLabel('Add a tag').press('Enter');
    await page.getByRole('button', { name: 'Remove tag pioneer' }).waitFor();
    await page.getByLabel('How we met').fill('At a Babbage soirée');
    await page.getByLabel('Notes').fill('Wrote the first program.');
    await page.getByRole('button', { name: 'Add custom field' }).click();
    await page.getByLabel('Custom field 1 name').fill('Alma mater');
    await page.getByLabel('Custom field 1 value').fill('Home schooling');
    await page.getByRole('button', { name: 'Create contact' }).click();

    await heading('Ada Lovelace').waitFor();
    contactUrl = page.url();
    expect(contactUrl).toMatch(/\/contacts\/[\w-]+$/);
    const main = page.getByRole('main');
    for (const text of [
      'Analytical Engine Society',
      'Mathematician',
      'London',
      'ada@example.test',
      '+44 20 7946 0018',
      'pioneer',
      'At a Babbage soirée',
      'Wrote the first program.',
      'Alma mater',
      'Home schooling',
    ]) {
      await main.getByText(text, { exact: true }).first().waitFor();
    }
    await main.getByText('LinkedIn: linkedin.com/in/ada-lovelace').waitFor();
    await main.getByText('from web app', { exact: true }).first().waitFor();
    await expectAccessible(page, 'contact page');

    // More people, so the search has something to tell apart.
    await apiPost('/contacts', {
      givenName: 'Charles',
      familyName: 'Babbage',
      organisation: 'Analytical Engine Society',
    });
    await apiPost('/contacts', { givenName: 'Adele', familyName: 'Goldberg', tags: ['smalltalk'] });
    await apiPost('/contacts', { givenName: 'Alan', familyName: 'Turing' });
    noConsoleErrors();
  });

  it('finds a contact instantly from two letters and opens it with the keyboard', async () => {
    // "/" from any page jumps to the contact search, focused.
    await page.keyboard.press('/');
    await heading('Contacts').waitFor();
    const search = page.getByRole('combobox', { name: 'Search contacts' });
    const options = page.getByRole('listbox').getByRole('option');
    await options.filter({ hasText: 'Alan Turing' }).waitFor();
    expect(await search.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectAccessible(page, 'contact list');

    // Typing and pressing Enter before the results arrive still opens the best match for what was typed.
    await search.fill('tur');
    await search.press('Enter');
    await heading('Alan Turing').waitFor();
    await page.keyboard.press('/');
    await heading('Contacts').waitFor();
    expect(await search.inputValue()).toBe('');

    await search.pressSequentially('ad', { delay: 40 });
    // No Enter needed: the list narrows to the two "ad…" people, best first.
    await page.getByRole('status').filter({ hasText: '2 matches' }).waitFor();
    const names = (await options.allTextContents())
      .map((t) => t.replace(/(Lovelace|Goldberg).*/, '$1'))
      .sort();
    expect(names).toEqual(['Ada Lovelace', 'Adele Goldberg']);
    expect(await options.first().getAttribute('aria-selected')).toBe('true');
    await search.press('ArrowDown');
    expect(await options.nth(1).getAttribute('aria-selected')).toBe('true');
    expect(await search.getAttribute('aria-activedescendant')).toBe(await options.nth(1).getAttribute('id'));
    await search.press('ArrowUp');
    expect(await options.first().getAttribute('aria-selected')).toBe('true');
    await expectAccessible(page, 'contact search results');

    // One more letter narrows it again, still as you type; Enter opens the highlighted (only) match.
    await search.press('a');
    await page.getByRole('status').filter({ hasText: '1 match' }).waitFor();
    expect(await options.allTextContents()).toEqual([expect.stringContaining('Ada Lovelace')]);
    await search.press('Enter');
    await heading('Ada Lovelace').waitFor();
    expect(page.url()).toBe(contactUrl);
    noConsoleErrors();
  });

  it('edits a contact, shows API validation errors next to the field, and Escape cancels', async () => {
    await page.getByRole('button', { name: 'Edit' }).click();
    await heading('Edit Ada Lovelace').waitFor();
    await expectAccessible(page, 'contact edit form');

    // Escape leaves without saving.
    await page.getByLabel('Title', { exact: true }).fill('Should not be saved');
    await page.getByLabel('Title', { exact: true }).press('Escape');
    await heading('Ada Lovelace').waitFor();
    await page.getByRole('main').getByText('Mathematician', { exact: true }).first().waitFor();

    // The organisation field suggests the account's organisations whose name holds what is typed, searched on
    // the server (the first 200 by name would miss most of a large import's).
    await apiPost('/organisations', { name: 'Zuse KG' });
    await page.getByRole('button', { name: 'Edit' }).click();
    const organisation = page.getByLabel('Organisation');
    const suggested = () =>
      page
        .locator('#contact-organisation-options option')
        .evaluateAll((os) => os.map((o) => o.getAttribute('value')));
    await organisation.fill('zuse');
    await expect.poll(suggested).toEqual(['Zuse KG']);
    await organisation.fill('Analytical Engine Society');
    await expect.poll(suggested).toEqual(['Analytical Engine Society']);
    const email = page.getByLabel('Email 1', { exact: true });
    await email.fill('not-an-email');
    await email.press('Enter');
    await page.locator('[aria-invalid="true"]').first().waitFor();
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`#${describedBy}`).textContent()).toMatch(/email address/i);
    expect(await email.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectAccessible(page, 'contact form with errors');
    noConsoleErrors([BAD_REQUEST]);

    await email.fill('ada@analytical.example');
    await page.getByLabel('Title', { exact: true }).fill('Countess');
    await page.getByLabel('Display name').fill('Countess Lovelace');
    await page.getByRole('button', { name: 'Add email' }).click();
    await page.getByLabel('Email 2', { exact: true }).fill('ada.home@example.test');
    await page.getByLabel('Label for email 2').fill('home');
    await page.getByRole('button', { name: 'Remove phone 1' }).click();
    await page.getByLabel('Add a tag').fill('math');
    await page.getByRole('button', { name: 'Save changes' }).click();

    await heading('Countess Lovelace').waitFor();
    const main = page.getByRole('main');
    await main.getByText('ada@analytical.example').waitFor();
    await main.getByText('ada.home@example.test').waitFor();
    await main.getByText('No phones.').waitFor();
    await main.getByRole('link', { name: 'math' }).waitFor();
    // The old position is kept, read-only, with where it came from.
    const past = main.getByRole('region', { name: 'Past positions' });
    await past.getByText(/Mathematician at Analytical Engine Society/).waitFor();
    await past.getByRole('link', { name: 'Analytical Engine Society' }).waitFor();
    await past.getByText('from web app', { exact: true }).waitFor();
    noConsoleErrors();
  });

  it('deletes a contact, restores it from the trash, and undoes a second delete', async () => {
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.waitForURL('**/contacts');
    const notice = page.getByRole('region', { name: 'Notifications' });
    await notice.getByText('Moved Countess Lovelace to the trash.').waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trash' }).click();
    await heading('Trash').waitFor();
    const trashed = page
      .getByRole('region', { name: /Contacts/ })
      .getByRole('listitem')
      .filter({ hasText: 'Countess Lovelace' });
    await trashed.getByText(/gone for good after/).waitFor();
    await expectAccessible(page, 'trash page');
    await trashed.getByRole('button', { name: 'Restore Countess Lovelace' }).click();
    await page
      .getByRole('region', { name: /Contacts/ })
      .getByText('No deleted contacts.')
      .waitFor();

    await page.goto(contactUrl);
    await heading('Countess Lovelace').waitFor();
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.waitForURL('**/contacts');
    await notice.getByRole('button', { name: 'Undo' }).click();
    await heading('Countess Lovelace').waitFor();
    expect(page.url()).toBe(contactUrl);
    noConsoleErrors();
  });

  it('edits an organisation, renames/merges/deletes tags, restores from the trash, manages API tokens and the password', async () => {
    const nav = page.getByRole('navigation', { name: 'Main' });
    await openContactsTab(page, 'Organisations');
    await heading('Organisations').waitFor();
    // The section's tab is current, and Contacts stays marked in the main navigation.
    expect(
      await page
        .getByRole('navigation', { name: 'Contacts' })
        .getByRole('link', { name: 'Organisations' })
        .getAttribute('aria-current'),
    ).toBe('page');
    expect(await nav.getByRole('link', { name: 'Contacts' }).getAttribute('class')).toContain('active');
    await page.getByRole('link', { name: /Analytical Engine Society/ }).click();
    await heading('Analytical Engine Society').waitFor();
    await page
      .getByRole('region', { name: 'People there now' })
      .getByRole('link', { name: 'Charles Babbage' })
      .waitFor();
    await page
      .getByRole('region', { name: 'People there before' })
      .getByRole('link', { name: 'Countess Lovelace' })
      .waitFor();
    await expectAccessible(page, 'organisation page');
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('Website').fill('https://analytical.example');
    await page.getByLabel('Website').press('Enter');
    await page.getByRole('link', { name: /analytical\.example/ }).waitFor();

    // Another spelling of the same society, merged into it and split again (from the notice, then from the list).
    const other = await apiPost('/organisations', { name: 'Analytical Society' });
    await apiPost('/contacts', { displayName: 'Augusta King', organisation: 'Analytical Society' });
    const notice = page.getByRole('region', { name: 'Notifications' });
    const mergeAway = async () => {
      await page.goto(`/organisations/${other.id}`);
      await heading('Analytical Society').waitFor();
      await page.getByRole('button', { name: 'Merge into…' }).click();
      const into = page.getByLabel('Merge “Analytical Society” into');
      await into.fill('Analytical Engine Society');
      await page.getByRole('button', { name: 'Merge into Analytical Engine Society' }).click();
      await heading('Analytical Engine Society').waitFor();
      await page
        .getByRole('region', { name: 'People there now' })
        .getByRole('link', { name: 'Augusta King' })
        .waitFor();
      await notice
        .getByText('Merged Analytical Society into Analytical Engine Society: 1 person moved.')
        .waitFor();
    };
    await mergeAway();
    await page.getByRole('region', { name: 'Merged here' }).getByText('Analytical Society').waitFor();
    await expectAccessible(page, 'organisation page after a merge');
    await notice.getByRole('button', { name: 'Undo' }).click();
    await heading('Analytical Society').waitFor();
    await page
      .getByRole('region', { name: 'People there now' })
      .getByRole('link', { name: 'Augusta King' })
      .waitFor();
    await mergeAway();
    // The merged organisation's old address (a bookmark) leads to where it lives now.
    await page.goto(`/organisations/${other.id}`);
    await heading('Analytical Engine Society').waitFor();
    await notice.getByText('The organisation you opened was merged into this one.').waitFor();
    expect(page.url()).not.toContain(other.id);
    await page.getByRole('button', { name: 'Undo: make Analytical Society separate again' }).click();
    await heading('Analytical Society').waitFor();
    await notice.getByText('Analytical Society is separate again.').waitFor();

    await openContactsTab(page, 'Tags');
    await heading('Tags').waitFor();
    await expectAccessible(page, 'tags page');
    await page.getByRole('button', { name: 'Rename pioneer' }).click();
    const rename = page.getByLabel('New name for pioneer');
    await rename.fill('Pioneers');
    await rename.press('Enter');
    await page.getByRole('link', { name: /Pioneers/ }).waitFor();

    // Renaming onto an existing name is refused (409) and offers the merge instead.
    await page.getByRole('button', { name: 'Rename math' }).click();
    await page.getByLabel('New name for math').fill('Pioneers');
    await page.getByLabel('New name for math').press('Enter');
    await page.getByText('A tag named “Pioneers” already exists.').waitFor();
    await expectAccessible(page, 'tag rename clash');
    await page.getByRole('button', { name: 'Merge into “Pioneers”' }).click();
    await page.getByRole('button', { name: 'Rename math' }).waitFor({ state: 'detached' });
    noConsoleErrors([/status of 409/, /status of 404/]); // 404: the merged organisation's old address

    // Deleted tags and organisations come back from the trash.
    await page.getByRole('button', { name: 'Delete smalltalk' }).click();
    await page
      .getByRole('region', { name: 'Notifications' })
      .getByText('Moved tag “smalltalk” to the trash.')
      .waitFor();
    await openContactsTab(page, 'Organisations');
    // The tags page has a Name field too: wait for the organisations page before typing.
    await heading('Organisations').waitFor();
    await page.getByLabel('Name').fill('Difference Engine Ltd');
    await page.getByLabel('Name').press('Enter');
    await heading('Difference Engine Ltd').waitFor();
    await page.getByRole('button', { name: 'Delete' }).click();
    await heading('Organisations').waitFor();
    await nav.getByRole('link', { name: 'Trash' }).click();
    await heading('Trash').waitFor();
    const tagsInTrash = page.getByRole('region', { name: /^Tags/ });
    const orgsInTrash = page.getByRole('region', { name: /^Organisations/ });
    await tagsInTrash
      .getByRole('listitem')
      .filter({ hasText: 'smalltalk' })
      .getByText(/gone for good after/)
      .waitFor();
    await orgsInTrash.getByRole('listitem').filter({ hasText: 'Difference Engine Ltd' }).waitFor();
    await expectAccessible(page, 'trash with tags and organisations');
    await tagsInTrash.getByRole('button', { name: 'Restore smalltalk' }).click();
    await orgsInTrash.getByRole('button', { name: 'Restore Difference Engine Ltd' }).click();
    await tagsInTrash.getByText('No deleted tags.').waitFor();
    await orgsInTrash.getByText('No deleted organisations.').waitFor();
    await openContactsTab(page, 'Tags');
    await page.getByRole('link', { name: /smalltalk/ }).waitFor();

    await nav.getByRole('link', { name: 'Settings' }).click();
    await heading('Settings').waitFor();
    await page.getByLabel('Token name').fill('laptop CLI');
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = page.getByLabel('New API token');
    await secret.waitFor();
    expect((await secret.inputValue()).length).toBeGreaterThan(20);
    // The phone address-book settings named here log in to the CardDAV server with that token.
    const book = page.getByRole('region', { name: 'Phone address book' });
    await book.getByText(`${server.base}/`).waitFor();
    await book.getByText(ME.email).waitFor();
    const login = Buffer.from(`${ME.email}:${await secret.inputValue()}`).toString('base64');
    const found = await page.request.fetch(`${server.base}/.well-known/carddav`, {
      method: 'PROPFIND',
      headers: { authorization: `Basic ${login}`, depth: '0' },
    });
    expect(found.status()).toBe(207);
    expect(await found.text()).toContain('<d:current-user-principal>');
    await page.getByRole('button', { name: 'Copy', exact: true }).waitFor();
    await page.getByRole('row', { name: /laptop CLI/ }).waitFor();
    await expectAccessible(page, 'settings page');
    await page.getByRole('button', { name: 'Revoke laptop CLI' }).click();
    await page.getByText('No tokens yet.').waitFor();

    await page.getByLabel('Current password').fill(ME.password);
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('New password again').fill(NEW_PASSWORD);
    await page.getByLabel('New password again').press('Enter');
    await page.getByText('Password changed.').waitFor();
    // The fresh session (and its CSRF token) keeps working for writes.
    await page.getByLabel('Token name').fill('after password change');
    await page.getByRole('button', { name: 'Create token' }).click();
    await page.getByLabel('New API token').waitFor();
    noConsoleErrors();
  });

  it('says how many people an organisation has when its page lists only the first of them', async () => {
    const csrf = (await context.cookies()).find((c) => c.name === 'rapport_csrf')?.value ?? '';
    const cards = Array.from(
      { length: 501 },
      (_, i) =>
        `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Staffer ${i}\r\nN:${i};Staffer;;;\r\nORG:Massive Dynamic\r\nEND:VCARD\r\n`,
    ).join('');
    const res = await page.request.post('/api/v1/imports?kind=vcard', {
      headers: { 'X-CSRF-Token': csrf },
      multipart: { file: { name: 'staff.vcf', mimeType: 'text/vcard', buffer: Buffer.from(cards) } },
    });
    expect(res.status(), await res.text()).toBe(201);
    const orgs = (await (await page.request.get('/api/v1/organisations?q=Massive')).json()) as {
      items: { id: string }[];
    };
    await page.goto(`/organisations/${orgs.items[0]?.id}`);
    await heading('Massive Dynamic').waitFor();
    const now = page.getByRole('region', { name: 'People there now (501)' });
    await now.getByText('The first 500 of 501, by name.').waitFor();
    expect(await now.getByRole('listitem').count()).toBe(500);
    await now.getByRole('link', { name: 'Show all 501 in the contact list' }).click();
    await page.waitForURL(/\/contacts\?organisation=/);

    // Back from a contact lands where the long list was scrolled, not at its top.
    const staff = page.getByRole('listbox').getByRole('option');
    await staff.nth(30).scrollIntoViewIfNeeded();
    const y = await page.evaluate(() => window.scrollY);
    expect(y).toBeGreaterThan(300);
    await staff.nth(30).click();
    await heading(/^Staffer \d+$/).waitFor();
    await page.goBack();
    await staff.nth(30).waitFor();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(y);
    noConsoleErrors();
  });

  it('signs out and back in', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in');
    await heading('Sign in to Rapport').waitFor();
    await expectAccessible(page, 'sign-in page');

    // Signed out really means signed out.
    await page.goto(contactUrl);
    await page.waitForURL('**/sign-in');
    await page.getByLabel('Email').fill(ME.email);
    await page.getByLabel('Password').fill(NEW_PASSWORD);
    await page.getByLabel('Password').press('Enter');
    // Back where the visitor was heading.
    await heading('Countess Lovelace').waitFor();
    expect(page.url()).toBe(contactUrl);
    noConsoleErrors();
  });
});
