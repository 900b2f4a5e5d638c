import { describe, expect, it } from 'vitest';
import { formToInput, prefilledContactForm } from '../contacts/contact-form-state';
import { newContactLink } from './new-contact-link';

/** What the new-contact page makes of a link: the same reading of `?name=&linkedin=` as new-contact-page.tsx. */
function formFrom(link: string) {
  const params = new URL(link, 'http://rapport.test').searchParams;
  return prefilledContactForm({ name: params.get('name'), url: params.get('linkedin') });
}

describe('adding an invitation’s person as a contact', () => {
  it('fills the new-contact form with the name split in two and the LinkedIn profile', () => {
    const link = newContactLink({
      name: 'Rosa María Quintero',
      profileUrl: 'https://www.linkedin.com/in/rosa-quintero',
    });
    expect(link.startsWith('/contacts/new?')).toBe(true);
    const { input } = formToInput(formFrom(link));
    expect(input).toMatchObject({
      givenName: 'Rosa',
      familyName: 'María Quintero',
      displayName: null,
      urls: [{ value: 'https://www.linkedin.com/in/rosa-quintero' }],
      emails: [],
    });
  });

  it('survives names that need escaping and invitations without a profile', () => {
    const { input } = formToInput(formFrom(newContactLink({ name: 'Ana & Bo #1?', profileUrl: null })));
    expect(input).toMatchObject({ givenName: 'Ana', familyName: '& Bo #1?', urls: [] });
  });

  it('leaves the form empty without a prefill (the plain "New contact" page)', () => {
    const form = prefilledContactForm({});
    expect(formToInput(form).input).toMatchObject({ givenName: '', familyName: '', urls: [] });
    expect(form.emails).toHaveLength(1);
  });
});
