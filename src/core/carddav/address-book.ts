import { UUID_PATTERN } from '../../contracts/common';
import { serializeVCard } from '../../formats/vcard';
import { contactMergeStates } from '../contacts/contact.queries';
import type { Ctx } from '../context';
import { strongEtag } from '../etag';
import { contactIdPage } from '../exports/export.queries';
import { readPeople, shownExtra } from '../exports/read-contacts-for-export';
import { inTrashWindow } from '../trash/trash-window';
import { storedCardsNamed, storedCardsOf, storedCardsWithUid } from './card.queries';

/** One contact as an address book sees it: its card's name (the last path segment), text and strong ETag. */
export interface Card {
  contactId: string;
  name: string;
  /** The UID the card carries: the one its client gave it, else the contact's id. */
  uid: string;
  text: string;
  etag: string;
}

let generated = 0;
/** How many cards this process has generated: what a listing costs, which tests of the sync count. */
export const cardsGenerated = () => generated;

const ID = new RegExp(`^${UUID_PATTERN}$`);
const ID_CARD = new RegExp(`^(${UUID_PATTERN})\\.vcf$`);

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
  generated += people.length;
  return people.map((person) => {
    const contactId = person.sourceKey as string;
    const s = byContact.get(contactId);
    const uid = s?.uid ?? contactId;
    const text = serializeVCard(s ? { ...person, raw: s.raw, sourceKey: uid } : person, {
      version: '3.0',
      shownExtra,
    });
    return { contactId, name: s?.name ?? `${contactId}.vcf`, uid, text, etag: strongEtag(text) };
  });
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

/**
 * What a card name stands for, live or not: the contact, and whether it is live, in the trash (still restorable)
 * or merged into another. Undefined when the name stands for no contact of the owner that could come back.
 */
export async function cardState(
  ctx: Ctx,
  ownerId: string,
  name: string,
): Promise<{ id: string; state: 'live' | 'trashed' | 'merged' } | undefined> {
  const id = (await contactsOfCards(ctx, ownerId, [name])).get(name);
  const row = id ? (await contactMergeStates(ctx.db, ownerId, [id]))[0] : undefined;
  if (!row) return undefined;
  if (row.merged_into) return { id: row.id, state: 'merged' };
  if (row.deleted_at === null) return { id: row.id, state: 'live' };
  // Past the trash window it can no longer come back: the name is free.
  return inTrashWindow(ctx, row.deleted_at) ? { id: row.id, state: 'trashed' } : undefined;
}

/**
 * The live contact, other than `except`, whose card carries this UID: the UID a client stored with its card, or
 * the contact's id, which is the UID of a card Rapport made (RFC 6352 §6.3.2.1 no-uid-conflict).
 */
export async function cardWithUid(
  ctx: Ctx,
  ownerId: string,
  uid: string,
  except: string | undefined,
): Promise<Card | undefined> {
  const ids = (await storedCardsWithUid(ctx.db, ownerId, uid)).filter((id) => id !== except);
  if (ID.test(uid) && uid !== except) ids.push(uid);
  const cards = await cardsOf(ctx, ownerId, ids);
  // The id is its card's UID only while no client gave that card another one.
  return cards.find((c) => c.contactId !== uid || c.uid === uid);
}

/** The live contact a card name stands for (see `contactsOfCards`). */
export async function contactOfCard(ctx: Ctx, ownerId: string, name: string): Promise<string | undefined> {
  const card = await cardState(ctx, ownerId, name);
  return card?.state === 'live' ? card.id : undefined;
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
