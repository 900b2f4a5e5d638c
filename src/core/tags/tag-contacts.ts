import { type ContactTagsInput, type ContactTagsResult, contactTagsInput } from '../../contracts/tags';
import { type ContactFilter, contactIdsMatching, countContacts } from '../contacts/contact.queries';
import { contactsFoundBy } from '../contacts/contact-list-filter';
import { reindexContacts } from '../contacts/reindex-contacts';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { chunkIds } from '../db/chunk';
import { AppError, validationError } from '../errors';
import { rescheduleRelationships } from '../relationships/reschedule-relationships';
import { validate } from '../validate';
import { ensureTags } from './ensure-tags';
import { normaliseTagName } from './tag';
import {
  anyTagWithCadence,
  deleteUnusedTags,
  linkTags,
  lockContactsToRetag,
  lockLiveTags,
  tagsNamed,
  unlinkTags,
} from './tag.queries';

// Unknown ids named in an error, at most: enough to find the mistake, not a list as long as a 10,000-id request.
const NAMED = 20;

/**
 * Adds and removes tags on many of the actor's live contacts in one transaction: those with these `ids` (an
 * unknown, trashed or another account's id is a `validation` error naming it, and nothing changes), or every one
 * the contact list shows for `filter`. Tags to add are found or created by name as an edit does; a tag to remove
 * must exist. A contact that already has every added tag and none of the removed ones is left as it is. Each changed
 * contact moves as an edit of its tags moves it: `updated_at`, search words, keep-in-touch date, and so its CardDAV
 * card. Set-based: a few statements per 5,000 contacts.
 */
export async function tagContacts(ctx: Ctx, input: ContactTagsInput): Promise<ContactTagsResult> {
  const ownerId = requireActor(ctx);
  const data = validate(contactTagsInput, input);
  return inTransaction(ctx, async (tx) => {
    const removing = await tagsToRemove(tx, ownerId, data.remove);
    const named = data.ids ? [...new Set(data.ids)] : null;
    const filter: ContactFilter | null = named
      ? { ownerId, deleted: false, ids: named }
      : await contactsFoundBy(tx, ownerId, data.filter ?? {});
    if (!filter) return { matched: 0, changed: 0, changedIds: [], createdTagIds: [] };
    // Tags before contacts, the lock order of ADR 20: a merge of one under way finishes first.
    const ensured = await ensureTags(tx, ownerId, data.add, { lock: true });
    const adding = ensured.map((t) => t.id);
    if (adding.some((id) => removing.includes(id)))
      throw validationError('remove', 'a tag cannot be added and removed at once');
    const stillLive = await lockLiveTags(tx.db, ownerId, removing);
    if (removing.some((id) => !stillLive.has(id)))
      throw new AppError('conflict', 'remove: a tag changed meanwhile; try again');

    // Only those whose tags change are locked, and written: the others are left as they are.
    const changed = await lockContactsToRetag(tx.db, filter, adding, removing);
    const matched = await countContacts(tx.db, filter);
    if (named && matched < named.length) requireAll(data.ids ?? [], await contactIdsMatching(tx.db, filter));
    if (matched === 0) {
      // Nothing to tag: a tag made for it would be left empty.
      await deleteUnusedTags(
        tx.db,
        ownerId,
        ensured.filter((t) => t.created).map((t) => t.id),
      );
      return { matched: 0, changed: 0, changedIds: [], createdTagIds: [] };
    }
    for (const ids of chunkIds(changed, 5000)) {
      await linkTags(tx.db, ownerId, ids, adding);
      await unlinkTags(tx.db, ownerId, ids, removing);
    }
    await reindexContacts(tx, ownerId, changed, { updatedAt: nowIso(tx) });
    // Tags feed the keep-in-touch date only through their intervals; a contact given a tag that has one gets a
    // relationship state, as an edit gives it one.
    if (await anyTagWithCadence(tx.db, ownerId, [...adding, ...removing]))
      await rescheduleRelationships(tx, ownerId, changed, adding.length > 0 ? {} : undefined);
    return {
      matched,
      changed: changed.length,
      changedIds: changed,
      createdTagIds: ensured.filter((t) => t.created).map((t) => t.id),
    };
  });
}

/** The live tags these names mean (a merged-away name means the tag it went into); an unknown one is `validation`. */
async function tagsToRemove(ctx: Ctx, ownerId: string, names: string[]): Promise<string[]> {
  const norms = names.map(normaliseTagName);
  const found = await tagsNamed(ctx.db, ownerId, norms);
  const missing = norms.findIndex((n) => !found.has(n));
  if (missing >= 0) throw validationError(`remove.${missing}`, `there is no tag "${names[missing]}"`);
  return [...new Set([...found.values()].map((t) => t.id))];
}

/**
 * Every id must be one of the owner's live contacts; the others are named by their place in `ids` (an unknown id
 * and another account's answer alike, so ids cannot be probed).
 */
function requireAll(ids: string[], live: Set<string>): void {
  const missing = ids.flatMap((id, i) => (live.has(id) ? [] : [`ids.${i}`]));
  if (missing.length === 0) return;
  const named = missing.slice(0, NAMED);
  const more = missing.length > NAMED ? ` and ${missing.length - NAMED} more` : '';
  throw new AppError('validation', `${named.join(', ')}${more}: not one of your contacts`, {
    issues: named.map((path) => ({ path, message: 'is not one of your contacts' })),
  });
}
