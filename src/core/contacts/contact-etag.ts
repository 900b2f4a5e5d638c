import type { Contact } from '../../contracts/contacts';
import { strongEtag } from '../etag';

/**
 * The strong ETag of a contact as the API shows it (GET /contacts/:id): a hash of every field of that view, so
 * any change that view can show (an edit, its tags, an import's history, its organisation renamed) is a new ETag,
 * and an edit that changes nothing keeps it. Not the CardDAV card's ETag: a card leaves out fields the API shows.
 */
export function contactEtag(contact: Contact): string {
  return strongEtag(JSON.stringify(contact));
}
