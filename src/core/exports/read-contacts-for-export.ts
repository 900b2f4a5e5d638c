import { emptyPerson, type ImportedPerson, type PostalAddress } from '../../formats/model';
import { countLiveContacts } from '../charts/charts.queries';
import { parseJsonArray, parseJsonRecord } from '../contacts/contact';
import { type ContactRow, channelsOf, findContacts } from '../contacts/contact.queries';
import { type Ctx, requireActor } from '../context';
import { notFound } from '../errors';
import { cleanPerson, RAPPORT_ID } from '../imports/imported-person';
import type { ProgressOptions } from '../progress';
import { normaliseTagName } from '../tags/tag';
import { contactIdsWithTag, tagNamesByContact, tagsNamed } from '../tags/tag.queries';
import { contactPage, latestRawVcards, photosOf } from './export.queries';

const PAGE = 500;

/** `tag`: only the contacts carrying this tag (by name; a merged-away name means the tag it went into). */
export type ExportOptions = ProgressOptions & { tag?: string };

async function tagIdNamed(ctx: Ctx, ownerId: string, name: string): Promise<string> {
  const found = (await tagsNamed(ctx.db, ownerId, [normaliseTagName(name)])).values().next().value;
  if (!found) throw notFound('tag');
  return found.id;
}

/**
 * The actor's live contacts (or those with `opts.tag`) as format-neutral records (formats/model.ts), in name
 * order, a page at a time so an export of a large rolodex never holds it all. Each record carries the raw vCard
 * it last came with, so properties Rapport does not model survive a vCard round trip. With `onProgress`, reports contacts exported
 * ('exporting') once each page has been taken, from 0 to all of them.
 */
export async function* readContactsForExport(
  ctx: Ctx,
  opts: ExportOptions = {},
): AsyncGenerator<ImportedPerson[]> {
  const ownerId = requireActor(ctx);
  const { onProgress } = opts;
  const tagId = opts.tag === undefined ? undefined : await tagIdNamed(ctx, ownerId, opts.tag);
  // The total costs a count, so it is only counted for someone watching.
  let total = !onProgress
    ? 0
    : tagId === undefined
      ? await countLiveContacts(ctx.db, ownerId)
      : (await contactIdsWithTag(ctx.db, ownerId, tagId)).length;
  let done = 0;
  onProgress?.({ phase: 'exporting', done, total });
  let after: { key: string; id: string } | null = null;
  for (;;) {
    const page = await contactPage(ctx.db, ownerId, after, PAGE, tagId);
    const last = page[page.length - 1];
    if (!last) {
      // Contacts added or removed while exporting (pages are not one transaction): end on what was exported.
      if (done !== total) onProgress?.({ phase: 'exporting', done, total: done });
      return;
    }
    after = { key: last.sort_key, id: last.id };
    yield await peopleOf(ctx, ownerId, page);
    done += page.length;
    total = Math.max(total, done);
    onProgress?.({ phase: 'exporting', done, total });
  }
}

/**
 * A contact's custom fields, location and how-we-met as the `extra` entries of a record. A custom field named
 * like one of those two (when it has a value) or like the CSV's id column, in any case, would be overwritten by
 * it or read back as it, so it goes out as `Name (2)`, as an import keeps two columns of one name.
 */
function extraOf(
  customFields: Record<string, string>,
  location: string | null | undefined,
  howWeMet: string | null | undefined,
): Record<string, string> {
  const own: Record<string, string> = {
    ...(location ? { Location: location } : {}),
    ...(howWeMet ? { 'How we met': howWeMet } : {}),
  };
  const taken = new Set([...Object.keys(own), RAPPORT_ID].map((k) => k.toLowerCase()));
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(customFields)) {
    let name = key;
    for (let n = 2; taken.has(name.toLowerCase()) || (name !== key && name in customFields); n++)
      name = `${key} (${n})`;
    out[name] = value;
  }
  return { ...out, ...own };
}

/**
 * What a card's extra entries become in a contact (as an import or a CardDAV PUT stores them, limits applied),
 * given back as `readPeople` does: the serializer's `shownExtra`, so that a card line behind a field the owner
 * has since deleted or changed is not served again, while one past the limits is.
 */
export function shownExtra(extra: Record<string, string>): Record<string, string> {
  const { person } = cleanPerson({ ...emptyPerson({ file: 'card' }), displayName: 'card', extra });
  return person ? extraOf(person.extra, person.location, person.howWeMet) : {};
}

