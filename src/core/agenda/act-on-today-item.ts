import type { z } from 'zod';
import { todayActionInput } from '../../contracts/relationships';
import { type Ctx, nowIso, requireActor } from '../context';
import { validationError } from '../errors';
import { validate } from '../validate';
import { accountToday } from './account-today';
import { saveAction } from './agenda.queries';

const KEY = /^[a-z-]+:[\w:.-]{1,200}$/;

/** Marks a Today item done, or snoozes it until a day (it comes back then). */
export async function actOnTodayItem(
  ctx: Ctx,
  key: string,
  input: z.input<typeof todayActionInput>,
): Promise<void> {
  const ownerId = requireActor(ctx);
  const data = validate(todayActionInput, input);
  if (!KEY.test(key)) throw validationError('key', 'is not a Today item key');
  // The account's own day: at 23:00 in Tokyo "tomorrow" is already the UTC day after.
  const today = await accountToday(ctx, ownerId);
  if (data.action === 'snooze' && (!data.until || data.until <= today)) {
    throw validationError('until', 'snooze until a day after today');
  }
  await saveAction(ctx.db, {
    owner_id: ownerId,
    item_key: key,
    action: data.action === 'done' ? 'done' : 'snoozed',
    until: data.action === 'snooze' ? (data.until ?? null) : null,
    created_at: nowIso(ctx),
  });
}
