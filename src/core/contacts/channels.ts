import type { ChannelKind, ContactChannelTable } from '../db/schema';
import { normaliseEmailValue, normaliseLinkedinUrl, normalisePhone, normaliseWebUrl } from './contact';

export interface ChannelInput {
  value: string;
  label?: string | undefined;
}

// The phones the contract took before vanity numbers, service codes and pauses were allowed: their stored keys
// (digits and `+`) stay as they were.
const DIGITS_ONLY_PHONE = /^\+?[\d\s().\-/]*\d[\d\s().\-/]*(\s*(x|ext\.?|#)\s*\d+)?$/i;

/** Matching key of a phone libphonenumber cannot read: `1-800-FLOWERS` and `1-800-DENTIST` stay two numbers. */
function writtenPhoneKey(value: string): string {
  if (DIGITS_ONLY_PHONE.test(value)) return value.replace(/[^\d+]/g, '');
  // No leading `+`: a key starting with one is taken for E.164 (present-contact, the matching queries).
  return value.toLowerCase().replace(/[^\p{Nd}\p{L}*#,;=]/gu, '');
}

/**
 * What makes two values the same email, phone or URL. A phone number written without its country code is read in
 * `phoneRegion` (the account's setting) when there is one, else it matches only as written.
 */
export function channelKey(kind: ChannelKind, value: string, phoneRegion: string | null): string | null {
  switch (kind) {
    case 'email':
      return normaliseEmailValue(value);
    case 'phone':
      return normalisePhone(value, phoneRegion) ?? writtenPhoneKey(value);
    case 'url':
      return normaliseLinkedinUrl(value) ?? normaliseWebUrl(value);
  }
}

/** What makes two stored channels the same email, phone or URL (`kind:matching key`), for merges and undo. */
export const channelIdentity = (c: ContactChannelTable) =>
  `${c.kind}:${c.value_norm ?? channelKey(c.kind, c.value, null)}`;

const KINDS = ['email', 'phone', 'url'] as const;

/**
 * Channel rows for a contact from the caller's lists. Duplicates (same matching key) collapse to the first; a
 * fact that was already on the contact keeps the source it first came from.
 */
export function buildChannels(
  ids: { next(): string },
  ownerId: string,
  contactId: string,
  lists: Partial<Record<ChannelKind, ChannelInput[]>>,
  previous: ContactChannelTable[],
  source: string,
  phoneRegion: string | null,
): ContactChannelTable[] {
  // No map or set for what is empty (an import builds the channels of 30,000 new contacts, most with one or two).
  const previousSource =
    previous.length > 0 ? new Map(previous.map((c) => [`${c.kind}:${c.value_norm}`, c.source])) : null;
  const rows: ContactChannelTable[] = [];
  for (const kind of KINDS) {
    const list = lists[kind];
    if (!list || list.length === 0) continue;
    const seen = new Set<string>();
    for (const item of list) {
      const key = channelKey(kind, item.value, phoneRegion);
      const dedupe = key ?? item.value;
      if (seen.has(dedupe)) continue;
      seen.add(dedupe);
      const value = kind === 'url' ? (normaliseLinkedinUrl(item.value) ?? item.value) : item.value;
      rows.push({
        id: ids.next(),
        owner_id: ownerId,
        contact_id: contactId,
        kind,
        value,
        value_norm: key,
        label: item.label?.trim() || null,
        position: seen.size - 1,
        source: previousSource?.get(`${kind}:${key}`) ?? source,
      });
    }
  }
  return rows;
}
