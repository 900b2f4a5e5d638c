import type { Contact, ContactCreateInput } from '../../contracts/contacts';
import { channelKey } from '../contacts/channels';
import type { ChannelKind } from '../db/schema';

export interface ReplacedValue {
  /** As the API names it (the contact page has words for each): `title`, `emails`, `customFields.Team`… */
  field: string;
  from: string;
  to: string | null;
}

const TEXT = [
  'displayName',
  'givenName',
  'familyName',
  'additionalNames',
  'namePrefix',
  'nameSuffix',
  'nickname',
  'title',
  'department',
  'location',
  'howWeMet',
  'notes',
  'birthday',
] as const;

const CHANNELS = [
  ['emails', 'email'],
  ['phones', 'phone'],
  ['urls', 'url'],
] as const satisfies readonly (readonly [string, ChannelKind])[];

/** An address's or date's non-empty parts, in key order, whatever order they were written in. */
function partsOf(entry: object): [string, unknown][] {
  return Object.entries(entry)
    .filter(([, v]) => typeof v === 'string' && v !== '')
    .sort(([a], [b]) => a.localeCompare(b));
}

const entryKey = (entry: object) => JSON.stringify(partsOf(entry));

/**
 * What writing `card` over `before` takes away: every value replaced or cleared, and every email, phone, link,
 * tag, address, date and custom field the card no longer has. An address book is the whole contact, so what it
 * leaves out goes (contact-input-of.ts); a phone that drops what it cannot show would otherwise lose it for good.
 */
export function replacedValues(
  before: Contact,
  card: ContactCreateInput,
  phoneRegion: string | null,
): ReplacedValue[] {
  const out: ReplacedValue[] = [];
  for (const field of TEXT) {
    const from = before[field];
    const to = card[field] ?? null;
    if (from && from !== to) out.push({ field, from, to });
  }
  const org = before.organisation?.name;
  if (org && org !== (card.organisation ?? null))
    out.push({ field: 'organisation', from: org, to: card.organisation ?? null });
  for (const [field, kind] of CHANNELS) {
    const kept = new Set((card[field] ?? []).map((c) => channelKey(kind, c.value, phoneRegion)));
    for (const c of before[field])
      if (!kept.has(channelKey(kind, c.value, phoneRegion))) out.push({ field, from: c.value, to: null });
  }
  const tags = new Set((card.tags ?? []).map((t) => t.toLowerCase()));
  for (const t of before.tags) if (!tags.has(t.toLowerCase())) out.push({ field: 'tags', from: t, to: null });
  for (const field of ['addresses', 'dates'] as const) {
    const kept = new Set((card[field] ?? []).map(entryKey));
    for (const e of before[field])
      if (!kept.has(entryKey(e)))
        out.push({ field, from: JSON.stringify(Object.fromEntries(partsOf(e))), to: null });
  }
  const custom = card.customFields ?? {};
  for (const [k, v] of Object.entries(before.customFields)) {
    if (v && custom[k] !== v) out.push({ field: `customFields.${k}`, from: v, to: custom[k] ?? null });
  }
  return out;
}
