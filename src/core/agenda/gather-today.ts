import { INTERACTION_KINDS } from '../../contracts/relationships';
import type { Ctx } from '../context';
import { openPromisesDueBy } from '../promises/promise.queries';
import { findLapsed } from '../relationships/find-lapsed';
import { datesOn, favoursOwed, waitingOnMe } from './agenda.queries';
import { daysBetween, localDay, shiftDay } from './local-day';
import type { Candidate } from './rank-today';
import { TODAY_SOURCES } from './today-sources';

// Enough candidates of each kind to fill any Today list, however long the backlog.
const PER_KIND = 200;
const WAITING_DAYS = 14;
const SOON_DAYS = 3;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Every item that could be on the owner's Today list for `today` (their local day in `timeZone`, which also tells
 * the day a past contact fell on), before ranking.
 */
export async function gatherToday(
  ctx: Ctx,
  ownerId: string,
  today: string,
  hidden: ReadonlySet<string>,
  timeZone = 'UTC',
): Promise<Candidate[]> {
  const out: Candidate[] = [];
  const now = ctx.clock.now();

  for (const p of await openPromisesDueBy(ctx.db, ownerId, shiftDay(today, 2), PER_KIND)) {
    const late = daysBetween(p.due_on, today);
    const contact = { id: p.contact_id, displayName: p.display_name };
    if (p.direction === 'mine') {
      out.push({
        key: `promise:${p.id}`,
        kind: 'promise',
        group: late > 0 ? 'my-promise-overdue' : late === 0 ? 'my-promise-today' : 'my-promise-soon',
        urgency: late,
        title: `${p.what} — for ${p.display_name}`,
        reason:
          late > 0
            ? `overdue: it was due ${plural(late, 'day')} ago`
            : late === 0
              ? 'you promised it for today'
              : late === -1
                ? 'you promised it for tomorrow'
                : `you promised it in ${plural(-late, 'day')}`,
        contact,
        action: { kind: 'mark-kept', label: 'Mark kept' },
        dueOn: p.due_on,
      });
    } else if (late > 0) {
      out.push({
        key: `their-promise:${p.id}`,
        kind: 'their-promise',
        group: 'their-promise-overdue',
        urgency: late,
        title: `${p.display_name} promised: ${p.what}`,
        reason: `it was due ${plural(late, 'day')} ago: a friendly nudge?`,
        contact,
        action: { kind: 'mark-kept', label: 'Mark received' },
        dueOn: p.due_on,
      });
    }
  }

  for (const w of await waitingOnMe(
    ctx.db,
    ownerId,
    new Date(now.getTime() - WAITING_DAYS * 86_400_000).toISOString(),
    PER_KIND,
  )) {
    const at = w.last_at as string;
    const days = Math.max(0, daysBetween(localDay(new Date(at), timeZone), today));
    const when = days === 0 ? 'today' : `${plural(days, 'day')} ago`;
    // No kind: the last contact was a favour they did me (a favour is contact, ADR 8), and it waits on my thanks.
    const favour = w.last_kind === null;
    out.push({
      key: `waiting:${w.contact_id}:${at}`,
      kind: 'waiting',
      group: 'waiting',
      urgency: days,
      title: `${favour ? 'Thank' : 'Reply to'} ${w.display_name}`,
      reason: favour
        ? `they did you a favour ${when}: a word of thanks?`
        : `their ${w.last_kind} ${when} has no answer yet`,
      contact: { id: w.contact_id, displayName: w.display_name },
      action: {
        kind: 'log-interaction',
        label: favour ? 'Log my thanks' : 'Log my reply',
        logAs: replyKind(w.last_kind),
      },
      dueOn: null,
    });
  }

  // The days ahead, worked out once: a rolodex has dozens of birthdays in any four days.
  const soon = Array.from({ length: SOON_DAYS + 1 }, (_, i) => shiftDay(today, i));
  const monthDays = soon.map((d) => d.slice(5));
  for (const c of await datesOn(ctx.db, ownerId, monthDays)) {
    const events: { label: string; md: string }[] = [];
    if (c.birthday) events.push({ label: 'birthday', md: c.birthday.slice(-5) });
    for (const d of JSON.parse(c.dates) as { value: string; label?: string }[])
      events.push({ label: d.label ?? 'date', md: d.value.slice(-5) });
    for (const e of events) {
      const inDays = monthDays.indexOf(e.md);
      if (inDays < 0) continue;
      const day = soon[inDays] as string;
      const year = day.slice(0, 4);
      out.push({
        key: `date:${c.id}:${e.label}:${year}`,
        kind: 'birthday',
        group: inDays === 0 ? 'date-today' : 'date-soon',
        urgency: -inDays,
        title: `${c.display_name}’s ${e.label}`,
        reason: inDays === 0 ? 'today' : `in ${plural(inDays, 'day')}`,
        contact: { id: c.id, displayName: c.display_name },
        action: { kind: 'log-interaction', label: 'Send wishes', logAs: 'message' },
        dueOn: day,
      });
    }
  }

  for (const l of await findLapsed(ctx, ownerId, today, PER_KIND)) {
    const last = l.lastContactAt
      ? `last in touch ${plural(daysBetween(localDay(new Date(l.lastContactAt), timeZone), today), 'day')} ago`
      : 'no contact logged yet';
    out.push({
      key: `keep-in-touch:${l.contactId}:${l.nextDue}`,
      kind: 'keep-in-touch',
      group: 'keep-in-touch',
      urgency: l.urgency,
      title: `Get in touch with ${l.displayName}`,
      // A tag's interval names the tag: someone tagged "LP" (60 days) and "founder" (30) is on founder's.
      reason: `${last}; you keep in touch every ${plural(l.cadenceDays, 'day')} (${l.tag ? `from tag “${l.tag.name}”` : l.tier}): ${overdueBy(l)}`,
      contact: { id: l.contactId, displayName: l.displayName },
      action: { kind: 'log-interaction', label: 'Log a check-in', logAs: checkInKind(l.lastKind) },
      dueOn: l.nextDue,
    });
  }

  for (const f of await favoursOwed(ctx.db, ownerId, 20)) {
    out.push({
      key: `favour-owed:${f.contact_id}:${f.owed}`,
      kind: 'favour-owed',
      group: 'favour-owed',
      urgency: f.owed,
      title: `You owe ${f.display_name} a favour`,
      reason: 'they have helped you more than you have helped them',
      contact: { id: f.contact_id, displayName: f.display_name },
      action: { kind: 'record-favour', label: 'Record a favour' },
      dueOn: null,
    });
  }
  for (const source of TODAY_SOURCES) out.push(...(await source(ctx, ownerId, today, hidden, timeZone)));
  return out;
}

