import { createHmac } from 'node:crypto';
import type {
  Introduction,
  IntroRole,
  IntroState,
  IntroViewState,
  SharedDetails,
  ShareKind,
} from '../../contracts/introductions';
import type { IntroductionTable } from '../db/schema';

/** Each waiting step (the broker, then the person) has this long before the request expires. */
export const INTRO_WAIT_DAYS = 14;
/** Requests a requester may make in any 7 days (offers that answer an ask do not count). */
export const INTRO_WEEKLY_QUOTA = 5;
/** After a decline, no new request about the same person for this long. */
export const INTRO_REPEAT_DAYS = 90;
/** The requester is asked how it went from this many days after the introduction… */
export const OUTCOME_AFTER_DAYS = 7;
/** …and reminded to thank the broker (and report the outcome) for this long. */
export const REMIND_FOR_DAYS = 30;

export const OPEN_STATES: readonly IntroState[] = ['requested', 'awaiting-target'];
export const DAY_MS = 86_400_000;

/** A new request, waiting on the broker for INTRO_WAIT_DAYS: everything after it starts empty. */
export function newIntroductionRow(p: {
  id: string;
  requesterId: string;
  brokerId: string;
  brokerContactId: string;
  targetKey: string;
  targetName: string;
  purposeId: string | null;
  askId: string | null;
  why: string;
  now: string;
}): IntroductionTable {
  return {
    id: p.id,
    requester_id: p.requesterId,
    broker_id: p.brokerId,
    broker_contact_id: p.brokerContactId,
    target_account_id: null,
    target_key: p.targetKey,
    target_name: p.targetName,
    purpose_id: p.purposeId,
    ask_id: p.askId,
    why: p.why,
    state: 'requested',
    broker_note: null,
    broker_message: null,
    target_email: null,
    token_hash: null,
    token_expires_at: null,
    token_used_at: null,
    shared: null,
    requester_contact_id: null,
    expires_at: addDays(p.now, INTRO_WAIT_DAYS),
    broker_decided_at: null,
    target_decided_at: null,
    closed_at: null,
    outcome: null,
    created_at: p.now,
    updated_at: p.now,
    decline_cause: null,
    lapse_told_at: null,
  };
}

export function isOpen(state: string): boolean {
  return (OPEN_STATES as readonly string[]).includes(state);
}

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * DAY_MS).toISOString();
}

/**
 * The opaque identity of the person asked about, for the no-repeat rule: a keyed hash of their LinkedIn profile
 * or e-mail address (so the same person known to two brokers is one target), else of the broker's contact id. It
 * is keyed by the requester, so the column never holds an address and keys cannot be compared across requesters.
 */
export function targetKeyOf(requesterId: string, identity: string): string {
  return createHmac('sha256', `rapport intro target v1:${requesterId}`).update(identity).digest('base64url');
}

/**
 * The requester never learns who declined: the broker's decision and the person's look the same to them.
 */
export function viewState(state: IntroState, role: IntroRole): IntroViewState {
  if (role !== 'requester') return state;
  if (state === 'broker-declined' || state === 'target-declined') return 'declined';
  // One open state until the end: "the broker agreed" followed by "declined" would say the person declined.
  return state === 'awaiting-target' ? 'requested' : state;
}

/** The last four digits of a phone number: enough to recognise it, useless to anyone reading over a shoulder. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return `••• ${digits.slice(-4)}`;
}

export function parseShared(json: string | null): SharedDetails | null {
  if (!json) return null;
  const v = JSON.parse(json) as Partial<SharedDetails>;
  return { email: v.email ?? null, phone: v.phone ?? null, linkedinUrl: v.linkedinUrl ?? null };
}

export interface ShareOption {
  kind: ShareKind;
  /** The value the requester would receive. */
  value: string;
}

export interface PresentExtras {
  names: Map<string, string>;
  purpose?: { id: string; name: string } | null;
  reach?: Introduction['reach'];
  shareOptions?: ShareOption[] | null;
}

/**
 * One introduction as `role` may see it, built field by field: the requester never gets the broker's contact id,
 * private reason, note to the person, whether the broker has agreed yet or which side declined; the person never
 * gets the requester's purpose.
 */
export function presentIntroduction(
  row: IntroductionTable,
  role: IntroRole,
  extras: PresentExtras,
): Introduction {
  const state = row.state as IntroState;
  const introduced = state === 'introduced';
  return {
    id: row.id,
    role,
    state: viewState(state, role),
    why: row.why,
    requester: { accountId: row.requester_id, name: extras.names.get(row.requester_id) ?? 'Someone' },
    broker: { accountId: row.broker_id, name: extras.names.get(row.broker_id) ?? 'Someone' },
    target: {
      name:
        role === 'target' && row.target_account_id
          ? (extras.names.get(row.target_account_id) ?? row.target_name)
          : row.target_name,
      contactId:
        role === 'broker' ? row.broker_contact_id : role === 'requester' ? row.requester_contact_id : null,
    },
    purpose: role === 'requester' ? (extras.purpose ?? null) : null,
    message: role === 'requester' ? null : row.broker_message,
    privateReason: role === 'broker' ? row.broker_note : null,
    reach: role === 'broker' && state === 'requested' ? (extras.reach ?? null) : null,
    shareOptions:
      role === 'target' && state === 'awaiting-target'
        ? (extras.shareOptions ?? []).map((o) => ({
            kind: o.kind,
            value: o.kind === 'phone' ? maskPhone(o.value) : o.value,
          }))
        : null,
    shared: introduced ? parseShared(row.shared) : null,
    outcome: role === 'requester' ? row.outcome : null,
    fromAsk: row.ask_id !== null,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    closedAt: row.closed_at,
  };
}
