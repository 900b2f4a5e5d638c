import type { Contact, ContactCreateInput } from '../../contracts/contacts';
import { parseVCardCard, splitVCards } from '../../formats/vcard';
import { photoInfoOf } from '../contacts/contact.queries';
import type { Ctx } from '../context';
import { photoHash } from '../imports/imported-person';
import { storedCardsOf } from './card.queries';

// What a card leaves out that the client may not have meant to take away (ADR 18, 2026-11-27).

/** The hash of the photo in the card a client last wrote for this contact, or null when that card had none. */
async function photoOfStoredCard(ctx: Ctx, ownerId: string, contactId: string): Promise<string | null> {
  const raw = (await storedCardsOf(ctx.db, ownerId, [contactId]))[0]?.raw;
  if (!raw) return null;
  for (const item of splitVCards(raw)) {
    if (item.kind !== 'card') continue;
    const { record } = parseVCardCard(item.card, { file: 'stored.vcf' });
    return record ? photoHash(record) : null;
  }
  return null;
}

/**
 * Whether a card without a PHOTO takes the contact's photo away. It does when the photo is the one the last card a
 * client wrote carried: the owner removed it on the phone (RFC 6352: a PUT replaces the card). A photo an import
 * brought, never written back by a client, is kept: clients that cannot carry a photo (too big for the phone, a URL
 * they do not fetch) leave it out of every card they write, and there is no other copy to bring it back from.
 * Call it before the new card is stored.
 */
export async function dropsPhoto(ctx: Ctx, ownerId: string, contactId: string): Promise<boolean> {
  const current = await photoInfoOf(ctx.db, ownerId, contactId);
  if (!current) return false;
  const written = await photoOfStoredCard(ctx, ownerId, contactId);
  return written !== null && written === current.sha256;
}

const EXTRA_LINE = /^(?:[A-Za-z0-9-]+\.)?X-RAPPORT-EXTRA[;:]/im;
const EXTRA_KEY = /^(?:[A-Za-z0-9-]+\.)?X-RAPPORT-EXTRA;(?:[^:]*;)?X-KEY=(?:"([^"]*)"|([^;:]*))/i;

/** The keys of the values a card carries as Rapport's own `X-RAPPORT-EXTRA` lines. */
function extraKeysOf(card: string): Set<string> {
  const keys = new Set<string>();
  for (const line of card.replace(/\r?\n[ \t]/g, '').split(/\r?\n/)) {
    const m = EXTRA_KEY.exec(line);
    if (m) keys.add((m[1] ?? m[2] ?? '').replace(/\\\\/g, '\\'));
  }
  return keys;
}

/**
 * The contact's input with the values the served card carried only as `X-RAPPORT-EXTRA` lines (how we met,
 * location, custom fields without a vCard property) put back, when the card written holds no such line at all.
 * Phones neither show nor edit those lines, so a card without any of them comes from a client that drops properties
 * it does not know (as the date connected, which is never cleared by a card): the owner did not take them away. A
 * client that carries them (DAVx5, vdirsyncer, Thunderbird) sends them back, and then what it leaves out goes.
 */
export function withRapportOnlyValues(
  body: string,
  served: string | undefined,
  current: Contact,
  input: ContactCreateInput,
): ContactCreateInput {
  if (!served || EXTRA_LINE.test(body)) return input;
  const keys = extraKeysOf(served);
  if (keys.size === 0) return input;
  const customFields = { ...(input.customFields ?? {}) };
  for (const [key, value] of Object.entries(current.customFields))
    if (keys.has(key) && !(key in customFields)) customFields[key] = value;
  return {
    ...input,
    location: input.location ?? (keys.has('Location') ? current.location : null),
    howWeMet: input.howWeMet ?? (keys.has('How we met') ? current.howWeMet : null),
    customFields,
  };
}
