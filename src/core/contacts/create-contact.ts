import {
  type Contact,
  type ContactCreateInput,
  type ContactSource,
  contactCreateInput,
} from '../../contracts/contacts';
import { accountToday } from '../agenda/account-today';
import { phoneRegionOf } from '../agenda/agenda.queries';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import type { ContactTable } from '../db/schema';
import { ensureOrganisation } from '../organisations/ensure-organisation';
import { enqueueNewConnections } from '../outreach/enqueue-new-connections';
import { rescheduleRelationships } from '../relationships/reschedule-relationships';
import { ensureTags } from '../tags/ensure-tags';
import { setContactTags } from '../tags/tag.queries';
import { inspect, validationIssues } from '../validate';
import { buildChannels } from './channels';
import { deriveDisplayName, searchDoc, TEXT_FIELDS } from './contact';
import { findContact, insertContact, replaceChannels } from './contact.queries';
import { presentContact } from './present-contact';

// The fields a contact's shown name is derived from.
const NAME_SOURCES = new Set(['displayName', 'givenName', 'familyName', 'organisation', 'emails']);

/**
 * Adds a contact to the actor's rolodex. Needs a name, an organisation or an email to show it by; organisation
 * and tags are found by name or created. Throws one `validation` naming every offending field at
 * once (a connected-on day in the future included).
 */
export async function createContact(
  ctx: Ctx,
  input: ContactCreateInput,
  source: ContactSource,
): Promise<Contact> {
  const ownerId = requireActor(ctx);
  // Every problem in one answer: the rules below still judge the fields that are well-formed when others are not.
  const { data, fields, issues } = inspect(contactCreateInput, input);
  const displayName = deriveDisplayName({ ...fields, email: fields.emails?.[0]?.value });
  // Said only when no field it could come from was refused (a mistyped email is an email all the same).
  if (!displayName && !issues.some((i) => NAME_SOURCES.has(i.path.split('.')[0] ?? '')))
    issues.push({ path: 'displayName', message: 'a contact needs a name, an organisation or an email' });
  // The day you connected has happened, by the account's calendar (as a favour's or a logged call's).
  if (fields.connectedOn && fields.connectedOn > (await accountToday(ctx, ownerId)))
    issues.push({ path: 'connectedOn', message: 'is in the future' });
  if (!data || !displayName || issues.length > 0) throw validationIssues(issues);
  return inTransaction(ctx, async (tx) => {
    const org = data.organisation ? await ensureOrganisation(tx, ownerId, data.organisation) : null;
    const tags = await ensureTags(tx, ownerId, data.tags ?? [], { lock: true });
    const now = nowIso(tx);
    const id = tx.ids.next();
    const channels = buildChannels(
      tx.ids,
      ownerId,
      id,
      { email: data.emails, phone: data.phones, url: data.urls },
      [],
      source,
      data.phones?.length ? await phoneRegionOf(tx.db, ownerId) : null,
    );
    const text = Object.fromEntries(TEXT_FIELDS.map(([key, column]) => [column, data[key] ?? null])) as Pick<
      ContactTable,
      (typeof TEXT_FIELDS)[number][1]
    >;
    await insertContact(tx.db, {
      id,
      owner_id: ownerId,
      display_name: displayName,
      ...text,
      organisation_id: org?.id ?? null,
      custom_fields: JSON.stringify(data.customFields ?? {}),
      addresses: JSON.stringify(data.addresses ?? []),
      dates: JSON.stringify(data.dates ?? []),
      share: null,
      source,
      created_at: now,
      updated_at: now,
      deleted_at: null,
      merged_into: null,
      import_id: null,
      ...searchDoc({
        displayName,
        givenName: text.given_name,
        familyName: text.family_name,
        nickname: text.nickname,
        organisation: org?.name ?? null,
        title: text.title,
        location: text.location,
        howWeMet: text.how_we_met,
        notes: text.notes,
        emails: channels.filter((c) => c.kind === 'email').map((c) => c.value),
        phones: channels.filter((c) => c.kind === 'phone').map((c) => c.value_norm ?? c.value),
        tags: tags.map((t) => t.name),
      }),
    });
    await replaceChannels(tx.db, ownerId, id, channels);
    await setContactTags(
      tx.db,
      ownerId,
      id,
      tags.map((t) => t.id),
    );
    // A tag may carry a keep-in-touch cadence ("former students: every 6 months").
    if (tags.length > 0) await rescheduleRelationships(tx, ownerId, [id], {});
    // A new connection waits in the outreach queue for a personal message (a restored backup brings its own queue).
    if (source !== 'backup')
      await enqueueNewConnections(tx, ownerId, [{ id, connectedOn: text.connected_on }], {
        existing: 'new-contacts',
      });
    const row = await findContact(tx.db, ownerId, id);
    if (!row) throw new Error('contact vanished inside its own transaction');
    return presentContact(tx, row);
  });
}