/**
 * How far behind a lapsed contact is, in the terms Today ranks it by (ADR 9): days overdue, and the intervals missed
 * once there is more than one, with how close the tie was when last in touch.
 */
function overdueBy(l: { daysOverdue: number; cadenceDays: number; tie: number }): string {
  const late = l.daysOverdue === 0 ? 'due today' : `${plural(l.daysOverdue, 'day')} overdue`;
  const missed = Math.floor(l.daysOverdue / l.cadenceDays);
  return `${late}${missed >= 2 ? ` (${missed} intervals missed)` : ''}, strength ${Math.round(l.tie)} when last in touch`;
}

/**
 * A check-in goes the way the last contact went (a call, a meeting, an email …): most are a message or a call, not
 * a meeting. With none logged, or after an event (met at a conference) or a favour, a message.
 */
function checkInKind(last: string | null): (typeof INTERACTION_KINDS)[number] {
  const kind = INTERACTION_KINDS.find((k) => k === last);
  return kind && kind !== 'note' && kind !== 'event' ? kind : 'message';
}

/** How to answer what they sent last: in kind, but a note is no message of theirs (and a call is returned). */
function replyKind(last: string | null): (typeof INTERACTION_KINDS)[number] {
  const kind = INTERACTION_KINDS.find((k) => k === last);
  return kind && kind !== 'note' ? kind : 'message';
}
