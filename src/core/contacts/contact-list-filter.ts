import type { ContactFilterQuery } from '../../contracts/contacts';
import type { Ctx } from '../context';
import { normaliseTagName } from '../tags/tag';
import { tagsNamed } from '../tags/tag.queries';
import { searchQueryWords } from './contact';
import type { ContactFilter } from './contact.queries';

/**
 * What the contact list's query asks for: its filters (the tag by name, merged names included) and, apart, its
 * search words (the list ranks them in stages). Null when it can match no one: an unknown tag, a search of only
 * punctuation ("%", "-"), which finds no one rather than everyone as if unsearched.
 */
export async function contactListFilter(
  ctx: Ctx,
  ownerId: string,
  q: ContactFilterQuery,
  opts: { deleted?: boolean } = {},
): Promise<{ filter: ContactFilter; searchWords: string[] } | null> {
  const filter: ContactFilter = {
    ownerId,
    deleted: opts.deleted ?? false,
    organisationId: q.organisation,
    connectedFrom: q.connectedFrom,
    connectedTo: q.connectedTo,
  };
  if (q.tag) {
    const norm = normaliseTagName(q.tag);
    // A tag merged into another is found by its old name too (ADR 22).
    const tag = (await tagsNamed(ctx.db, ownerId, [norm])).get(norm);
    if (!tag) return null;
    filter.tagId = tag.id;
  }
  const searchWords = searchQueryWords(q.q ?? '');
  if (searchWords.length === 0 && q.q?.trim()) return null;
  return { filter, searchWords };
}

/**
 * Every live contact the list shows for `q`, whatever its order, as one filter: the search words become the
 * condition every search stage's hits meet (each word a prefix of a word anywhere in the contact; a name starting
 * with the words is such a contact too). Null when it can match no one.
 */
export async function contactsFoundBy(
  ctx: Ctx,
  ownerId: string,
  q: ContactFilterQuery,
): Promise<ContactFilter | null> {
  const found = await contactListFilter(ctx, ownerId, q);
  if (!found) return null;
  const { filter, searchWords } = found;
  return searchWords.length > 0 ? { ...filter, text: { engine: ctx.engine, words: searchWords } } : filter;
}
