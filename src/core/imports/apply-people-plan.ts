import type { ContactSource } from '../../contracts/contacts';
import { buildChannels } from '../contacts/channels';
import { parseJsonArray, parseJsonRecord, searchDoc } from '../contacts/contact';
import { updateContact } from '../contacts/contact.queries';
import { captureContacts } from '../contacts/contact-snapshot';
import { reindexContacts } from '../contacts/reindex-contacts';
import { type Ctx, nowIso } from '../context';
import { withDeferredSearchIndex } from '../db/portable';
import type {
  ContactChannelTable,
  ContactHistoryTable,
  ContactPhotoTable,
  ContactSourceTable,
  ContactTable,
  ContactTagTable,
  ImportChangeTable,
  ImportKind,
} from '../db/schema';
import { notFound } from '../errors';
import { ensureOrganisations } from '../organisations/ensure-organisations';
import { normaliseOrganisationName } from '../organisations/organisation';
import { enqueueNewConnections } from '../outreach/enqueue-new-connections';
import { rescheduleRelationships } from '../relationships/reschedule-relationships';
import { ensureTags } from '../tags/ensure-tags';
import { normaliseTagName } from '../tags/tag';
import {
  insertChangeRows,
  insertChannels,
  insertContacts,
  insertContactTags,
  insertHistory,
  insertPhotos,
  insertPositions,
  insertSources,
  replacePhoto,
} from './import.queries';
import type { CleanPerson } from './imported-person';
import { photoRowOf, snapshotJson } from './imported-person';
import type { FieldChange, PeoplePlan, PlannedItem } from './plan-people';

/** Person key → contact column for the plain scalar fields (organisation is resolved to an id separately). */
const COLUMNS = {
  givenName: 'given_name',
  familyName: 'family_name',
  additionalNames: 'additional_names',
  prefix: 'name_prefix',
  suffix: 'name_suffix',
  nickname: 'nickname',
  department: 'department',
  title: 'title',
  birthday: 'birthday',
  notes: 'notes',
  location: 'location',
  howWeMet: 'how_we_met',
  connectedOn: 'connected_on',
  displayName: 'display_name',
} as const satisfies Record<string, keyof ContactTable>;

// New contacts are written this many at a time (the contacts insert's batch size, see insertRows).
const CREATE_SLICE = 1000;

/** JSON text of an import's list or record field; the empty ones, nearly all of them, without stringifying. */
function jsonOf(value: object): string {
  if (Array.isArray(value)) return value.length === 0 ? '[]' : JSON.stringify(value);
  for (const _ in value) return JSON.stringify(value);
  return '{}';
}

/**
 * Writes a plan inside the caller's transaction: new contacts in bulk (the 30k-row LinkedIn case), updates one by
 * one with the contact's prior state kept for undo, and a source record for every person seen. Returns the plan's
 * key → contact index completed with the contacts it created. `sourceKind` names the source records when they
 * must be told apart from others of the same import kind (the kind planPeople was given; `kind` by default).
 */
