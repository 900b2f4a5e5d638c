import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newContext } from './support/browser';
import { connectionsCsv, linkedinExportZip } from './support/linkedin-export';
import { openContactsTab } from './support/navigate';
import { expectAccessible, hasNoHorizontalOverflow, watchConsole } from './support/page-checks';
import type { RunningServer } from './support/server';
import { signedUpSession } from './support/session';

const chromiumPath = inject('chromiumPath');
const SKIP_REASON = 'skipped: Chromium not found (apt-get install -y chromium, or set CHROMIUM_PATH)';

const ME = { name: 'Grace Hopper', email: 'grace.portable@example.test', password: 'cobol-forever-1959' };
const PHONE = { width: 375, height: 740 };
const ZIP_NAME = 'Complete_LinkedInDataExport_11-25-2026.zip';
const PEOPLE_CSV = [
  'Name;Work mail;Company;Mobile;Shoe size',
  'Chen Wei;chen@acme.example;Acme;+44 20 7946 0001;42',
  'Priya Raman;not-an-email;Globex;;38',
].join('\n');

describe.skipIf(!chromiumPath)(
  chromiumPath ? 'web app: the portable rolodex' : `web app: portable rolodex ${SKIP_REASON}`,
  () => {
    let server: RunningServer;
    let browser: Browser;
    let page: Page;
    let consoleLog: ReturnType<typeof watchConsole>;
    let dir = '';
    let csrf = '';
    // While set, import uploads wait here before the server reads them (see startServer's beforeRequest).
    let holdImports: Promise<void> | null = null;

    const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });
    const step = (name: string | RegExp) => page.getByRole('heading', { level: 2, name });
    const nav = () => page.getByRole('navigation', { name: 'Main' });
    const subnav = () => page.getByRole('navigation', { name: 'Import and export' });
    const notice = () => page.getByRole('region', { name: 'Notifications' });
    const noConsoleErrors = (expected: RegExp[] = []) => expect(consoleLog.take(expected)).toEqual([]);
    const file = (name: string, content: string | Uint8Array) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    };
    /** The figure under a count of the import preview or history ("New" → "2"). */
    const stat = async (p: Page, name: string) =>
      (
        await p
          .locator('.stats__item')
          .filter({ has: p.locator('dt', { hasText: new RegExp(`^${name}$`) }) })
          .locator('dd')
          .textContent()
      )?.trim();

    async function apiPost(path: string, body: unknown) {
      const res = await page.request.post(`/api/v1${path}`, {
        data: body,
        headers: { 'X-CSRF-Token': csrf },
      });
      expect(res.status(), await res.text()).toBeLessThan(300);
      return res.json();
    }

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'rapport-e2e-files-'));
      ({ server, browser, page, consoleLog, csrf } = await signedUpSession(
        inject('webRoot'),
        chromiumPath as string,
        ME,
        {
          beforeRequest: (url) =>
            url.startsWith('/api/v1/imports?') ? (holdImports ?? undefined) : undefined,
        },
      ));
    });

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('imports a LinkedIn export zip: progress, preview, commit, then finds a contact and undoes the import', async () => {
      await page.goto('/contacts');
      await nav().getByRole('link', { name: 'Import' }).click();
      await heading('Import').waitFor();
      await expectAccessible(page, 'import: choose a file');

      // Every state the progress bar goes through, recorded in the page (a small file is sent in a blink).
      await page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { progressSeen: string[] }).progressSeen = seen;
        new MutationObserver(() => {
          for (const bar of document.querySelectorAll('progress')) {
            const label = `${bar.labels[0]?.textContent ?? ''} [${bar.hasAttribute('value') ? 'determinate' : 'indeterminate'}]`;
            if (!seen.includes(label)) seen.push(label);
          }
        }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      });
      // The server holds the upload's answer back: the bytes are sent, the page waits on "processing".
      let release: () => void = () => {};
      holdImports = new Promise<void>((resolve) => {
        release = resolve;
      });
      await page.getByLabel('File to import').setInputFiles(file(ZIP_NAME, linkedinExportZip()));
      // A .zip is a LinkedIn export: nothing to ask.
      expect(await page.getByRole('group', { name: 'What is this file?' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Preview' }).click();
      await page.getByRole('progressbar', { name: /^Processing/ }).waitFor();
      await expectAccessible(page, 'import processing');
      // Cancel gives up the upload and goes back to the file, still chosen.
      await page.getByRole('button', { name: 'Cancel' }).click();
      await step('Choose a file').waitFor();
      expect(await page.getByLabel('File to import').inputValue()).toContain(ZIP_NAME);
      holdImports = null;
      release();
      await page.getByRole('button', { name: 'Preview' }).click();

      await step(`Preview of ${ZIP_NAME}`).waitFor();
      expect(
        await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen),
      ).toEqual([
        `Uploading ${ZIP_NAME} [determinate]`,
        'Processing: reading the file and matching it against your contacts… [indeterminate]',
      ]);
      expect(await stat(page, 'New')).toBe('2');
      expect(await stat(page, 'Updated')).toBe('0');
      expect(await stat(page, 'Unchanged')).toBe('0');
      expect(await stat(page, 'Skipped')).toBe('1');
      expect(await stat(page, 'Errors')).toBe('0');
      const preview = page.getByRole('region', { name: `Preview of ${ZIP_NAME}` });
      await preview.getByText('Ada Lovelace', { exact: true }).waitFor();
      await preview.getByText('Margaret Hamilton', { exact: true }).waitFor();
      await preview.getByText('Invitations').waitFor();
      const skipped = preview.getByRole('row').filter({ hasText: 'Skipped' });
      await skipped.getByText('Connections.csv, line 7').waitFor();
      // Nothing is stored by a preview.
      const before = await page.request.get('/api/v1/contacts');
      expect(((await before.json()) as { items: unknown[] }).items).toEqual([]);
      await expectAccessible(page, 'import preview');

      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await step(`Imported ${ZIP_NAME}`).waitFor();
      await page.getByRole('status').filter({ hasText: 'Done: 2 new, 1 skipped' }).waitFor();
      await expectAccessible(page, 'import result');

      // The pending invitations are under Outreach, each with its note; one becomes a contact from there.
      await nav().getByRole('link', { name: 'Outreach' }).click();
      await page
        .getByRole('navigation', { name: 'Outreach' })
        .getByRole('link', { name: 'LinkedIn invitations' })
        .click();
      await heading('LinkedIn invitations').waitFor();
      const invitations = page.getByRole('list', { name: 'Invitations' });
      const alan = invitations.getByRole('listitem').filter({ hasText: 'Alan Turing' });
      await alan.getByText('Loved your paper on computable numbers').waitFor();
      await alan.getByText(/^Sent by me on .* · not in your contacts yet$/).waitFor();
      await invitations
        .getByRole('listitem')
        .filter({ hasText: 'Charles Babbage' })
        .getByText(/^Received on /)
        .waitFor();
      await expectAccessible(page, 'LinkedIn invitations');
      await alan.getByRole('link', { name: 'Add as contact: Alan Turing' }).click();
      await heading('New contact').waitFor();
      expect(await page.getByLabel('Given name').inputValue()).toBe('Alan');
      expect(await page.getByLabel('Family name').inputValue()).toBe('Turing');
      expect(await page.getByLabel('Link 1', { exact: true }).inputValue()).toBe(
        'https://www.linkedin.com/in/alan-turing',
      );
      await page.getByRole('button', { name: 'Create contact' }).click();
      await heading('Alan Turing').waitFor();
      await nav().getByRole('link', { name: 'Outreach' }).click();
      await page
        .getByRole('navigation', { name: 'Outreach' })
        .getByRole('link', { name: 'LinkedIn invitations' })
        .click();
      await alan.getByText(/· in your contacts$/).waitFor();
      await alan.getByRole('link', { name: 'Alan Turing', exact: true }).click();
      await heading('Alan Turing').waitFor();

      // The new people are in the rolodex, two letters away.
      await nav().getByRole('link', { name: 'Contacts' }).click();
      await heading('Contacts').waitFor();
      const search = page.getByRole('combobox', { name: 'Search contacts' });
      await search.pressSequentially('ma', { delay: 30 });
      await page.getByRole('status').filter({ hasText: '1 match' }).waitFor();
      await search.press('Enter');
      await heading('Margaret Hamilton').waitFor();
      await page.getByRole('main').getByText('margaret@mit.example').waitFor();
      await page.getByRole('main').getByText('from LinkedIn import').first().waitFor();

      // The history has it, with its problems; Undo (after a confirmation) takes it all back.
      await nav().getByRole('link', { name: 'Import' }).click();
      await subnav().getByRole('link', { name: 'Import history' }).click();
      await heading('Import history').waitFor();
      const entry = page.getByRole('listitem').filter({ hasText: ZIP_NAME });
      await entry.getByText('Imported', { exact: true }).waitFor();
      await entry.getByText('2 new, 1 skipped · 3 messages, 2 invitations').waitFor();
      await entry.getByRole('link', { name: /See 1 problem/ }).waitFor();
      await entry.getByRole('link', { name: /Download problems \(CSV\)/ }).waitFor();
      await expectAccessible(page, 'import history');
      await entry.getByRole('link', { name: ZIP_NAME, exact: true }).click();
      await heading(`Import of ${ZIP_NAME}`).waitFor();
      await page.getByRole('row').filter({ hasText: 'Connections.csv, line 7' }).waitFor();
      const problems = page.getByRole('link', { name: 'Download problems (CSV)' });
      expect(await problems.getAttribute('href')).toMatch(/\/api\/v1\/imports\/[\w-]+\/issues\.csv$/);
      await expectAccessible(page, 'import detail');

      await page.getByRole('button', { name: /^Undo/ }).click();
      // The question replaces the button, and the keyboard is on "yes".
      const yes = page.getByRole('button', { name: 'Yes, undo the import' });
      expect(await yes.evaluate((el) => el === document.activeElement)).toBe(true);
      await expectAccessible(page, 'undo confirmation');
      await page.keyboard.press('Enter');
      await notice()
        .getByText(/Undid the import of .*: 2 contacts removed/)
        .waitFor();
      await page.getByText('This import was undone').waitFor();
      expect(await page.getByRole('button', { name: /^Undo/ }).count()).toBe(0);
      // The invitations went with the import.
      await page.goto('/outreach/invitations');
      await page.getByRole('status').filter({ hasText: 'No LinkedIn invitations yet.' }).waitFor();
      await page.getByRole('link', { name: 'import one' }).waitFor();
      await expectAccessible(page, 'no LinkedIn invitations');

      await nav().getByRole('link', { name: 'Contacts' }).click();
      await heading('Contacts').waitFor();
      await search.pressSequentially('ma', { delay: 30 });
      await page.getByRole('status').filter({ hasText: 'No contacts match “ma”.' }).waitFor();
      noConsoleErrors();
    });

    it('offers the address books a LinkedIn export holds, and imports them only when ticked', async () => {
      const name = 'export-with-address-book.zip';
      await page.goto('/import');
      await heading('Import').waitFor();
      await page
        .getByLabel('File to import')
        .setInputFiles(file(name, linkedinExportZip({ addressBook: true })));
      await page.getByRole('button', { name: 'Preview' }).click();
      await step(`Preview of ${name}`).waitFor();
      const choice = page.getByRole('checkbox', {
        name: /^Also import the address books you uploaded to LinkedIn \(2 people\)/,
      });
      expect(await choice.isChecked()).toBe(false);
      await expectAccessible(page, 'import preview with address books');
      await choice.check();
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await step(`Imported ${name}`).waitFor();
      await page.getByRole('status').filter({ hasText: '1 new from your address books' }).waitFor();
      const tagged = await page.request.get('/api/v1/contacts?tag=LinkedIn%20address%20book');
      const items = (
        (await tagged.json()) as { items: { displayName: string; connectedOn: string | null }[] }
      ).items;
      // Margaret is one contact, her connection, now also tagged; Katherine is no connection.
      expect(items.map((c) => [c.displayName, c.connectedOn])).toEqual([
        ['Katherine Johnson', null],
        ['Margaret Hamilton', '2025-07-21'],
      ]);
      const imports = (await (await page.request.get('/api/v1/imports')).json()) as {
        items: { id: string }[];
      };
      await apiPost(`/imports/${imports.items[0]?.id}/undo`, {});
      noConsoleErrors();
    });

    it('maps the columns of a CSV it cannot read alone, previews, imports, and shows a later update', async () => {
      await page.goto('/import');
      await heading('Import').waitFor();
      await page.getByLabel('File to import').setInputFiles(file('people.csv', PEOPLE_CSV));
      // A .csv could be either kind: the name says it is not LinkedIn's.
      expect(await page.getByRole('radio', { name: /Contacts CSV/ }).isChecked()).toBe(true);
      await page.getByRole('button', { name: 'Preview' }).click();

      await step('Match the columns of people.csv').waitFor();
      const target = (column: string) => page.getByLabel(`Field for column “${column}”`);
      // Prefilled from the column names; unknown columns are kept as custom fields.
      expect(await target('Name').inputValue()).toBe('displayName');
      expect(await target('Company').inputValue()).toBe('organisation');
      expect(await target('Mobile').inputValue()).toBe('phone');
      expect(await target('Work mail').inputValue()).toBe('extra');
      await page
        .getByRole('row', { name: /Work mail/ })
        .getByText('chen@acme.example')
        .waitFor();
      await expectAccessible(page, 'CSV column mapping');
      await target('Work mail').selectOption('email');
      await page.getByLabel('Label for column “Work mail”').fill('work');
      await page.getByLabel('Label for column “Mobile”').fill('Mobile');
      await page.getByRole('button', { name: 'Preview with this mapping' }).click();

      await step('Preview of people.csv').waitFor();
      expect(await stat(page, 'New')).toBe('2');
      expect(await stat(page, 'Warnings')).toBe('1');
      const warning = page.getByRole('row').filter({ hasText: 'people.csv, line 3' });
      await warning.getByText('Work mail').waitFor();
      await warning.getByText(/not an e-mail address/).waitFor();
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await step('Imported people.csv').waitFor();
      await page.getByRole('link', { name: 'See it in the import history' }).waitFor();

      // The same people from a newer file: the preview shows what changes, old → new.
      await page.getByRole('button', { name: 'Import another file' }).click();
      await step('Choose a file').waitFor();
      await page
        .getByLabel('File to import')
        .setInputFiles(file('people-2.csv', PEOPLE_CSV.replace(';Acme;', ';Acme Corporation;')));
      await page.getByRole('button', { name: 'Preview' }).click();
      await step('Match the columns of people-2.csv').waitFor();
      await target('Work mail').selectOption('email');
      await page.getByRole('button', { name: 'Preview with this mapping' }).click();
      await step('Preview of people-2.csv').waitFor();
      expect(await stat(page, 'Updated')).toBe('1');
      const changes = page.getByRole('list', { name: 'Changes for Chen Wei' });
      await changes.getByText(/Organisation:\s*“Acme”\s*→?\s*becomes\s*“Acme Corporation”/).waitFor();
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await step('Imported people-2.csv').waitFor();

      await page.getByRole('link', { name: 'Go to contacts' }).click();
      await page.getByRole('combobox', { name: 'Search contacts' }).fill('chen');
      await page.getByRole('option', { name: /Chen Wei/ }).click();
      await heading('Chen Wei').waitFor();
      const main = page.getByRole('main');
      await main.getByRole('listitem').filter({ hasText: 'chen@acme.example' }).getByText('work').waitFor();
      await main.getByRole('listitem').filter({ hasText: '+44 20 7946 0001' }).getByText('Mobile').waitFor();
      await main.getByText('Shoe size').waitFor();
      const history = main.getByRole('region', { name: 'History' });
      await history.getByText(/Organisation:\s*was “Acme” until .*, from CSV import/).waitFor();
      noConsoleErrors();
    });

    it('edits the new contact fields: name parts, year-less birthday, addresses and dates', async () => {
      await page.getByRole('button', { name: 'Edit' }).click();
      await heading('Edit Chen Wei').waitFor();
      await page.getByLabel('Middle names').fill('Jun');
      await page.getByLabel('Nickname').fill('CW');
      await page.getByLabel('Department').fill('Supply chain');
      const birthday = page.getByRole('group', { name: 'Birthday', exact: true });
      await birthday.getByLabel('Day').fill('31');
      await birthday.getByLabel('Month').selectOption({ label: 'February' });
      await page.getByRole('button', { name: 'Add address' }).click();
      await page.getByLabel('Label (home, work…)').fill('work');
      await page.getByLabel('Street').fill('1 Canal Street');
      await page.getByLabel('Town or city').fill('Manchester');
      await page.getByLabel('Country').fill('United Kingdom');
      await page.getByRole('button', { name: 'Add date' }).click();
      await page.getByLabel('Label for date 1').fill('Met at');
      const date = page.getByRole('group', { name: /Date 1/ });
      await date.getByLabel('Day').fill('3');
      await date.getByLabel('Month').selectOption({ label: 'June' });
      await date.getByLabel('Year').fill('2024');
      await page.getByRole('button', { name: 'Save changes' }).click();

      // 31 February does not exist: the server says so, next to the birthday.
      const day = birthday.getByLabel('Day');
      await page.locator('[aria-invalid="true"]').first().waitFor();
      expect(await day.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await day.getAttribute('aria-describedby')) ?? '';
      expect(await page.locator(`[id="${describedBy.split(' ').pop()}"]`).textContent()).toMatch(
        /not a real date/,
      );
      expect(await day.evaluate((el) => el === document.activeElement)).toBe(true);
      await expectAccessible(page, 'contact form with the new fields and an error');
      noConsoleErrors([/status of 400/]);

      await day.fill('29');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await heading('Chen Wei').waitFor();
      const main = page.getByRole('main');
      await main.getByText('29 February', { exact: true }).waitFor();
      await main.getByText('Supply chain').waitFor();
      await main.getByText('CW', { exact: true }).waitFor();
      await main.getByText('1 Canal Street, Manchester, United Kingdom').waitFor();
      await main.getByText('3 Jun 2024').waitFor();
      await main.getByText('Met at').waitFor();
      await expectAccessible(page, 'contact page with the new fields');
      noConsoleErrors();
    });

    it('shows a contact’s own photo, and never loads one from another site', async () => {
      // A 2×2 red PNG inline, and a photo that only points elsewhere.
      const png =
        'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg==';
      const cards = [
        `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Hedy Lamarr\r\nN:Lamarr;Hedy;;;\r\nPHOTO;ENCODING=b;TYPE=PNG:${png}\r\nEND:VCARD\r\n`,
        'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dorothy Vaughan\r\nN:Vaughan;Dorothy;;;\r\nPHOTO;VALUE=uri:https://photos.example.com/dorothy.jpg\r\nEND:VCARD\r\n',
      ].join('');
      const res = await page.request.post('/api/v1/imports?kind=vcard', {
        headers: { 'X-CSRF-Token': csrf },
        multipart: { file: { name: 'photos.vcf', mimeType: 'text/vcard', buffer: Buffer.from(cards) } },
      });
      expect(res.status(), await res.text()).toBe(201);
      const requested: string[] = [];
      page.on('request', (r) => requested.push(r.url()));

      await page.goto('/contacts?q=hedy');
      await page.getByRole('option', { name: /Hedy Lamarr/ }).click();
      await heading('Hedy Lamarr').waitFor();
      const photo = page.getByRole('img', { name: 'Hedy Lamarr' });
      await photo.waitFor();
      await expect.poll(() => photo.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(2);

      await page.goto('/contacts?q=dorothy');
      await page.getByRole('option', { name: /Dorothy Vaughan/ }).click();
      await heading('Dorothy Vaughan').waitFor();
      expect(await page.getByRole('main').getByRole('img').count()).toBe(0);
      await page.getByRole('link', { name: 'on photos.example.com' }).waitFor();
      expect(requested.filter((u) => !u.startsWith(server.base))).toEqual([]);
      page.removeAllListeners('request');
      noConsoleErrors();
    });

    it('merges two contacts that share an email, undoes the merge, and dismisses the pair', async () => {
      await apiPost('/contacts', {
        givenName: 'Katherine',
        familyName: 'Johnson',
        title: 'Mathematician',
        emails: [{ value: 'kj@nasa.example' }],
        tags: ['nasa'],
      });
      const kathy = await apiPost('/contacts', {
        givenName: 'Kathy',
        familyName: 'Johnson',
        organisation: 'NASA Langley',
        emails: [{ value: 'KJ@nasa.example' }],
      });
      await page.goto('/contacts');
      await openContactsTab(page, 'Duplicates');
      await heading('Duplicates').waitFor();
      const pair = page.getByRole('listitem', { name: /Katherine Johnson and Kathy Johnson/ });
      await pair.getByText('Strong match').waitFor();
      await pair.getByText('same email: kj@nasa.example').waitFor();
      await pair.getByText('NASA Langley').waitFor();
      await pair.getByText('Mathematician').waitFor();
      // The older record is kept by default.
      expect(await pair.getByRole('radio', { name: /Keep Katherine Johnson/ }).isChecked()).toBe(true);
      await expectAccessible(page, 'duplicates');

      await pair.getByRole('button', { name: /^Merge/ }).click();
      const result = page.getByRole('status').filter({ hasText: 'Merged Kathy Johnson into' });
      await result.getByRole('link', { name: 'Katherine Johnson' }).waitFor();
      await page.getByText('No duplicates found.').waitFor();
      const merges = page.getByRole('region', { name: /Recent merges/ });
      await merges.getByText(/Merged “Kathy Johnson” into/).waitFor();
      await expectAccessible(page, 'duplicates after a merge');

      // The kept contact has everything, and remembers the other name.
      await result.getByRole('link', { name: 'Katherine Johnson' }).click();
      await heading('Katherine Johnson').waitFor();
      await page.getByRole('main').getByText('NASA Langley').first().waitFor();
      await page
        .getByRole('region', { name: 'History' })
        .getByText(/also “Kathy Johnson”, kept from a merge/)
        .waitFor();
      // The merged-away contact's old address (a bookmark) leads to the kept one.
      await page.goto(`/contacts/${kathy.id}`);
      await heading('Katherine Johnson').waitFor();
      await notice().getByText('The contact you opened was merged into this one.').waitFor();
      expect(page.url()).not.toContain(kathy.id);
      await page.goto('/contacts');
      await openContactsTab(page, 'Duplicates');
      await heading('Duplicates').waitFor();

      await merges.getByRole('button', { name: /Undo merge/ }).click();
      await notice()
        .getByText('Merge undone: Katherine Johnson and Kathy Johnson are two contacts again.')
        .waitFor();
      await pair.getByText('Strong match').waitFor();
      await merges.getByText(/undone/).waitFor();

      await pair.getByRole('button', { name: /Not the same person/ }).click();
      await notice().getByText('Katherine Johnson and Kathy Johnson won’t be suggested again.').waitFor();
      await page.getByText('No duplicates found.').waitFor();
      noConsoleErrors([/status of 404/]); // the old address, answered "merged into" before leading on
    });

    it('suggests two spellings of one organisation, merges them with undo, and forgets a dismissed pair', async () => {
      await apiPost('/organisations', { name: 'Hooli' });
      await apiPost('/contacts', { displayName: 'Gavin Belson', organisation: 'Hooli XYZ' });
      await page.goto('/duplicates');
      const section = page.getByRole('region', { name: /Organisations that may be one company/ });
      const pair = section.getByRole('listitem', { name: /Hooli and Hooli XYZ|Hooli XYZ and Hooli/ });
      await pair.getByText('Possible match').waitFor();
      await pair.getByText('“Hooli XYZ” begins with “Hooli”').waitFor();
      // The spelling with more people is kept by default.
      expect(await pair.getByRole('radio', { name: 'Keep Hooli XYZ' }).isChecked()).toBe(true);
      await expectAccessible(page, 'organisation duplicates');

      await pair.getByRole('radio', { name: 'Keep Hooli', exact: true }).check();
      await pair.getByRole('button', { name: /^Merge/ }).click();
      await notice().getByText('Merged Hooli XYZ into Hooli: 1 person moved.').waitFor();
      await pair.waitFor({ state: 'detached' });
      await notice().getByRole('button', { name: 'Undo' }).click();
      await notice().getByText('Hooli XYZ is separate again.').waitFor();
      await pair.getByText('Possible match').waitFor();

      await pair.getByRole('button', { name: /Different companies/ }).click();
      await notice()
        .getByText(/won’t be suggested again/)
        .waitFor();
      await pair.waitFor({ state: 'detached' });
      noConsoleErrors();
    });

    it('counts every suggested pair, shows more than the first page, and keeps its place after a dismissal or a merge', async () => {
      // An account of its own: 21 people behind one office address are 210 pairs.
      const context = await newContext(browser, server.base);
      try {
        const p = await context.newPage();
        p.setDefaultTimeout(10_000);
        const pConsole = watchConsole(p);
        const signup = await p.request.post('/api/v1/auth/signup', {
          data: { name: 'Office Manager', email: 'office.pairs@example.test', password: ME.password },
        });
        expect(signup.status()).toBe(201);
        const token = ((await signup.json()) as { csrfToken: string }).csrfToken;
        for (let i = 0; i < 21; i++) {
          const res = await p.request.post('/api/v1/contacts', {
            data: {
              displayName: `Front Desk ${String(i + 1).padStart(2, '0')}`,
              emails: [{ value: 'desk@hq.example' }],
            },
            headers: { 'X-CSRF-Token': token },
          });
          expect(res.status()).toBe(201);
        }
        await p.goto('/duplicates');
        const people = p.getByRole('region', { name: /People who may be the same person/ });
        const cards = people.getByRole('listitem', { name: /: strong match$/ });
        await people.getByRole('heading', { name: 'People who may be the same person (210)' }).waitFor();
        // 50 at a time (a page of 200 cards took seconds to draw at 14,670 pairs).
        await expect.poll(() => cards.count()).toBe(50);
        await people.getByText('Showing 50 of 210 pairs.').waitFor();
        for (const shown of [100, 150, 200, 210]) {
          await people.getByRole('button', { name: 'Show more pairs' }).click();
          await expect.poll(() => cards.count()).toBe(shown);
        }
        expect(await people.getByRole('button', { name: 'Show more pairs' }).count()).toBe(0);

        // Far down the list: the pair goes, the next one has the keyboard, nothing jumps or loads again.
        const label = (i: number) => cards.nth(i).getAttribute('aria-label');
        const [gone, next] = [await label(150), await label(151)];
        const lists: string[] = [];
        p.on('request', (r) => {
          if (new URL(r.url()).pathname === '/api/v1/duplicates') lists.push(r.url());
        });
        // The page stays far down, the focused pair on screen (scroll anchoring keeps it there).
        const focusedInView = () =>
          p.evaluate(() => {
            const box = document.activeElement?.closest('[data-pair]')?.getBoundingClientRect();
            return !!box && box.top >= 0 && box.top < window.innerHeight && window.scrollY > 1000;
          });
        await cards.nth(150).scrollIntoViewIfNeeded();
        await cards
          .nth(150)
          .getByRole('button', { name: /Not the same person/ })
          .click();
        await people.getByRole('heading', { name: 'People who may be the same person (209)' }).waitFor();
        await expect.poll(() => cards.count()).toBe(209);
        expect(await p.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(next);
        expect(await people.getByRole('listitem', { name: gone as string }).count()).toBe(0);
        expect(await focusedInView()).toBe(true);
        expect(lists).toEqual([]);

        // A merge takes the merged person's pairs out where they stand (19: one was dismissed), and the list stays put.
        const merged = await cards.nth(120).getAttribute('aria-label');
        await cards.nth(120).scrollIntoViewIfNeeded();
        await cards
          .nth(120)
          .getByRole('button', { name: /^Merge/ })
          .click();
        await people.getByRole('heading', { name: 'People who may be the same person (190)' }).waitFor();
        expect(await people.getByRole('listitem', { name: merged as string }).count()).toBe(0);
        expect(await focusedInView()).toBe(true);
        await p
          .getByRole('status')
          .filter({ hasText: /^Merged Front Desk/ })
          .waitFor();
        expect(pConsole.take()).toEqual([]);
      } finally {
        await context.close();
      }
    });

    it('downloads vCard 3.0/4.0, CSV and a backup; restore refuses a non-empty account and fills an empty one', async () => {
      await nav().getByRole('link', { name: 'Import' }).click();
      await subnav().getByRole('link', { name: 'Your data' }).click();
      await heading('Your data').waitFor();
      await expectAccessible(page, 'your data');

      const download = async (name: string) => {
        const [d] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('link', { name }).click(),
        ]);
        const path = join(dir, d.suggestedFilename());
        await d.saveAs(path);
        return { name: d.suggestedFilename(), text: readFileSync(path, 'utf8'), path };
      };
      const v3 = await download('Download vCard 3.0');
      expect(v3.name).toBe('rapport-contacts.vcf');
      expect(v3.text).toContain('BEGIN:VCARD');
      expect(v3.text).toContain('VERSION:3.0');
      expect(v3.text).toContain('Chen Wei');
      expect((await download('Download vCard 4.0')).text).toContain('VERSION:4.0');
      expect((await download('Download CSV')).text).toContain('chen@acme.example');
      const backup = await download('Download full backup (JSON)');
      expect(backup.name).toMatch(/^rapport-backup-\d{4}-\d\d-\d\d\.json$/);
      expect(JSON.parse(backup.text)).toMatchObject({ format: 'rapport-backup' });

      // This account has data: the restore is refused, and the page says why, next to the file.
      const input = page.getByLabel('Backup file (.json)');
      await input.setInputFiles(backup.path);
      await page.getByRole('button', { name: 'Restore backup' }).click();
      await page
        .getByText(/Not restored: this account already has .*only be restored into an empty account/)
        .waitFor();
      expect(await input.getAttribute('aria-invalid')).toBe('true');
      await expectAccessible(page, 'restore refused');
      noConsoleErrors([/status of 409/]);

      // A fresh account takes it whole.
      const fresh = await newContext(browser, server.base);
      try {
        const other = await fresh.newPage();
        const otherConsole = watchConsole(other);
        const signup = await other.request.post('/api/v1/auth/signup', {
          data: { name: 'Grace Again', email: 'grace.again@example.test', password: ME.password },
        });
        expect(signup.status()).toBe(201);
        await other.goto('/data');
        await other.getByLabel('Backup file (.json)').setInputFiles(backup.path);
        await other.getByRole('button', { name: 'Restore backup' }).click();
        await other
          .getByRole('status')
          .filter({ hasText: /Restored .*contacts/ })
          .waitFor();
        await other.goto('/contacts?q=chen');
        await other.getByRole('option', { name: /Chen Wei/ }).waitFor();
        expect(otherConsole.take()).toEqual([]);
      } finally {
        await fresh.close();
      }
    });

    it('works on a phone: the import preview and the column mapping fit the screen', async () => {
      const phone = await newContext(browser, server.base, PHONE);
      try {
        const p = await phone.newPage();
        p.setDefaultTimeout(10_000);
        const phoneConsole = watchConsole(p);
        const login = await p.request.post('/api/v1/auth/login', {
          data: { email: ME.email, password: ME.password },
        });
        expect(login.status()).toBe(200);
        const imports = async () =>
          ((await (await p.request.get('/api/v1/imports')).json()) as { items: unknown[] }).items.length;
        const importsBefore = await imports();
        await p.goto('/import');
        await p.getByRole('heading', { level: 1, name: 'Import' }).waitFor();
        await p
          .getByLabel('File to import')
          .setInputFiles(
            file(
              'Connections.csv',
              connectionsCsv([
                'Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace-with-a-rather-long-profile-address,,"Analytical Engines, Ltd",Head of Research,07 Feb 2024',
                'Chen,Wei,https://www.linkedin.com/in/chen-wei,chen@acme.example,Acme Corporation,Buyer,01 Mar 2025',
                ',,,,,,07 Jun 2025',
              ]),
            ),
          );
        // Named like LinkedIn's file: LinkedIn is preselected.
        expect(await p.getByRole('radio', { name: /LinkedIn connections/ }).isChecked()).toBe(true);
        expect(await hasNoHorizontalOverflow(p)).toBe(true);
        await p.getByRole('button', { name: 'Preview' }).click();
        await p.getByRole('heading', { level: 2, name: 'Preview of Connections.csv' }).waitFor();
        expect(await stat(p, 'New')).toBe('1');
        expect(await stat(p, 'Updated')).toBe('1');
        await p.getByRole('row').filter({ hasText: 'Connections.csv, line 7' }).waitFor();
        expect(await hasNoHorizontalOverflow(p)).toBe(true);
        await expectAccessible(p, 'import preview (phone)');
        await p.getByRole('button', { name: 'Cancel' }).click();
        await p.getByRole('heading', { level: 2, name: 'Choose a file' }).waitFor();

        await p.getByLabel('File to import').setInputFiles(file('people.csv', PEOPLE_CSV));
        await p.getByRole('button', { name: 'Preview' }).click();
        await p.getByRole('heading', { level: 2, name: 'Match the columns of people.csv' }).waitFor();
        expect(await hasNoHorizontalOverflow(p)).toBe(true);
        await expectAccessible(p, 'column mapping (phone)');
        await p.getByRole('button', { name: 'Cancel' }).click();
        expect(phoneConsole.take()).toEqual([]);
        // Nothing was imported by either preview.
        expect(await imports()).toBe(importsBefore);
      } finally {
        await phone.close();
      }
    });
  },
);
