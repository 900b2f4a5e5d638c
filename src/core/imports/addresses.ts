import type { PostalAddress } from '../../formats/model';
import { words } from '../text/fold';

const PLACE = ['poBox', 'extended', 'street', 'locality', 'postalCode', 'country'] as const;

/**
 * Which place an address is: its parts folded (case, accents, spacing, punctuation; a postal code's spaces too),
 * whatever its label, region or free-text form. One app labels an address "Work" and adds a formatted form,
 * another gives the same parts alone: one place, stored once.
 */
export function placeOf(a: PostalAddress): string {
  const parts = PLACE.map((p) => words(a[p] ?? '').join(p === 'postalCode' ? '' : ' '));
  return parts.some(Boolean) ? parts.join('|') : words(a.formatted ?? '').join(' ');
}

/** The first address with its blanks filled from another of the same place: what either says is kept. */
export function fillAddress(kept: PostalAddress, other: PostalAddress): PostalAddress {
  const out: PostalAddress = { ...kept };
  for (const [k, v] of Object.entries(other) as [keyof PostalAddress, string | undefined][])
    if (v && !out[k]) out[k] = v;
  return out;
}

/** A list with each place once, where it first came, with the blanks of it filled from the later ones. */
export function onePerPlace(list: PostalAddress[]): PostalAddress[] {
  const byPlace = new Map<string, PostalAddress>();
  for (const a of list) {
    const place = placeOf(a);
    const seen = byPlace.get(place);
    byPlace.set(place, seen ? fillAddress(seen, a) : a);
  }
  return byPlace.size === list.length ? list : [...byPlace.values()];
}
