import type { ContactCreateInput } from '../../contracts/contacts';
import type { CleanPerson } from '../imports/imported-person';

/**
 * Every field of a contact as a card gives it, absent ones as empty: a card is the whole contact, so what a client
 * left out of it was removed there. The date connected is the exception (vCard cannot carry it).
 */
export function contactInputOf(p: CleanPerson): ContactCreateInput {
  return {
    displayName: p.displayName,
    givenName: p.givenName ?? null,
    familyName: p.familyName ?? null,
    additionalNames: p.additionalNames ?? null,
    namePrefix: p.prefix ?? null,
    nameSuffix: p.suffix ?? null,
    nickname: p.nickname ?? null,
    organisation: p.organisation ?? null,
    department: p.department ?? null,
    title: p.title ?? null,
    location: p.location ?? null,
    howWeMet: p.howWeMet ?? null,
    notes: p.notes ?? null,
    birthday: p.birthday ?? null,
    emails: p.emails,
    phones: p.phones,
    urls: p.urls,
    addresses: p.addresses.map((a) => ({
      label: a.label,
      poBox: a.poBox,
      extended: a.extended,
      street: a.street,
      locality: a.locality,
      region: a.region,
      postalCode: a.postalCode,
      country: a.country,
      formatted: a.formatted,
    })),
    dates: (p.dates ?? []).map((d) => ({ value: d.value, label: d.label })),
    tags: p.tags,
    customFields: p.extra,
    // vCard has no field for it: a card never clears it.
    ...(p.connectedOn ? { connectedOn: p.connectedOn } : {}),
  };
}
