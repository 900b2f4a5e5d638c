import type { ChannelKind, ContactChannelTable } from '../db/schema';
import { normaliseEmailValue, normaliseLinkedinUrl, normalisePhone, normaliseWebUrl } from './contact';

export interface ChannelInput {
  value: string;
  label?: string | undefined;
}

export function channelKey(kind: ChannelKind, value: string): string | null {
  switch (kind) {
    case 'email':
      return normaliseEmailValue(value);
    case 'phone':
      return normalisePhone(value) ?? value.replace(/[^\d+]/g, '');
    case 'url':
      return normaliseLinkedinUrl(value) ?? normaliseWebUrl(value);
  }
}

/** What makes two stored channels the same email, phone or URL (`kind:matching key`), for merges and undo. */
export const channelIdentity = (c: ContactChannelTable) =>
  `${c.kind}:${c.value_norm ?? channelKey(c.kind, c.value)}`;

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
): ContactChannelTable[] {
  const previousSource = new Map(previous.map((c) => [`${c.kind}:${c.value_norm}`, c.source]));
  const rows: ContactChannelTable[] = [];
  for (const kind of ['email', 'phone', 'url'] as const) {
    const seen = new Set<string>();
    for (const item of lists[kind] ?? []) {
      const key = channelKey(kind, item.value);
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
        source: previousSource.get(`${kind}:${key}`) ?? source,
      });
    }
  }
  return rows;
}
