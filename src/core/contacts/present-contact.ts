import type { Contact, ContactSummary } from '../../contracts/contacts';
import type { Ctx } from '../context';
import { tagNamesByContact } from '../tags/tag.queries';
import {
  extensionOf,
  normaliseLinkedinUrl,
  parseJsonArray,
  parseJsonRecord,
  withoutExtension,
} from './contact';
import {
  type ContactRow,
  type ContactSummaryRow,
  channelsOf,
  historyOf,
  pastPositionsOf,
  photoInfoOf,
  primaryEmails,
} from './contact.queries';

/** The full API view of one contact row: channels, tags, past positions, photo and history, a query each. */
export async function presentContact(ctx: Ctx, row: ContactRow): Promise<Contact> {
  const [channels, tags, positions, photo, history] = await Promise.all([
    channelsOf(ctx.db, row.owner_id, [row.id]),
    tagNamesByContact(ctx.db, row.owner_id, [row.id]),
    pastPositionsOf(ctx.db, row.owner_id, row.id),
    photoInfoOf(ctx.db, row.owner_id, row.id),
    historyOf(ctx.db, row.owner_id, row.id),
  ]);
  const pick = (kind: string) => channels.filter((c) => c.kind === kind);
  const urls = pick('url').map((c) => ({
    value: c.value,
    label: c.label,
    source: c.source,
    kind: normaliseLinkedinUrl(c.value) ? ('linkedin' as const) : ('web' as const),
  }));
  return {
    id: row.id,
    displayName: row.display_name,
    givenName: row.given_name,
    familyName: row.family_name,
    organisation:
      row.organisation_id && row.organisation_name
        ? { id: row.organisation_id, name: row.organisation_name }
        : null,
    title: row.title,
    location: row.location,
    howWeMet: row.how_we_met,
    notes: row.notes,
    emails: pick('email').map((c) => ({ value: c.value, label: c.label, source: c.source })),
    phones: pick('phone').map((c) => ({
      value: c.value,
      label: c.label,
      source: c.source,
      e164: c.value_norm?.startsWith('+') ? withoutExtension(c.value_norm) : null,
      extension: c.value_norm?.startsWith('+') ? extensionOf(c.value_norm) : null,
    })),
    urls,
    linkedinUrl: urls.find((u) => u.kind === 'linkedin')?.value ?? null,
    tags: tags.get(row.id) ?? [],
    customFields: parseJsonRecord(row.custom_fields),
    connectedOn: row.connected_on,
    nickname: row.nickname,
    namePrefix: row.name_prefix,
    nameSuffix: row.name_suffix,
    additionalNames: row.additional_names,
    department: row.department,
    birthday: row.birthday,
    addresses: parseJsonArray(row.addresses),
    dates: parseJsonArray(row.dates),
    photo: photo ? { url: photo.url ?? `/api/v1/contacts/${row.id}/photo`, mime: photo.mime } : null,
    history: history.map((h) => ({
      field: h.field,
      oldValue: h.old_value,
      newValue: h.new_value,
      source: h.source,
      recordedAt: h.recorded_at,
    })),
    source: row.source,
    pastPositions: positions.map((p) => ({
      organisation:
        p.organisation_name || p.live_name
          ? {
              id: p.live_name ? p.organisation_id : null,
              name: (p.live_name ?? p.organisation_name) as string,
            }
          : null,
      title: p.title,
      endedOn: p.ended_on,
      source: p.source,
    })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

/** List views for many rows: tags and primary emails in one query each. */
export async function presentSummaries(
  ctx: Ctx,
  ownerId: string,
  rows: ContactSummaryRow[],
): Promise<ContactSummary[]> {
  const ids = rows.map((r) => r.id);
  const [tags, emails] = await Promise.all([
    tagNamesByContact(ctx.db, ownerId, ids),
    primaryEmails(ctx.db, ownerId, ids),
  ]);
  return rows.map((row) => ({
    id: row.id,
    displayName: row.display_name,
    organisation:
      row.organisation_id && row.organisation_name
        ? { id: row.organisation_id, name: row.organisation_name }
        : null,
    title: row.title,
    location: row.location,
    tags: tags.get(row.id) ?? [],
    connectedOn: row.connected_on,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
    primaryEmail: emails.get(row.id) ?? null,
  }));
}
