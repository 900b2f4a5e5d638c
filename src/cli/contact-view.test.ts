import { expect, it } from 'vitest';
import { describeEngines } from '../../test/engines';
import { createContact } from '../core/contacts/create-contact';
import { getContact } from '../core/contacts/get-contact';
import { mergeContacts } from '../core/duplicates/merge-contacts';
import { importCsv } from '../core/imports/import-csv';
import { contactDetails } from './contact-view';
import { importReportText } from './import-view';

describeEngines('CLI views of history and import changes', (h) => {
  it("show: a merge's history names the merged contact's values as theirs, not as the kept name cleared", async () => {
    const { ctx } = await h.account();
    const tom = await createContact(
      ctx,
      {
        displayName: 'Tom Becker',
        givenName: 'Tom',
        familyName: 'Becker',
        emails: [{ value: 'tom@nordwind.example' }],
      },
      'cli',
    );
    const thomas = await createContact(
      ctx,
      {
        displayName: 'Thomas Becker',
        givenName: 'Thomas',
        familyName: 'Becker',
        emails: [{ value: 'tom@nordwind.example' }],
        title: 'Engineer',
      },
      'cli',
    );
    await mergeContacts(ctx, tom.id, thomas.id);
    const text = contactDetails(await getContact(ctx, tom.id));
    expect(text).toMatch(
      /^history +displayName: "Thomas Becker" \(from the merged contact\) {2}\[merge, \d{4}-\d\d-\d\d\]$/m,
    );
    expect(text).toMatch(/^ +givenName: "Thomas" \(from the merged contact\) {2}\[merge, /m);
    expect(text).not.toContain('→ —');
  });

  it('show: each phone as dialled beside it, its extension included', async () => {
    const { ctx } = await h.account();
    const ada = await createContact(
      ctx,
      {
        displayName: 'Ada Lovelace',
        phones: [
          { value: '+1 212 555 0100 ext. 42', label: 'desk' },
          { value: '+1 212 555 0100 x43', label: 'lab' },
        ],
      },
      'cli',
    );
    const text = contactDetails(await getContact(ctx, ada.id));
    expect(text).toMatch(/\+1 212 555 0100 ext\. 42 \(desk\) +\[cli\] +\+12125550100 ext\. 42$/m);
    expect(text).toMatch(/\+1 212 555 0100 x43 \(lab\) +\[cli\] +\+12125550100 ext\. 43$/m);
  });

  it('import: the change list shows an address as `show` prints it, not as JSON, and a photo as one', async () => {
    const { ctx } = await h.account();
    await createContact(
      ctx,
      { displayName: 'Ada Brennan', emails: [{ value: 'ada@brennan.example' }] },
      'cli',
    );
    const csv =
      'First Name,Last Name,E-mail 1 - Value,Address 1 - Label,Address 1 - Street,Address 1 - City,' +
      'Address 1 - Postal Code,Address 1 - Country,Event 1 - Label,Event 1 - Value,Photo\n' +
      'Ada,Brennan,ada@brennan.example,Work,Müllerstraße 3,München,80331,Germany,Anniversary,2012-05-01,' +
      'https://lh3.googleusercontent.com/contacts/ada-photo\n';
    const report = await importCsv(ctx, {
      source: new TextEncoder().encode(csv),
      fileName: 'google.csv',
      dryRun: true,
    });
    const text = importReportText(report);
    expect(text).toContain('\n    addresses: — → Müllerstraße 3, München, 80331, Germany (Work)\n');
    expect(text).toContain('\n    dates: — → 2012-05-01 (Anniversary)');
    // A photo is stored by its SHA-256, which says nothing to a reader.
    expect(text).toContain('\n    photo: a photo is added');
    expect(text).not.toMatch(/[0-9a-f]{16}/);
    expect(text).not.toContain('{');
  });
});

describeEngines('CLI contact view', (h) => {
  it('show: a profile URL with letters outside ASCII reads as its letters, not as percent escapes', async () => {
    const { ctx } = await h.account();
    const hannah = await createContact(
      ctx,
      { displayName: 'Hannah Müller', urls: [{ value: 'https://www.linkedin.com/in/hannah-müller-13' }] },
      'cli',
    );
    const text = contactDetails(await getContact(ctx, hannah.id));
    expect(text).toContain('linkedin.com/in/hannah-müller-13');
    expect(text).not.toContain('%C3%BC');
  });
});
