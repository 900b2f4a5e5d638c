import type { Candidate } from '../agenda/rank-today';
import type { TodaySource } from '../agenda/today-sources';
import { findPair } from '../network/connection.queries';
import { addDays, DAY_MS, OUTCOME_AFTER_DAYS, REMIND_FOR_DAYS } from './introduction';
import {
  contactForAccount,
  introducedSince,
  reachedOutSince,
  waitingOnBroker,
  waitingOnTarget,
} from './introduction.queries';

// More than any Today list shows; the rest wait their turn.
const PER_KIND = 50;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const daysSince = (iso: string, now: number) => Math.max(0, Math.floor((now - Date.parse(iso)) / DAY_MS));

/**
 * Introductions on the owner's Today list: requests waiting on my decision, as broker or as the person asked
 * (group intro-decide); after an introduction I asked for, thanking the broker (thank-broker: for a month, until
 * done, until I write to them or log reaching out, and only while we are connected) and, a week on, saying how it
 * went (follow-up, until reported).
 */
export const introductionsToday: TodaySource = async (ctx, ownerId) => {
  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  const out: Candidate[] = [];
  for (const r of await waitingOnBroker(ctx.db, ownerId, nowIso, PER_KIND)) {
    out.push({
      key: `intro:${r.id}:broker`,
      kind: 'introduction',
      group: 'intro-decide',
      urgency: daysSince(r.created_at, now.getTime()),
      title: `${r.requester_name} asks you to introduce them to ${r.target_name}`,
      reason: `waiting on you; it expires on ${r.expires_at.slice(0, 10)}`,
      contact: r.contact_id ? { id: r.contact_id, displayName: r.target_name } : null,
      action: { kind: 'decide-introduction', label: 'Accept or decline' },
      dueOn: r.expires_at.slice(0, 10),
    });
  }
  for (const r of await waitingOnTarget(ctx.db, ownerId, nowIso, PER_KIND)) {
    out.push({
      key: `intro:${r.id}:target`,
      kind: 'introduction',
      group: 'intro-decide',
      urgency: daysSince(r.broker_decided_at ?? nowIso, now.getTime()),
      title: `${r.broker_name} would like to introduce you to ${r.requester_name}`,
      reason: `your choice; it expires on ${r.expires_at.slice(0, 10)}`,
      contact: null,
      action: { kind: 'decide-introduction', label: 'Accept or decline' },
      dueOn: r.expires_at.slice(0, 10),
    });
  }
  // Each broker once: still connected (the connection's id) and the contact standing for them.
  const brokers = new Map<string, { connectionId: string | null; contactId: string | null }>();
  for (const r of await introducedSince(ctx.db, ownerId, addDays(nowIso, -REMIND_FOR_DAYS), PER_KIND)) {
    const decidedAt = r.target_decided_at ?? nowIso;
    const days = daysSince(decidedAt, now.getTime());
    let broker = brokers.get(r.broker_id);
    if (!broker) {
      const pair = await findPair(ctx.db, ownerId, r.broker_id);
      broker = {
        connectionId: pair?.status === 'accepted' ? pair.id : null,
        contactId: await contactForAccount(ctx.db, ownerId, r.broker_id),
      };
      brokers.set(r.broker_id, broker);
    }
    // Thanked already (a message, a logged call or note to them since), or no longer connected: nothing to remind.
    const thanked =
      broker.connectionId === null ||
      (await reachedOutSince(
        ctx.db,
        ownerId,
        broker.contactId ? [broker.contactId] : [],
        broker.connectionId,
        decidedAt,
      ));
    if (!thanked) {
      out.push({
        key: `thank-broker:${r.id}`,
        kind: 'thank-broker',
        group: 'thank-broker',
        urgency: days,
        title: `Thank ${r.broker_name} for the introduction to ${r.target_name}`,
        reason: days === 0 ? 'introduced today' : `introduced ${plural(days, 'day')} ago`,
        contact: broker.contactId ? { id: broker.contactId, displayName: r.broker_name } : null,
        action: { kind: 'log-interaction', label: 'Say thank you' },
        dueOn: null,
      });
    }
    if (r.outcome === null && days >= OUTCOME_AFTER_DAYS) {
      out.push({
        key: `intro-outcome:${r.id}`,
        kind: 'introduction',
        group: 'follow-up',
        urgency: days,
        title: `How did the introduction to ${r.target_name} go?`,
        reason: `${r.broker_name} introduced you ${plural(days, 'day')} ago: note the outcome`,
        contact: r.contact_id ? { id: r.contact_id, displayName: r.contact_name ?? r.target_name } : null,
        action: { kind: 'report-outcome', label: 'Report the outcome' },
        dueOn: null,
      });
    }
  }
  return out;
};
