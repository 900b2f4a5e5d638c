import { type Ctx, inTransaction } from '../context';
import { chunkIds } from '../db/chunk';
import { withDeferredSearchReindex } from '../db/portable';
import { tagNamesByContact } from '../tags/tag.queries';
import { searchDoc } from './contact';
import { channelsOf, findContacts, lockContacts, type SearchDoc, setSearchDocs } from './contact.queries';

/**
 * Recomputes the search columns of these contacts from their current data. Called after anything that changes
 * what a contact is found by: its own fields, a tag or organisation rename, delete or restore, tags given to many.
 * With `updatedAt`, each is also marked changed then, in the same write (tagging many: one row version each on
 * PostgreSQL, not two). Reads 5,000 contacts at a time and writes them all set-based. Locks each contact before
 * reading it (ADR 20), in id order: a tag or organisation renamed, trashed or merged re-indexes contacts it does not
 * otherwise lock, and wrote back words read before an edit of one committed.
 */
export async function reindexContacts(
  ctx: Ctx,
  ownerId: string,
  contactIds: string[],
  opts: { updatedAt?: string } = {},
): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const changed: SearchDoc[] = [];
    for (const ids of chunkIds([...new Set(contactIds)].sort(), 5000)) {
      await lockContacts(tx.db, ownerId, ids);
      const [rows, channels, tags] = await Promise.all([
        findContacts(tx.db, ownerId, ids),
        channelsOf(tx.db, ownerId, ids),
        tagNamesByContact(tx.db, ownerId, ids),
      ]);
      const emails = new Map<string, string[]>();
      const phones = new Map<string, string[]>();
      for (const c of channels) {
        if (c.kind === 'email') emails.set(c.contact_id, [...(emails.get(c.contact_id) ?? []), c.value]);
        if (c.kind === 'phone')
          phones.set(c.contact_id, [...(phones.get(c.contact_id) ?? []), c.value_norm ?? c.value]);
      }
      for (const row of rows) {
        const doc = searchDoc({
          displayName: row.display_name,
          givenName: row.given_name,
          familyName: row.family_name,
          nickname: row.nickname,
          organisation: row.organisation_name,
          title: row.title,
          location: row.location,
          howWeMet: row.how_we_met,
          notes: row.notes,
          emails: emails.get(row.id) ?? [],
          phones: phones.get(row.id) ?? [],
          tags: tags.get(row.id) ?? [],
        });
        if (
          opts.updatedAt ||
          doc.sort_key !== row.sort_key ||
          doc.search_name !== row.search_name ||
          doc.search_text !== row.search_text
        ) {
          changed.push({ id: row.id, ...doc });
        }
      }
    }
    if (changed.length === 0) return;
    // All written at once: FTS5 deletes many rows far faster in one statement than in several (portable.ts).
    await withDeferredSearchReindex(
      tx.db,
      changed.map((d) => d.id),
      () => setSearchDocs(tx.db, ownerId, changed, opts.updatedAt),
    );
  });
}