export async function applyPeoplePlan(
  tx: Ctx,
  ownerId: string,
  importId: string,
  kind: ImportKind,
  plan: PeoplePlan,
  sourceKind: string = kind,
): Promise<Map<string, string>> {
  const now = nowIso(tx);
  const source = kind as ContactSource;
  const changes: ImportChangeTable[] = [];
  const change = (
    entity: ImportChangeTable['entity'],
    entityId: string,
    action: 'created' | 'updated',
    before: unknown = null,
  ) =>
    changes.push({
      id: tx.ids.next(),
      import_id: importId,
      owner_id: ownerId,
      entity,
      entity_id: entityId,
      action,
      before: before === null ? null : JSON.stringify(before),
      after: null,
    });

  const creates = plan.items.filter(
    (i): i is Extract<PlannedItem, { action: 'create' }> => i.action === 'create',
  );
  const updates = plan.items.filter(
    (i): i is Extract<PlannedItem, { action: 'update' }> => i.action === 'update',
  );

  const orgNames = [
    ...creates.map((c) => c.person.organisation),
    ...updates.flatMap((u) => u.changes.filter((c) => c.field === 'organisation').map((c) => c.to)),
  ].filter((n): n is string => Boolean(n));
  const orgs = await ensureOrganisations(tx, ownerId, orgNames);
  for (const id of orgs.created) change('organisation', id, 'created');
  // Thousands of people share a few hundred employers: normalise each name once.
  const orgByName = new Map<string, { id: string; name: string } | null>();
  const orgOf = (name: string | undefined | null) => {
    if (!name) return null;
    let org = orgByName.get(name);
    if (org === undefined) {
      org = orgs.byNorm.get(normaliseOrganisationName(name)) ?? null;
      orgByName.set(name, org);
    }
    return org;
  };

  const tagNames = [
    ...creates.flatMap((c) => c.person.tags),
    ...updates.flatMap((u) => u.changes.filter((c) => c.field === 'tags').map((c) => c.to as string)),
  ];
  const tags = await ensureTags(tx, ownerId, tagNames);
  for (const t of tags) if (t.created) change('tag', t.id, 'created');
  const tagId = new Map(tags.flatMap((t) => t.asked.map((norm) => [norm, t.id] as const)));
  const tagIdOf = (name: string) => tagId.get(normaliseTagName(name)) as string;

  const sourceRow = (contactId: string, person: CleanPerson, snapshot: string): ContactSourceTable => ({
    id: tx.ids.next(),
    owner_id: ownerId,
    contact_id: contactId,
    kind: sourceKind,
    source_key: person.sourceKey ?? null,
    raw: person.raw ?? null,
    snapshot,
    import_id: importId,
    recorded_at: now,
  });
  const photoRow = (contactId: string, person: CleanPerson) => photoRowOf(ownerId, contactId, person, now);

  // New contacts, a slice at a time: rows built in memory and written with multi-row inserts, then dropped, so
  // that 30,000 people's rows never all live at once (the garbage collector copies whatever survives).
  const newContacts: { id: string; connectedOn: string | null }[] = [];
  const taggedNew: string[] = [];
  await withDeferredSearchIndex(tx.db, ownerId, async () => {
    for (let start = 0; start < creates.length; start += CREATE_SLICE) {
      const contactRows: ContactTable[] = [];
      const channelRows: ContactChannelTable[] = [];
      const tagRows: ContactTagTable[] = [];
      const sourceRows: ContactSourceTable[] = [];
      const photoRows: ContactPhotoTable[] = [];
      for (const { person, keys } of creates.slice(start, start + CREATE_SLICE)) {
        const id = tx.ids.next();
        const org = orgOf(person.organisation);
        const channels = buildChannels(
          tx.ids,
          ownerId,
          id,
          { email: person.emails, phone: person.phones, url: person.urls },
          [],
          source,
          plan.phoneRegion,
        );
        const search = searchDoc({
          displayName: person.displayName,
          givenName: person.givenName ?? null,
          familyName: person.familyName ?? null,
          nickname: person.nickname ?? null,
          organisation: org?.name ?? null,
          title: person.title ?? null,
          location: person.location ?? null,
          howWeMet: person.howWeMet ?? null,
          notes: person.notes ?? null,
          emails: person.emails.map((e) => e.value),
          phones: channels.flatMap((c) => (c.kind === 'phone' ? [c.value_norm ?? c.value] : [])),
          tags: person.tags,
        });
        contactRows.push({
          id,
          owner_id: ownerId,
          display_name: person.displayName,
          share: null,
          given_name: person.givenName ?? null,
          family_name: person.familyName ?? null,
          additional_names: person.additionalNames ?? null,
          name_prefix: person.prefix ?? null,
          name_suffix: person.suffix ?? null,
          nickname: person.nickname ?? null,
          organisation_id: org?.id ?? null,
          department: person.department ?? null,
          title: person.title ?? null,
          location: person.location ?? null,
          how_we_met: person.howWeMet ?? null,
          notes: person.notes ?? null,
          birthday: person.birthday ?? null,
          connected_on: person.connectedOn ?? null,
          custom_fields: jsonOf(person.extra),
          addresses: jsonOf(person.addresses),
          dates: jsonOf(person.dates ?? []),
          source,
          created_at: now,
          updated_at: now,
          deleted_at: null,
          merged_into: null,
          import_id: importId,
          sort_key: search.sort_key,
          search_name: search.search_name,
          search_text: search.search_text,
        });
        for (const row of channels) channelRows.push(row);
        if (person.tags.length > 0) {
          taggedNew.push(id);
          for (const t of new Set(person.tags.map(tagIdOf)))
            tagRows.push({ owner_id: ownerId, contact_id: id, tag_id: t });
        }
        sourceRows.push(sourceRow(id, person, snapshotJson(person)));
        for (const key of keys) if (!plan.index.has(key)) plan.index.set(key, id);
        const photo = photoRow(id, person);
        if (photo) photoRows.push(photo);
        newContacts.push({ id, connectedOn: person.connectedOn ?? null });
      }
      await insertContacts(tx.db, contactRows);
      await insertChannels(tx.db, channelRows);
      await insertContactTags(tx.db, tagRows);
      await insertPhotos(tx.db, photoRows);
      await insertSources(tx.db, sourceRows);
    }
  });

  // Updated contacts: prior state captured for undo, old values kept in history.
  const history: ContactHistoryTable[] = [];
  const sourceRows: ContactSourceTable[] = [];
  const beforeUpdate = await captureContacts(
    tx,
    ownerId,
    updates.map((u) => u.contactId),
  );
  for (const item of updates) {
    const { contactId, person, current, snapshot } = item;
    const before = beforeUpdate.get(contactId);
    if (!before) throw notFound('contact');
    change('contact', contactId, 'updated', before);
    const patch: Partial<ContactTable> = { updated_at: now };
    const custom = parseJsonRecord(current.row.custom_fields);
    const addresses = parseJsonArray<unknown>(current.row.addresses);
    const dates = parseJsonArray<unknown>(current.row.dates);
    const newChannels: ContactChannelTable[] = [];
    const record = (c: FieldChange) =>
      history.push({
        id: tx.ids.next(),
        owner_id: ownerId,
        contact_id: contactId,
        field: c.field,
        old_value: c.from,
        new_value: c.to,
        source: kind,
        import_id: importId,
        recorded_at: now,
      });
    for (const c of item.changes) {
      if (c.field in COLUMNS) {
        patch[COLUMNS[c.field as keyof typeof COLUMNS]] = c.to as string;
        if (c.from) record(c);
      } else if (c.field === 'organisation') {
        patch.organisation_id = orgOf(c.to)?.id ?? null;
        if (c.from) record(c);
      } else if (c.field === 'emails' || c.field === 'phones' || c.field === 'urls') {
        const k = c.field === 'emails' ? 'email' : c.field === 'phones' ? 'phone' : 'url';
        const position =
          current.channels.filter((x) => x.kind === k).length +
          newChannels.filter((x) => x.kind === k).length;
        const list = k === 'email' ? person.emails : k === 'phone' ? person.phones : person.urls;
        const label = list.find((x) => x.value === c.to)?.label;
        const [row] = buildChannels(
          tx.ids,
          ownerId,
          contactId,
          { [k]: [{ value: c.to as string, label }] },
          [],
          source,
          plan.phoneRegion,
        );
        if (row && !newChannels.some((x) => x.kind === k && x.value_norm === row.value_norm)) {
          newChannels.push({ ...row, position });
        }
      } else if (c.field === 'tags') {
        await insertContactTags(tx.db, [
          { owner_id: ownerId, contact_id: contactId, tag_id: tagIdOf(c.to as string) },
        ]);
      } else if (c.field === 'addresses') {
        // `from`: the stored address of the same place, its blanks now filled.
        const at = c.from === null ? -1 : addresses.findIndex((a) => JSON.stringify(a) === c.from);
        if (at >= 0) addresses[at] = JSON.parse(c.to as string);
        else addresses.push(JSON.parse(c.to as string));
      } else if (c.field === 'dates') {
        dates.push(JSON.parse(c.to as string));
      } else if (c.field.startsWith('customFields.')) {
        custom[c.field.slice('customFields.'.length)] = c.to as string;
        if (c.from) record(c);
      } else if (c.field === 'photo') {
        const photo = photoRow(contactId, person);
        if (photo) await replacePhoto(tx.db, photo);
      }
    }
    // A job ends when the source replaces what was known of it, not when it fills in a title or organisation.
    if (
      (patch.organisation_id !== undefined && current.row.organisation_name) ||
      (patch.title !== undefined && current.row.title)
    ) {
      await insertPositions(
        tx.db,
        [
          {
            id: tx.ids.next(),
            owner_id: ownerId,
            contact_id: contactId,
            organisation_id: current.row.organisation_name ? current.row.organisation_id : null,
            organisation_name: current.row.organisation_name,
            title: current.row.title,
            ended_on: now.slice(0, 10),
            source: kind,
            recorded_at: now,
          },
        ].filter((p) => p.organisation_name || p.title),
      );
    }
    patch.custom_fields = JSON.stringify(custom);
    patch.addresses = JSON.stringify(addresses);
    patch.dates = JSON.stringify(dates);
    await updateContact(tx.db, ownerId, contactId, patch);
    await insertChannels(tx.db, newChannels);
    sourceRows.push(sourceRow(contactId, person, snapshot));
  }
  for (const item of plan.items) {
    if (item.action === 'unchanged' && item.sourceChanged)
      sourceRows.push(sourceRow(item.contactId, item.person, item.snapshot));
  }
  await insertSources(tx.db, sourceRows);
  await insertHistory(tx.db, history);
  // Each updated contact as this import left it: undo then keeps whatever the owner changes after it (ADR 7).
  const updated = changes.filter((c) => c.entity === 'contact' && c.action === 'updated');
  const afterUpdate = await captureContacts(
    tx,
    ownerId,
    updated.map((c) => c.entity_id),
  );
  for (const c of updated) c.after = JSON.stringify(afterUpdate.get(c.entity_id));
  await insertChangeRows(tx.db, changes);
  // New connections (connected in the last days, not years of history) wait in the outreach queue.
  await enqueueNewConnections(tx, ownerId, newContacts, { existing: 'new-contacts' });
  await enqueueNewConnections(
    tx,
    ownerId,
    updates.flatMap((u) => {
      const c = u.changes.find((x) => x.field === 'connectedOn');
      return c ? [{ id: u.contactId, connectedOn: c.to as string }] : [];
    }),
    { existing: 'check', importId },
  );
  // Tags may carry a keep-in-touch cadence; the connected-on date starts the clock.
  await rescheduleRelationships(tx, ownerId, [...taggedNew, ...updates.map((u) => u.contactId)], {});
  await reindexContacts(
    tx,
    ownerId,
    updates.map((u) => u.contactId),
  );
  return plan.index;
}
