import type { Page } from 'playwright-core';

/** A tab of the Contacts section, reached as a user does: Contacts in the main navigation, then the tab. */
export async function openContactsTab(page: Page, tab: 'People' | 'Organisations' | 'Tags' | 'Duplicates') {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  await page.getByRole('navigation', { name: 'Contacts' }).getByRole('link', { name: tab }).click();
}
