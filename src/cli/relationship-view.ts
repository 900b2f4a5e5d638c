import type { z } from 'zod';
import { favourTally } from '../contracts/favour-words';
import type {
  Favour,
  favourBalance,
  Interaction,
  PromiseView,
  promiseStats,
  Relationship,
  TodayItem,
  todayList,
} from '../contracts/relationships';
import { dayOf, relativeDay } from './dates';
import { fields, table } from './output';

/** An argument as a person would type it in a shell: bare when safe, else double-quoted. */
export function shellArg(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `"${s.replace(/(["\\$`])/g, '\\$1')}"`;
}

const CADENCE_SOURCES: Record<Relationship['cadence']['source'], string> = {
  contact: 'set for this person',
  tag: 'from a tag',
  purpose: 'from a purpose',
  tier: 'default for the tier',
  stopped: 'stopped: no reminders',
  none: 'no reminder at this tier',
};

/** "every 90 days (default for the active tier)", "every 30 days (from tag “founder”)", "stopped: no reminders". */
export function cadenceText(c: Relationship['cadence'], tier: Relationship['tier']): string {
  const source =
    c.source === 'tier'
      ? `default for the ${tier} tier`
      : c.source === 'tag' && c.tag
        ? `from tag “${c.tag.name}”`
        : CADENCE_SOURCES[c.source];
  return c.days === null ? source : `every ${c.days} days (${source})`;
}

/** "2027-02-18 (in 90 days)", "2026-11-01 (5 days ago, overdue)", or a dash when nothing is due. */
export function dueText(nextDue: string | null, today: string): string | null {
  if (!nextDue) return null;
  return `${nextDue} (${relativeDay(nextDue, today)}${nextDue < today ? ', overdue' : ''})`;
}

/** "+3 (you have given more)", "−2 (you owe them)", "even". */
export function balanceText(balance: number): string {
  if (balance > 0) return `+${balance} (you have given more)`;
  if (balance < 0) return `${balance} (you owe them)`;
  return 'even';
}

/** Everything `rapport relationship` answers: how strong, why, when next. */
export function relationshipDetails(
  name: string,
  r: Relationship,
  at: { today: string; timeZone: string },
): string {
  const last = r.lastContactAt ? dayOf(r.lastContactAt, at.timeZone) : null;
  const f = r.favours;
  return `${name}\n${fields([
    ['strength', `${r.score} of 100 (${r.tier})`],
    ['why', r.factors.length === 0 ? 'nothing logged yet' : r.factors.map((x) => x.text).join('\n')],
    ['closeness', `${r.closeness} of 5`],
    ['last contact', last ? `${last} (${relativeDay(last, at.today)})` : 'none logged'],
    ['keep in touch', cadenceText(r.cadence, r.tier)],
    // Never in touch, the clock ran from when they connected: due now, not "2018-07-24 (8 years ago, overdue)".
    [
      'next due',
      !r.lastContactAt && r.nextDue && r.nextDue < at.today
        ? 'now (no contact logged since you connected or added them)'
        : dueText(r.nextDue, at.today),
    ],
    [
      'favours',
      f.given === 0 && f.received === 0
        ? 'none recorded'
        : `${favourTally(f)} · balance ${balanceText(f.balance)}`,
    ],
  ])}`;
}

/** One line per person after logging: the new strength and when to be in touch next. */
export function strengthLine(name: string, r: Relationship, today: string): string {
  const due = r.nextDue
    ? `next due ${dueText(r.nextDue, today)}`
    : r.cadence.source === 'stopped'
      ? 'no reminders (stopped)'
      : 'no reminder';
  return `${name}: strength ${r.score} (${r.tier}), ${due}`;
}

const DIRECTIONS: Record<Interaction['direction'], string> = {
  outbound: 'out',
  inbound: 'in',
  mutual: 'both',
};

