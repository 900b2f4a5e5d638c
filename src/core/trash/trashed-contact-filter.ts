import { searchQueryWords } from '../contacts/contact';
import type { ContactFilter } from '../contacts/contact.queries';
import type { Ctx } from '../context';
import { notFound } from '../errors';
import { findImport } from '../imports/import.queries';
import { trashCutoff } from './trash-window';

/**
 * The trashed contacts a trash search means: the owner's still within the trash window, narrowed by `q` (every word
 * a prefix of one of theirs, as contact search) and `import` (those its undo sent there). Null when it can match no
 * one: a search of only punctuation, an import not undone. Another account's import is `not_found`.
 */
export async function trashedContactFilter(
  ctx: Ctx,
  ownerId: string,
  by: { q?: string; import?: string },
): Promise<ContactFilter | null> {
  const filter: ContactFilter = { ownerId, deleted: true, deletedSince: trashCutoff(ctx) };
  if (by.import) {
    const undone = await findImport(ctx.db, ownerId, by.import);
    if (!undone) throw notFound('import');
    // An undo trashes everything at one instant, its `undone_at` (see undoImport): that is how they are told apart.
    if (!undone.undone_at) return null;
    filter.deletedAt = undone.undone_at;
  }
  const searchWords = searchQueryWords(by.q ?? '');
  if (searchWords.length > 0) filter.text = { engine: ctx.engine, words: searchWords };
  else if (by.q?.trim()) return null;
  return filter;
}
