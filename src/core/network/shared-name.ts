/**
 * The name another account reads for one of my contacts: in network search and paths, on an introduction, its
 * mails and the contact it gives the requester (ADR 29). The display name is the owner's own label and may carry
 * private asides ("Tom (met at conf)", a pet name): the given and family names are taken when the owner recorded
 * them, else the display name without bracketed asides (whole, if that would leave nothing).
 */
export function sharedName(contact: {
  display_name: string;
  given_name?: string | null;
  family_name?: string | null;
}): string {
  const full = [contact.given_name, contact.family_name]
    .map((n) => n?.trim())
    .filter(Boolean)
    .join(' ');
  if (full) return full;
  const bare = contact.display_name
    .replace(/\s*(\([^)]*\)|\[[^\]]*\]|\{[^}]*\})/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return bare || contact.display_name;
}
