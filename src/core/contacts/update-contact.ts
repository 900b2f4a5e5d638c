import {
  type Contact,
  type ContactSource,
  type ContactUpdateInput,
  contactUpdateInput,
} from '../../contracts/contacts';
import { accountToday } from '../agenda/account-today';
import { phoneRegionOf } from '../agenda/agenda.queries';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import type { ChannelKind } from '../db/schema';
import { AppError, notFound, validationError } from '../errors';
import { etagListed } from '../etag';
import { ensureOrganisation } from '../organisations/ensure-organisation';
import { enqueueNewConnections } from '../outreach/enqueue-new-connections';
import { rescheduleRelationships } from '../relationships/reschedule-relationships';
import { ensureTags } from '../tags/ensure-tags';
import { setContactTags } from '../tags/tag.queries';
import { inspect, validationIssues } from '../validate';
import { buildChannels, type ChannelInput } from './channels';
import { deriveDisplayName, TEXT_FIELDS } from './contact';
import {
  channelsOf,
  findContact,
  insertPosition,
  lockContacts,
  replaceChannels,
  updateContact as writeContact,
} from './contact.queries';
import { contactEtag } from './contact-etag';
import { presentContact } from './present-contact';
import { reindexContacts } from './reindex-contacts';

/**
 * Changes the fields present in `input` (absent fields stay; lists replace the whole list). A new organisation
 * or title in place of a known one keeps the old job as a past position. Another account's contact answers `not_found`;
 * a new connected-on day in the future is a `validation` error, named in one with every other problem of the input.
 * With `ifMatch` (an `If-Match` value: ETags of `contactEtag`, or `*`) the contact must still be the one read: else
 * `precondition_failed`, and nothing is written.
 * The read-only fields of the GET view sent back are ignored.
 */
