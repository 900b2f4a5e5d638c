import type { Candidate } from '../agenda/rank-today';
import type { TodaySource } from '../agenda/today-sources';
import { addDays, DAY_MS, OUTCOME_AFTER_DAYS, REMIND_FOR_DAYS } from './introduction';
import { contactForAccount, introducedSince, waitingOnBroker, waitingOnTarget } from './introduction.queries';

// More than any Today list shows; the rest wait their turn.
const PER_KIND = 50;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const daysSince = (iso: string, now: number) => Math.max(0, Math.floor((now - Date.parse(iso)) / DAY_MS));

/**
 * Introductions on the owner's Today list: requests waiting on my decision, as broker or as the person asked
 * (group intro-decide); after an introduction I asked for, thanking the broker (thank-broker) and, a week on,
 * saying how it went (follow-up) — for a month, or until done.
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
  for (const r of await introducedSince(ctx.db, ownerId, addDays(nowIso, -REMIND_FOR_DAYS), PER_KIND)) {
    const days = daysSince(r.target_decided_at ?? nowIso, now.getTime());
    const brokerContact = await contactForAccount(ctx.db, ownerId, r.broker_id);
    out.push({
      key: `thank-broker:${r.id}`,
      kind: 'thank-broker',
      group: 'thank-broker',
      urgency: days,
      title: `Thank ${r.broker_name} for the introduction to ${r.target_name}`,
      reason: days === 0 ? 'introduced today' : `introduced ${plural(days, 'day')} ago`,
      contact: brokerContact ? { id: brokerContact, displayName: r.broker_name } : null,
      action: { kind: 'log-interaction', label: 'Say thank you' },
      dueOn: null,
    });
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
