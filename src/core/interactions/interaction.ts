import type { Interaction } from '../../contracts/relationships';
import { settingsOf } from '../agenda/agenda.queries';
import { localDay, zonedInstant } from '../agenda/local-day';
import { toSettings } from '../agenda/settings';
import type { Ctx } from '../context';
import type { InteractionTable } from '../db/schema';
import { validationError } from '../errors';
import { liveContactIds } from './interaction.queries';

// A logged time may run a little ahead of the server's clock (a phone's clock); beyond that it is a mistake.
const FUTURE_TOLERANCE_MS = 5 * 60_000;

export function toInteraction(
  row: InteractionTable,
  contacts: { id: string; displayName: string }[],
): Interaction {
  return {
    id: row.id,
    kind: row.kind,
    occurredAt: row.occurred_at,
    dateOnly: Boolean(row.date_only),
    direction: row.direction,
    answered: row.answered === null ? null : Boolean(row.answered),
    summary: row.summary,
    source: row.source,
    contacts,
    createdAt: row.created_at,
  };
}

// Earlier than this is a mistyped year (0202, 1026), not a meeting: and it would count as a decades-long tie.
const EARLIEST = Date.parse('1950-01-01T00:00:00Z');

/**
 * The time an interaction happened: now by default, never in the future nor before 1950. Throws `validation` on
 * occurredAt.
 */
export function occurredAt(ctx: Ctx, value: string | undefined): string {
  const now = ctx.clock.now().getTime();
  if (value === undefined) return new Date(now).toISOString();
  const t = Date.parse(value);
  if (t > now + FUTURE_TOLERANCE_MS) throw validationError('occurredAt', 'is in the future');
  if (t < EARLIEST) throw validationError('occurredAt', 'is before 1950: check the year');
  return new Date(t).toISOString();
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `occurredAt`, where a day alone (YYYY-MM-DD) is also taken and makes the interaction `dateOnly`: it is stored as
 * midday that day in the account's time zone (so it sorts and counts as before, on that day in the account's zone),
 * or as now when that day is today. Throws `validation` on occurredAt.
 */
export async function occurredWhen(
  ctx: Ctx,
  ownerId: string,
  value: string | undefined,
): Promise<{ at: string; dateOnly: boolean }> {
  if (value === undefined || !DAY.test(value)) return { at: occurredAt(ctx, value), dateOnly: false };
  const now = ctx.clock.now();
  const { timeZone } = toSettings(await settingsOf(ctx.db, ownerId));
  const today = localDay(now, timeZone);
  if (value > today) throw validationError('occurredAt', 'is in the future');
  const at = value === today ? now : zonedInstant(`${value}T12:00:00`, timeZone);
  return { at: occurredAt(ctx, at.toISOString()), dateOnly: true };
}

/** Every id must be one of the owner's live contacts; the first that is not is named. */
export async function requireContacts(ctx: Ctx, ownerId: string, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  const live = await liveContactIds(ctx.db, ownerId, unique);
  const missing = unique.findIndex((id) => !live.has(id));
  if (missing >= 0)
    throw validationError(
      `contactIds.${ids.indexOf(unique[missing] as string)}`,
      'is not one of your contacts',
    );
  return unique;
}