export async function updateContact(
  ctx: Ctx,
  id: string,
  input: ContactUpdateInput,
  source: ContactSource,
  opts: { ifMatch?: string } = {},
): Promise<Contact> {
  const ownerId = requireActor(ctx);
  // Every problem in one answer: the rules below still judge the fields that are well-formed when others are not.
  const { data, fields, issues } = inspect(contactUpdateInput, input);
  if (fields.id !== undefined && fields.id !== id)
    issues.push({ path: 'id', message: 'is not the id of the contact changed' });
  if (!data || issues.length > 0) {
    // Refused anyway: the connected-on day is judged against the stored contact read without waiting for its lock.
    if (fields.connectedOn) {
      const old = await findContact(ctx.db, ownerId, id);
      if (old && (await isNewFutureDay(ctx, ownerId, fields.connectedOn, old.connected_on)))
        issues.push({ path: 'connectedOn', message: 'is in the future' });
    }
    throw validationIssues(issues);
  }
  return inTransaction(ctx, async (tx) => {
    // The organisation and tags before the contact, the lock order of ADR 20: a merge holds them, then moves contacts.
    const org = data.organisation ? await ensureOrganisation(tx, ownerId, data.organisation) : null;
    const tags = data.tags ? await ensureTags(tx, ownerId, data.tags, { lock: true }) : null;
    // Two edits at once: the second starts from what the first wrote (one past position each, one set of channels).
    await lockContacts(tx.db, ownerId, [id]);
    const old = await findContact(tx.db, ownerId, id);
    if (!old) throw notFound('contact');
    // Checked once the contact is locked: an edit committed while this one waited for the lock is seen here.
    if (opts.ifMatch !== undefined) {
      const etag = contactEtag(await presentContact(tx, old));
      if (!etagListed(opts.ifMatch, etag)) throw changedMeanwhile(etag);
    }
    // A new connected-on day must have happened, by the account's calendar; the stored one (an import's, which is
    // not checked) comes back unchanged with a whole-form save or a phone's card, and is not refused then.
    if (data.connectedOn && (await isNewFutureDay(tx, ownerId, data.connectedOn, old.connected_on)))
      throw validationError('connectedOn', 'is in the future');
    const now = nowIso(tx);
    const patch: Parameters<typeof writeContact>[3] = { updated_at: now };

    let orgName = old.organisation_name;
    if ('organisation' in data) {
      patch.organisation_id = org?.id ?? null;
      orgName = org?.name ?? null;
    }
    if ('title' in data) patch.title = data.title ?? null;
    const orgChanged =
      'organisation_id' in patch &&
      patch.organisation_id !== (old.organisation_name ? old.organisation_id : null);
    const titleChanged = 'title' in patch && patch.title !== old.title;
    // A job ends when something known about it is replaced: a title added where only the organisation was known
    // (or the other way round) is the same job, better known.
    if ((orgChanged && old.organisation_name) || (titleChanged && old.title)) {
      await insertPosition(tx.db, {
        id: tx.ids.next(),
        owner_id: ownerId,
        contact_id: id,
        organisation_id: old.organisation_name ? old.organisation_id : null,
        organisation_name: old.organisation_name,
        title: old.title,
        ended_on: now.slice(0, 10),
        source,
        recorded_at: now,
      });
    }

    for (const [key, column] of TEXT_FIELDS) {
      // title was handled with the organisation above (it feeds the past-positions history).
      if (key !== 'title' && key in data) patch[column] = data[key] ?? null;
    }
    if ('customFields' in data) patch.custom_fields = JSON.stringify(data.customFields ?? {});
    if ('addresses' in data) patch.addresses = JSON.stringify(data.addresses ?? []);
    if ('dates' in data) patch.dates = JSON.stringify(data.dates ?? []);

    const previous = await channelsOf(tx.db, ownerId, [id]);
    const given = 'given_name' in patch ? (patch.given_name ?? null) : old.given_name;
    const family = 'family_name' in patch ? (patch.family_name ?? null) : old.family_name;
    const firstEmail = data.emails ? data.emails[0]?.value : previous.find((c) => c.kind === 'email')?.value;
    const oldDerived = deriveDisplayName({ givenName: old.given_name, familyName: old.family_name });
    if ('displayName' in data || old.display_name === oldDerived) {
      const display = deriveDisplayName({
        displayName: 'displayName' in data ? data.displayName : null,
        givenName: given,
        familyName: family,
        organisation: orgName,
        email: firstEmail,
      });
      if (!display)
        throw validationError('displayName', 'a contact needs a name, an organisation or an email');
      patch.display_name = display;
    }

    if (data.emails || data.phones || data.urls) {
      const keep = (kind: ChannelKind): ChannelInput[] =>
        previous.filter((c) => c.kind === kind).map((c) => ({ value: c.value, label: c.label ?? undefined }));
      const lists = {
        email: data.emails ?? keep('email'),
        phone: data.phones ?? keep('phone'),
        url: data.urls ?? keep('url'),
      };
      const region = lists.phone.length > 0 ? await phoneRegionOf(tx.db, ownerId) : null;
      await replaceChannels(
        tx.db,
        ownerId,
        id,
        buildChannels(tx.ids, ownerId, id, lists, previous, source, region),
      );
    }
    if (tags) {
      await setContactTags(
        tx.db,
        ownerId,
        id,
        tags.map((t) => t.id),
      );
    }

    await writeContact(tx.db, ownerId, id, patch);
    await reindexContacts(tx, ownerId, [id]);
    // Tags and the connected-on date feed the keep-in-touch date.
    if (data.tags || 'connectedOn' in data) {
      await rescheduleRelationships(tx, ownerId, [id], data.tags?.length ? {} : undefined);
    }
    // A connection day given now (added the person first, connected later) makes them a new connection like any
    // other: they wait for a personal message, once (someone who has had an item is not queued again).
    if (data.connectedOn && data.connectedOn !== old.connected_on) {
      await enqueueNewConnections(tx, ownerId, [{ id, connectedOn: data.connectedOn }], {
        existing: 'check',
      });
    }
    const row = await findContact(tx.db, ownerId, id);
    if (!row) throw notFound('contact');
    return presentContact(tx, row);
  });
}

/** The contact is no longer the one the write was made against (HTTP 412, CLI exit 6). */
export function changedMeanwhile(etag: string): AppError {
  return new AppError(
    'precondition_failed',
    'the contact was changed by someone else since it was read (If-Match no longer matches its ETag): ' +
      'read it again and make the change on what it is now',
    { etag },
  );
}

/** A connected-on day other than the stored one and after the account's today. */
async function isNewFutureDay(
  ctx: Ctx,
  ownerId: string,
  day: string,
  stored: string | null,
): Promise<boolean> {
  return day !== stored && day > (await accountToday(ctx, ownerId));
}
