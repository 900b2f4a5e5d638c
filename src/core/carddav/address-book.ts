import { createHash } from 'node:crypto';
import { serializeVCard } from '../../formats/vcard';
import { findContact } from '../contacts/contact.queries';
import type { Ctx } from '../context';
import { contactIdPage } from '../exports/export.queries';
import { readPeople } from '../exports/read-contacts-for-export';
import { storedCardsNamed, storedCardsOf } from './card.queries';

/** One contact as an address book sees it: its card's name (the last path segment), text and strong ETag. */
export interface Card {
  contactId: string;
  name: string;
  text: string;
  etag: string;
}

const ID_CARD = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.vcf$/;

/**
 * The cards of these live contacts (trashed and unknown ones left out). A card is always generated from the
 * contact as it is now, so whatever changed it (the web app, an import, a merge, an organisation's new name) shows
 * up as a new ETag; a card a client wrote keeps its name, its UID and every property Rapport does not model.
 */
export async function cardsOf(ctx: Ctx, ownerId: string, contactIds: string[]): Promise<Card[]> {
  const [people, stored] = await Promise.all([
    readPeople(ctx, ownerId, contactIds),
    storedCardsOf(ctx.db, ownerId, contactIds),
  ]);
  const byContact = new Map(stored.map((s) => [s.contact_id, s]));
  return people.map((person) => {
    const contactId = person.sourceKey as string;
    const s = byContact.get(contactId);
    const text = serializeVCard(s ? { ...person, raw: s.raw, sourceKey: s.uid ?? contactId } : person, {
      version: '3.0',
    });
    return { contactId, name: s?.name ?? `${contactId}.vcf`, text, etag: etagOf(text) };
  });
}

/** A strong ETag: the card's bytes decide it. */
function etagOf(text: string): string {
  return `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`;
}

/**
 * The contacts these card names stand for: the name a client gave a card, else `<contact id>.vcf` for a contact
 * without a stored name. Whether each contact is live is left to the caller (`cardsOf` leaves out the others).
 */
export async function contactsOfCards(
  ctx: Ctx,
  ownerId: string,
  names: string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const s of await storedCardsNamed(ctx.db, ownerId, names)) out.set(s.name, s.contact_id);
  const byId = new Map<string, string>();
  for (const name of names) {
    const id = out.has(name) ? undefined : ID_CARD.exec(name)?.[1];
    if (id) byId.set(id, name);
  }
  const renamed = new Set((await storedCardsOf(ctx.db, ownerId, [...byId.keys()])).map((s) => s.contact_id));
  for (const [id, name] of byId) if (!renamed.has(id)) out.set(name, id);
  return out;
}

/** The live contact a card name stands for (see `contactsOfCards`). */
export async function contactOfCard(ctx: Ctx, ownerId: string, name: string): Promise<string | undefined> {
  const id = (await contactsOfCards(ctx, ownerId, [name])).get(name);
  return id && (await findContact(ctx.db, ownerId, id)) ? id : undefined;
}

/** Every card of the owner, a page at a time, along the owner's name index (paging by id would scan every account). */
export async function* cardPages(ctx: Ctx, ownerId: string): AsyncGenerator<Card[]> {
  let after: { key: string; id: string } | null = null;
  for (;;) {
    const page = await contactIdPage(ctx.db, ownerId, after, 500);
    const last = page[page.length - 1];
    if (!last) return;
    after = { key: last.sort_key, id: last.id };
    yield await cardsOf(
      ctx,
      ownerId,
      page.map((p) => p.id),
    );
  }
}
