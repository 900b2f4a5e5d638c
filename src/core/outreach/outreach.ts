import { createHash } from 'node:crypto';
import {
  AUTO_QUEUE_DAYS,
  DEFAULT_FOLLOW_UP_DAYS,
  type MergeField,
  type OutreachChannel,
  type OutreachItem,
  type OutreachMessage,
  type OutreachState,
  type OutreachTemplate,
  usedFields,
} from '../../contracts/outreach';
import { shiftDay } from '../agenda/local-day';
import type { OutreachItemTable, OutreachMessageTable } from '../db/schema';
import type { ItemRow, TemplateRow } from './outreach.queries';

/** A connection made on or after this day (the account's today minus AUTO_QUEUE_DAYS) enters the queue by itself. */
export function autoQueueSince(today: string): string {
  return shiftDay(today, -AUTO_QUEUE_DAYS);
}

/** A contact entering the queue now: nothing sent, nothing answered yet. */
export function newQueueItem(p: {
  id: string;
  ownerId: string;
  contactId: string;
  reason: 'new-connection' | 'added';
  connectedOn: string | null;
  purposeId: string | null;
  now: string;
}): OutreachItemTable {
  return {
    id: p.id,
    owner_id: p.ownerId,
    contact_id: p.contactId,
    reason: p.reason,
    connected_on: p.connectedOn,
    purpose_id: p.purposeId,
    template_id: null,
    state: 'queued',
    queued_at: p.now,
    sent_at: null,
    replied_at: null,
    reply_interaction_id: null,
    follow_up_on: null,
    followed_up_at: null,
    closed_at: null,
    created_at: p.now,
    updated_at: p.now,
  };
}

/**
 * Whether a connection made on a given day is new enough to wait in the queue without being added. The window is
 * worked out once: an import asks this of every person.
 */
export function newConnectionTest(today: string): (connectedOn: string | null) => boolean {
  const since = autoQueueSince(today);
  const until = shiftDay(today, 1);
  return (connectedOn) => connectedOn !== null && connectedOn >= since && connectedOn <= until;
}

/** Days until the follow-up (after a first message) or the quiet close (after the follow-up). */
export function followUpDaysOf(
  template: { follow_up_days: number | null } | undefined,
  purpose?: { follow_up_days: number | null },
) {
  return template?.follow_up_days ?? purpose?.follow_up_days ?? DEFAULT_FOLLOW_UP_DAYS;
}

export function fingerprintOf(fingerprintText: string): string {
  return createHash('sha256').update(fingerprintText).digest('hex');
}

export function firstWord(s: string | null | undefined): string | null {
  const w = s?.trim().split(/\s+/)[0];
  return w ? w : null;
}

/** The values merge fields take for one contact, written by one account, for one purpose. */
export function mergeValuesOf(
  contact: {
    given_name: string | null;
    family_name: string | null;
    display_name: string;
    organisation_name: string | null;
    title: string | null;
    how_we_met: string | null;
  },
  me: { name: string },
  purposeName: string | null,
): Record<MergeField, string | null> {
  return {
    firstName: contact.given_name ?? firstWord(contact.display_name),
    lastName: contact.family_name,
    name: contact.display_name,
    organisation: contact.organisation_name,
    title: contact.title,
    howWeMet: contact.how_we_met,
    purpose: purposeName,
    myName: me.name || null,
    myFirstName: firstWord(me.name),
  };
}

/** The interaction a message or reply is logged as. */
export function interactionKindOf(channel: string): 'email' | 'message' {
  return channel === 'email' || channel === 'mailto' ? 'email' : 'message';
}

export function toTemplate(row: TemplateRow): OutreachTemplate {
  return {
    id: row.id,
    name: row.name,
    subject: row.subject,
    body: row.body,
    channel: row.channel as OutreachChannel | null,
    followUpDays: row.follow_up_days,
    purpose: row.purpose_id && row.purpose_name ? { id: row.purpose_id, name: row.purpose_name } : null,
    fields: usedFields(`${row.subject ?? ''}\n${row.body}`),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toMessage(row: OutreachMessageTable): OutreachMessage {
  return {
    id: row.id,
    kind: row.kind as OutreachMessage['kind'],
    channel: row.channel as OutreachChannel,
    to: row.to_address,
    subject: row.subject,
    body: row.body,
    status: row.status as OutreachMessage['status'],
    error: row.error,
    attempts: row.attempts,
    sendKey: row.send_key,
    templateId: row.template_id,
    purposeId: row.purpose_id,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}

/** Whether the item waits for a reply, so its follow-up day (or quiet close day) still means something. */
const awaitsReply = (state: string) => state === 'sent' || state === 'followed-up';

export function toItem(
  row: ItemRow,
  today: string,
  last: OutreachMessageTable | undefined,
  writtenOutside: OutreachItem['writtenOutside'] = null,
): OutreachItem {
  // The stored day outlives the wait (a reply, a close, an undone import's reply needs it back): not shown then.
  const followUpOn = awaitsReply(row.state) ? row.follow_up_on : null;
  return {
    id: row.id,
    state: row.state as OutreachState,
    reason: row.reason === 'added' ? 'added' : 'new-connection',
    contact: {
      id: row.contact_id,
      displayName: row.display_name,
      title: row.title,
      organisation: row.organisation_name,
      source: row.contact_source,
    },
    connectedOn: row.connected_on,
    purpose: row.purpose_id && row.purpose_name ? { id: row.purpose_id, name: row.purpose_name } : null,
    queuedAt: row.queued_at,
    sentAt: row.sent_at,
    repliedAt: row.replied_at,
    followUpOn,
    followedUpAt: row.followed_up_at,
    followUpDue: row.state === 'sent' && followUpOn !== null && followUpOn <= today,
    closedAt: row.closed_at,
    lastMessage: last ? toMessage(last) : null,
    writtenOutside: row.state === 'queued' ? writtenOutside : null,
  };
}
