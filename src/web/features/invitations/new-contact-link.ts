import type { Invitation } from '../../../contracts/invitations';

/** The new-contact page filled in with what an invitation knows: the name and the LinkedIn profile. */
export function newContactLink(invitation: Pick<Invitation, 'name' | 'profileUrl'>): string {
  const params = new URLSearchParams({ name: invitation.name });
  if (invitation.profileUrl) params.set('linkedin', invitation.profileUrl);
  return `/contacts/new?${params.toString()}`;
}