function oneLine(s: string | null, max = 60): string {
  if (!s) return '';
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function interactionTable(items: Interaction[], timeZone: string): string {
  return table(
    ['ID', 'DATE', 'KIND', 'WAY', 'WITH', 'NOTE'],
    items.map((i) => [
      i.id,
      dayOf(i.occurredAt, timeZone),
      i.answered === false ? `${i.kind} (missed)` : i.kind,
      DIRECTIONS[i.direction],
      i.contacts.map((c) => c.displayName).join(', '),
      oneLine(i.summary),
    ]),
  );
}

export const FAVOUR_SIZE_NAMES = { 1: 'small', 2: 'medium', 3: 'large' } as Record<number, string>;

export function favourTable(items: Favour[]): string {
  return table(
    ['ID', 'DATE', 'PERSON', 'WAY', 'SIZE', 'WHAT'],
    items.map((f) => [
      f.id,
      f.occurredOn,
      f.contact.displayName,
      f.direction === 'given' ? 'I gave' : 'I received',
      FAVOUR_SIZE_NAMES[f.size] ?? f.size,
      oneLine(f.what),
    ]),
  );
}

/** Who I have helped, who helped me, and where I stand with each (those I owe first). */
export function balanceView(b: z.infer<typeof favourBalance>): string {
  if (b.people.length === 0) return 'no favours recorded yet';
  const owe = b.people.filter((p) => p.balance < 0).length;
  return [
    `given ${b.given} · received ${b.received} (weighted by size: small 1, medium 2, large 3)` +
      (owe > 0 ? `; you owe ${owe === 1 ? '1 person' : `${owe} people`}` : ''),
    table(
      ['PERSON', 'GIVEN', 'RECEIVED', 'BALANCE', 'STANDING'],
      b.people.map((p) => [
        p.contact.displayName,
        p.given,
        p.received,
        p.balance > 0 ? `+${p.balance}` : p.balance,
        p.balance < 0 ? 'you owe them' : p.balance > 0 ? 'you helped them more' : 'even',
      ]),
    ),
  ].join('\n\n');
}

function promiseStatus(p: PromiseView): string {
  if (p.overdue) return 'overdue';
  return p.resolvedOn ? `${p.status} ${p.resolvedOn}` : p.status;
}

export function promiseTable(items: PromiseView[]): string {
  return table(
    ['ID', 'DUE', 'PERSON', 'WHOSE', 'STATUS', 'WHAT'],
    items.map((p) => [
      p.id,
      p.dueOn,
      p.contact.displayName,
      p.direction === 'mine' ? 'mine' : 'theirs',
      promiseStatus(p),
      oneLine(p.what),
    ]),
  );
}

/** One promise in a sentence: "you promised Ada Lovelace: send the deck, by 2026-12-01". */
export function promiseSentence(p: PromiseView): string {
  return p.direction === 'mine'
    ? `you promised ${p.contact.displayName}: ${p.what}, by ${p.dueOn}`
    : `${p.contact.displayName} promised you: ${p.what}, by ${p.dueOn}`;
}

function percent(rate: number | null): string {
  return rate === null ? 'no promises of yours fell due' : `${Math.round(rate * 100)}%`;
}

export function promiseStatsView(s: z.infer<typeof promiseStats>): string {
  return fields([
    ['kept on time, last 90 days', percent(s.keptOnTime90Days)],
    ['kept on time, all time', percent(s.keptOnTimeAllTime)],
    ['open', String(s.open)],
    ['overdue', String(s.overdue)],
  ]);
}

/**
 * The CLI command that carries out an item's suggested action, when there is one. It names the person as the
 * owner would type them, or by id when that name would find someone else too (`byId`).
 */
export function todayCommand(item: TodayItem, byId: ReadonlySet<string> = new Set()): string | null {
  const who = item.contact
    ? byId.has(item.contact.id)
      ? item.contact.id
      : shellArg(item.contact.displayName)
    : null;
  const id = item.key.slice(item.key.indexOf(':') + 1);
  switch (item.kind) {
    case 'promise':
    case 'their-promise':
      return `rapport promise kept ${id}`;
    case 'waiting':
    case 'birthday':
      return who && `rapport log ${who} message --out`;
    case 'keep-in-touch':
      return who && `rapport log ${who} <met|called|messaged|…>`;
    case 'favour-owed':
      return who && `rapport favour ${who} gave "<what>"`;
    case 'follow-up':
    case 'new-connection':
      return 'rapport outreach queue';
    case 'purpose-stale':
      return `rapport purpose show ${id.split(':')[0]}`;
    case 'introduction':
      return 'rapport intro list';
    case 'connection-request':
      return `rapport connections accept|decline ${id}`;
    case 'ask':
      return 'rapport ask list';
    case 'thank-broker':
      return who && `rapport log ${who} message --out`;
  }
}

/** Today, numbered: one line per item with its reason and the suggested action (see `todayCommand`). */
export function todayView(list: z.infer<typeof todayList>, byId: ReadonlySet<string> = new Set()): string {
  if (list.items.length === 0) return `Today, ${list.date}: nothing on your list`;
  const width = String(list.items.length).length;
  const lines = list.items.map((item) => {
    const command = todayCommand(item, byId);
    return (
      `${String(item.rank).padStart(width)}. ${item.title} · ${item.reason} → ${item.action.label}` +
      (command ? `: ${command}` : '')
    );
  });
  const more =
    list.more > 0 ? ` (${list.more} more: --limit ${Math.min(50, list.items.length + list.more)})` : '';
  return [
    `Today, ${list.date}${more}`,
    ...lines,
    '',
    'rapport today done <n> · rapport today snooze <n> --until <date>',
  ].join('\n');
}
