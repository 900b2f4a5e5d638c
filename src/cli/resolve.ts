import type { Contact } from '../contracts/contacts';
import type { Organisation } from '../contracts/organisations';
import type { Tag } from '../contracts/tags';
import { getContact } from '../core/contacts/get-contact';
import { listContacts } from '../core/contacts/list-contacts';
import type { Ctx } from '../core/context';
import { AppError } from '../core/errors';
import { getOrganisation } from '../core/organisations/get-organisation';
import { listOrganisations } from '../core/organisations/list-organisations';
import { normaliseOrganisationName } from '../core/organisations/organisation';
import { normaliseTagName } from '../core/tags/tag';
import { fold, words } from '../core/text/fold';

// Enough candidates to recognise the right one in an "ambiguous" answer without flooding the terminal.
const CANDIDATES = 10;

/**
 * The actor's contact named by `ref`: its id, else the single search hit for the text (or the single hit whose
 * name is exactly `ref`). No hit is `not_found`; several is `validation` with the candidates in the details.
 */
export async function resolveContact(ctx: Ctx, ref: string): Promise<Contact> {
  try {
    return await getContact(ctx, ref.trim());
  } catch (e) {
    if (!(e instanceof AppError && e.code === 'not_found')) throw e;
  }
  return getContact(ctx, await contactIdNamed(ctx, ref));
}

/** The id of the single contact that text `ref` finds, as `resolveContact` reads it (not an id). */
export async function contactIdNamed(ctx: Ctx, ref: string): Promise<string> {
  // Text with no searchable word would list everyone, and "the single hit" could then be any contact.
  if (words(ref).length === 0) throw new AppError('not_found', `no contact matches "${ref}"`);
  const page = await listContacts(ctx, { q: ref, limit: CANDIDATES });
  const hits = page.items;
  const exact = hits.filter((h) => fold(h.displayName).trim() === fold(ref).trim());
  // "Bea" is Bea Novak, not also Cole Tran whose notes say "introduced by Bea": one hit found by the name itself wins
  // over hits found elsewhere (search lists name matches first, so none is cut off behind the others).
  const typed = words(ref);
  const byName = hits.filter((h) => {
    const name = words(h.displayName);
    return typed.every((w) => name.some((n) => n.startsWith(w)));
  });
  const chosen =
    hits.length === 1 ? hits[0] : exact.length === 1 ? exact[0] : byName.length === 1 ? byName[0] : undefined;
  if (chosen) return chosen.id;
  if (hits.length === 0) throw new AppError('not_found', `no contact matches "${ref}"`);
  const count = page.nextCursor ? `more than ${hits.length}` : String(hits.length);
  throw new AppError('validation', `ambiguous: "${ref}" matches ${count} contacts; use one of these ids`, {
    candidates: hits.map((h) => ({ id: h.id, displayName: h.displayName, organisation: h.organisation })),
  });
}

/**
 * The actor's live organisation named by `ref`: its id, else the one whose name is `ref` (compared as organisations
 * are, so "Acme, Inc." finds Acme), else the single one whose name contains it. Several is `validation` with the
 * candidates in the details.
 */
export async function resolveOrganisation(ctx: Ctx, ref: string): Promise<Organisation> {
  try {
    return await getOrganisation(ctx, ref.trim());
  } catch (e) {
    if (!(e instanceof AppError && e.code === 'not_found')) throw e;
  }
  const norm = normaliseOrganisationName(ref);
  if (!norm) throw new AppError('not_found', `no organisation matches "${ref}"`);
  const page = await listOrganisations(ctx, { q: ref, limit: CANDIDATES });
  const hits = page.items;
  const exact = hits.filter((o) => normaliseOrganisationName(o.name) === norm);
  const chosen = exact.length === 1 ? exact[0] : hits.length === 1 ? hits[0] : undefined;
  if (chosen) return chosen;
  if (hits.length === 0) throw new AppError('not_found', `no organisation matches "${ref}"`);
  const count = page.nextCursor ? `more than ${hits.length}` : String(hits.length);
  throw new AppError(
    'validation',
    `ambiguous: "${ref}" matches ${count} organisations; use one of these ids`,
    {
      candidates: hits.map((o) => ({ id: o.id, name: o.name })),
    },
  );
}

/** The tag in `tags` with this id or (accent- and case-insensitive) name; else `not_found`. */
export function resolveTag(tags: Tag[], ref: string): Tag {
  const norm = normaliseTagName(ref);
  const tag = tags.find((t) => t.id === ref.trim()) ?? tags.find((t) => normaliseTagName(t.name) === norm);
  if (!tag) throw new AppError('not_found', `no tag "${ref}"`);
  return tag;
}
