import type { Ctx } from '../context';
import { tagNamesByContact } from '../tags/tag.queries';
import { searchDoc } from './contact';
import { channelsOf, findContacts, updateContact } from './contact.queries';

/**
 * Recomputes the search columns of these contacts from their current data. Called after anything that changes
 * what a contact is found by: its own fields, a tag or organisation rename, delete or restore.
 */
export async function reindexContacts(ctx: Ctx, ownerId: string, contactIds: string[]): Promise<void> {
  for (let i = 0; i < contactIds.length; i += 500) {
    const ids = contactIds.slice(i, i + 500);
    const [rows, channels, tags] = await Promise.all([
      findContacts(ctx.db, ownerId, ids),
      channelsOf(ctx.db, ownerId, ids),
      tagNamesByContact(ctx.db, ownerId, ids),
    ]);
    for (const row of rows) {
      const doc = searchDoc({
        displayName: row.display_name,
        givenName: row.given_name,
        familyName: row.family_name,
        organisation: row.organisation_name,
        title: row.title,
        location: row.location,
        howWeMet: row.how_we_met,
        notes: row.notes,
        emails: channels.filter((c) => c.contact_id === row.id && c.kind === 'email').map((c) => c.value),
        tags: tags.get(row.id) ?? [],
      });
      if (
        doc.sort_key !== row.sort_key ||
        doc.search_name !== row.search_name ||
        doc.search_text !== row.search_text
      ) {
        await updateContact(ctx.db, ownerId, row.id, doc);
      }
    }
  }
}