/** What `personOf` reads of a contact row. */
type PersonRow = Pick<
  ContactRow,
  | 'id'
  | 'display_name'
  | 'given_name'
  | 'family_name'
  | 'additional_names'
  | 'name_prefix'
  | 'name_suffix'
  | 'nickname'
  | 'organisation_name'
  | 'department'
  | 'title'
  | 'location'
  | 'how_we_met'
  | 'notes'
  | 'birthday'
  | 'custom_fields'
  | 'addresses'
  | 'dates'
  | 'connected_on'
  | 'deleted_at'
  | 'merged_into'
>;

type Details = Awaited<ReturnType<typeof detailsOf>>;

/** Channels, tags, raw vCards and photos of these contacts, each by contact id. */
async function detailsOf(ctx: Ctx, ownerId: string, ids: string[]) {
  const [channelRows, tags, raws, photoRows] = await Promise.all([
    channelsOf(ctx.db, ownerId, ids),
    tagNamesByContact(ctx.db, ownerId, ids),
    latestRawVcards(ctx.db, ownerId, ids),
    photosOf(ctx.db, ownerId, ids),
  ]);
  // Grouped once: filtering the page's rows for each contact made a page cost its size squared.
  const channels = new Map<string, typeof channelRows>();
  for (const c of channelRows) {
    const list = channels.get(c.contact_id);
    if (list) list.push(c);
    else channels.set(c.contact_id, [c]);
  }
  const photos = new Map<string, (typeof photoRows)[number]>();
  for (const p of photoRows) if (!photos.has(p.contact_id)) photos.set(p.contact_id, p);
  return { channels, tags, raws, photos };
}

/** One live contact as a format-neutral record; undefined for one trashed or merged away. */
function personOf(r: PersonRow, d: Details): ImportedPerson | undefined {
  if (r.deleted_at || r.merged_into) return undefined;
  const id = r.id;
  const mine = d.channels.get(id) ?? [];
  const list = (kind: string) => {
    const out: ImportedPerson['emails'] = [];
    for (const c of mine)
      if (c.kind === kind) out.push(c.label ? { value: c.value, label: c.label } : { value: c.value });
    return out;
  };
  const photo = d.photos.get(id);
  return {
    ref: { file: 'rapport' },
    displayName: r.display_name,
    givenName: r.given_name ?? undefined,
    familyName: r.family_name ?? undefined,
    additionalNames: r.additional_names ?? undefined,
    prefix: r.name_prefix ?? undefined,
    suffix: r.name_suffix ?? undefined,
    nickname: r.nickname ?? undefined,
    organisation: r.organisation_name ?? undefined,
    department: r.department ?? undefined,
    title: r.title ?? undefined,
    emails: list('email'),
    phones: list('phone'),
    urls: list('url'),
    addresses: parseJsonArray<PostalAddress>(r.addresses),
    birthday: r.birthday ?? undefined,
    dates: parseJsonArray(r.dates),
    notes: r.notes ?? undefined,
    tags: d.tags.get(id) ?? [],
    connectedOn: r.connected_on ?? undefined,
    photo: photo?.data
      ? { kind: 'inline', mime: photo.mime ?? 'image/jpeg', data: new Uint8Array(photo.data) }
      : photo?.url
        ? { kind: 'url', url: photo.url }
        : undefined,
    extra: extraOf(parseJsonRecord(r.custom_fields), r.location, r.how_we_met),
    raw: d.raws.get(id),
    sourceKey: id,
  };
}

/** Contact rows (already read) as format-neutral records, in their order, live ones only. */
async function peopleOf(ctx: Ctx, ownerId: string, rows: PersonRow[]): Promise<ImportedPerson[]> {
  const details = await detailsOf(
    ctx,
    ownerId,
    rows.map((r) => r.id),
  );
  const out: ImportedPerson[] = [];
  for (const r of rows) {
    const person = personOf(r, details);
    if (person) out.push(person);
  }
  return out;
}

/** These live contacts of the owner as format-neutral records, in the order of `ids` (missing ones left out). */
export async function readPeople(ctx: Ctx, ownerId: string, ids: string[]): Promise<ImportedPerson[]> {
  const [rows, details] = await Promise.all([
    findContacts(ctx.db, ownerId, ids),
    detailsOf(ctx, ownerId, ids),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: ImportedPerson[] = [];
  for (const id of ids) {
    const r = byId.get(id);
    const person = r && personOf(r, details);
    if (person) out.push(person);
  }
  return out;
}
