import { createHash } from 'node:crypto';
import { serializeVCard } from '../../formats/vcard';
import { findContact } from '../contacts/contact.queries';
import type { Ctx } from '../context';
import { readPeople } from '../exports/read-contacts-for-export';
import { storedCardNamed, storedCardsOf } from './card.queries';

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
export function etagOf(text: string): string {
  return `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`;
}

/** The live contact a card name stands for: the name a client gave it, else `<contact id>.vcf`. */
export async function contactOfCard(ctx: Ctx, ownerId: string, name: string): Promise<string | undefined> {
  const stored = await storedCardNamed(ctx.db, ownerId, name);
  const id = stored?.contact_id ?? ID_CARD.exec(name)?.[1];
  if (!id) return undefined;
  if (!stored && (await storedCardsOf(ctx.db, ownerId, [id])).length > 0) return undefined; // it has another name
  return (await findContact(ctx.db, ownerId, id)) ? id : undefined;
}

/** Whether an `If-Match` / `If-None-Match` header names this ETag (or `*`). */
export function etagListed(header: string, etag: string): boolean {
  return header.split(',').some((t) => {
    const v = t.trim();
    return v === '*' || v === etag;
  });
}
