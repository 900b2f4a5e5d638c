import type { TodayItem } from '../../contracts/relationships';
import { localDay, shiftDay } from '../agenda/local-day';
import type { Ctx } from '../context';
import { cadenceInputs } from '../relationships/relationship.queries';
import { effectiveCadence, toStrengthState } from '../relationships/relationship-state';
import { strengthAt } from '../relationships/strength';
import { datesOnMonthDays, keepInTouchBetween, openPromisesBetween, setAsideItems } from './feed.queries';

/** A dated item of the agenda: what Today will show on `day`. */
export interface UpcomingItem extends Pick<TodayItem, 'key' | 'kind' | 'title' | 'reason' | 'contact'> {
  day: string;
}

// Per kind: enough for two months of any real agenda, few enough to keep a feed small.
const PER_KIND = 300;
const KIND_ORDER: TodayItem['kind'][] = ['promise', 'their-promise', 'birthday', 'keep-in-touch'];

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The owner's dated items after `today` and up to `days` ahead, by day: promises both ways by due date, keeping in
 * touch by its due date, birthdays and other dates. Keys are the ones Today uses for the same item, so an item keeps
 * its identity when it reaches Today; items marked done, or snoozed past their day, are left out.
 */
export async function gatherUpcoming(
  ctx: Ctx,
  ownerId: string,
  today: string,
  days: number,
): Promise<UpcomingItem[]> {
  const until = shiftDay(today, days);
  const now = ctx.clock.now();
  const out: UpcomingItem[] = [];

  for (const p of await openPromisesBetween(ctx.db, ownerId, today, until, PER_KIND)) {
    const contact = { id: p.contact_id, displayName: p.display_name };
    out.push(
      p.direction === 'mine'
        ? {
            key: `promise:${p.id}`,
            kind: 'promise',
            title: `${p.what} — for ${p.display_name}`,
            reason: `you promised it for ${p.due_on}`,
            contact,
            day: p.due_on,
          }
        : {
            key: `their-promise:${p.id}`,
            kind: 'their-promise',
            title: `${p.display_name} promised: ${p.what}`,
            reason: `they promised it for ${p.due_on}`,
            contact,
            day: p.due_on,
          },
    );
  }

  const due = await keepInTouchBetween(ctx.db, ownerId, today, until, PER_KIND);
  const inputs = await cadenceInputs(
    ctx.db,
    ownerId,
    due.map((d) => d.contact_id),
  );
  for (const s of due) {
    const strength = strengthAt(toStrengthState(s), now.getTime(), s.closeness);
    const cadence = effectiveCadence(s, inputs.get(s.contact_id), strength.tier);
    if (cadence.days === null || !s.next_due) continue;
    const zone = inputs.get(s.contact_id)?.timeZone ?? 'UTC';
    const last = s.last_at
      ? `last in touch on ${localDay(new Date(s.last_at), zone)}`
      : 'no contact logged yet';
    out.push({
      key: `keep-in-touch:${s.contact_id}:${s.next_due}`,
      kind: 'keep-in-touch',
      title: `Get in touch with ${s.display_name}`,
      reason: `${last}; you keep in touch every ${plural(cadence.days, 'day')} (${cadence.tag ? `from tag “${cadence.tag.name}”` : strength.tier})`,
      contact: { id: s.contact_id, displayName: s.display_name },
      day: s.next_due,
    });
  }

  // Month-day → the day it next falls on within the window (Feb 29 only in leap years, as on Today).
  const upcomingDays = new Map<string, string>();
  for (let i = 1; i <= days; i++) {
    const d = shiftDay(today, i);
    if (!upcomingDays.has(d.slice(5))) upcomingDays.set(d.slice(5), d);
  }
  for (const c of await datesOnMonthDays(ctx.db, ownerId, [...upcomingDays.keys()], PER_KIND)) {
    const events: { label: string; value: string }[] = [];
    if (c.birthday) events.push({ label: 'birthday', value: c.birthday });
    for (const d of JSON.parse(c.dates) as { value: string; label?: string }[])
      events.push({ label: d.label ?? 'date', value: d.value });
    for (const e of events) {
      const day = upcomingDays.get(e.value.slice(-5));
      if (!day) continue;
      const born = /^\d{4}-/.test(e.value) ? Number(day.slice(0, 4)) - Number(e.value.slice(0, 4)) : null;
      out.push({
        key: `date:${c.id}:${e.label}:${day.slice(0, 4)}`,
        kind: 'birthday',
        title: `${c.display_name}’s ${e.label}`,
        reason:
          e.label === 'birthday' && born !== null && born > 0
            ? `turns ${born}`
            : born !== null && born > 0
              ? `${plural(born, 'year')} since ${e.value}`
              : `${e.label} on ${day}`,
        contact: { id: c.id, displayName: c.display_name },
        day,
      });
    }
  }

  const setAside = await setAsideItems(ctx.db, ownerId, today);
  return out
    .filter((item) => {
      if (!setAside.has(item.key)) return true;
      const until = setAside.get(item.key);
      return typeof until === 'string' && until <= item.day; // snoozed, but back by its day
    })
    .sort(
      (a, b) =>
        (a.day < b.day ? -1 : a.day > b.day ? 1 : 0) ||
        KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
        (a.title < b.title ? -1 : a.title > b.title ? 1 : 0) ||
        (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    );
}
